// TEMPORARY stand-in for src/dl/model (parameters) while that module is being written; removed when
// it lands. Defaults per semantics §1.1, the §1.2 rewrites the trainer needs, and basic checks.
import { type FieldMessage, ValidationError } from '../../core/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: temporary shim
export type DeepLearningParameters = { [K in keyof typeof DEFAULTS]: any } & {
  hidden: number[];
  epochs: number;
  seed: number;
  distribution: string;
  loss: string;
};

const DEFAULTS = {
  model_id: null,
  response_column: null,
  ignored_columns: [],
  weights_column: null,
  offset_column: null,
  fold_column: null,
  hidden: [200, 200],
  epochs: 10,
  activation: 'Rectifier',
  adaptive_rate: true,
  rho: 0.99,
  epsilon: 1e-8,
  rate: 0.005,
  rate_annealing: 1e-6,
  rate_decay: 1.0,
  momentum_start: 0,
  momentum_ramp: 1e6,
  momentum_stable: 0,
  nesterov_accelerated_gradient: true,
  input_dropout_ratio: 0,
  hidden_dropout_ratios: null,
  l1: 0,
  l2: 0,
  max_w2: 3.4028235e38,
  initial_weight_distribution: 'UniformAdaptive',
  initial_weight_scale: 1,
  loss: 'Automatic',
  distribution: 'AUTO',
  tweedie_power: 1.5,
  quantile_alpha: 0.5,
  huber_alpha: 0.9,
  score_interval: 5,
  score_training_samples: 10000,
  score_validation_samples: 0,
  score_duty_cycle: 0.1,
  score_each_iteration: false,
  classification_stop: 0,
  regression_stop: 1e-6,
  stopping_rounds: 5,
  stopping_metric: 'AUTO',
  stopping_tolerance: 0,
  max_runtime_secs: 0,
  score_validation_sampling: 'Uniform',
  overwrite_with_best_model: true,
  autoencoder: false,
  use_all_factor_levels: true,
  standardize: true,
  train_samples_per_iteration: -2,
  shuffle_training_data: false,
  missing_values_handling: 'MeanImputation',
  sparse: false,
  max_categorical_features: 2147483647,
  categorical_encoding: 'AUTO',
  reproducible: false,
  seed: -1,
  fast_mode: true,
  variable_importances: true,
  export_weights_and_biases: false,
  mini_batch_size: 1,
  average_activation: 0,
  sparsity_beta: 0,
  balance_classes: false,
  class_sampling_factors: null,
  max_after_balance_size: 5.0,
  max_confusion_matrix_size: 20,
  max_hit_ratio_k: 10,
  nfolds: 0,
  ignore_const_cols: true,
};

const ACTIVATIONS = [
  'Tanh',
  'TanhWithDropout',
  'Rectifier',
  'RectifierWithDropout',
  'Maxout',
  'MaxoutWithDropout',
  'ExpRectifier',
  'ExpRectifierWithDropout',
];

export function defaultParameters(): DeepLearningParameters {
  return structuredClone(DEFAULTS) as unknown as DeepLearningParameters;
}

export function coerceParameters(raw: Record<string, unknown>): Partial<DeepLearningParameters> {
  const out: Record<string, unknown> = {};
  const msgs: FieldMessage[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (!(k in DEFAULTS)) {
      msgs.push({ field: k, level: 'ERROR', message: 'unknown parameter' });
      continue;
    }
    const d = (DEFAULTS as Record<string, unknown>)[k];
    if (typeof v !== 'string') {
      out[k] = v;
      continue;
    }
    if (typeof d === 'number') out[k] = Number(v);
    else if (typeof d === 'boolean') out[k] = /^(true|1)$/i.test(v);
    else if (Array.isArray(d) || k === 'hidden_dropout_ratios' || k === 'class_sampling_factors')
      out[k] = v
        .replace(/[[\]c()]/g, '')
        .split(',')
        .filter(Boolean)
        .map((s) => (k === 'ignored_columns' ? s.trim() : Number(s)));
    else out[k] = v;
  }
  if (msgs.length) throw new ValidationError(msgs);
  return out as Partial<DeepLearningParameters>;
}

export function validateParameters(p: DeepLearningParameters, _ctx: Record<string, unknown>): FieldMessage[] {
  const m: FieldMessage[] = [];
  if (!ACTIVATIONS.includes(p.activation))
    m.push({
      field: 'activation',
      level: 'ERROR',
      message: `unknown value '${p.activation}'. Allowed: ${ACTIVATIONS.join(', ')}.`,
    });
  if (p.hidden.some((h: number) => !(h > 0)))
    m.push({ field: 'hidden', level: 'ERROR', message: 'Hidden layer size must be positive' });
  return m;
}

export function effectiveParameters(
  user: DeepLearningParameters,
  ctx: { isClassifier: boolean; nClasses: number; isAutoencoder: boolean },
): DeepLearningParameters {
  const p = structuredClone(user);
  if (p.activation.endsWith('WithDropout') && !p.hidden_dropout_ratios)
    p.hidden_dropout_ratios = p.hidden.map(() => 0.5);
  if (p.autoencoder) p.use_all_factor_levels = true;
  if (p.adaptive_rate) {
    p.rate = p.rate_decay = p.rate_annealing = p.momentum_start = p.momentum_ramp = p.momentum_stable = 0;
  } else {
    p.rho = p.epsilon = 0;
  }
  if (p.distribution === 'AUTO') {
    if (ctx.isClassifier) p.distribution = ctx.nClasses === 2 ? 'bernoulli' : 'multinomial';
    else
      p.distribution =
        { Absolute: 'laplace', Quantile: 'quantile', Huber: 'huber' }[p.loss as string] ?? 'gaussian';
  }
  if (p.loss === 'Automatic') {
    p.loss = ctx.isClassifier
      ? 'CrossEntropy'
      : ((
          { gaussian: 'Quadratic', quantile: 'Quantile', laplace: 'Absolute', huber: 'Huber' } as Record<
            string,
            string
          >
        )[p.distribution as string] ?? 'Automatic');
  }
  if (p.reproducible) {
    p.score_each_iteration = true;
    if (p.train_samples_per_iteration === -2) p.train_samples_per_iteration = -1;
  }
  return p;
}
