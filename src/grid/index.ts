// Public surface of grid: grid search (Cartesian, RandomDiscrete) and N-fold cross-validation.
export {
  type CrossValidationResult,
  summaryTable,
  trainModel,
  trainModelAndFolds,
  trainWithCrossValidation,
  wantsCrossValidation,
} from './cross-validation.ts';
export {
  assignFolds,
  FOLD_ASSIGNMENTS,
  type FoldAssignment,
  type FoldOptions,
  type Folds,
} from './fold-assignment.ts';
export { loadGrid, saveGrid } from './grid-file.ts';
export {
  type Grid,
  type GridFailure,
  type GridModel,
  type GridSearchRequest,
  gridSearch,
  regrid,
  sortGrid,
} from './grid-search.ts';
export {
  type Combination,
  checkHyperParams,
  combinationAt,
  type HyperParams,
  resolveCriteria,
  type SearchCriteria,
  spaceSize,
  walkOrder,
} from './hyper-space.ts';
export { pooledMetrics } from './pooled-metrics.ts';
export { defaultSortMetric, moreIsBetter, rankingMetrics, readMetric } from './sort-metric.ts';
