// Which metric ranks a grid's models, in which direction, and where it is read from (cross-validation
// metrics if the models have them, else validation, else training), with H2O's metric names.
import { ValidationError } from '../core/index.ts';
import type { DeepLearningModel, ModelCategory, ModelMetrics } from '../dl/index.ts';

/** Metrics where larger is better. */
const MORE_IS_BETTER = new Set([
  'auc',
  'pr_auc',
  'aucpr',
  'r2',
  'accuracy',
  'lift_top_group',
  'f1',
  'f2',
  'f0point5',
]);
/** User spellings mapped to our metric keys. */
const ALIASES: Record<string, string> = {
  residual_deviance: 'mean_residual_deviance',
  deviance: 'mean_residual_deviance',
  aucpr: 'pr_auc',
  misclassification: 'mean_per_class_error',
};

/** The default ranking metric of a category (H2O's grid default). */
export function defaultSortMetric(category: ModelCategory): string {
  if (category === 'Binomial' || category === 'Multinomial') return 'logloss';
  if (category === 'Regression') return 'mean_residual_deviance';
  return 'MSE';
}

/** Whether larger values of `metric` are better. */
export function moreIsBetter(metric: string): boolean {
  return MORE_IS_BETTER.has(metric.toLowerCase());
}

/** The metrics a grid ranks a model by: cross-validation, else validation, else training. */
export function rankingMetrics(model: DeepLearningModel): ModelMetrics | null {
  return (
    model.output.crossValidation?.metrics ?? model.output.validationMetrics ?? model.output.trainingMetrics
  );
}

/**
 * Reads `metric` (case-insensitive, H2O aliases accepted) from `metrics`. Throws ValidationError
 * naming `field` and listing the available metrics when it is not there.
 */
export function readMetric(metrics: ModelMetrics | null, metric: string, field = 'sort_by'): number {
  if (metrics === null) return Number.NaN;
  const want = (ALIASES[metric.toLowerCase()] ?? metric).toLowerCase();
  const key = Object.keys(metrics).find((k) => k.toLowerCase() === want);
  if (key === undefined || typeof metrics[key] !== 'number') {
    const allowed = Object.keys(metrics).filter((k) => typeof metrics[k] === 'number' && k !== 'nobs');
    throw new ValidationError([
      {
        field,
        level: 'ERROR',
        message: `unknown metric '${metric}' for ${metrics.model_category} models. Allowed: ${allowed.join(', ')}.`,
      },
    ]);
  }
  return metrics[key] as number;
}
