// The Deep Learning parameters: their TypeScript type (H2O's snake_case names) and one metadata table
// (type, default, allowed values, help, level, gridable) that drives the CLI flags, the REST
// ModelBuilders metadata and the web form. Defaults per semantics §1.1; help in our own words.
import type {
  Activation,
  AucType,
  CategoricalEncoding,
  Distribution,
  FoldAssignment,
  InitialWeightDistribution,
  Loss,
  MissingValuesHandling,
  ScoreValidationSampling,
  StoppingMetric,
} from './enums.ts';
import {
  ACTIVATIONS,
  AUC_TYPES,
  CATEGORICAL_ENCODINGS,
  DISTRIBUTIONS,
  FOLD_ASSIGNMENTS,
  INITIAL_WEIGHT_DISTRIBUTIONS,
  LOSSES,
  MISSING_VALUES_HANDLINGS,
  SCORE_VALIDATION_SAMPLINGS,
  STOPPING_METRICS,
} from './enums.ts';

/**
 * Every Deep Learning parameter H2O's clients send, under H2O's name. `null` means "unset" (H2O's
 * null: no key, no column, no list). Keys (`model_id`, frames, models) are the catalog's string keys.
 */
export interface DeepLearningParameters {
  model_id: string | null;
  training_frame: string | null;
  validation_frame: string | null;
  nfolds: number;
  keep_cross_validation_models: boolean;
  keep_cross_validation_predictions: boolean;
  keep_cross_validation_fold_assignment: boolean;
  fold_assignment: FoldAssignment;
  fold_column: string | null;
  response_column: string | null;
  ignored_columns: string[] | null;
  ignore_const_cols: boolean;
  score_each_iteration: boolean;
  weights_column: string | null;
  offset_column: string | null;
  balance_classes: boolean;
  class_sampling_factors: number[] | null;
  max_after_balance_size: number;
  max_confusion_matrix_size: number;
  max_hit_ratio_k: number;
  checkpoint: string | null;
  pretrained_autoencoder: string | null;
  overwrite_with_best_model: boolean;
  use_all_factor_levels: boolean;
  standardize: boolean;
  activation: Activation;
  hidden: number[];
  epochs: number;
  train_samples_per_iteration: number;
  target_ratio_comm_to_comp: number;
  seed: number;
  adaptive_rate: boolean;
  rho: number;
  epsilon: number;
  rate: number;
  rate_annealing: number;
  rate_decay: number;
  momentum_start: number;
  momentum_ramp: number;
  momentum_stable: number;
  nesterov_accelerated_gradient: boolean;
  input_dropout_ratio: number;
  hidden_dropout_ratios: number[] | null;
  l1: number;
  l2: number;
  max_w2: number;
  initial_weight_distribution: InitialWeightDistribution;
  initial_weight_scale: number;
  initial_weights: (string | null)[] | null;
  initial_biases: (string | null)[] | null;
  loss: Loss;
  distribution: Distribution;
  quantile_alpha: number;
  tweedie_power: number;
  huber_alpha: number;
  score_interval: number;
  score_training_samples: number;
  score_validation_samples: number;
  score_duty_cycle: number;
  classification_stop: number;
  regression_stop: number;
  stopping_rounds: number;
  stopping_metric: StoppingMetric;
  stopping_tolerance: number;
  max_runtime_secs: number;
  score_validation_sampling: ScoreValidationSampling;
  diagnostics: boolean;
  fast_mode: boolean;
  force_load_balance: boolean;
  variable_importances: boolean;
  replicate_training_data: boolean;
  single_node_mode: boolean;
  shuffle_training_data: boolean;
  missing_values_handling: MissingValuesHandling;
  quiet_mode: boolean;
  autoencoder: boolean;
  sparse: boolean;
  col_major: boolean;
  average_activation: number;
  sparsity_beta: number;
  max_categorical_features: number;
  reproducible: boolean;
  export_weights_and_biases: boolean;
  mini_batch_size: number;
  categorical_encoding: CategoricalEncoding;
  elastic_averaging: boolean;
  elastic_averaging_moving_rate: number;
  elastic_averaging_regularization: number;
  export_checkpoints_dir: string | null;
  auc_type: AucType;
  gainslift_bins: number;
  custom_metric_func: string | null;
  custom_distribution_func: string | null;
}

/** A parameter's name. */
export type ParameterName = keyof DeepLearningParameters;

