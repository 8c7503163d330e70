// The enumerated values of the Deep Learning parameters, spelled exactly as H2O spells them. The
// lists are H2O's full enums (also values DL rejects, e.g. loss=ModifiedHuber), so that a value the
// clients may send is typed first and then refused by validation with H2O's own reason (§1.3).

/** `activation` (semantics §1.1). */
export const ACTIVATIONS = [
  'Tanh',
  'TanhWithDropout',
  'Rectifier',
  'RectifierWithDropout',
  'Maxout',
  'MaxoutWithDropout',
  'ExpRectifier',
  'ExpRectifierWithDropout',
] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** `loss`; ModifiedHuber exists in H2O's enum but is always rejected (§1.3). */
export const LOSSES = [
  'Automatic',
  'Quadratic',
  'CrossEntropy',
  'ModifiedHuber',
  'Huber',
  'Absolute',
  'Quantile',
] as const;
export type Loss = (typeof LOSSES)[number];

/** `distribution`: H2O's DistributionFamily. Only AUTO and the first nine after it train a DL model. */
export const DISTRIBUTIONS = [
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
  'quasibinomial',
  'modified_huber',
  'ordinal',
  'fractionalbinomial',
  'negativebinomial',
  'custom',
] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** Distributions DeepLearning accepts (semantics §1.1); the rest of {@link DISTRIBUTIONS} is an error. */
export const DL_DISTRIBUTIONS: readonly Distribution[] = DISTRIBUTIONS.slice(0, 10);

/** `stopping_metric` (H2O's ScoreKeeper.StoppingMetric). */
export const STOPPING_METRICS = [
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
] as const;
export type StoppingMetric = (typeof STOPPING_METRICS)[number];

/** `categorical_encoding`; Enum and OneHotExplicit are rejected for DL (§2.9). */
export const CATEGORICAL_ENCODINGS = [
  'AUTO',
  'Enum',
  'OneHotInternal',
  'OneHotExplicit',
  'Binary',
  'Eigen',
  'LabelEncoder',
  'SortByResponse',
  'EnumLimited',
] as const;
export type CategoricalEncoding = (typeof CATEGORICAL_ENCODINGS)[number];

/**
 * The booklet's spellings of `categorical_encoding` (§8 of the booklet: `auto`, `one_hot_internal`,
 * ...), which the R and Python clients send; coercion maps them onto H2O's enum names.
 */
export const CATEGORICAL_ENCODING_ALIASES: Readonly<Record<string, CategoricalEncoding>> = {
  auto: 'AUTO',
  enum: 'Enum',
  one_hot_internal: 'OneHotInternal',
  one_hot_explicit: 'OneHotExplicit',
  binary: 'Binary',
  eigen: 'Eigen',
  label_encoder: 'LabelEncoder',
  sort_by_response: 'SortByResponse',
  enum_limited: 'EnumLimited',
};

/** `initial_weight_distribution`. */
export const INITIAL_WEIGHT_DISTRIBUTIONS = ['UniformAdaptive', 'Uniform', 'Normal'] as const;
export type InitialWeightDistribution = (typeof INITIAL_WEIGHT_DISTRIBUTIONS)[number];

/** `missing_values_handling`. */
export const MISSING_VALUES_HANDLINGS = ['MeanImputation', 'Skip'] as const;
export type MissingValuesHandling = (typeof MISSING_VALUES_HANDLINGS)[number];

/** `score_validation_sampling`. */
export const SCORE_VALIDATION_SAMPLINGS = ['Uniform', 'Stratified'] as const;
export type ScoreValidationSampling = (typeof SCORE_VALIDATION_SAMPLINGS)[number];

/** `fold_assignment`. */
export const FOLD_ASSIGNMENTS = ['AUTO', 'Random', 'Modulo', 'Stratified'] as const;
export type FoldAssignment = (typeof FOLD_ASSIGNMENTS)[number];

/** `auc_type` (multinomial AUC averaging; AUTO and NONE compute none, §8). */
export const AUC_TYPES = ['AUTO', 'NONE', 'MACRO_OVR', 'WEIGHTED_OVR', 'MACRO_OVO', 'WEIGHTED_OVO'] as const;
export type AucType = (typeof AUC_TYPES)[number];

/** Activations whose hidden layers use dropout (hidden_dropout_ratios applies, §5.9). */
export function isDropoutActivation(a: Activation): boolean {
  return a.endsWith('WithDropout');
}
