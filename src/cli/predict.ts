// `h2o-ts predict`: load a saved model, score a data file, write predictions as CSV (H2O's layout).
import type { Command } from 'commander';
import { loadModel } from '../dl/persist/model-file.ts';
import { asfactor, exportCsv, frameToCsv } from '../frame/index.ts';
import { importFiles } from '../parse/index.ts';

/** Registers `predict` on the program. */
export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('score a data file with a saved model; writes CSV to --out or stdout')
    .requiredOption('--model <path>', 'a model file written by `train --save`')
    .requiredOption('--data <path|url>', 'the data to score')
    .option('--out <csv>', 'where to write the predictions')
    .option('--url <url>', 'score on a running server: --model is a model key, --data a server-side path')
    .action(async (opts: { model: string; data: string; out?: string; url?: string }) => {
      if (opts.url) return (await import('./remote.ts')).predictRemote(opts.url, opts);
      const model = loadModel(opts.model);
      let frame = await importFiles(opts.data);
      // Columns that were categorical in training are read as such here too, as H2O adapts test frames.
      if (
        model.response &&
        model.responseDomain &&
        frame.has(model.response) &&
        frame.col(model.response).type !== 'enum'
      ) {
        frame = frame.withColumn(model.response, asfactor(frame.col(model.response)));
      }
      const predictions = model.predict(frame);
      if (opts.out) exportCsv(predictions, opts.out);
      else process.stdout.write(frameToCsv(predictions));
    });
}
