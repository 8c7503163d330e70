// Binomial metrics as H2O computes them (§8): MSE and logloss of the true class's probability,
// AUC2 curve (≤ 400 bins), PR-AUC, threshold tables, the max-F1 confusion matrix and gains/lift.

import { type Auc2, computeAuc2, countsAt, defaultThreshold } from './auc2.ts';
import { maxCriteriaTable, thresholdsTable } from './binomial-tables.ts';
import { ConfusionMatrix } from './confusion-matrix.ts';
import { gainsLift } from './gains-lift.ts';
import { rSquared } from './regression.ts';
import type { TwoDimTable } from './two-dim-table.ts';
import { checkCodes, checkWeights, InputChecks, weightAt } from './validate.ts';

/** −log(1e−15): logloss of one row is capped here (p clipped at 1e−15). */
export const MAX_LOGLOSS = -Math.log(1e-15);

/** Input of {@link binomialMetrics}. */
export interface BinomialInput {
  /** 0/1 codes into `domain`; -1 = NA (row skipped). */
  actual: Int32Array;
  /** Predicted probability of class 1 (the second domain level). */
  p1: Float64Array;
  weights?: Float64Array;
  /** The two response levels. */
  domain: string[];
  /** Gains/lift groups; -1 (default) = H2O's 16 default quantile groups. */
  gainslift_bins?: number;
}

/** H2O's ModelMetricsBinomial fields. */
export interface BinomialMetrics {
  nobs: number;
  MSE: number;
  RMSE: number;
  logloss: number;
  AUC: number;
  pr_auc: number;
  Gini: number;
  r2: number;
  /** Mean of the two per-class errors at the max-F1 threshold. */
  mean_per_class_error: number;
  /** (FP + FN)/(P + N) at the max-F1 threshold. */
  classification_error: number;
  /** The default threshold: label = 1 iff p1 ≥ this (0.5 when there is no bin). */
  max_f1_threshold: number;
  thresholds_and_metric_scores: TwoDimTable;
  max_criteria_and_metric_scores: TwoDimTable;
  /** Weighted counts at the max-F1 bin; null when no threshold has a defined F1. */
  confusion_matrix: ConfusionMatrix | null;
  lift_top_group: number;
  gains_lift_table: TwoDimTable | null;
  /** The AUC2 curve behind the tables (bins in descending threshold order). */
  auc2: Auc2;
}

/**
 * Binomial metrics. Rows with NA actual, NaN p1 or weight 0/NaN are skipped. Throws
 * ValidationError for mismatched lengths, a domain that is not two levels, codes other than
 * -1/0/1, or negative weights.
 */
export function binomialMetrics(input: BinomialInput): BinomialMetrics {
  const { actual, p1, weights, domain } = input;
  const checks = new InputChecks();
  checks.length('p1', p1, actual.length, 'probabilities');
  checks.length('weights', weights, actual.length, 'weights');
  if (domain.length !== 2) {
    checks.error(
      'domain',
      `binomial metrics need exactly 2 response levels, got ${domain.length} (${JSON.stringify(domain)}).`,
    );
  }
  checkCodes(checks, 'actual', actual, 2);
  checkWeights(checks, weights);
  checks.throwIfAny('binomial metrics input');

  const scores: number[] = [];
  const acts: number[] = [];
  const ws: number[] = [];
  let W = 0;
  let sumSq = 0;
  let sumLl = 0;
  let wY = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const p = p1[i];
    const w = weightAt(weights, i);
    if (a < 0 || Number.isNaN(p) || !(w > 0)) continue;
    const pTrue = a === 1 ? p : 1 - p;
    const err = 1 - pTrue;
    sumSq += w * err * err;
    sumLl += w * Math.min(MAX_LOGLOSS, -Math.log(pTrue));
    W += w;
    wY += w * a;
    scores.push(p);
    acts.push(a);
    ws.push(w);
  }
  const nobs = scores.length;
  const auc = computeAuc2(scores, acts, ws);
  const MSE = sumSq / W;
  const cm = confusionAtMaxF1(auc, domain);
  const gl = gainsLift(p1, actual, weights, input.gainslift_bins ?? -1);
  return {
    nobs,
    MSE,
    RMSE: Math.sqrt(MSE),
    logloss: sumLl / W,
    AUC: auc.auc,
    pr_auc: auc.prAuc,
    Gini: auc.gini,
    // y ∈ {0,1}, so ΣwY² = ΣwY.
    r2: rSquared(MSE, nobs, W, wY, wY),
    mean_per_class_error: cm === null ? Number.NaN : cm.meanPerClassError(),
    classification_error: auc.maxIdx < 0 ? Number.NaN : defaultErr(auc),
    max_f1_threshold: defaultThreshold(auc),
    thresholds_and_metric_scores: thresholdsTable(auc),
    max_criteria_and_metric_scores: maxCriteriaTable(auc),
    confusion_matrix: cm,
    lift_top_group: gl === undefined ? Number.NaN : gl.liftTopGroup,
    gains_lift_table: gl === undefined ? null : gl.table,
    auc2: auc,
  };
}

/** [[TN, FP], [FN, TP]] at the max-F1 bin (rows actual, columns predicted). */
function confusionAtMaxF1(auc: Auc2, domain: string[]): ConfusionMatrix | null {
  if (auc.maxIdx < 0) return null;
  const { tp, fp, fn, tn } = countsAt(auc, auc.maxIdx);
  return new ConfusionMatrix(domain, [
    [tn, fp],
    [fn, tp],
  ]);
}

function defaultErr(auc: Auc2): number {
  const { fp, fn } = countsAt(auc, auc.maxIdx);
  return (fp + fn) / (auc.p + auc.n);
}

/** H2O's label rule for binomial models: class 1 iff p1 ≥ threshold. */
export function binomialLabel(p1: number, threshold: number): 0 | 1 {
  return p1 >= threshold ? 1 : 0;
}
