import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFiles } from '../parse/index.ts';
import { gridSearch } from './grid-search.ts';

const IRIS = new URL('../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const iris = await importFiles(IRIS);
const fixed = { epochs: 1, seed: 1 };

describe('gridSearch', () => {
  it('trains every combination (hidden as a list of lists) and sorts by logloss, best first', async () => {
    const grid = await gridSearch({
      params: fixed,
      hyper_params: { hidden: [[4, 4], [6]], l1: [0, 1e-3] },
      trainingFrame: iris,
      y: 'class',
    });
    assert.equal(grid.models.length, 4);
    assert.equal(grid.sortBy, 'logloss');
    const values = grid.models.map((m) => m.metric);
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    for (const m of grid.models) {
      assert.deepEqual(m.model.params.hidden, m.hyperParams.hidden);
      assert.equal(m.metric, m.model.output.trainingMetrics!.logloss);
    }
  });

  it('records a failing combination with its error and goes on', async () => {
    const grid = await gridSearch({
      params: fixed,
      hyper_params: { activation: ['Tanh', 'Relu', 'Rectifier'] },
      trainingFrame: iris,
      y: 'class',
    });
    assert.equal(grid.models.length, 2);
    assert.equal(grid.failures.length, 1);
    assert.deepEqual(grid.failures[0].hyperParams, { activation: 'Relu' });
    assert.match(grid.failures[0].error, /activation: unknown value 'Relu'/);
    assert.equal(grid.failures[0].field, 'activation');
  });

  it('stops at max_models and resumes without retraining what it has', async () => {
    const hyper = { hidden: [[3], [4], [5]] };
    const first = await gridSearch({
      params: fixed,
      hyper_params: hyper,
      search_criteria: { strategy: 'RandomDiscrete', max_models: 2, seed: 9 },
      trainingFrame: iris,
      y: 'class',
    });
    assert.equal(first.models.length, 2);
    assert.equal(first.stopReason, 'max_models');
    const ids = new Set(first.models.map((m) => m.modelId));
    const resumed = await gridSearch({
      params: fixed,
      hyper_params: hyper,
      search_criteria: { strategy: 'RandomDiscrete', seed: 9 },
      trainingFrame: iris,
      y: 'class',
      resume: first,
    });
    assert.equal(resumed.models.length, 3);
    assert.equal(resumed.gridId, first.gridId);
    assert.equal(
      resumed.models.filter((m) => ids.has(m.modelId)).length,
      2,
      'the two earlier models are kept, not retrained',
    );
    assert.deepEqual(resumed.models.map((m) => (m.hyperParams.hidden as number[])[0]).sort(), [3, 4, 5]);
  });

  it('sorts by a metric where more is better in decreasing order, and rejects an unknown metric', async () => {
    const grid = await gridSearch({
      params: fixed,
      hyper_params: { hidden: [[3], [5]] },
      trainingFrame: iris,
      y: 'sepal_len',
      sort_by: 'r2',
    });
    assert.equal(grid.decreasing, true);
    assert.ok(grid.models[0].metric >= grid.models[1].metric);
    await assert.rejects(
      gridSearch({
        params: fixed,
        hyper_params: { hidden: [[3]] },
        trainingFrame: iris,
        y: 'sepal_len',
        sort_by: 'auc',
      }),
      /sort_by: unknown metric 'auc' for Regression models. Allowed: .*MSE/,
    );
  });

  it('stops a RandomDiscrete grid early when the best model stops improving', async () => {
    // stopping_rounds=1: after two models the history of best-so-far logloss is [NaN, b1, b2] and
    // the rule compares b2 with b1; with tolerance 10, b2/b1 >= 1 - 10 always holds, so it stops.
    const grid = await gridSearch({
      params: fixed,
      hyper_params: { hidden: [[2], [3], [4], [5], [6]] },
      search_criteria: { strategy: 'RandomDiscrete', seed: 2, stopping_rounds: 1, stopping_tolerance: 10 },
      trainingFrame: iris,
      y: 'class',
    });
    assert.equal(grid.models.length, 2);
    assert.equal(grid.stopReason, 'stopping_rounds');
  });
});
