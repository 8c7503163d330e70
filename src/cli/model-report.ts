// How the CLI shows a model: JSON with H2O's field and metric names, or a short human summary.
import type { DeepLearningModel } from '../dl/index.ts';
import { modelSummary } from '../dl/model-summary.ts';

const HEADLINE = [
  'MSE',
  'RMSE',
  'logloss',
  'AUC',
  'mean_per_class_error',
  'MAE',
  'mean_residual_deviance',
  'r2',
];

/** The model as JSON: metrics objects use H2O's metric names. */
export function modelJson(model: DeepLearningModel): Record<string, unknown> {
  const o = model.output;
  return {
    model_id: model.modelId,
    algo: 'deeplearning',
    model_category: model.category,
    response_column: model.response,
    response_domain: model.responseDomain,
    epochs: o.epochCounter,
    iterations: o.iterations,
    samples: o.nSeen,
    stopped_early: o.stoppedEarly,
    default_threshold: model.category === 'Binomial' ? model.defaultThreshold : undefined,
    training_metrics: plain(o.trainingMetrics),
    validation_metrics: plain(o.validationMetrics),
    variable_importances: o.variableImportances,
    model_summary: modelSummary(model),
    scoring_history: o.scoringHistory.map((e) => ({
      timestamp: new Date(e.timestamp).toISOString(),
      duration_ms: e.durationMs,
      training_speed: e.trainingSpeed,
      epochs: e.epochs,
      iterations: e.iterations,
      samples: e.samples,
      training: headline(e.training),
      validation: headline(e.validation),
    })),
    parameters: model.params,
    warnings: o.warnings,
  };
}

/** Prints the model id, category and headline metrics. */
export function printModelSummary(model: DeepLearningModel): void {
  const o = model.output;
  const lines = [
    `${model.modelId} (${model.category}) — ${o.epochCounter.toFixed(2)} epochs, ${o.iterations} iterations`,
  ];
  for (const [name, m] of [
    ['training', o.trainingMetrics],
    ['validation', o.validationMetrics],
  ] as const) {
    if (!m) continue;
    const h = headline(m)!;
    lines.push(
      `  ${name}: ${Object.entries(h)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toPrecision(5) : v}`)
        .join('  ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function headline(m: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!m) return null;
  const out: Record<string, unknown> = {};
  for (const k of HEADLINE) if (typeof m[k] === 'number') out[k] = m[k];
  return out;
}

// Typed arrays as arrays, for JSON.
function plain(m: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!m) return null;
  return JSON.parse(
    JSON.stringify(m, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)),
  );
}
