import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFiles } from '../parse/index.ts';
import { trainWithCrossValidation } from './cross-validation.ts';

const IRIS = new URL('../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const iris = await importFiles(IRIS);

describe('trainWithCrossValidation', () => {
  it('reports regression CV metrics equal to the MSE of the pooled holdout predictions', async () => {
    const r = await trainWithCrossValidation({
      params: {
        hidden: [5],
        epochs: 2,
        seed: 11,
        nfolds: 3,
        fold_assignment: 'Modulo',
        keep_cross_validation_predictions: true,
        stopping_rounds: 0,
      },
      trainingFrame: iris,
      y: 'sepal_len',
    });
    assert.equal(r.foldModels.length, 3);
    const pred = r.holdoutPredictions!.col('predict');
    const y = iris.col('sepal_len');
    // Naive reference: mean over all 150 rows of (holdout prediction − actual)², with the actual
    // rounded to float32 as H2O's metrics (and src/metrics) store it.
    let sse = 0;
    for (let i = 0; i < iris.nRows; i++) sse += (pred.at(i) - Math.fround(y.at(i))) ** 2;
    const cv = r.model.output.crossValidation!;
    assert.ok(Math.abs(cv.metrics.MSE - sse / iris.nRows) < 1e-9, `${cv.metrics.MSE} vs ${sse / iris.nRows}`);
    assert.match(cv.metrics.description, /combined holdout predictions/);
    // Each row's holdout prediction comes from the model that never saw it: fold r mod 3.
    const row4 = iris.rows([4]);
    assert.equal(r.foldModels[4 % 3].predict(row4).col('predict').at(0), pred.at(4));
    const mse = cv.summary.find((s) => s.metric === 'MSE')!;
    assert.equal(mse.folds.length, 3);
    const mean = mse.folds.reduce((s, v) => s + v, 0) / 3;
    assert.ok(Math.abs(mse.mean - mean) < 1e-12);
  });

  it('reports multinomial CV logloss of the pooled holdout probabilities', async () => {
    const r = await trainWithCrossValidation({
      params: {
        hidden: [4],
        epochs: 2,
        seed: 3,
        nfolds: 3,
        keep_cross_validation_predictions: true,
        keep_cross_validation_fold_assignment: true,
      },
      trainingFrame: iris,
      y: 'class',
    });
    const p = r.holdoutPredictions!;
    const cls = iris.col('class');
    // Naive reference: −mean log p(actual class); probability columns follow 'predict'.
    let sum = 0;
    for (let i = 0; i < iris.nRows; i++) sum -= Math.log(p.col(cls.label(i)!).at(i));
    const cv = r.model.output.crossValidation!;
    assert.ok(Math.abs((cv.metrics.logloss as number) - sum / iris.nRows) < 1e-9);
    assert.equal(cv.foldAssignment?.length, 150);
  });

  it('trains the main model for the fold models’ mean epochs when early stopping is on', async () => {
    const r = await trainWithCrossValidation({
      params: {
        hidden: [3],
        epochs: 3,
        seed: 5,
        nfolds: 2,
        stopping_rounds: 2,
        score_interval: 0,
        score_duty_cycle: 1,
      },
      trainingFrame: iris,
      y: 'class',
    });
    const mean = r.foldModels.reduce((s, m) => s + m.output.epochCounter, 0) / 2;
    assert.equal(r.model.params.epochs, mean);
    assert.equal(r.model.params.stopping_rounds, 0);
    assert.ok(r.model.output.warnings.some((w) => w.startsWith('Setting optimal _epochs to')));
  });

  it('refuses cross-validation for autoencoders', async () => {
    await assert.rejects(
      trainWithCrossValidation({ params: { autoencoder: true, nfolds: 2 }, trainingFrame: iris }),
      /nfolds: cross-validation is not supported for autoencoders/,
    );
  });
});
