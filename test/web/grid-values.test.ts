// The builder's grid-field parsing and search criteria (src/web/views/grid-values.ts) in Node, on
// hand-written parameter metadata: what each text becomes and which messages name what.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hyperParameters,
  isGridable,
  NO_CRITERIA,
  parseGridValues,
  searchCriteria,
} from '../../src/web/views/grid-values.ts';
import type { ParamMeta } from '../../src/web/views/param-text.ts';

function meta(name: string, type: string, extra: Partial<ParamMeta> = {}): ParamMeta {
  return {
    name,
    label: name,
    help: '',
    required: false,
    type,
    default_value: null,
    level: 'critical',
    values: null,
    ...extra,
  };
}

const HIDDEN = meta('hidden', 'int[]');
const L1 = meta('l1', 'double');
const ACTIVATION = meta('activation', 'enum', { values: ['Tanh', 'Rectifier'] });

describe('grid values in the builder form', () => {
  it('parses lists with or without brackets and numbers separated by ;', () => {
    assert.deepEqual(parseGridValues(HIDDEN, '[32,32]; [64] ;16 8').values, [[32, 32], [64], [16, 8]]);
    assert.deepEqual(parseGridValues(L1, '0; 1e-4;').values, [0, 0.0001]);
  });

  it('names the parameter and the position of each bad value, and keeps the good ones', () => {
    const r = parseGridValues(HIDDEN, '[4]; [4,x]; [2.5]');
    assert.deepEqual(r.values, [[4]]);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      ["hidden: grid value 2 'x' is not a number", "hidden: grid value 3 '2.5' is not a whole number"],
    );
    assert.ok(r.problems.every((p) => p.field === 'hidden'));
  });

  it('rejects an empty list, a repeated value and unbalanced brackets', () => {
    assert.match(parseGridValues(L1, ' ; ').problems[0].message, /^l1: enter one or more values/);
    assert.match(parseGridValues(L1, '0; 0.0').problems[0].message, /grid value 2 '0.0' is repeated/);
    assert.match(parseGridValues(HIDDEN, '[[4]').problems[0].message, /unbalanced brackets/);
  });

  it('matches enum values in any case, sends the server’s spelling and lists the allowed ones', () => {
    assert.deepEqual(parseGridValues(ACTIVATION, 'tanh; RECTIFIER').values, ['Tanh', 'Rectifier']);
    assert.equal(
      parseGridValues(ACTIVATION, 'Relu').problems[0].message,
      "activation: grid value 1 unknown value 'Relu'. Allowed: Tanh, Rectifier",
    );
  });

  it('uses the server’s gridable flag, else leaves out frames and columns as Flow does', () => {
    assert.equal(isGridable(meta('hidden', 'int[]', { gridable: false })), false);
    assert.equal(isGridable(meta('epochs', 'double')), true);
    assert.equal(isGridable(meta('training_frame', 'Key<Frame>')), false);
    assert.equal(isGridable(meta('response_column', 'VecSpecifier')), false);
    assert.equal(isGridable(meta('ignored_columns', 'string[]')), false);
  });

  it('builds hyper_parameters from the ticked fields only and asks for one when none is ticked', () => {
    const fields = { hidden: { on: true, text: '[4]; [8]' }, l1: { on: false, text: '0; 1' } };
    assert.deepEqual(hyperParameters([HIDDEN, L1], fields), { hyper: { hidden: [[4], [8]] }, problems: [] });
    const none = hyperParameters([HIDDEN, L1], { l1: { on: false, text: '0; 1' } });
    assert.deepEqual(none.hyper, {});
    assert.equal(none.problems[0].field, '');
  });
});

describe('search criteria in the builder form', () => {
  it('sends only the strategy for Cartesian, whatever the limits say', () => {
    assert.deepEqual(searchCriteria({ ...NO_CRITERIA, max_models: 'x' }), {
      criteria: { strategy: 'Cartesian' },
      problems: [],
    });
  });

  it('types the RandomDiscrete limits that are filled in and names each bad one', () => {
    const ok = searchCriteria({
      ...NO_CRITERIA,
      strategy: 'RandomDiscrete',
      max_models: '3',
      seed: '-1',
      stopping_metric: 'MSE',
    });
    assert.deepEqual(ok, {
      criteria: { strategy: 'RandomDiscrete', max_models: 3, seed: -1, stopping_metric: 'MSE' },
      problems: [],
    });
    const bad = searchCriteria({
      ...NO_CRITERIA,
      strategy: 'RandomDiscrete',
      max_models: '2.5',
      max_runtime_secs: '-1',
    });
    assert.deepEqual(bad.problems, [
      { field: 'search_criteria.max_models', message: "max_models: '2.5' is not a whole number" },
      { field: 'search_criteria.max_runtime_secs', message: 'max_runtime_secs: must be >= 0, got -1' },
    ]);
  });
});
