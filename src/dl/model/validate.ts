// Validation of Deep Learning parameters against each other and the training data's shape
// (semantics §1.3): errors reject the model, warnings are reported and training goes on. Returns
// the list; the model builder throws one ValidationError carrying it.
import type { FieldMessage } from '../../core/index.ts';
import { isDropoutActivation } from './enums.ts';
import { type DeepLearningParameters, defaultParameters, PARAMETER_SPECS } from './parameters.ts';
import { validateDistribution } from './validate-distribution.ts';

/** What the builder knows about the data when it validates. */
export interface ValidationContext {
  /** The response is categorical. */
  isClassifier: boolean;
  /** Number of response classes (1 for regression). */
  nClasses: number;
  isAutoencoder: boolean;
  /** Smallest response value (regression), for the non-negative distributions. */
  responseMin?: number;
  /** Training rows left after filtering (NA response, weight 0, Skip mode). */
  nTrainRows?: number;
  hasValidation?: boolean;
  /**
   * Width of the input layer after one-hot expansion, counting one NA slot per categorical column
   * (as H2O's size estimate does); enables the model-size check.
   */
  nColsExpanded?: number;
}

/** H2O refuses networks with more weights and biases than this (§1.3). */
export const MAX_MODEL_PARAMETERS = 1e8;
const CLASSIFICATION_ONLY_METRICS = [
  'logloss',
  'AUC',
  'AUCPR',
  'misclassification',
  'mean_per_class_error',
  'lift_top_group',
];
const ADAPTIVE_IGNORED = [
  'rate',
  'rate_annealing',
  'rate_decay',
  'momentum_start',
  'momentum_ramp',
  'momentum_stable',
] as const;

/**
 * Every §1.3 rule that the parameters and `ctx` allow checking, plus H2O's generic model-builder
 * ranges (nfolds, stopping_*, max_runtime_secs). Each message names what is allowed.
 */
