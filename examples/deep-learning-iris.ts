// Example: the booklet's workflow on iris — import, split, train a Deep Learning classifier with a
// validation frame, look at its metrics, scoring history and variable importances, predict.
// Run: node --import tsx examples/deep-learning-iris.ts   (H2O_EXAMPLE_EPOCHS=1 for a quick run)
import { H2ODeepLearningEstimator } from '../src/estimators/index.ts';
import { splitFrame } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 50);
const iris = await importFiles(
  new URL('../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname,
);
const [train, valid] = splitFrame(iris, [0.8], 1234);

const estimator = new H2ODeepLearningEstimator({ hidden: [32, 32], epochs, seed: 1, reproducible: true });
const model = await estimator.train({
  x: ['sepal_len', 'sepal_wid', 'petal_len', 'petal_wid'],
  y: 'class',
  trainingFrame: train,
  validationFrame: valid,
});

console.log(`${model.modelId}: ${model.category}, ${model.output.epochCounter.toFixed(1)} epochs`);
console.log(
  `training logloss ${model.metric('logloss').toFixed(4)}, validation logloss ${model.metric('logloss', { valid: true }).toFixed(4)}`,
);
console.log(
  `validation mean per-class error ${model.metric('mean_per_class_error', { valid: true }).toFixed(4)}`,
);
console.log(`scoring history: ${model.scoringHistory().length} events`);
for (const v of model.output.variableImportances!.slice(0, 4)) {
  console.log(`  ${v.variable}: scaled importance ${v.scaled_importance.toFixed(3)}`);
}
const predictions = model.predict(valid);
console.log(`predictions: ${predictions.names.join(', ')}; first row ${predictions.col('predict').label(0)}`);
