// The Deep Learning parameters as H2O's REST API describes them (ModelParameterSchemaV3): name,
// type, default, allowed values, level. Feeds /3/ModelBuilders metadata, turns the clients'
// form values (Python spelling, lower-case enums) into typed values, and echoes models' parameters.
import { type Literal, parseLiteral } from '../literal.ts';

/** H2O's type names for parameters, as the clients and the web UI read them. */
export type ParamType =
  | 'int'
  | 'long'
  | 'double'
  | 'float'
  | 'boolean'
  | 'enum'
  | 'string'
  | 'int[]'
  | 'double[]'
  | 'string[]'
  | 'Key<Frame>'
  | 'Key<Model>'
  | 'VecSpecifier'
  | 'Key<Frame>[]';

/** One parameter's metadata. */
export interface ParamSpec {
  name: string;
  type: ParamType;
  default: unknown;
  /** Allowed values of an enum, in H2O's spelling. */
  values?: string[];
  level: 'critical' | 'secondary' | 'expert';
  help: string;
  gridable: boolean;
}

const ACTIVATION = [
  'Tanh',
  'TanhWithDropout',
  'Rectifier',
  'RectifierWithDropout',
  'Maxout',
  'MaxoutWithDropout',
  'ExpRectifier',
  'ExpRectifierWithDropout',
];
const DISTRIBUTION = [
  'AUTO',
  'bernoulli',
  'multinomial',
  'gaussian',
  'poisson',
  'gamma',
  'tweedie',
  'laplace',
  'quantile',
  'huber',
];
const STOPPING = [
  'AUTO',
  'deviance',
  'logloss',
  'MSE',
  'RMSE',
  'MAE',
  'RMSLE',
  'AUC',
  'AUCPR',
  'lift_top_group',
  'misclassification',
  'mean_per_class_error',
  'custom',
  'custom_increasing',
];
const ENCODING = [
  'AUTO',
  'Enum',
  'OneHotInternal',
  'OneHotExplicit',
  'Binary',
  'Eigen',
  'LabelEncoder',
  'SortByResponse',
  'EnumLimited',
];