export function validateParameters(p: DeepLearningParameters, ctx: ValidationContext): FieldMessage[] {
  const out: FieldMessage[] = [];
  const err = (field: string, message: string) => out.push({ field, level: 'ERROR', message });
  const warn = (field: string, message: string) => out.push({ field, level: 'WARN', message });
  const ae = p.autoencoder || ctx.isAutoencoder;
  const regression = !ctx.isClassifier && !ae;
  const nHidden = p.hidden.length;

  // Values typed by hand in the SDK skip coerceParameters; an enum outside its list is caught here.
  for (const s of PARAMETER_SPECS) {
    const v = (p as unknown as Record<string, unknown>)[s.name];
    if (s.values !== undefined && !s.values.includes(v as string))
      err(s.name, `unknown value '${v}'. Allowed: ${s.values.join(', ')}.`);
  }

  // Network shape.
  if (p.hidden.some((h) => !(Number.isInteger(h) && h > 0)))
    err(
      'hidden',
      `Hidden layer size must be positive (an integer >= 1 per layer); got [${p.hidden.join(', ')}].`,
    );
  if (p.hidden_dropout_ratios !== null) {
    const r = p.hidden_dropout_ratios;
    if (!isDropoutActivation(p.activation))
      err(
        'hidden_dropout_ratios',
        `Cannot specify hidden_dropout_ratios with a non-dropout activation function (${p.activation}); use ${p.activation.replace(/WithDropout$/, '')}WithDropout or leave it unset.`,
      );
    else if (r.length !== nHidden)
      err(
        'hidden_dropout_ratios',
        `Must have ${nHidden} hidden layer dropout ratios (one per hidden layer), got ${r.length}.`,
      );
    if (r.some((x) => !(x >= 0 && x < 1)))
      err('hidden_dropout_ratios', `Hidden dropout ratios must be >= 0 and < 1; got [${r.join(', ')}].`);
  }
  if (!(p.input_dropout_ratio >= 0 && p.input_dropout_ratio < 1))
    err('input_dropout_ratio', `Input dropout must be >= 0 and < 1; got ${p.input_dropout_ratio}.`);
  if (ae && p.activation === 'Maxout')
    err(
      'activation',
      'Maxout activation is not supported for an autoencoder. Allowed: Tanh, TanhWithDropout, Rectifier, RectifierWithDropout, MaxoutWithDropout, ExpRectifier, ExpRectifierWithDropout.',
    );
  for (const f of ['initial_weights', 'initial_biases'] as const) {
    const keys = p[f];
    if (keys === null) continue;
    if (p.checkpoint !== null) err(f, `Cannot specify ${f} together with a checkpoint; leave one unset.`);
    if (keys.length !== nHidden + 1)
      err(f, `must have len(hidden)+1 = ${nHidden + 1} entries (some may be null), got ${keys.length}.`);
  }
  if (ctx.nColsExpanded !== undefined) {
    const nOut = ae ? ctx.nColsExpanded : ctx.isClassifier ? ctx.nClasses : 1;
    const units = [ctx.nColsExpanded, ...p.hidden, nOut];
    let size = 0;
    for (let i = 0; i + 1 < units.length; i++) size += units[i] * units[i + 1] + units[i + 1];
    if (size > MAX_MODEL_PARAMETERS)
      err(
        'hidden',
        `Model is too large: ${size} weights and biases (at most ${MAX_MODEL_PARAMETERS}). Try reducing the number of neurons in the hidden layers (or max_categorical_features).`,
      );
  }

  // Optimiser.
  if (p.mini_batch_size < 1) err('mini_batch_size', `must be >= 1, got ${p.mini_batch_size}.`);
  else if (p.mini_batch_size > 1)
    warn(
      'mini_batch_size',
      `${p.mini_batch_size} trains on mini-batches (an h2o-ts extension; H2O resets it to 1 and updates per row).`,
    );
  if (p.adaptive_rate) {
    if (!(p.rho > 0)) err('rho', `must be > 0 with adaptive_rate (ADADELTA), got ${p.rho}.`);
    if (!(p.epsilon > 0)) err('epsilon', `must be > 0 with adaptive_rate (ADADELTA), got ${p.epsilon}.`);
    const d = defaultParameters();
    for (const f of ADAPTIVE_IGNORED)
      if (p[f] !== d[f])
        warn(
          f,
          `cannot be specified if adaptive_rate is enabled; ${p[f]} is ignored (set adaptive_rate=false to use it).`,
        );
  }
  if (!(p.l1 >= 0)) err('l1', `must be >= 0, got ${p.l1}.`);
  if (!(p.l2 >= 0)) err('l2', `must be >= 0, got ${p.l2}.`);
  if (!(p.max_w2 > 0)) err('max_w2', `must be > 0, got ${p.max_w2}.`);
  if (!(p.epochs > 0)) err('epochs', `must be > 0 (may be fractional), got ${p.epochs}.`);
  if (!(Number.isInteger(p.train_samples_per_iteration) && p.train_samples_per_iteration >= -2))
    err(
      'train_samples_per_iteration',
      `must be -2 (auto), -1 (all data), 0 (one epoch) or a positive count, got ${p.train_samples_per_iteration}.`,
    );

  // Autoencoder sparsity.
  if (p.sparsity_beta !== 0 && !ae)
    err(
      'sparsity_beta',
      `Sparsity regularization is only supported for an autoencoder (autoencoder=true); got ${p.sparsity_beta}.`,
    );
  if (ae && p.sparsity_beta > 0) {
    const a = p.average_activation;
    if (/^(Tanh|ExpRectifier)/.test(p.activation) && !(a > -1 && a < 1))
      err('average_activation', `must be > -1 and < 1 for ${p.activation} with sparsity_beta > 0, got ${a}.`);
    if (p.activation.startsWith('Rectifier') && !(a > 0))
      err('average_activation', `must be > 0 for ${p.activation} with sparsity_beta > 0, got ${a}.`);
  }

  // Scoring and stopping.
  if (!(p.score_duty_cycle >= 0 && p.score_duty_cycle <= 1))
    err('score_duty_cycle', `must be between 0 and 1 (inclusive), got ${p.score_duty_cycle}.`);
  if (p.score_training_samples < 0)
    err('score_training_samples', `must be >= 0 (0 = all rows), got ${p.score_training_samples}.`);
  if (p.score_validation_samples < 0)
    err('score_validation_samples', `must be >= 0 (0 = all rows), got ${p.score_validation_samples}.`);
  if (p.stopping_rounds < 0)
    err('stopping_rounds', `must be >= 0 (0 disables early stopping), got ${p.stopping_rounds}.`);
  if (!(p.stopping_tolerance >= 0)) err('stopping_tolerance', `must be >= 0, got ${p.stopping_tolerance}.`);
  if (!(p.max_runtime_secs >= 0))
    err('max_runtime_secs', `must be >= 0 (0 = no limit), got ${p.max_runtime_secs}.`);
  if (ae && p.stopping_metric !== 'AUTO' && p.stopping_metric !== 'MSE')
    err(
      'stopping_metric',
      `Stopping metric must be AUTO or MSE for an autoencoder; got ${p.stopping_metric}.`,
    );
  if (regression && CLASSIFICATION_ONLY_METRICS.includes(p.stopping_metric))
    err(
      'stopping_metric',
      `${p.stopping_metric} is only defined for classification. Allowed for regression: AUTO, deviance, MSE, RMSE, MAE, RMSLE.`,
    );

  validateDistribution(p, ctx, out);
  validateColumnsAndFolds(p, ctx, ae, err, warn);
  return out;
}

