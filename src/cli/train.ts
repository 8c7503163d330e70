// `h2o-ts train`: import frames, convert --factors, train a Deep Learning model with every H2O
// parameter accepted as `--<name> value`, print metrics (or JSON), optionally save and predict.
import type { Command } from 'commander';
import { H2OInputError } from '../core/index.ts';
import { trainDeepLearning } from '../dl/index.ts';
import { loadModel, saveModel } from '../dl/persist/model-file.ts';
import { asfactor, exportCsv, type Frame } from '../frame/index.ts';
import { trainWithCrossValidation, wantsCrossValidation } from '../grid/index.ts';
import { importFiles } from '../parse/index.ts';
import { modelJson, printModelSummary } from './model-report.ts';
import { progressReporter } from './progress.ts';

/** The command's own options; every other `--name value` is a model parameter. */
const OWN = new Set([
  'train',
  'valid',
  'y',
  'x',
  'factors',
  'save',
  'force',
  'json',
  'predict',
  'out',
  'url',
  // Model files (H2O takes model keys here).
  'checkpoint',
  'pretrained_autoencoder',
]);
const FLAGS = new Set(['json', 'force']);

/** Splits raw arguments into the command's options and H2O parameters (strings, coerced later). */
export function splitTrainArgs(args: readonly string[]): {
  own: Record<string, string | boolean>;
  params: Record<string, string>;
} {
  const own: Record<string, string | boolean> = {};
  const params: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--'))
      throw new H2OInputError(`unexpected argument '${a}': options are written --name value`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (FLAGS.has(name) && eq < 0) {
      own[name] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new H2OInputError(`option --${name} needs a value`);
    if (OWN.has(name)) own[name] = value;
    else params[name] = value;
  }
  return { own, params };
}

/** Converts the named columns to categoricals, as h2o's asfactor; `lenient` skips absent columns. */
export function applyFactors(frame: Frame, factors: string | undefined, lenient = false): Frame {
  if (!factors) return frame;
  let f = frame;
  for (const name of factors
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (lenient && !f.has(name)) continue;
    f = f.withColumn(name, asfactor(f.col(name)));
  }
  return f;
}

/** Registers `train` on the program. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'train a Deep Learning model: --train FILE [--valid FILE] --y COL [--x COLS] [--factors COLS] ' +
        '[--<parameter> VALUE ...] [--save PATH [--force]] [--predict FILE --out CSV] [--json] [--url URL]',
    )
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .helpOption(false)
    .argument('[args...]')
    .action(async (args: string[]) => {
      const { own, params } = splitTrainArgs(args);
      if (typeof own.train !== 'string') throw new H2OInputError('--train FILE is required');
      // --url: train on a running server (paths are the server's); see remote.ts.
      if (typeof own.url === 'string') return (await import('./remote.ts')).trainRemote(own.url, own, params);
      const factors = typeof own.factors === 'string' ? own.factors : undefined;
      const trainingFrame = applyFactors(await importFiles(own.train), factors);
      const validationFrame =
        typeof own.valid === 'string' ? applyFactors(await importFiles(own.valid), factors) : null;
      const x = typeof own.x === 'string' ? own.x.split(',').map((s) => s.trim()) : undefined;
      const progress = own.json ? null : progressReporter();
      // --checkpoint / --pretrained_autoencoder name model files; --nfolds or --fold_column cross-validates.
      const fromFile = (v: unknown) => (typeof v === 'string' ? loadModel(v) : undefined);
      const request = {
        params,
        trainingFrame,
        validationFrame,
        x,
        y: typeof own.y === 'string' ? own.y : undefined,
      };
      const trainOpts = {
        onProgress: progress?.update,
        checkpoint: fromFile(own.checkpoint),
        pretrainedAutoencoder: fromFile(own.pretrained_autoencoder),
      };
      const model = wantsCrossValidation(params)
        ? (await trainWithCrossValidation(request, trainOpts)).model
        : await trainDeepLearning(request, trainOpts);
      progress?.stop();
      if (typeof own.save === 'string') {
        const path = saveModel(model, own.save, { force: own.force === true });
        if (!own.json) process.stdout.write(`model saved to ${path}\n`);
      }
      if (typeof own.predict === 'string') {
        if (typeof own.out !== 'string') throw new H2OInputError('--predict needs --out CSV');
        const data = applyFactors(await importFiles(own.predict), factors, true);
        exportCsv(model.predict(data), own.out);
      }
      const cv = model.output.crossValidation;
      if (own.json) {
        const json = cv ? { ...modelJson(model), cross_validation: cv } : modelJson(model);
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        printModelSummary(model);
        if (cv) {
          const shown = cv.summary.filter((s) =>
            ['MSE', 'RMSE', 'logloss', 'AUC', 'mean_per_class_error', 'r2'].includes(s.metric),
          );
          const line = shown.map(
            (s) =>
              `${s.metric}=${(cv.metrics[s.metric] as number).toFixed(5)} (folds ${s.mean.toFixed(5)} ± ${s.sd.toFixed(5)})`,
          );
          process.stdout.write(`  cross-validation, ${cv.foldSource}: ${line.join('  ')}\n`);
        }
      }
    });
}