/** Value kinds; `key` is a catalog key (frame or model), `string` includes column names. */
export type ParameterType =
  | 'int'
  | 'double'
  | 'boolean'
  | 'enum'
  | 'int[]'
  | 'double[]'
  | 'string'
  | 'string[]'
  | 'key'
  | 'key[]';

/** How prominently a form shows the parameter (H2O's ModelParameterSchemaV3.level). */
export type ParameterLevel = 'critical' | 'secondary' | 'expert';

/** Metadata of one parameter. */
export interface ParameterSpec {
  readonly name: ParameterName;
  readonly type: ParameterType;
  /** H2O's own type name in the REST metadata (`long`, `float`, `Key<Frame>`, `VecSpecifier`, ...). */
  readonly h2oType: string;
  /** Default value; `null` = unset. Arrays are shared: clone before mutating. */
  readonly default: unknown;
  /** Allowed values of an enum, H2O's spelling and order. */
  readonly values?: readonly string[];
  readonly help: string;
  readonly level: ParameterLevel;
  /** May appear in a grid's hyper_params. */
  readonly gridable: boolean;
  /** `null` is a legal value (an unset key, column or list). */
  readonly nullable: boolean;
}

type Entry<T> = {
  type: ParameterType;
  default: T;
  level: ParameterLevel;
  help: string;
  grid?: boolean;
  values?: readonly string[];
  h2o?: string;
};

const C = 'critical';
const S = 'secondary';
const X = 'expert';
const FLOAT_MAX = 3.4028235e38; // Java's Float.MAX_VALUE, H2O's max_w2 default
const INT_MAX = 2147483647; // Java's Integer.MAX_VALUE

