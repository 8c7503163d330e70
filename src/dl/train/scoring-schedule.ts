// When to score and when to stop (semantics §6.1, §6.4): the score_interval/duty-cycle gate,
// classification_stop/regression_stop, and the moving-average early-stopping rule.
import { stopEarly } from '../../metrics/index.ts';
import type { ModelCategory } from './setup.ts';

/** Timestamps (ms) of the previous scoring; 0 before the first. */
export interface ScoringClock {
  lastStart: number;
  lastEnd: number;
}

/** §6.1: score if finished, every iteration, or the interval passed and the duty cycle allows it. */
export function shouldScore(
  now: number,
  clock: ScoringClock,
  p: { score_each_iteration: boolean; score_interval: number; score_duty_cycle: number },
  finished: boolean,
): boolean {
  if (finished || p.score_each_iteration) return true;
  const since = now - clock.lastStart;
  return since > 1000 * p.score_interval && (clock.lastEnd - clock.lastStart) / since < p.score_duty_cycle;
}

/** The metric names stopping_metric accepts, resolved from AUTO per category (§1.2 rule 13). */
export function resolveStoppingMetric(metric: string, category: ModelCategory): string {
  if (metric !== 'AUTO') return metric;
  if (category === 'AutoEncoder') return 'MSE';
  return category === 'Regression' ? 'deviance' : 'logloss';
}

const MORE_IS_BETTER = new Set(['AUC', 'AUCPR', 'lift_top_group']);
const BOUNDED_BELOW = new Set([
  'logloss',
  'MSE',
  'RMSE',
  'MAE',
  'RMSLE',
  'AUC',
  'AUCPR',
  'misclassification',
  'mean_per_class_error',
]);

/** Reads a stopping metric from a metrics object (H2O metric names). */
export function metricValue(m: Record<string, unknown> | null | undefined, metric: string): number {
  if (!m) return Number.NaN;
  const key: Record<string, string> = {
    deviance: 'mean_residual_deviance',
    misclassification: 'classification_error',
    AUCPR: 'pr_auc',
  };
  const v = m[key[metric] ?? metric];
  if (metric === 'deviance' && typeof v !== 'number') return typeof m.MSE === 'number' ? m.MSE : Number.NaN;
  return typeof v === 'number' ? v : Number.NaN;
}

/** §6.4 rule 2 on a metric history (entry 0 is the initial empty row and is ignored). */
export function movingAverageStop(
  history: number[],
  metric: string,
  p: { stopping_rounds: number; stopping_tolerance: number },
): boolean {
  if (p.stopping_rounds <= 0) return false;
  return stopEarly(history, {
    stopping_rounds: p.stopping_rounds,
    stopping_tolerance: p.stopping_tolerance,
    moreIsBetter: MORE_IS_BETTER.has(metric),
    boundedBelowByZero: BOUNDED_BELOW.has(metric),
  });
}

/**
 * The value overwrite_with_best_model minimises (§6.5): the stopping metric, with AUC and AUCPR as
 * 1 − value; lift_top_group raw (H2O's quirk).
 */
export function lossForBest(m: Record<string, unknown> | null | undefined, metric: string): number {
  const v = metricValue(m, metric);
  return metric === 'AUC' || metric === 'AUCPR' ? 1 - v : v;
}
