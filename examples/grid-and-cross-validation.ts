// Example: the model lifecycle around training — 3-fold cross-validation, a grid search over
// hidden layers and l1, saving and loading the best model, continuing it from a checkpoint, and
// exporting it as a standalone ES module that scores rows without h2o-ts.
// Run: node --import tsx examples/grid-and-cross-validation.ts   (H2O_EXAMPLE_EPOCHS=1 for a quick run)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportModel } from '../src/dl/export/index.ts';
import { loadModel, saveModel, trainDeepLearning } from '../src/dl/index.ts';
import { H2ODeepLearningEstimator } from '../src/estimators/index.ts';
import { gridSearch, trainWithCrossValidation } from '../src/grid/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 20);
const iris = await importFiles(
  new URL('../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname,
);
const out = mkdtempSync(join(tmpdir(), 'h2o-ts-example-'));

// Cross-validation: fold models, pooled holdout metrics, and a per-fold summary.
const cv = await trainWithCrossValidation({
  params: { hidden: [16], epochs, seed: 1, nfolds: 3, fold_assignment: 'Stratified' },
  trainingFrame: iris,
  y: 'class',
});
const summary = cv.model.output.crossValidation!;
const err = summary.summary.find((s) => s.metric === 'mean_per_class_error')!;
console.log(
  `${summary.foldSource}: pooled logloss ${(summary.metrics.logloss as number).toFixed(4)}, mean per-class error ${err.mean.toFixed(4)} ± ${err.sd.toFixed(4)} over folds`,
);

// The booklet's estimator API keeps the fold models too (h2o-py's cross_validation_models()).
const estimator = new H2ODeepLearningEstimator({ hidden: [16], epochs, seed: 1, nfolds: 3 });
await estimator.train({ y: 'class', trainingFrame: iris });
console.log(`fold models: ${estimator.crossValidationModels.map((m) => m.modelId).join(', ')}`);

// Grid search: every combination, sorted by logloss; a bad combination would be listed in failures.
const grid = await gridSearch({
  params: { epochs, seed: 1 },
  hyper_params: { hidden: [[16, 16], [32]], l1: [1e-4, 1e-3] },
  trainingFrame: iris,
  y: 'class',
});
for (const m of grid.models)
  console.log(`  ${grid.sortBy}=${m.metric.toFixed(4)}  ${JSON.stringify(m.hyperParams)}`);
const best = grid.models[0];
console.log(
  `grid: ${grid.models.length} models, ${grid.failures.length} failed; best ${JSON.stringify(best.hyperParams)}`,
);

// Save, load (any process), and continue training: epochs count cumulatively.
const file = saveModel(best.model, join(out, 'best'));
const loaded = loadModel(file);
const more = await trainDeepLearning(
  { params: { ...best.hyperParams, epochs: 2 * epochs, seed: 1 }, trainingFrame: iris, y: 'class' },
  { checkpoint: loaded },
);
console.log(
  `checkpoint: ${loaded.output.epochCounter.toFixed(1)} -> ${more.output.epochCounter.toFixed(1)} epochs, ${more.scoringHistory().length} scoring events`,
);

// Export as an ES module and score one row with it.
const js = exportModel(more, { format: 'js', out: join(out, 'model.mjs') });
const scorer = await import(pathToFileURL(js).href);
const row = { sepal_len: 6.3, sepal_wid: 3.3, petal_len: 6.0, petal_wid: 2.5 };
console.log(`exported scorer predicts ${scorer.predict(row).predict} for ${JSON.stringify(row)}`);