// One entry per field of DeepLearningParameters (the mapped type makes a missing one a compile error),
// in the order H2O's clients list them. One line per parameter so the table reads as a table.
// biome-ignore format: kept as a one-line-per-parameter table
const TABLE: { [K in ParameterName]: Entry<DeepLearningParameters[K]> } = {
  model_id: { type: 'key', default: null, level: C, h2o: 'Key<Model>', help: 'Destination key of the model; generated when unset.' },
  training_frame: { type: 'key', default: null, level: C, h2o: 'Key<Frame>', help: 'Frame the model is trained on.' },
  validation_frame: { type: 'key', default: null, level: C, h2o: 'Key<Frame>', help: 'Frame scored for validation metrics and early stopping.' },
  nfolds: { type: 'int', default: 0, level: C, help: 'Number of cross-validation folds; 0 disables cross-validation.' },
  keep_cross_validation_models: { type: 'boolean', default: true, level: S, help: 'Keep the models trained on each fold.' },
  keep_cross_validation_predictions: { type: 'boolean', default: false, level: S, help: 'Keep the holdout predictions of the fold models.' },
  keep_cross_validation_fold_assignment: { type: 'boolean', default: false, level: S, help: 'Keep the fold index of every training row.' },
  fold_assignment: { type: 'enum', default: 'AUTO', values: FOLD_ASSIGNMENTS, level: S, help: 'How rows are assigned to folds when nfolds > 0 and no fold_column is given (AUTO = Random).' },
  fold_column: { type: 'string', default: null, level: S, h2o: 'VecSpecifier', help: 'Column holding the fold index of each row (user-supplied folds).' },
  response_column: { type: 'string', default: null, level: C, h2o: 'VecSpecifier', help: 'Column to predict; a categorical response makes a classifier.' },
  ignored_columns: { type: 'string[]', default: null, level: C, help: 'Columns not used as predictors.' },
  ignore_const_cols: { type: 'boolean', default: true, level: C, help: 'Drop constant (and all-missing) predictor columns, which carry no information.' },
  score_each_iteration: { type: 'boolean', default: false, level: S, help: 'Score the model after every training iteration.' },
  weights_column: { type: 'string', default: null, level: S, h2o: 'VecSpecifier', help: 'Column of per-row observation weights (e.g. repeat counts); 0 drops the row.' },
  offset_column: { type: 'string', default: null, level: S, h2o: 'VecSpecifier', help: 'Column of per-row offsets added to the prediction in link space (regression only).' },
  balance_classes: { type: 'boolean', default: false, level: S, help: 'Over/under-sample the classes to equal counts (classification only).' },
  class_sampling_factors: { type: 'double[]', default: null, level: X, h2o: 'float[]', help: 'Per-class sampling ratios, in domain order, used with balance_classes; computed when unset.' },
  max_after_balance_size: { type: 'double', default: 5, level: X, h2o: 'float', help: 'Largest size of the balanced training data, as a multiple of the original (may be < 1).' },
  max_confusion_matrix_size: { type: 'int', default: 20, level: X, help: 'Largest number of classes for which a confusion matrix is printed.' },
  max_hit_ratio_k: { type: 'int', default: 10, level: S, help: 'Multinomial only: compute hit ratios up to this k; 0 disables.' },
  checkpoint: { type: 'key', default: null, level: S, h2o: 'Key<Model>', help: 'Model whose training is continued (epochs is then the total).' },
  pretrained_autoencoder: { type: 'key', default: null, level: S, h2o: 'Key<Model>', help: 'Autoencoder whose hidden weights initialise this supervised model.' },
  overwrite_with_best_model: { type: 'boolean', default: true, level: S, help: 'At the end, keep the best model scored during training instead of the last.' },
  use_all_factor_levels: { type: 'boolean', default: true, level: S, help: 'One input per level of each categorical; false omits the first level (forced on for autoencoders).' },
  standardize: { type: 'boolean', default: true, level: S, help: 'Standardise numeric inputs (and a regression response) before training.' },
  activation: { type: 'enum', default: 'Rectifier', values: ACTIVATIONS, level: C, grid: true, help: 'Non-linear activation of the hidden layers; *WithDropout variants enable hidden dropout.' },
  hidden: { type: 'int[]', default: [200, 200], level: C, grid: true, help: 'Size of each hidden layer, e.g. 100,200,100 for three layers; empty for none.' },
  epochs: { type: 'double', default: 10, level: C, grid: true, help: 'Passes over the training data (may be fractional); the total when restarting from a checkpoint.' },
  train_samples_per_iteration: { type: 'int', default: -2, level: S, grid: true, h2o: 'long', help: 'Rows trained between model syncs/scorings: 0 = one epoch, -1 = all data, -2 = auto-tuned.' },
  target_ratio_comm_to_comp: { type: 'double', default: 0.05, level: X, grid: true, help: 'Target share of time spent communicating vs computing when train_samples_per_iteration=-2.' },
  seed: { type: 'int', default: -1, level: C, grid: true, h2o: 'long', help: 'Seed of all randomness (sampling, initialisation, dropout); -1 draws one.' },
  adaptive_rate: { type: 'boolean', default: true, level: S, grid: true, help: 'Use the ADADELTA per-weight adaptive learning rate instead of rate/momentum.' },
  rho: { type: 'double', default: 0.99, level: X, grid: true, help: 'ADADELTA decay of the squared-gradient memory (typically 0.9 to 0.999).' },
  epsilon: { type: 'double', default: 1e-8, level: X, grid: true, help: 'ADADELTA smoothing term that sets the early step size (typically 1e-10 to 1e-4).' },
  rate: { type: 'double', default: 0.005, level: X, grid: true, help: 'Learning rate when adaptive_rate is off; larger is faster but less stable.' },
  rate_annealing: { type: 'double', default: 1e-6, level: X, grid: true, help: 'Rate is divided by (1 + rate_annealing * samples seen); 1e-6 halves it after 1e6 samples.' },
  rate_decay: { type: 'double', default: 1, level: X, grid: true, help: 'Per-layer factor on the rate: layer L uses rate * rate_decay^(L-1).' },
  momentum_start: { type: 'double', default: 0, level: X, grid: true, help: 'Momentum at the start of training (adaptive_rate off).' },
  momentum_ramp: { type: 'double', default: 1e6, level: X, grid: true, help: 'Training samples over which momentum goes from momentum_start to momentum_stable.' },
  momentum_stable: { type: 'double', default: 0, level: X, grid: true, help: 'Momentum after the ramp (adaptive_rate off).' },
  nesterov_accelerated_gradient: { type: 'boolean', default: true, level: X, grid: true, help: 'Use Nesterov momentum rather than classical momentum (adaptive_rate off).' },
  input_dropout_ratio: { type: 'double', default: 0, level: S, grid: true, help: 'Fraction of input values dropped per training row, in [0, 1).' },
  hidden_dropout_ratios: { type: 'double[]', default: null, level: S, grid: true, help: 'Dropout fraction per hidden layer for *WithDropout activations; 0.5 each when unset.' },
  l1: { type: 'double', default: 0, level: S, grid: true, help: 'L1 penalty on weights: sparser, more stable weights.' },
  l2: { type: 'double', default: 0, level: S, grid: true, help: 'L2 penalty on weights: smaller weights, better generalisation.' },
  max_w2: { type: 'double', default: FLOAT_MAX, level: X, grid: true, h2o: 'float', help: "Cap on the sum of squares of a neuron's incoming weights; the default leaves it unbounded." },
  initial_weight_distribution: { type: 'enum', default: 'UniformAdaptive', values: INITIAL_WEIGHT_DISTRIBUTIONS, level: X, grid: true, help: 'Distribution of the initial weights.' },
  initial_weight_scale: { type: 'double', default: 1, level: X, grid: true, help: 'Half-width (Uniform) or standard deviation (Normal) of the initial weights.' },
  initial_weights: { type: 'key[]', default: null, level: X, h2o: 'Key<Frame>[]', help: 'Frames of initial weight matrices, one per layer (len(hidden)+1), entries may be null.' },
  initial_biases: { type: 'key[]', default: null, level: X, h2o: 'Key<Frame>[]', help: 'Frames of initial bias vectors, one per layer (len(hidden)+1), entries may be null.' },
  loss: { type: 'enum', default: 'Automatic', values: LOSSES, level: S, grid: true, help: 'Loss function; Automatic picks it from the distribution (CrossEntropy for classification).' },
  distribution: { type: 'enum', default: 'AUTO', values: DISTRIBUTIONS, level: S, grid: true, help: 'Distribution of the response; AUTO picks bernoulli, multinomial or gaussian.' },
  quantile_alpha: { type: 'double', default: 0.5, level: S, grid: true, help: 'Quantile predicted with distribution=quantile, in [0, 1] (0.5 = median).' },
  tweedie_power: { type: 'double', default: 1.5, level: S, grid: true, help: 'Tweedie variance power with distribution=tweedie, in (1, 2).' },
  huber_alpha: { type: 'double', default: 0.9, level: S, grid: true, help: 'Quantile of absolute errors where Huber loss turns from quadratic to linear, in [0, 1].' },
  score_interval: { type: 'double', default: 5, level: S, grid: true, help: 'Shortest time between two scorings, in seconds.' },
  score_training_samples: { type: 'int', default: 10000, level: S, grid: true, h2o: 'long', help: 'Training rows sampled for training metrics; 0 = all.' },
  score_validation_samples: { type: 'int', default: 0, level: S, grid: true, h2o: 'long', help: 'Validation rows sampled for validation metrics; 0 = all.' },
  score_duty_cycle: { type: 'double', default: 0.1, level: S, grid: true, help: 'Largest fraction of wall time spent scoring, in [0, 1].' },
  classification_stop: { type: 'double', default: 0, level: X, grid: true, help: 'Stop when the training classification error is at or below this; -1 disables.' },
  regression_stop: { type: 'double', default: 1e-6, level: X, grid: true, help: 'Stop when the training MSE is at or below this; -1 disables.' },
  stopping_rounds: { type: 'int', default: 5, level: S, grid: true, help: 'Stop when the moving average (length k) of stopping_metric has not improved for k scorings; 0 disables.' },
  stopping_metric: { type: 'enum', default: 'AUTO', values: STOPPING_METRICS, level: S, grid: true, help: 'Metric for early stopping; AUTO = logloss (classification), deviance (regression), MSE (autoencoder).' },
  stopping_tolerance: { type: 'double', default: 0, level: S, grid: true, help: 'Relative improvement below which a scoring counts as no improvement.' },
  max_runtime_secs: { type: 'double', default: 0, level: S, grid: true, help: 'Stop training after this many seconds; 0 disables.' },
  score_validation_sampling: { type: 'enum', default: 'Uniform', values: SCORE_VALIDATION_SAMPLINGS, level: X, grid: true, help: 'How validation rows are sampled for scoring (Stratified needs balance_classes).' },
  diagnostics: { type: 'boolean', default: true, level: X, grid: true, help: 'Deprecated; always on.' },
  fast_mode: { type: 'boolean', default: true, level: X, grid: true, help: 'Skip updates of weights whose input is zero: a small approximation that speeds back-propagation.' },
  force_load_balance: { type: 'boolean', default: true, level: X, grid: true, help: 'Split small training data into more chunks to keep all cores busy.' },
  variable_importances: { type: 'boolean', default: true, level: C, grid: true, help: 'Compute Gedeon variable importances from the first two weight layers.' },
  replicate_training_data: { type: 'boolean', default: true, level: S, grid: true, help: 'Copy the whole training data to every node (off on a single node).' },
  single_node_mode: { type: 'boolean', default: false, level: X, grid: true, help: 'Train on one node only (multi-node clusters).' },
  shuffle_training_data: { type: 'boolean', default: false, level: X, grid: true, help: 'Shuffle the training rows on each node.' },
  missing_values_handling: { type: 'enum', default: 'MeanImputation', values: MISSING_VALUES_HANDLINGS, level: X, grid: true, help: 'MeanImputation replaces a missing numeric input by the column mean; Skip drops the row.' },
  quiet_mode: { type: 'boolean', default: false, level: X, grid: true, help: 'Print less progress output.' },
  autoencoder: { type: 'boolean', default: false, level: S, help: 'Train an autoencoder (no response; the network reconstructs its inputs).' },
  sparse: { type: 'boolean', default: false, level: X, grid: true, help: 'Sparse input handling: inputs are scaled but not centred, so zeros stay zero.' },
  col_major: { type: 'boolean', default: false, level: X, grid: true, help: 'Deprecated: column-major input weights; true is rejected.' },
  average_activation: { type: 'double', default: 0, level: X, grid: true, help: 'Target mean activation of hidden units for a sparse autoencoder.' },
  sparsity_beta: { type: 'double', default: 0, level: X, grid: true, help: 'Weight of the sparsity penalty of a sparse autoencoder; 0 disables.' },
  max_categorical_features: { type: 'int', default: INT_MAX, level: X, grid: true, help: 'Hash the one-hot categorical inputs into at most this many inputs (experimental).' },
  reproducible: { type: 'boolean', default: false, level: X, grid: true, help: 'Train on one thread, scoring every iteration, so a fixed seed gives identical models (slow).' },
  export_weights_and_biases: { type: 'boolean', default: false, level: X, grid: true, help: 'Publish the weights and biases as frames after each scoring.' },
  mini_batch_size: { type: 'int', default: 1, level: X, grid: true, help: 'Rows per weight update: 1 (H2O) updates per row; larger values train on mini-batches (h2o-ts extension).' },
  categorical_encoding: { type: 'enum', default: 'AUTO', values: CATEGORICAL_ENCODINGS, level: S, grid: true, help: 'How categorical predictors become inputs; AUTO = OneHotInternal (one input per level plus one for missing).' },
  elastic_averaging: { type: 'boolean', default: false, level: X, help: 'Elastic averaging between nodes (experimental, multi-node).' },
  elastic_averaging_moving_rate: { type: 'double', default: 0.9, level: X, help: 'Moving rate of the elastic averaging consensus, in [0, 1].' },
  elastic_averaging_regularization: { type: 'double', default: 1e-3, level: X, help: 'Strength of the pull towards the elastic averaging consensus, >= 0.' },
  export_checkpoints_dir: { type: 'string', default: null, level: S, help: 'Folder where every intermediate model is saved.' },
  auc_type: { type: 'enum', default: 'AUTO', values: AUC_TYPES, level: S, help: 'Multinomial AUC averaging; AUTO and NONE compute no multinomial AUC.' },
  gainslift_bins: { type: 'int', default: -1, level: X, help: 'Number of groups of the gains/lift table; -1 = automatic, 0 disables.' },
  custom_metric_func: { type: 'string', default: null, level: X, help: 'Reference to a user-defined metric function (not supported here).' },
  custom_distribution_func: { type: 'string', default: null, level: X, help: 'Reference to a user-defined distribution (not supported here).' },
};

/** Metadata of every parameter, in H2O's order. */
export const PARAMETER_SPECS: readonly ParameterSpec[] = Object.entries(TABLE).map(([name, e]) => {
  const entry = e as Entry<unknown>;
  return Object.freeze({
    name: name as ParameterName,
    type: entry.type,
    h2oType: entry.h2o ?? entry.type,
    default: Array.isArray(entry.default) ? Object.freeze([...entry.default]) : entry.default,
    ...(entry.values ? { values: entry.values } : {}),
    help: entry.help,
    level: entry.level,
    gridable: entry.grid ?? false,
    nullable: entry.default === null,
  });
});

/** Spec by name. */
export const PARAMETER_SPEC_BY_NAME: ReadonlyMap<string, ParameterSpec> = new Map(
  PARAMETER_SPECS.map((s) => [s.name, s]),
);

/** A fresh copy of H2O's defaults (semantics §1.1); safe to mutate. */
export function defaultParameters(): DeepLearningParameters {
  const out: Record<string, unknown> = {};
  for (const s of PARAMETER_SPECS) out[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  return out as unknown as DeepLearningParameters;
}