// [name, type, default, level, gridable, help, values?]: one line per parameter keeps the table readable.
type Row = [string, ParamType, unknown, 'c' | 's' | 'e', boolean, string, string[]?];
const ROWS: Row[] = [
  [
    'model_id',
    'Key<Model>',
    null,
    'c',
    false,
    'Destination id for this model; auto-generated if not specified.',
  ],
  ['training_frame', 'Key<Frame>', null, 'c', false, 'Id of the training data frame.'],
  ['validation_frame', 'Key<Frame>', null, 'c', false, 'Id of the validation data frame.'],
  ['nfolds', 'int', 0, 'c', false, 'Number of folds for K-fold cross-validation (0 to disable or >= 2).'],
  [
    'keep_cross_validation_models',
    'boolean',
    true,
    's',
    false,
    'Whether to keep the cross-validation models.',
  ],
  [
    'keep_cross_validation_predictions',
    'boolean',
    false,
    's',
    false,
    'Whether to keep the predictions of the cross-validation models.',
  ],
  [
    'keep_cross_validation_fold_assignment',
    'boolean',
    false,
    's',
    false,
    'Whether to keep the cross-validation fold assignment.',
  ],
  [
    'fold_assignment',
    'enum',
    'AUTO',
    's',
    false,
    'Cross-validation fold assignment scheme, if fold_column is not specified.',
    ['AUTO', 'Random', 'Modulo', 'Stratified'],
  ],
  [
    'fold_column',
    'VecSpecifier',
    null,
    's',
    false,
    'Column with cross-validation fold index assignment per observation.',
  ],
  ['response_column', 'VecSpecifier', null, 'c', false, 'Response variable column.'],
  ['ignored_columns', 'string[]', null, 'c', false, 'Names of columns to ignore for training.'],
  ['ignore_const_cols', 'boolean', true, 'c', false, 'Ignore constant columns.'],
  [
    'score_each_iteration',
    'boolean',
    false,
    's',
    false,
    'Whether to score during each iteration of model training.',
  ],
  ['weights_column', 'VecSpecifier', null, 's', false, 'Column with observation weights.'],
  [
    'offset_column',
    'VecSpecifier',
    null,
    's',
    false,
    'Offset column, added to the output layer before the link.',
  ],
  [
    'balance_classes',
    'boolean',
    false,
    's',
    false,
    'Balance training data class counts via over/under-sampling.',
  ],
  ['class_sampling_factors', 'double[]', null, 'e', false, 'Desired over/under-sampling ratios per class.'],
  [
    'max_after_balance_size',
    'float',
    5.0,
    'e',
    false,
    'Maximum relative size of the training data after balancing class counts.',
  ],
  [
    'max_confusion_matrix_size',
    'int',
    20,
    'e',
    false,
    'Maximum size (# classes) for confusion matrices to be printed in the logs.',
  ],
  ['checkpoint', 'Key<Model>', null, 's', false, 'Model checkpoint to resume training with.'],
  [
    'pretrained_autoencoder',
    'Key<Model>',
    null,
    's',
    false,
    'Pretrained autoencoder model to initialize this model with.',
  ],
  [
    'overwrite_with_best_model',
    'boolean',
    true,
    's',
    false,
    'If enabled, override the final model with the best model found during training.',
  ],
  ['use_all_factor_levels', 'boolean', true, 's', false, 'Use all factor levels of categorical variables.'],
  ['standardize', 'boolean', true, 's', false, 'If enabled, automatically standardize the data.'],
  ['activation', 'enum', 'Rectifier', 'c', true, 'Activation function.', ACTIVATION],
  ['hidden', 'int[]', [200, 200], 'c', true, 'Hidden layer sizes (e.g. [100, 100]).'],
  [
    'epochs',
    'double',
    10.0,
    'c',
    true,
    'How many times the dataset should be iterated (streamed), can be fractional.',
  ],
  [
    'train_samples_per_iteration',
    'long',
    -2,
    's',
    true,
    'Number of training samples per MapReduce iteration: 0 one epoch, -1 all available data, -2 auto-tuning.',
  ],
  [
    'target_ratio_comm_to_comp',
    'double',
    0.05,
    'e',
    true,
    'Target ratio of communication overhead to computation (auto-tuning).',
  ],
  ['seed', 'long', -1, 'c', true, 'Seed for random numbers (reproducible only with reproducible=true).'],
  ['adaptive_rate', 'boolean', true, 's', true, 'Adaptive learning rate (ADADELTA).'],
  ['rho', 'double', 0.99, 'e', true, 'Adaptive learning rate time decay factor.'],
  ['epsilon', 'double', 1e-8, 'e', true, 'Adaptive learning rate smoothing factor.'],
  ['rate', 'double', 0.005, 'e', true, 'Learning rate (higher => less stable, lower => slower convergence).'],
  [
    'rate_annealing',
    'double',
    1e-6,
    'e',
    true,
    'Learning rate annealing: rate / (1 + rate_annealing * samples).',
  ],
  ['rate_decay', 'double', 1.0, 'e', true, 'Learning rate decay factor between layers.'],
  ['momentum_start', 'double', 0, 'e', true, 'Initial momentum at the beginning of training.'],
  ['momentum_ramp', 'double', 1e6, 'e', true, 'Number of training samples for which momentum increases.'],
  ['momentum_stable', 'double', 0, 'e', true, 'Final momentum after the ramp is over.'],
  ['nesterov_accelerated_gradient', 'boolean', true, 'e', true, 'Use Nesterov accelerated gradient.'],
  [
    'input_dropout_ratio',
    'double',
    0,
    's',
    true,
    'Input layer dropout ratio (can improve generalization, try 0.1 or 0.2).',
  ],
  [
    'hidden_dropout_ratios',
    'double[]',
    null,
    's',
    true,
    'Hidden layer dropout ratios, one per hidden layer (defaults to 0.5).',
  ],
  ['l1', 'double', 0, 's', true, 'L1 regularization (can add stability and improve generalization).'],
  ['l2', 'double', 0, 's', true, 'L2 regularization (can add stability and improve generalization).'],
  ['max_w2', 'float', 3.4028235e38, 'e', true, 'Constraint for squared sum of incoming weights per unit.'],
  [
    'initial_weight_distribution',
    'enum',
    'UniformAdaptive',
    'e',
    true,
    'Initial weight distribution.',
    ['UniformAdaptive', 'Uniform', 'Normal'],
  ],
  ['initial_weight_scale', 'double', 1.0, 'e', true, 'Uniform: -value...value, Normal: stddev.'],
  [
    'initial_weights',
    'Key<Frame>[]',
    null,
    'e',
    false,
    'A list of frame ids to initialize the weight matrices of this model with.',
  ],
  [
    'initial_biases',
    'Key<Frame>[]',
    null,
    'e',
    false,
    'A list of frame ids to initialize the bias vectors of this model with.',
  ],
  [
    'loss',
    'enum',
    'Automatic',
    's',
    true,
    'Loss function.',
    ['Automatic', 'CrossEntropy', 'Quadratic', 'Huber', 'Absolute', 'Quantile'],
  ],
  ['distribution', 'enum', 'AUTO', 's', true, 'Distribution function.', DISTRIBUTION],
  [
    'quantile_alpha',
    'double',
    0.5,
    's',
    true,
    'Desired quantile for Quantile regression, must be between 0 and 1.',
  ],
  [
    'tweedie_power',
    'double',
    1.5,
    's',
    true,
    'Tweedie power for Tweedie regression, must be between 1 and 2.',
  ],
  [
    'huber_alpha',
    'double',
    0.9,
    's',
    true,
    'Desired quantile for Huber/M-regression (threshold between quadratic and linear loss, must be between 0 and 1).',
  ],
  ['score_interval', 'double', 5, 's', true, 'Shortest time interval (in seconds) between model scoring.'],
  [
    'score_training_samples',
    'long',
    10000,
    's',
    true,
    'Number of training set samples for scoring (0 for all).',
  ],
  [
    'score_validation_samples',
    'long',
    0,
    's',
    true,
    'Number of validation set samples for scoring (0 for all).',
  ],
  [
    'score_duty_cycle',
    'double',
    0.1,
    's',
    true,
    'Maximum duty cycle fraction for scoring (lower: more training, higher: more scoring).',
  ],
  [
    'classification_stop',
    'double',
    0,
    's',
    true,
    'Stopping criterion for classification error fraction on training data (-1 to disable).',
  ],
  [
    'regression_stop',
    'double',
    1e-6,
    's',
    true,
    'Stopping criterion for regression error (MSE) on training data (-1 to disable).',
  ],
  [
    'stopping_rounds',
    'int',
    5,
    's',
    true,
    'Early stopping based on convergence of stopping_metric (0 to disable).',
  ],
  [
    'stopping_metric',
    'enum',
    'AUTO',
    's',
    true,
    'Metric to use for early stopping (AUTO: logloss for classification, deviance for regression).',
    STOPPING,
  ],
  ['stopping_tolerance', 'double', 0, 's', true, 'Relative tolerance for metric-based stopping criterion.'],
  [
    'max_runtime_secs',
    'double',
    0,
    's',
    true,
    'Maximum allowed runtime in seconds for model training. Use 0 to disable.',
  ],
  [
    'score_validation_sampling',
    'enum',
    'Uniform',
    'e',
    true,
    'Method used to sample validation dataset for scoring.',
    ['Uniform', 'Stratified'],
  ],
  ['diagnostics', 'boolean', true, 'e', true, 'Enable diagnostics for hidden layers.'],
  ['fast_mode', 'boolean', true, 'e', true, 'Enable fast mode (minor approximation in back-propagation).'],
  [
    'force_load_balance',
    'boolean',
    true,
    'e',
    true,
    'Force extra load balancing to increase training speed for small datasets.',
  ],
  [
    'variable_importances',
    'boolean',
    true,
    'c',
    true,
    'Compute variable importances for input features (Gedeon method).',
  ],
  [
    'replicate_training_data',
    'boolean',
    true,
    's',
    true,
    'Replicate the entire training dataset onto every node.',
  ],
  [
    'single_node_mode',
    'boolean',
    false,
    'e',
    true,
    'Run on a single node for fine-tuning of model parameters.',
  ],
  ['shuffle_training_data', 'boolean', false, 'e', true, 'Enable shuffling of training data.'],
  [
    'missing_values_handling',
    'enum',
    'MeanImputation',
    'e',
    true,
    'Handling of missing values. Either MeanImputation or Skip.',
    ['MeanImputation', 'Skip'],
  ],
  ['quiet_mode', 'boolean', false, 'e', true, 'Enable quiet mode for less output to standard output.'],
  ['autoencoder', 'boolean', false, 's', false, 'Auto-Encoder.'],
  [
    'sparse',
    'boolean',
    false,
    'e',
    true,
    'Sparse data handling (more efficient for data with lots of 0 values).',
  ],
  ['col_major', 'boolean', false, 'e', true, 'Use a column major weight matrix for input layer.'],
  ['average_activation', 'double', 0, 'e', true, 'Average activation for sparse auto-encoder.'],
  ['sparsity_beta', 'double', 0, 'e', true, 'Sparsity regularization.'],
  [
    'max_categorical_features',
    'int',
    2147483647,
    'e',
    true,
    'Max. number of categorical features, enforced via hashing.',
  ],
  [
    'reproducible',
    'boolean',
    false,
    'e',
    true,
    'Force reproducibility on small data (will be slow - only uses 1 thread).',
  ],
  [
    'export_weights_and_biases',
    'boolean',
    false,
    'e',
    true,
    'Whether to export Neural Network weights and biases to H2O Frames.',
  ],
  [
    'mini_batch_size',
    'int',
    1,
    'e',
    true,
    'Mini-batch size (smaller leads to better fit, larger can speed up and generalize better).',
  ],
  ['categorical_encoding', 'enum', 'AUTO', 's', true, 'Encoding scheme for categorical features.', ENCODING],
  [
    'elastic_averaging',
    'boolean',
    false,
    'e',
    true,
    'Elastic averaging between compute nodes can improve distributed model convergence.',
  ],
  [
    'elastic_averaging_moving_rate',
    'double',
    0.9,
    'e',
    true,
    'Elastic averaging moving rate (only if elastic averaging is enabled).',
  ],
  [
    'elastic_averaging_regularization',
    'double',
    0.001,
    'e',
    true,
    'Elastic averaging regularization strength (only if elastic averaging is enabled).',
  ],
  [
    'export_checkpoints_dir',
    'string',
    null,
    'e',
    false,
    'Automatically export generated models to this directory.',
  ],
  [
    'auc_type',
    'enum',
    'AUTO',
    's',
    false,
    'Set default multinomial AUC type.',
    ['AUTO', 'NONE', 'MACRO_OVR', 'WEIGHTED_OVR', 'MACRO_OVO', 'WEIGHTED_OVO'],
  ],
  [
    'custom_metric_func',
    'string',
    null,
    'e',
    false,
    'Reference to custom evaluation function (not supported here).',
  ],
  [
    'gainslift_bins',
    'int',
    -1,
    'e',
    false,
    'Gains/Lift table number of bins (-1 chooses automatically, 0 disables).',
  ],
];

