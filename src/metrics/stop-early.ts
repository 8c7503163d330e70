// H2O's moving-average early-stopping rule (§6.4 rule 2) as a pure function of the metric history.
// The caller picks the metric, its direction and the history (validation if any, else training).

import { InputChecks } from './validate.ts';

/** Options of {@link stopEarly}, spelled as H2O's parameters where they are parameters. */
export interface StopEarlyOptions {
  /** k: window of the moving average and number of events compared; 0 disables. */
  stopping_rounds: number;
  /** Relative improvement τ that counts as progress (DL default 0). */
  stopping_tolerance: number;
  /** True for AUC, AUCPR, lift_top_group. */
  moreIsBetter: boolean;
  /** True for metrics that cannot go below 0 (logloss, MSE, RMSE, MAE, RMSLE, AUC, errors). */
  boundedBelowByZero: boolean;
}

/**
 * Whether training should stop given the metric after each scoring event. Entry 0 (the
 * model-construction row) only counts toward the length: we need len − 1 ≥ 2k. The k+1 moving
 * averages of window k over the last 2k entries are compared: the first (ref) against the best
 * of the rest; stop when the best improves on ref by less than the tolerance, relatively
 * (less-is-better: best/ref ≥ 1 − τ; more-is-better: best/ref ≤ 1 + τ). A NaN or infinite
 * average never stops; a zero ref stops at once for metrics bounded below by 0; a sign change
 * among the averages never stops.
 */
export function stopEarly(history: readonly number[], options: StopEarlyOptions): boolean {
  const { stopping_rounds: k, stopping_tolerance: tol, moreIsBetter, boundedBelowByZero } = options;
  const checks = new InputChecks();
  if (!Number.isInteger(k) || k < 0) checks.error('stopping_rounds', `got ${k}; allowed: an integer >= 0.`);
  if (!(tol >= 0)) checks.error('stopping_tolerance', `got ${tol}; allowed: a number >= 0.`);
  checks.throwIfAny('early stopping options');
  if (k === 0 || history.length - 1 < 2 * k) return false;

  const start = history.length - 2 * k;
  const ma = new Array<number>(k + 1);
  for (let i = 0; i <= k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += history[start + i + j];
    ma[i] = s / k;
    if (!Number.isFinite(ma[i])) return false;
  }
  const ref = ma[0];
  const rest = ma.slice(1);
  const best = moreIsBetter ? Math.max(...rest) : Math.min(...rest);
  if (boundedBelowByZero && ref === 0) return true;
  if (Math.sign(Math.max(...ma)) !== Math.sign(Math.min(...ma))) return false;
  if (Math.sign(best) !== Math.sign(ref)) return false;
  const ratio = best / ref;
  return moreIsBetter ? ratio <= 1 + tol : ratio >= 1 - tol;
}
