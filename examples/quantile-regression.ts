// Example: the booklet's quantile regression (quantile_alpha=0.8 on iris petal_len): about 80% of
// the rows should lie at or under their prediction.
// Run: node --import tsx examples/quantile-regression.ts
import { H2ODeepLearningEstimator } from '../src/estimators/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 40);
const iris = await importFiles(
  new URL('../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname,
);
const model = await new H2ODeepLearningEstimator({
  distribution: 'quantile',
  quantile_alpha: 0.8,
  hidden: [10, 10],
  epochs,
  seed: 3,
  reproducible: true,
}).train({ x: ['sepal_len', 'sepal_wid', 'petal_wid'], y: 'petal_len', trainingFrame: iris });

const predicted = model.predict(iris).col('predict');
let under = 0;
for (let i = 0; i < iris.nRows; i++) if (iris.col('petal_len').at(i) <= predicted.at(i)) under++;
console.log(`fraction of rows at or under the 0.8-quantile prediction: ${(under / iris.nRows).toFixed(3)}`);
console.log(`mean residual deviance (quantile loss): ${model.metric('mean_residual_deviance').toFixed(4)}`);