const LEVEL = { c: 'critical', s: 'secondary', e: 'expert' } as const;

/** Every Deep Learning parameter in H2O's order. */
export const DL_PARAMETERS: readonly ParamSpec[] = ROWS.map(
  ([name, type, dflt, level, gridable, help, values]) => ({
    name,
    type,
    default: dflt,
    level: LEVEL[level],
    gridable,
    help,
    ...(values ? { values } : {}),
  }),
);

/** Specs by name. */
export const DL_PARAMETER_BY_NAME: ReadonlyMap<string, ParamSpec> = new Map(
  DL_PARAMETERS.map((s) => [s.name, s]),
);

/** The canonical spelling of an enum value (`uniform_adaptive` -> `UniformAdaptive`), or undefined. */
export function canonicalEnum(spec: ParamSpec, value: string): string | undefined {
  const norm = (s: string) => s.replace(/_/g, '').toLowerCase();
  const v = norm(value);
  return spec.values?.find((a) => norm(a) === v);
}

/** A form value as a literal: Python/R spellings parsed (lists, dicts, `True`), JSON values kept. */
export function literalOf(raw: unknown, name: string): Literal {
  if (typeof raw !== 'string') return raw as Literal;
  const t = raw.trim();
  // Bare words (enum values, column names) are strings as they stand; lists and quoted text go to the parser.
  if (/^[[{("']/.test(t)) return parseLiteral(t, name);
  return t;
}
