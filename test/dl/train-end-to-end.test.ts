import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/core/index.ts';
import { H2ODeepLearningEstimator } from '../../src/estimators/index.ts';
import { load } from './helpers.ts';

describe('Deep Learning end to end (reproducible mode)', () => {
  it('classifies iris with training mean per-class error <= 0.06', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const model = await new H2ODeepLearningEstimator({ epochs: 50, seed: 1, reproducible: true }).train({
      y: 'class',
      trainingFrame: iris,
    });
    assert.equal(model.category, 'Multinomial');
    assert.ok(model.metric('mean_per_class_error') <= 0.06, `mpce ${model.metric('mean_per_class_error')}`);
    const pred = model.predict(iris);
    assert.deepEqual(pred.names, ['predict', 'Iris-setosa', 'Iris-versicolor', 'Iris-virginica']);
    // Probabilities of each row sum to 1.
    for (let i = 0; i < 5; i++) {
      const s = pred.col(1).at(i) + pred.col(2).at(i) + pred.col(3).at(i);
      assert.ok(Math.abs(s - 1) < 1e-9);
    }
  });

  it('keeps the fold models of an nfolds run, as cross_validation_models() in h2o-py', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const est = new H2ODeepLearningEstimator({
      epochs: 1,
      seed: 1,
      reproducible: true,
      nfolds: 2,
      hidden: [5],
    });
    const model = await est.train({ y: 'class', trainingFrame: iris });
    assert.deepEqual(
      est.crossValidationModels.map((m) => m.modelId),
      model.output.crossValidation?.foldModelIds,
    );
    assert.equal(est.crossValidationModels.length, 2);
    const plain = new H2ODeepLearningEstimator({ epochs: 1, seed: 1, reproducible: true, hidden: [5] });
    await plain.train({ y: 'class', trainingFrame: iris });
    assert.deepEqual(plain.crossValidationModels, []);
  });

  it('separates prostate CAPSULE with training AUC >= 0.80', async () => {
    const prostate = await load('smalldata/logreg/prostate.csv', ['CAPSULE']);
    const model = await new H2ODeepLearningEstimator({
      epochs: 20,
      seed: 1,
      reproducible: true,
      ignored_columns: ['ID'],
    }).train({ y: 'CAPSULE', trainingFrame: prostate });
    assert.equal(model.category, 'Binomial');
    assert.ok(model.metric('AUC') >= 0.8, `AUC ${model.metric('AUC')}`);
    assert.ok(!model.dataInfo.coefNames.includes('ID'));
  });

  it('fits a regression whose training MSE beats predicting the mean', async () => {
    const prostate = await load('smalldata/logreg/prostate.csv');
    const model = await new H2ODeepLearningEstimator({
      epochs: 10,
      hidden: [20, 20],
      seed: 7,
      reproducible: true,
      ignored_columns: ['ID'],
    }).train({ y: 'VOL', trainingFrame: prostate });
    assert.equal(model.category, 'Regression');
    const vol = prostate.col('VOL');
    let mean = 0;
    for (let i = 0; i < vol.length; i++) mean += vol.at(i) / vol.length;
    let varSum = 0;
    for (let i = 0; i < vol.length; i++) varSum += (vol.at(i) - mean) ** 2 / vol.length;
    assert.ok(model.mse() < varSum, `MSE ${model.mse()} vs variance ${varSum}`);
  });

  it('puts about 80% of iris petal_len at or under its quantile_alpha=0.8 prediction', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const model = await new H2ODeepLearningEstimator({
      distribution: 'quantile',
      quantile_alpha: 0.8,
      hidden: [10, 10],
      epochs: 40,
      seed: 3,
      reproducible: true,
    }).train({ y: 'petal_len', x: ['sepal_len', 'sepal_wid', 'petal_wid'], trainingFrame: iris });
    const pred = model.predict(iris).col('predict');
    let under = 0;
    for (let i = 0; i < iris.nRows; i++) if (iris.col('petal_len').at(i) <= pred.at(i)) under++;
    const frac = under / iris.nRows;
    assert.ok(frac > 0.65 && frac < 0.95, `fraction at or under: ${frac}`);
  });

  it('gives identical metrics for two reproducible runs with the same seed', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const run = async () =>
      (
        await new H2ODeepLearningEstimator({ epochs: 3, hidden: [16], seed: 42, reproducible: true }).train({
          y: 'class',
          trainingFrame: iris,
        })
      ).output.trainingMetrics;
    const a = await run();
    const b = await run();
    assert.equal(JSON.stringify(a), JSON.stringify(b));
  });

  it('trains with categorical_encoding=Binary and scores the raw frame with the same plan', async () => {
    const prostate = await load('smalldata/logreg/prostate.csv', ['CAPSULE', 'RACE', 'DPROS']);
    const model = await new H2ODeepLearningEstimator({
      epochs: 2,
      hidden: [8],
      seed: 5,
      reproducible: true,
      categorical_encoding: 'Binary',
      ignored_columns: ['ID'],
    }).train({ y: 'CAPSULE', trainingFrame: prostate });
    // RACE has 3 levels (0,1,2) → 2 bits; DPROS 4 levels → 3 bits; no one-hot blocks remain.
    assert.ok(model.dataInfo.coefNames.includes('RACE:1') && model.dataInfo.coefNames.includes('DPROS:2'));
    assert.equal(model.dataInfo.catNames.length, 0);
    assert.equal(model.predict(prostate).nRows, prostate.nRows);
  });

  it('computes variable importances for a Maxout network', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const model = await new H2ODeepLearningEstimator({
      activation: 'Maxout',
      hidden: [6, 5],
      epochs: 2,
      seed: 2,
      reproducible: true,
    }).train({ y: 'class', trainingFrame: iris });
    const vi = model.output.variableImportances!;
    assert.equal(vi.length, 4);
    assert.equal(vi[0].scaled_importance, 1);
  });

  it('cross-validates through the estimator when nfolds is set', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const model = await new H2ODeepLearningEstimator({ nfolds: 3, hidden: [8], epochs: 2, seed: 9 }).train({
      y: 'class',
      trainingFrame: iris,
    });
    assert.equal(model.output.crossValidation?.nFolds, 3);
    assert.equal(typeof model.output.crossValidation?.metrics.logloss, 'number');
  });

  it('trains on the explicit loss: gaussian with loss=Absolute learns as laplace does', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const fit = async (params: Record<string, unknown>) =>
      (
        await new H2ODeepLearningEstimator({
          hidden: [5],
          epochs: 3,
          seed: 4,
          reproducible: true,
          ...params,
        }).train({
          y: 'petal_len',
          trainingFrame: iris,
        })
      )
        .predict(iris)
        .col('predict')
        .toFloat64();
    const absolute = await fit({ distribution: 'gaussian', loss: 'Absolute' });
    assert.deepEqual(absolute, await fit({ distribution: 'laplace' }));
    assert.notDeepEqual(absolute, await fit({ distribution: 'gaussian' }));
  });

  it('trains on mini-batches when mini_batch_size > 1 and refuses it with dropout', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    const model = await new H2ODeepLearningEstimator({
      mini_batch_size: 8,
      hidden: [16],
      epochs: 20,
      seed: 1,
      reproducible: true,
    }).train({
      y: 'class',
      trainingFrame: iris,
    });
    assert.equal(model.effective.mini_batch_size, 8);
    assert.ok(
      model.metric('logloss') < 1.0986,
      `logloss ${model.metric('logloss')} should beat the uniform guess ln 3`,
    );
    await assert.rejects(
      new H2ODeepLearningEstimator({ mini_batch_size: 8, activation: 'RectifierWithDropout' }).train({
        y: 'class',
        trainingFrame: iris,
      }),
      (e: unknown) => e instanceof ValidationError && /mini_batch_size/.test(e.message),
    );
  });

  it('rejects activation=Relu naming the parameter and the allowed values', async () => {
    const iris = await load('smalldata/iris/iris_wheader.csv');
    await assert.rejects(
      new H2ODeepLearningEstimator({ activation: 'Relu' }).train({ y: 'class', trainingFrame: iris }),
      (e: unknown) =>
        e instanceof ValidationError && /activation/.test(e.message) && /Rectifier/.test(e.message),
    );
  });
});