type Report = (field: string, message: string) => void;

// Special columns, cross-validation, class balancing, encodings and deprecated switches.
function validateColumnsAndFolds(
  p: DeepLearningParameters,
  ctx: ValidationContext,
  ae: boolean,
  err: Report,
  warn: Report,
): void {
  if (p.nfolds < 0 || p.nfolds === 1)
    err('nfolds', `must be 0 (no cross-validation) or >= 2, got ${p.nfolds}.`);
  if (ae && p.nfolds > 1)
    err('nfolds', 'N-fold cross-validation is not supported for Autoencoder; use nfolds=0.');
  if (p.nfolds > 0 && p.fold_column !== null)
    err(
      'fold_column',
      `Cannot specify fold_column '${p.fold_column}' and nfolds=${p.nfolds} together; give one.`,
    );
  if (p.nfolds > 0 && p.checkpoint !== null)
    err('checkpoint', 'Cannot continue from a checkpoint with cross-validation; nfolds must be 0.');
  if (ae && p.custom_metric_func !== null)
    err('custom_metric_func', 'Custom metrics are not supported for an autoencoder; leave it unset.');
  if (ctx.isClassifier && !ae && p.offset_column !== null)
    err(
      'offset_column',
      `Offset is only supported for regression; the response is categorical (offset_column '${p.offset_column}').`,
    );
  if (p.offset_column !== null && p.weights_column !== null)
    warn(
      'offset_column',
      'With both offset and weights columns, the inputs are standardised without weights (slight differences from a weighted fit).',
    );

  if (p.balance_classes && !ctx.isClassifier)
    err(
      'balance_classes',
      'balance_classes is only for classification (categorical response); set it to false.',
    );
  if (p.class_sampling_factors !== null) {
    if (!p.balance_classes)
      err('class_sampling_factors', 'class_sampling_factors requires balance_classes=true.');
    else if (ctx.isClassifier && p.class_sampling_factors.length !== ctx.nClasses)
      err(
        'class_sampling_factors',
        `must have ${ctx.nClasses} values (one per class, in domain order), got ${p.class_sampling_factors.length}.`,
      );
    if (p.class_sampling_factors.some((f) => !(f > 0)))
      err('class_sampling_factors', `must all be > 0, got [${p.class_sampling_factors.join(', ')}].`);
  }
  if (!(p.max_after_balance_size > 0))
    err('max_after_balance_size', `must be > 0, got ${p.max_after_balance_size}.`);

  const encodings = 'AUTO, OneHotInternal, Binary, Eigen, LabelEncoder, SortByResponse, EnumLimited';
  if (p.categorical_encoding === 'Enum')
    err(
      'categorical_encoding',
      `Enum is not supported: DeepLearning needs numbers as inputs. Allowed: ${encodings}.`,
    );
  if (p.categorical_encoding === 'OneHotExplicit')
    err(
      'categorical_encoding',
      `OneHotExplicit is not supported: use OneHotInternal (the same encoding, done inside the network). Allowed: ${encodings}.`,
    );
  if (p.max_categorical_features < 1)
    err('max_categorical_features', `must be >= 1, got ${p.max_categorical_features}.`);
  if (p.col_major) err('col_major', 'col_major is deprecated and not supported; set it to false.');
  if (p.sparse && p.elastic_averaging)
    err('elastic_averaging', 'Cannot combine sparse=true with elastic_averaging; turn one off.');
  if (!(p.elastic_averaging_moving_rate >= 0 && p.elastic_averaging_moving_rate <= 1))
    err(
      'elastic_averaging_moving_rate',
      `must be between 0 and 1 (inclusive), got ${p.elastic_averaging_moving_rate}.`,
    );
  if (!(p.elastic_averaging_regularization >= 0))
    err('elastic_averaging_regularization', `must be >= 0, got ${p.elastic_averaging_regularization}.`);
  if (!p.diagnostics)
    warn('diagnostics', 'is deprecated: diagnostics are always computed; false is ignored.');

  if (ctx.nTrainRows === 0) {
    if (p.missing_values_handling === 'Skip')
      err(
        'missing_values_handling',
        'No rows left in the dataset after filtering out rows with missing values. Use MeanImputation or impute the data.',
      );
    else err('training_frame', 'No rows to train on (every row has a missing response or weight 0).');
  }
}
