import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Frame, Vec } from '../../frame/index.ts';
import {
  applyEncoding,
  encodedPredictors,
  leadingEigenvector,
  planEncoding,
} from './categorical-encoding.ts';

// color ∈ {blue, green, red}, one row NA; y numeric.
const frame = new Frame(
  ['color', 'y'],
  [Vec.categorical([0, 1, 2, -1, 2], ['blue', 'green', 'red']), Vec.numeric([5, 1, 3, 0, 3])],
);

describe('categorical_encoding', () => {
  it('leaves one-hot (AUTO) to DataInfo', () => {
    assert.equal(planEncoding('AUTO', frame, ['color'], 'y'), null);
  });

  it('writes Binary codes as the bits of code + 1, NA as NaN', () => {
    const plan = planEncoding('Binary', frame, ['color'], 'y');
    // 3 levels + NA need ceil(log2 4) = 2 bits: blue → 1 = 01, green → 2 = 10, red → 3 = 11.
    assert.deepEqual(encodedPredictors(plan, ['color']), ['color:0', 'color:1']);
    const out = applyEncoding(plan, frame);
    assert.deepEqual(Array.from(out.col('color:0').toFloat64()), [1, 0, 1, Number.NaN, 1]);
    assert.deepEqual(Array.from(out.col('color:1').toFloat64()), [0, 1, 1, Number.NaN, 1]);
  });

  it('ranks levels by mean response with SortByResponse', () => {
    const plan = planEncoding('SortByResponse', frame, ['color'], 'y');
    // Means: blue 5, green 1, red 3 → ranks green 0, red 1, blue 2.
    const out = applyEncoding(plan, frame);
    assert.deepEqual(Array.from(out.col('color').toFloat64()), [2, 0, 1, Number.NaN, 1]);
  });

  it('replays the training plan on a scoring frame with another domain order', () => {
    const plan = planEncoding('LabelEncoder', frame, ['color'], 'y');
    const test = new Frame(['color'], [Vec.categorical([0, 1, 2], ['purple', 'red', 'blue'])]);
    // purple is unseen → NaN; red → 2; blue → 0.
    assert.deepEqual(Array.from(applyEncoding(plan, test).col('color').toFloat64()), [Number.NaN, 2, 0]);
  });

  it('finds the leading eigenvector of the one-hot covariance', () => {
    // p = (0.5, 0.5): covariance [[.25,-.25],[-.25,.25]] has leading eigenvector ±(1,-1)/√2.
    const v = leadingEigenvector([5, 5], 10);
    assert.ok(Math.abs(Math.abs(v[0]) - Math.SQRT1_2) < 1e-9 && Math.abs(v[0] + v[1]) < 1e-9);
  });
});
