// MNIST accuracy benchmark (not a test): the booklet's trial run and H2O's default net, trained on
// shared/data/mnist train and scored on test. Prints test error and wall time per configuration.
// Usage: npm run bench:mnist [-- --quick] [-- --only trial|default] [-- --epochs N]; EXTRA='{"reproducible":true}'
// adds parameters to every run.
import { join } from 'node:path';
import { trainDeepLearning } from '../src/dl/index.ts';
import { asfactor } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const epochsArg = args.includes('--epochs') ? Number(args[args.indexOf('--epochs') + 1]) : null;
const dir = join(import.meta.dirname, '..', '..', 'shared', 'data', 'mnist');

const configs = [
  {
    name: 'trial',
    goal: 0.05,
    params: {
      activation: 'RectifierWithDropout',
      hidden: [32, 32, 32],
      input_dropout_ratio: 0.2,
      // As in the booklet's trial run: inputs divided by their sd, not centred (zeros stay zero).
      sparse: true,
      l1: 1e-5,
      epochs: 10,
    },
  },
  { name: 'default', goal: 0.02, params: { activation: 'Rectifier', hidden: [200, 200], epochs: 10 } },
];

const label = (f: Awaited<ReturnType<typeof importFiles>>) => f.withColumn('C785', asfactor(f.col('C785')));
let t = Date.now();
const train = label(await importFiles(join(dir, 'train.csv.gz')));
const test = label(await importFiles(join(dir, 'test.csv.gz')));
console.log(
  `import_s=${((Date.now() - t) / 1000).toFixed(2)} train_rows=${train.nRows} test_rows=${test.nRows}`,
);

for (const c of configs) {
  if (only && c.name !== only) continue;
  const epochs = epochsArg ?? (quick ? 1 : c.params.epochs);
  t = Date.now();
  const model = await trainDeepLearning(
    {
      params: {
        ...c.params,
        epochs,
        seed: 1234,
        stopping_rounds: 0,
        ...JSON.parse(process.env.EXTRA ?? '{}'),
      },
      trainingFrame: train,
      validationFrame: test,
      y: 'C785',
    },
    {
      onProgress: (p) => {
        if (p.event?.validation) {
          const err = p.event.validation.classification_error as number;
          console.log(
            `  ${c.name} epochs=${p.epochs.toFixed(2)} test_error=${err.toFixed(4)} elapsed_s=${((Date.now() - t) / 1000).toFixed(1)}`,
          );
        }
      },
    },
  );
  const seconds = (Date.now() - t) / 1000;
  const err = model.metric('classification_error', { valid: true });
  const rowsPerS = model.output.nSeen / seconds;
  console.log(
    `${c.name}_test_error=${err.toFixed(4)} ${c.name}_goal=${c.goal} ${c.name}_seconds=${seconds.toFixed(1)} ` +
      `${c.name}_epochs=${model.output.epochCounter.toFixed(2)} ${c.name}_rows_per_s=${Math.round(rowsPerS)}`,
  );
}
