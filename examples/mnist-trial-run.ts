// Example: the booklet's MNIST trial run (section 6.2) — RectifierWithDropout, hidden 32,32,32,
// input dropout 0.2, sparse, l1 1e-5, with the test set as validation frame.
// Run: node --import tsx examples/mnist-trial-run.ts   (H2O_EXAMPLE_EPOCHS=0.05 for a quick run)
import { H2ODeepLearningEstimator } from '../src/estimators/index.ts';
import { asfactor } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 10);
const mnist = (name: string) => new URL(`../../shared/data/mnist/${name}`, import.meta.url).pathname;
let train = await importFiles(mnist('train.csv.gz'));
let test = await importFiles(mnist('test.csv.gz'));
// The label is the last column, C785; make it categorical for classification, as asfactor().
train = train.withColumn('C785', asfactor(train.col('C785')));
test = test.withColumn('C785', asfactor(test.col('C785')));

const model = await new H2ODeepLearningEstimator({
  distribution: 'multinomial',
  activation: 'RectifierWithDropout',
  hidden: [32, 32, 32],
  input_dropout_ratio: 0.2,
  sparse: true,
  l1: 1e-5,
  epochs,
}).train({ y: 'C785', trainingFrame: train, validationFrame: test });

console.log(`test classification error: ${model.metric('classification_error', { valid: true }).toFixed(4)}`);
const hits = model.modelPerformance({ valid: true })?.hit_ratios as number[] | undefined;
if (hits)
  console.log(
    `top-1..3 hit ratios: ${hits
      .slice(0, 3)
      .map((h) => h.toFixed(4))
      .join(', ')}`,
  );
