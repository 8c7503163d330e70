import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHyperParams, combinationAt, resolveCriteria, spaceSize, walkOrder } from './hyper-space.ts';

describe('hyper-parameter space', () => {
  const hyper = { hidden: [[32, 32], [100]], l1: [0, 1e-4, 1e-3] };

  it('enumerates the Cartesian product, last parameter fastest', () => {
    assert.equal(spaceSize(hyper), 6);
    const all = Array.from(walkOrder(hyper, resolveCriteria({}), 1), (i) => combinationAt(hyper, i));
    assert.deepEqual(all, [
      { hidden: [32, 32], l1: 0 },
      { hidden: [32, 32], l1: 1e-4 },
      { hidden: [32, 32], l1: 1e-3 },
      { hidden: [100], l1: 0 },
      { hidden: [100], l1: 1e-4 },
      { hidden: [100], l1: 1e-3 },
    ]);
  });

  it('walks RandomDiscrete as a seeded permutation without repeats', () => {
    const c = resolveCriteria({ strategy: 'RandomDiscrete', seed: 5 });
    const a = Array.from(walkOrder(hyper, c, 5));
    assert.deepEqual([...a].sort(), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(Array.from(walkOrder(hyper, c, 5)), a);
  });

  it('fills H2O defaults for search_criteria', () => {
    const c = resolveCriteria({});
    assert.equal(c.strategy, 'Cartesian');
    assert.equal(c.max_models, 0);
    assert.equal(c.stopping_tolerance, 0.001);
  });

  it('rejects bad criteria and hyper_params naming the field and the value', () => {
    assert.throws(
      () => resolveCriteria({ strategy: 'Random' }),
      /search_criteria.strategy: unknown value 'Random'. Allowed: Cartesian, RandomDiscrete/,
    );
    assert.throws(
      () => resolveCriteria({ max_models: -2 }),
      /search_criteria.max_models: got -2; allowed: an integer >= 0/,
    );
    assert.throws(() => resolveCriteria({ max_model: 3 }), /search_criteria.max_model: unknown field/);
    assert.throws(
      () => checkHyperParams({ l1: [] }),
      /hyper_params.l1: expected a non-empty list of values, got \[\]/,
    );
    assert.throws(() => checkHyperParams([1, 2]), /hyper_params: expected an object/);
    assert.throws(
      () => checkHyperParams({ hiden: [[1]] }, ['hidden']),
      /hyper_params.hiden: not a Deep Learning parameter/,
    );
  });
});
