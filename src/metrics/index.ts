// Public surface of metrics: H2O's model metrics on plain typed arrays (no Frame, no model),
// the early-stopping rule and Gedeon variable importance. Imports only src/core.

export { AUC_NBINS, AucBuilder } from './auc-builder.ts';
export {
  type Auc2,
  computeAuc2,
  criterionAt,
  defaultThreshold,
  finishAuc2,
  maxCriterionIdx,
} from './auc2.ts';
export { type AutoencoderMetrics, autoencoderMetrics } from './autoencoder.ts';
export {
  type BinomialInput,
  type BinomialMetrics,
  binomialLabel,
  binomialMetrics,
  MAX_LOGLOSS,
} from './binomial.ts';
export { maxCriteriaTable, thresholdsTable } from './binomial-tables.ts';
export { ConfusionMatrix } from './confusion-matrix.ts';
export { clampedLog, deviance, REGRESSION_DISTRIBUTIONS, type RegressionDistribution } from './deviance.ts';
export { DEFAULT_GAINSLIFT_PROBS, type GainsLift, gainsLift } from './gains-lift.ts';
export { argmax, type MultinomialInput, type MultinomialMetrics, multinomialMetrics } from './multinomial.ts';
export { weightedQuantile, weightedQuantiles } from './quantile.ts';
export { type RegressionInput, type RegressionMetrics, regressionMetrics, rSquared } from './regression.ts';
export { type StopEarlyOptions, stopEarly } from './stop-early.ts';
export { THRESHOLD_CRITERIA, type ThresholdCriterion } from './threshold-criteria.ts';
export { makeTable, type TwoDimColumn, type TwoDimTable, tableColumn } from './two-dim-table.ts';
export {
  type VariableImportance,
  type VarimpLayer,
  variableImportance,
  variableImportanceTable,
} from './varimp.ts';
