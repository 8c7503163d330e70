// DeepLearningModelV3 JSON of a stored model, as the clients read it (protocol §6): the parameter
// list with default/actual/input values, and `output` with every key present (null when absent),
// model summary, scoring history and variable importances as column-major TwoDimTables.
import type { CrossValidationOutput, DeepLearningModel, ScoringEvent } from '../../dl/index.ts';
import { PARAMETER_SPECS, type ParameterSpec } from '../../dl/model/index.ts';
import { modelSummary } from '../../dl/model-summary.ts';
import { variableImportanceTable } from '../../metrics/index.ts';
import type { TwoDimTableV3 } from '../../schema/index.ts';
import { keyOf, meta, twoDimTable } from '../meta.ts';
import { metricsJson, tableJson } from './metrics-json.ts';
import type { ModelRecord } from './model-record.ts';

/** ModelParameterSchemaV3 of one parameter with the given values (`type` is H2O's REST type name). */
export function parameterJson(spec: ParameterSpec, actual: unknown, input: unknown): Record<string, unknown> {
  return {
    __meta: meta('ModelParameterSchemaV3', 'Iced'),
    name: spec.name,
    label: spec.name,
    help: spec.help,
    required: spec.name === 'training_frame',
    type: spec.h2oType,
    default_value: valueJson(spec, spec.default),
    actual_value: valueJson(spec, actual),
    input_value: valueJson(spec, input),
    level: spec.level,
    values: spec.values ?? [],
    is_member_of_frames:
      spec.h2oType === 'VecSpecifier' || spec.name === 'ignored_columns' ? ['training_frame'] : [],
    is_mutually_exclusive_with: [],
    gridable: spec.gridable,
  };
}

/** Keys and columns are objects in H2O's parameter JSON; everything else is the plain value. */
function valueJson(spec: ParameterSpec, v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (spec.h2oType === 'Key<Frame>') return keyOf('frame', String(v));
  if (spec.h2oType === 'Key<Model>') return keyOf('model', String(v));
  if (spec.h2oType === 'VecSpecifier')
    return { __meta: meta('ColSpecifierV3', 'Iced'), column_name: String(v), is_member_of_frames: null };
  return v;
}

/** The values the model actually used, by H2O parameter name. */
function actualValues(rec: ModelRecord): Record<string, unknown> {
  const m = rec.model;
  const actual: Record<string, unknown> = { ...(m.effective as unknown as Record<string, unknown>) };
  actual.model_id = m.modelId;
  actual.training_frame = rec.trainingFrame;
  actual.validation_frame = rec.validationFrame;
  actual.response_column = m.response;
  return actual;
}

/** The `parameters` list of a model. */
export function modelParametersJson(rec: ModelRecord): Record<string, unknown>[] {
  const actual = actualValues(rec);
  return PARAMETER_SPECS.map((s) =>
    parameterJson(s, s.name in actual ? actual[s.name] : (rec.input[s.name] ?? s.default), rec.input[s.name]),
  );
}

