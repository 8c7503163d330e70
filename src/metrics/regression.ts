// Regression metrics as H2O computes them (§8): weighted MSE/RMSE/MAE/RMSLE, mean residual
// deviance of the model's distribution, and R² against the weighted population variance.

import { deviance, REGRESSION_DISTRIBUTIONS, type RegressionDistribution } from './deviance.ts';
import { weightedQuantile } from './quantile.ts';
import { checkWeights, InputChecks, weightAt } from './validate.ts';

/** Input of {@link regressionMetrics}. */
export interface RegressionInput {
  actual: Float64Array;
  /** Predictions in response units (after de-standardisation and the inverse link). */
  predicted: Float64Array;
  weights?: Float64Array;
  distribution: RegressionDistribution;
  /** Default 1.5; only used by 'tweedie'. */
  tweedie_power?: number;
  /** Default 0.5; only used by 'quantile'. */
  quantile_alpha?: number;
  /** Default 0.9; only used by 'huber' (the quantile of |y − ŷ| that becomes delta). */
  huber_alpha?: number;
}

/** H2O's ModelMetricsRegression fields. */
export interface RegressionMetrics {
  /** Rows used (unweighted count). */
  nobs: number;
  MSE: number;
  RMSE: number;
  MAE: number;
  RMSLE: number;
  mean_residual_deviance: number;
  r2: number;
}

/**
 * Regression metrics. Rows with NaN actual or prediction, or weight 0/NaN, are skipped. Actuals
 * are cast to float32 first, as H2O stores them. RMSLE is NaN when any value is below −1.
 * All values are NaN when no row is usable. Throws ValidationError for mismatched lengths,
 * an unknown distribution, parameters out of range or negative weights.
 */
export function regressionMetrics(input: RegressionInput): RegressionMetrics {
  const { actual, predicted, weights, distribution } = input;
  const tweedie_power = input.tweedie_power ?? 1.5;
  const quantile_alpha = input.quantile_alpha ?? 0.5;
  const huber_alpha = input.huber_alpha ?? 0.9;
  const checks = new InputChecks();
  checks.length('predicted', predicted, actual.length, 'predictions');
  checks.length('weights', weights, actual.length, 'weights');
  checkWeights(checks, weights);
  if (!REGRESSION_DISTRIBUTIONS.includes(distribution)) {
    checks.error(
      'distribution',
      `unknown value '${distribution}'. Allowed: ${REGRESSION_DISTRIBUTIONS.join(', ')}.`,
    );
  }
  if (distribution === 'tweedie') checks.range('tweedie_power', tweedie_power, 1, 2, true);
  if (distribution === 'quantile') checks.range('quantile_alpha', quantile_alpha, 0, 1);
  if (distribution === 'huber') checks.range('huber_alpha', huber_alpha, 0, 1);
  checks.throwIfAny('regression metrics input');

  const n = actual.length;
  const used = (i: number): boolean => {
    const w = weightAt(weights, i);
    return !Number.isNaN(actual[i]) && !Number.isNaN(predicted[i]) && w > 0;
  };

  // Huber's delta is a property of the whole scored frame, so it needs a first pass.
  let huberDelta = Number.NaN;
  if (distribution === 'huber') {
    const absErr = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < n; i++) if (used(i)) absErr[i] = Math.abs(Math.fround(actual[i]) - predicted[i]);
    huberDelta = weightedQuantile(absErr, huber_alpha, weights);
  }
  const params = { tweedie_power, quantile_alpha, huberDelta };

  let count = 0;
  let W = 0;
  let sumSq = 0;
  let sumAbs = 0;
  let sumSqLog = 0;
  let sumDev = 0;
  let wY = 0;
  let wYY = 0;
  for (let i = 0; i < n; i++) {
    if (!used(i)) continue;
    const w = weightAt(weights, i);
    const y = Math.fround(actual[i]);
    const f = predicted[i];
    const err = y - f;
    sumSq += w * err * err;
    sumAbs += w * Math.abs(err);
    // log1p of a value below −1 is NaN, which makes RMSLE NaN, as in H2O.
    const dl = Math.log1p(f) - Math.log1p(y);
    sumSqLog += w * dl * dl;
    sumDev += w * deviance(distribution, y, f, params);
    count++;
    W += w;
    wY += w * y;
    wYY += w * y * y;
  }
  const MSE = sumSq / W;
  return {
    nobs: count,
    MSE,
    RMSE: Math.sqrt(MSE),
    MAE: sumAbs / W,
    RMSLE: Math.sqrt(sumSqLog / W),
    mean_residual_deviance: sumDev / W,
    r2: rSquared(MSE, count, W, wY, wYY),
  };
}

/**
 * R² = 1 − MSE/σ², σ² the weighted population variance ΣwY²/W − (ΣwY/W)², taken as 0 for a single
 * row (so R² is then −∞ or NaN, as in H2O).
 */
export function rSquared(mse: number, count: number, W: number, wY: number, wYY: number): number {
  // H2O keeps σ (a square root) and squares it again; we do the same so rounding matches.
  const sigma = count <= 1 ? 0 : Math.sqrt(wYY / W - (wY * wY) / (W * W));
  return 1 - mse / (sigma * sigma);
}
