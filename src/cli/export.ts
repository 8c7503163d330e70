// `h2o-ts export`: write a saved model as a standalone scorer, an ES module (--format js) or a
// dependency-free Java class (--format pojo), for scoring without h2o-ts.
import type { Command } from 'commander';
import { exportModel } from '../dl/export/index.ts';
import { loadModel } from '../dl/persist/model-file.ts';

/** Registers `export` on the program. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a saved model as a standalone scorer: --format js (ES module) or pojo (Java class)')
    .requiredOption('--model <path>', 'a model file written by `train --save`')
    .requiredOption('--format <js|pojo>', 'js: an ES module exporting score(row); pojo: one Java class')
    .requiredOption('--out <dir>', 'folder to write into (for js, a .mjs file path also works)')
    .option('--class <name>', 'Java class / module name (default: from the model id)')
    .action((opts: { model: string; format: string; out: string; class?: string }) => {
      const model = loadModel(opts.model);
      const file = exportModel(model, { format: opts.format, out: opts.out, className: opts.class });
      process.stdout.write(`${file}\n`);
    });
}