/** H2O's timestamp cell: "2016-05-11 10:05:10". */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** Scoring history columns per category: [title, metric name in the engine's metrics]. */
function historyMetrics(category: string): [string, string][] {
  if (category === 'Regression')
    return [
      ['RMSE', 'RMSE'],
      ['Deviance', 'mean_residual_deviance'],
      ['MAE', 'MAE'],
      ['r2', 'r2'],
    ];
  if (category === 'AutoEncoder')
    return [
      ['RMSE', 'RMSE'],
      ['MSE', 'MSE'],
    ];
  const common: [string, string][] = [
    ['RMSE', 'RMSE'],
    ['LogLoss', 'logloss'],
    ['r2', 'r2'],
  ];
  if (category === 'Binomial') common.push(['AUC', 'AUC'], ['pr_auc', 'pr_auc'], ['Lift', 'lift_top_group']);
  common.push(['Classification Error', 'classification_error']);
  return common;
}

/** The scoring history table (one row per scoring event, validation columns when scored). */
export function scoringHistoryJson(model: DeepLearningModel): TwoDimTableV3 {
  const events: readonly ScoringEvent[] = model.output.scoringHistory;
  const ms = historyMetrics(model.category);
  const hasValid = events.some((e) => e.validation !== null);
  const columns: Parameters<typeof twoDimTable>[1] = [
    { name: '', type: 'string' },
    { name: 'Timestamp', type: 'string' },
    { name: 'Duration', type: 'string' },
    { name: 'Training Speed', type: 'string' },
    { name: 'Epochs', type: 'double' },
    { name: 'Iterations', type: 'int' },
    { name: 'Samples', type: 'double' },
    ...ms.map(([t]) => ({ name: `Training ${t}`, type: 'double' as const })),
    ...(hasValid ? ms.map(([t]) => ({ name: `Validation ${t}`, type: 'double' as const })) : []),
  ];
  const num = (m: Record<string, unknown> | null, k: string) => {
    const v = m?.[k];
    return typeof v === 'number' ? v : null;
  };
  const rows = events.map((e) => [
    '',
    stamp(e.timestamp),
    `${(e.durationMs / 1000).toFixed(3)} sec`,
    e.trainingSpeed === null ? null : `${e.trainingSpeed} obs/sec`,
    e.epochs,
    e.iterations,
    e.samples,
    ...ms.map(([, k]) => num(e.training, k)),
    ...(hasValid ? ms.map(([, k]) => num(e.validation, k)) : []),
  ]);
  return twoDimTable('Scoring History', columns, rows);
}

/** The model summary table (one row per layer). */
export function modelSummaryJson(model: DeepLearningModel): TwoDimTableV3 {
  const rows = modelSummary(model).map((r) => [
    '',
    r.layer,
    r.units,
    r.type,
    r.dropout,
    r.l1,
    r.l2,
    null,
    null,
    null,
    r.mean_weight,
    r.weight_rms,
    r.mean_bias,
    r.bias_rms,
  ]);
  const d = (name: string) => ({ name, type: 'double' as const });
  return twoDimTable(
    'Status of Neuron Layers',
    [
      { name: '', type: 'string' },
      { name: 'Layer', type: 'int' },
      { name: 'Units', type: 'int' },
      { name: 'Type', type: 'string' },
      d('Dropout'),
      d('L1'),
      d('L2'),
      d('Mean Rate'),
      d('Rate RMS'),
      d('Momentum'),
      d('Mean Weight'),
      d('Weight RMS'),
      d('Mean Bias'),
      d('Bias RMS'),
    ],
    rows,
    `${model.category === 'AutoEncoder' ? 'Auto-Encoder' : 'Predicting ' + model.response}, ${model.category.toLowerCase()}, ${model.effective.distribution} distribution, ${model.effective.loss} loss, ${countWeights(model).toLocaleString('en-US')} weights/biases`,
  );
}

function countWeights(model: DeepLearningModel): number {
  let n = 0;
  for (const w of model.network.weights) n += w.length;
  for (const b of model.network.biases) n += b.length;
  return n;
}

/** DeepLearningModelV3 of a stored model. */
export function modelJson(rec: ModelRecord): Record<string, unknown> {
  const m = rec.model;
  const id = m.modelId;
  const src = (frame: string | null) => ({ model: id, frame, domain: m.responseDomain });
  const cv = m.output.crossValidation ?? null;
  const names = m.response === null ? [...m.predictors] : [...m.predictors, m.response];
  const vi = m.output.variableImportances;
  const output: Record<string, unknown> = {
    __meta: meta('DeepLearningModelOutputV3', 'DeepLearningModelOutput'),
    model_category: m.category,
    names,
    original_names: null,
    column_types: names.map(() => 'Numeric'),
    domains: names.map((n) => (n === m.response ? m.responseDomain : null)),
    cross_validation_models: cv ? cv.foldModelIds.map((k) => keyOf('model', k)) : null,
    cross_validation_predictions: null,
    cross_validation_holdout_predictions_frame_id: null,
    cross_validation_fold_assignment_frame_id: null,
    model_summary: modelSummaryJson(m),
    scoring_history: scoringHistoryJson(m),
    cv_scoring_history: null,
    reproducibility_information_table: null,
    training_metrics: metricsJson(m.output.trainingMetrics, src(rec.trainingFrame)),
    validation_metrics: metricsJson(m.output.validationMetrics, src(rec.validationFrame)),
    cross_validation_metrics: cv ? metricsJson(cv.metrics, src(rec.trainingFrame)) : null,
    cross_validation_metrics_summary: cv ? cvSummaryJson(cv) : null,
    variable_importances: vi ? tableJson(variableImportanceTable(vi)) : null,
    status: 'DONE',
    start_time: rec.startTime,
    end_time: rec.endTime,
    run_time: m.output.runTimeMs,
    default_threshold: m.defaultThreshold,
    help: {},
    model_warnings: m.output.warnings.length > 0 ? [...m.output.warnings] : null,
    epoch_counter: m.output.epochCounter,
    stopped_early: m.output.stoppedEarly,
    weights: null,
    biases: null,
    normmul: null,
    normsub: null,
    normrespmul: null,
    normrespsub: null,
    catoffsets: null,
  };
  return {
    __meta: meta('DeepLearningModelV3', 'DeepLearningModel'),
    model_id: keyOf('model', id),
    algo: 'deeplearning',
    algo_full_name: 'Deep Learning',
    response_column_name: m.response,
    treatment_column_name: null,
    data_frame: rec.trainingFrame === null ? null : keyOf('frame', rec.trainingFrame),
    timestamp: rec.endTime,
    have_pojo: true,
    have_mojo: false,
    checksum: 0,
    compatible_frames: null,
    parameters: modelParametersJson(rec),
    output,
  };
}

/** H2O's cross_validation_metrics_summary: one row per metric with mean, sd and each fold's value. */
export function cvSummaryJson(cv: CrossValidationOutput): TwoDimTableV3 {
  const n = cv.foldModelIds.length || cv.nFolds;
  return twoDimTable(
    'Cross-Validation Metrics Summary',
    [
      { name: '', type: 'string' },
      { name: 'mean', type: 'double' },
      { name: 'sd', type: 'double' },
      ...Array.from({ length: n }, (_, k) => ({ name: `cv_${k + 1}_valid`, type: 'double' as const })),
    ],
    cv.summary.map((r) => [r.metric, r.mean, r.sd, ...r.folds]),
  );
}
