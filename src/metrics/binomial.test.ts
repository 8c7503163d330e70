import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { binomialLabel, binomialMetrics } from './binomial.ts';
import { tableColumn } from './two-dim-table.ts';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);
const domain = ['no', 'yes'];
// Six rows: actual and p1 (probability of 'yes').
const actual = Int32Array.from([1, 0, 1, 1, 0, 0]);
const p1 = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.4, 0.2]);

describe('binomialMetrics', () => {
  const m = binomialMetrics({ actual, p1, domain });

  it('computes MSE, logloss and R² from the probability of the true class', () => {
    assert.equal(m.nobs, 6);
    // p_true = .9 .2 .7 .6 .6 .8 → errors .1 .8 .3 .4 .4 .2 → squares sum 0.01+0.64+0.09+0.16+0.16+0.04 = 1.10
    close(m.MSE, 1.1 / 6);
    close(m.RMSE, Math.sqrt(1.1 / 6));
    // −(ln .9 + ln .2 + ln .7 + 2 ln .6 + ln .8)/6
    const ll = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + 2 * Math.log(0.6) + Math.log(0.8)) / 6;
    close(m.logloss, ll);
    // y mean 0.5 → σ² = 0.25 → R² = 1 − (1.1/6)/0.25
    close(m.r2, 1 - 1.1 / 6 / 0.25);
    close(m.AUC, 7 / 9);
    close(m.Gini, 5 / 9);
  });

  it('picks the max-F1 threshold and builds the confusion matrix there', () => {
    // F1 = 2TP/(2TP+FP+FN) per threshold: .9 → 2/4, .8 → 2/5, .7 → 4/6, .6 → 6/7, .4 → 6/8, .2 → 6/9
    assert.equal(m.max_f1_threshold, 0.6);
    // At 0.6: TP 3, FP 1 (the 0.8 negative), FN 0, TN 2.
    assert.deepEqual(m.confusion_matrix?.counts, [
      [2, 1],
      [0, 3],
    ]);
    close(m.classification_error, 1 / 6);
    // per-class errors: no 1/3, yes 0 → mean 1/6
    close(m.mean_per_class_error, 1 / 6);
  });

  it('labels 1 iff p1 ≥ threshold, reproducing the confusion matrix', () => {
    const counts = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < actual.length; i++) counts[actual[i]][binomialLabel(p1[i], m.max_f1_threshold)]++;
    assert.deepEqual(counts, m.confusion_matrix?.counts);
    assert.equal(binomialLabel(0.6, 0.6), 1); // equality predicts the positive class
  });

  it('reports one threshold row per bin, descending, with H2O column names', () => {
    const t = m.thresholds_and_metric_scores;
    assert.deepEqual(
      t.columns.map((c) => c.name),
      [
        'threshold',
        'f1',
        'f2',
        'f0point5',
        'accuracy',
        'precision',
        'recall',
        'specificity',
        'absolute_mcc',
        'min_per_class_accuracy',
        'mean_per_class_accuracy',
        'tns',
        'fns',
        'fps',
        'tps',
        'tnr',
        'fnr',
        'fpr',
        'tpr',
        'idx',
      ],
    );
    assert.deepEqual(tableColumn(t, 'threshold'), [0.9, 0.8, 0.7, 0.6, 0.4, 0.2]);
    assert.deepEqual(tableColumn(t, 'tps'), [1, 1, 2, 3, 3, 3]);
    const row = t.rows[3]; // threshold 0.6: TP 3, FP 1, FN 0, TN 2
    const col = (name: string) => row[t.columns.findIndex((c) => c.name === name)] as number;
    close(col('accuracy'), 5 / 6);
    close(col('precision'), 3 / 4);
    close(col('specificity'), 2 / 3);
    // MCC = (3·2 − 1·0)/sqrt(4·3·3·2) = 6/sqrt(72)
    close(col('absolute_mcc'), 6 / Math.sqrt(72));
    close(col('f2'), (5 * 0.75 * 1) / (4 * 0.75 + 1));
    close(col('min_per_class_accuracy'), 2 / 3);
    assert.equal(col('idx'), 3);
  });

  it('reports the maximising threshold per criterion, first maximum winning ties', () => {
    const t = m.max_criteria_and_metric_scores;
    assert.equal(t.rows.length, 18);
    assert.deepEqual(t.rows[0], ['max f1', 0.6, 6 / 7, 3]);
    // precision is 1 only at 0.9 (TP 1, FP 0)
    assert.deepEqual(t.rows[4], ['max precision', 0.9, 1, 0]);
    // recall reaches 1 first at 0.6 (ties at 0.4 and 0.2 lose)
    assert.deepEqual(t.rows[5], ['max recall', 0.6, 1, 3]);
  });

  it('computes lift of the top group from H2O default quantile groups', () => {
    // Top group boundary: 0.99-quantile of p1, rank 0.99·5 = 4.95 → 0.8 + 0.95·0.1 = 0.895.
    // Only p = 0.9 (a positive) is ≥ 0.895: response rate 1 vs overall 0.5 → lift 2.
    close(m.lift_top_group, 2);
  });

  it('treats a weight of 2 like a duplicated row', () => {
    const w = Float64Array.from([2, 1, 1, 3, 1, 1]);
    const rep = (xs: ArrayLike<number>) => [xs[0], xs[0], xs[1], xs[2], xs[3], xs[3], xs[3], xs[4], xs[5]];
    const mw = binomialMetrics({ actual, p1, weights: w, domain });
    const mr = binomialMetrics({
      actual: Int32Array.from(rep(actual)),
      p1: Float64Array.from(rep(p1)),
      domain,
    });
    close(mw.MSE, mr.MSE);
    close(mw.logloss, mr.logloss);
    close(mw.AUC, mr.AUC);
    close(mw.pr_auc, mr.pr_auc);
    close(mw.r2, mr.r2);
    close(mw.lift_top_group, mr.lift_top_group);
    assert.equal(mw.max_f1_threshold, mr.max_f1_threshold);
    assert.deepEqual(mw.confusion_matrix?.counts, mr.confusion_matrix?.counts);
    assert.equal(mw.nobs, 6); // nobs counts rows, not weight
  });

  it('skips NA actuals and NaN probabilities; with no rows it falls back to threshold 0.5', () => {
    const some = binomialMetrics({
      actual: Int32Array.from([-1, 1, 0]),
      p1: Float64Array.from([0.5, Number.NaN, 0.3]),
      domain,
    });
    assert.equal(some.nobs, 1);
    close(some.MSE, 0.09);
    const none = binomialMetrics({ actual: Int32Array.from([-1]), p1: Float64Array.from([0.5]), domain });
    assert.equal(none.nobs, 0);
    assert.equal(none.max_f1_threshold, 0.5);
    assert.equal(none.confusion_matrix, null);
    assert.ok(Number.isNaN(none.AUC));
  });

  it('caps the logloss of a zero probability at −log(1e−15)', () => {
    const r = binomialMetrics({ actual: Int32Array.from([1]), p1: Float64Array.from([0]), domain });
    close(r.logloss, 34.538776394910684, 1e-12);
  });

  it('rejects bad domains, codes and lengths, naming the argument', () => {
    assert.throws(
      () => binomialMetrics({ actual, p1, domain: ['a', 'b', 'c'] }),
      (e: unknown) =>
        e instanceof ValidationError &&
        /domain: binomial metrics need exactly 2 response levels, got 3/.test(e.message),
    );
    assert.throws(
      () => binomialMetrics({ actual: Int32Array.from([0, 2]), p1: Float64Array.from([0.1, 0.2]), domain }),
      /actual: row 1: class code 2 is outside the domain; allowed: -1 \(NA\) or 0..1/,
    );
    assert.throws(
      () => binomialMetrics({ actual, p1: Float64Array.from([0.5]), domain }),
      /p1: expected 6 probabilities/,
    );
  });
});
