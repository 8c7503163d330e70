// `h2o-ts anomaly`: per-row reconstruction error of a saved autoencoder on a data file, as H2O's
// h2o.anomaly (`Reconstruction.MSE`, or `reconstr_<name>.SE` per feature with --per_feature).
import type { Command } from 'commander';
import { H2OInputError } from '../core/index.ts';
import { loadModel } from '../dl/persist/model-file.ts';
import { exportCsv, frameToCsv } from '../frame/index.ts';
import { importFiles } from '../parse/index.ts';

/** Registers `anomaly` on the program. */
export function registerAnomaly(program: Command): void {
  program
    .command('anomaly')
    .description('reconstruction error of an autoencoder model per row (CSV to --out or stdout)')
    .requiredOption(
      '--model <path>',
      'an autoencoder model file written by `train --autoencoder true --save`',
    )
    .requiredOption('--data <path|url>', 'the data to score')
    .option('--out <csv>', 'where to write the errors')
    .option('--per_feature', 'one squared-error column per expanded input instead of the row mean')
    .action(async (opts: { model: string; data: string; out?: string; per_feature?: boolean }) => {
      const model = loadModel(opts.model);
      if (model.category !== 'AutoEncoder')
        throw new H2OInputError(
          `--model ${opts.model}: model ${model.modelId} is ${model.category}; anomaly needs an autoencoder (trained with --autoencoder true)`,
        );
      const frame = await importFiles(opts.data);
      const errors = model.anomaly(frame, { perFeature: opts.per_feature === true });
      if (opts.out) exportCsv(errors, opts.out);
      else process.stdout.write(frameToCsv(errors));
    });
}
