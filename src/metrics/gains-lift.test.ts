import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gainsLift } from './gains-lift.ts';
import { weightedQuantile } from './quantile.ts';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

/** Naive reference: replicate each value w times (integer weights), sort, type-7 interpolation. */
function replicatedQuantile(values: number[], weights: number[], p: number): number {
  const xs: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < weights[i]; k++) xs.push(v);
  });
  xs.sort((a, b) => a - b);
  const r = p * (xs.length - 1);
  const lo = Math.floor(r);
  return lo + 1 < xs.length ? xs[lo] + (r - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

describe('weightedQuantile', () => {
  it('interpolates between ranks like H2O (type 7)', () => {
    const v = Float64Array.from([10, 1, 4, 2, 3]);
    close(weightedQuantile(v, 0.5), 3); // rank 2 of [1,2,3,4,10]
    close(weightedQuantile(v, 0.9), 7.6); // rank 3.6 → 4 + 0.6·6
    close(weightedQuantile(v, 0), 1);
    close(weightedQuantile(v, 1), 10);
  });

  it('treats integer weights as replicated rows and ignores NaN or zero-weight rows', () => {
    const values = [0.3, 0.1, 0.7, 0.5, 0.9];
    const weights = [3, 1, 2, 0, 4];
    for (const p of [0, 0.1, 0.25, 0.5, 0.9, 0.99, 1]) {
      close(
        weightedQuantile(Float64Array.from(values), p, Float64Array.from(weights)),
        replicatedQuantile(values, weights, p),
      );
    }
    assert.ok(Number.isNaN(weightedQuantile(Float64Array.from([Number.NaN]), 0.5)));
  });
});

describe('gainsLift', () => {
  // 100 rows, p1 = i/100, positives are exactly the upper half.
  const p1 = Float64Array.from({ length: 100 }, (_, i) => i / 100);
  const actual = Int32Array.from({ length: 100 }, (_, i) => (i >= 50 ? 1 : 0));

  it('uses 16 default groups; the top group is p1 ≥ 0.99-quantile', () => {
    const g = gainsLift(p1, actual);
    assert.ok(g !== undefined);
    assert.equal(g.thresholds.length, 16);
    // 0.99-quantile: rank 0.99·99 = 98.01 → 0.98 + 0.01·0.01 = 0.9801; only p1 = 0.99 reaches it
    close(g.thresholds[0], 0.9801);
    assert.equal(g.observations[0], 1);
    close(g.avgResponseRate, 0.5);
    close(g.liftTopGroup, 2); // rate 1 / overall 0.5
    assert.equal(
      g.observations.reduce((s, v) => s + v, 0),
      100,
    );
  });

  it('uses (g−i−1)/g quantiles for an explicit group count', () => {
    const g = gainsLift(p1, actual, undefined, 10);
    assert.ok(g !== undefined);
    // 0.9-quantile: rank 89.1 → 0.891; rows 0.90..0.99 (10 positives) form the top group
    close(g.thresholds[0], 0.891);
    assert.equal(g.observations[0], 10);
    close(g.liftTopGroup, 2);
    // The last row of the table is cumulative over everything: cumulative lift 1, data fraction 1.
    const last = g.table.rows[g.table.rows.length - 1];
    close(last[1] as number, 1);
    close(last[4] as number, 1);
  });

  it('returns undefined when no row has a score', () => {
    assert.equal(gainsLift(Float64Array.from([Number.NaN]), Int32Array.from([1])), undefined);
  });
});
