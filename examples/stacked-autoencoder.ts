// Example: the booklet's stacked autoencoder recipe (§7.2.1) and unsupervised pretraining with
// supervised fine-tuning (§7.2.2) — autoencoders trained layer by layer on each other's deep
// features, then a classifier initialised from a pretrained autoencoder.
// Run: node --import tsx examples/stacked-autoencoder.ts   (H2O_EXAMPLE_EPOCHS=2 for a quick run)
import { type DeepLearningModel, trainDeepLearning } from '../src/dl/index.ts';
import { type Frame, splitFrame } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 50);
const iris = await importFiles(
  new URL('../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname,
);
const [train, valid] = splitFrame(iris, [0.8], 42);
const predictors = ['sepal_len', 'sepal_wid', 'petal_len', 'petal_wid'];

// Layer by layer: each autoencoder learns to reconstruct the previous layer's features.
const layers = [8, 4];
let features: Frame = train.select(predictors);
const stack: DeepLearningModel[] = [];
for (const [k, size] of layers.entries()) {
  const ae = await trainDeepLearning({
    params: { autoencoder: true, activation: 'Tanh', hidden: [size], epochs, seed: 7 + k },
    trainingFrame: features,
  });
  stack.push(ae);
  console.log(`autoencoder layer ${k + 1} (${size} units): reconstruction MSE ${ae.mse().toExponential(3)}`);
  features = ae.deepfeatures(features, 0);
}
console.log(`stacked features: ${features.names.join(', ')}`);

// A classifier on the top-layer features (h2o.deepfeatures applied through the whole stack).
const top = (f: Frame) => stack.reduce((x, ae) => ae.deepfeatures(x, 0), f.select(predictors));
const onFeatures = await trainDeepLearning({
  params: { hidden: [8], epochs, seed: 3 },
  trainingFrame: top(train).withColumn('class', train.col('class')),
  validationFrame: top(valid).withColumn('class', valid.col('class')),
  y: 'class',
});
console.log(
  `classifier on stacked features: validation logloss ${onFeatures.metric('logloss', { valid: true }).toFixed(4)}`,
);

// Unsupervised pretraining, supervised fine-tuning: same hidden layers, weights from the autoencoder.
const pretrained = await trainDeepLearning({
  params: { autoencoder: true, activation: 'Tanh', hidden: [8, 4], epochs, seed: 5 },
  trainingFrame: train.select(predictors),
});
const fineTuned = await trainDeepLearning(
  {
    params: { activation: 'Tanh', hidden: [8, 4], epochs, seed: 5 },
    trainingFrame: train,
    validationFrame: valid,
    x: predictors,
    y: 'class',
  },
  { pretrainedAutoencoder: pretrained },
);
console.log(
  `fine-tuned from a pretrained autoencoder: validation logloss ${fineTuned.metric('logloss', { valid: true }).toFixed(4)}`,
);
