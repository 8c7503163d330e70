import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { multinomialMetrics } from './multinomial.ts';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);
const domain = ['a', 'b', 'c'];
// r0: actual a, argmax a (hit@1); r1: actual b, order a,b,c (hit@2);
// r2: actual c, order a,b,c (hit@3); r3: actual c, argmax c (hit@1).
const actual = Int32Array.from([0, 1, 2, 2]);
const probs = Float64Array.from([0.7, 0.2, 0.1, 0.5, 0.3, 0.2, 0.6, 0.3, 0.1, 0.1, 0.2, 0.7]);

describe('multinomialMetrics', () => {
  it('computes MSE, logloss, R², errors and hit ratios by hand', () => {
    const m = multinomialMetrics({ actual, probs, domain });
    assert.equal(m.nobs, 4);
    // p_true = .7 .3 .1 .7 → squared errors .09 + .49 + .81 + .09 = 1.48
    close(m.MSE, 0.37);
    close(m.logloss, -(2 * Math.log(0.7) + Math.log(0.3) + Math.log(0.1)) / 4);
    // class index as y: [0,1,2,2], mean 1.25, E[y²] 2.25 → σ² = 0.6875
    close(m.r2, 1 - 0.37 / 0.6875);
    assert.deepEqual(m.confusion_matrix.counts, [
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 1],
    ]);
    close(m.classification_error, 0.5); // 1 − 2/4
    close(m.mean_per_class_error, (0 + 1 + 0.5) / 3);
    assert.deepEqual(m.hit_ratios, [0.5, 0.75, 1]);
    assert.deepEqual(m.hit_ratio_table.rows, [
      [1, 0.5],
      [2, 0.75],
      [3, 1],
    ]);
  });

  it('keeps H2O quirks with weights: unweighted confusion matrix, top-1 hit adds 1', () => {
    const m = multinomialMetrics({ actual, probs, domain, weights: Float64Array.from([2, 1, 1, 1]) });
    // W = 5; MSE = (2·.09 + .49 + .81 + .09)/5
    close(m.MSE, 1.57 / 5);
    assert.equal(m.confusion_matrix.counts[0][0], 1);
    // hits: rank 1 gets 1 (r0, not 2) + 1 (r3), rank 2 gets 1, rank 3 gets 1 → /5, cumulated in float32
    const f = Math.fround;
    const hr1 = f(f(0.4) + f(0.2));
    assert.deepEqual(m.hit_ratios, [f(0.4), hr1, f(hr1 + f(0.2))]);
  });

  it('limits hit ratios to max_hit_ratio_k and skips NA rows', () => {
    const m = multinomialMetrics({
      actual: Int32Array.from([0, -1, 1]),
      probs: Float64Array.from([0.7, 0.2, 0.1, 0.3, 0.3, 0.4, 0.5, Number.NaN, 0.5]),
      domain,
      max_hit_ratio_k: 2,
    });
    assert.equal(m.nobs, 1);
    assert.deepEqual(m.hit_ratios, [1, 1]);
  });

  it('breaks argmax ties toward the lower index unless labels are given', () => {
    const tie = Float64Array.from([0.4, 0.4, 0.2]);
    const a = multinomialMetrics({ actual: Int32Array.from([1]), probs: tie, domain });
    assert.deepEqual(a.confusion_matrix.counts[1], [1, 0, 0]);
    const b = multinomialMetrics({
      actual: Int32Array.from([1]),
      probs: tie,
      domain,
      labels: Int32Array.from([1]),
    });
    assert.deepEqual(b.confusion_matrix.counts[1], [0, 1, 0]);
    assert.deepEqual(b.hit_ratios, [1, 1, 1]);
  });

  it('rejects a probability matrix of the wrong shape, naming it', () => {
    assert.throws(
      () => multinomialMetrics({ actual, probs: new Float64Array(5), domain }),
      /probs: expected 12 values \(4 rows × 3 classes, row-major\), got 5/,
    );
    assert.throws(
      () => multinomialMetrics({ actual: Int32Array.from([3]), probs: new Float64Array(3), domain }),
      /actual: row 0: class code 3 is outside the domain/,
    );
  });
});
