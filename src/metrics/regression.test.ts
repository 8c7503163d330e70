import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { regressionMetrics } from './regression.ts';

const f64 = (xs: number[]) => Float64Array.from(xs);
const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

describe('regressionMetrics', () => {
  // y = [1, 2, 4], ŷ = [1.5, 2, 3], w = [1, 2, 1]; errors y−ŷ = [−0.5, 0, 1], W = 4.
  const base = { actual: f64([1, 2, 4]), predicted: f64([1.5, 2, 3]), weights: f64([1, 2, 1]) };

  it('weights MSE, MAE, RMSLE and R² as H2O does (population variance)', () => {
    const m = regressionMetrics({ ...base, distribution: 'gaussian' });
    assert.equal(m.nobs, 3);
    // MSE = (1·0.25 + 2·0 + 1·1)/4 = 0.3125
    close(m.MSE, 0.3125);
    close(m.RMSE, Math.sqrt(0.3125));
    // MAE = (0.5 + 0 + 1)/4
    close(m.MAE, 0.375);
    // log1p(1.5)−log1p(1) = ln 1.25, log1p(3)−log1p(4) = ln 0.8 = −ln 1.25 → 2·ln²1.25 / 4
    close(m.RMSLE, Math.sqrt((2 * Math.log(1.25) ** 2) / 4));
    // ΣwY = 9, ΣwY² = 25, σ² = 25/4 − (9/4)² = 1.1875 → R² = 1 − 0.3125/1.1875 = 14/19
    close(m.r2, 14 / 19);
    close(m.mean_residual_deviance, 0.3125);
  });

  it('computes laplace and quantile deviance', () => {
    close(regressionMetrics({ ...base, distribution: 'laplace' }).mean_residual_deviance, 0.375);
    // α = 0.2: y<ŷ → 0.8·0.5 = 0.4; y=ŷ → 0; y>ŷ → 0.2·1 = 0.2; (0.4 + 0 + 0.2)/4 = 0.15
    const q = regressionMetrics({ ...base, distribution: 'quantile', quantile_alpha: 0.2 });
    close(q.mean_residual_deviance, 0.15);
  });

  it('computes poisson deviance with the clamped log at y = 0', () => {
    // y=0, ŷ=0.5: 2(0·(−19) − 0 + 0.5) = 1; y=2, ŷ=1: 2(2 ln 2 − 2 + 1) = 4 ln 2 − 2
    const m = regressionMetrics({ actual: f64([0, 2]), predicted: f64([0.5, 1]), distribution: 'poisson' });
    close(m.mean_residual_deviance, (1 + 4 * Math.LN2 - 2) / 2);
  });

  it('computes gamma deviance', () => {
    // y=1, ŷ=2: 2(ln 2 + 1/2 − 1) = 2 ln 2 − 1; y=ŷ=2: 0
    const m = regressionMetrics({ actual: f64([1, 2]), predicted: f64([2, 2]), distribution: 'gamma' });
    close(m.mean_residual_deviance, (2 * Math.LN2 - 1) / 2);
  });

  it('computes tweedie deviance for power 1.5', () => {
    // y=1, μ=4: 2(1/((−0.5)(0.5)) − 1·4^−0.5/(−0.5) + 4^0.5/0.5) = 2(−4 + 1 + 4) = 2; y=μ=4: 2(−8 + 4 + 4) = 0
    const m = regressionMetrics({ actual: f64([1, 4]), predicted: f64([4, 4]), distribution: 'tweedie' });
    close(m.mean_residual_deviance, 1);
  });

  it('computes huber deviance with delta = huber_alpha quantile of |y − ŷ|', () => {
    const actual = f64([0, 0, 0, 0, 0]);
    const predicted = f64([1, 2, 3, 4, 10]);
    // α = 0.5: rank 0.5·4 = 2 → δ = 3; deviances 1, 4, 9, (2·4−3)·3 = 15, (2·10−3)·3 = 51 → 80/5
    close(
      regressionMetrics({ actual, predicted, distribution: 'huber', huber_alpha: 0.5 })
        .mean_residual_deviance,
      16,
    );
    // α = 0.9 (default): rank 3.6 → δ = 4 + 0.6·(10−4) = 7.6; 1 + 4 + 9 + 16 + (20 − 7.6)·7.6 = 124.24 → /5
    close(
      regressionMetrics({ actual, predicted, distribution: 'huber' }).mean_residual_deviance,
      24.848,
      1e-9,
    );
  });

  it('casts actuals to float32 before comparing', () => {
    const m = regressionMetrics({ actual: f64([0.1]), predicted: f64([0.1]), distribution: 'gaussian' });
    const e = Math.fround(0.1) - 0.1; // ≈ 1.49e−9, not 0
    assert.ok(m.MSE > 0);
    close(m.MSE, e * e, 0);
  });

  it('skips rows with NaN actual, NaN prediction or zero weight', () => {
    const m = regressionMetrics({
      actual: f64([1, Number.NaN, 3, 5]),
      predicted: f64([2, 1, Number.NaN, 5]),
      weights: f64([1, 1, 1, 0]),
      distribution: 'gaussian',
    });
    assert.equal(m.nobs, 1);
    close(m.MSE, 1);
  });

  it('reports RMSLE as NaN when a value is below −1', () => {
    const m = regressionMetrics({ actual: f64([-2, 1]), predicted: f64([0, 1]), distribution: 'gaussian' });
    assert.ok(Number.isNaN(m.RMSLE));
    assert.ok(!Number.isNaN(m.MSE));
  });

  it('rejects mismatched lengths, unknown distributions and bad parameters, naming each', () => {
    assert.throws(
      () => regressionMetrics({ actual: f64([1, 2]), predicted: f64([1]), distribution: 'gaussian' }),
      (e: unknown) =>
        e instanceof ValidationError && /predicted: expected 2 predictions.*got 1/.test(e.message),
    );
    assert.throws(
      () =>
        regressionMetrics({ actual: f64([1]), predicted: f64([1]), distribution: 'bernoulli' as 'gaussian' }),
      /distribution: unknown value 'bernoulli'. Allowed: gaussian, poisson/,
    );
    assert.throws(
      () =>
        regressionMetrics({
          actual: f64([1]),
          predicted: f64([1]),
          distribution: 'tweedie',
          tweedie_power: 2.5,
        }),
      /tweedie_power: got 2.5/,
    );
    assert.throws(
      () =>
        regressionMetrics({
          actual: f64([1]),
          predicted: f64([1]),
          weights: f64([-1]),
          distribution: 'gaussian',
        }),
      /weights: row 0: weight -1 is negative/,
    );
  });
});
