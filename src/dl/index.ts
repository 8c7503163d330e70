// Public surface of dl: the estimator, the model, training and its parameters.
export type { DataInfoState } from './data/data-info.ts';
export {
  type CrossValidationOutput,
  DeepLearningModel,
  type ModelOutput,
  type ScoringEvent,
  type VariableImportance,
} from './deep-learning-model.ts';
export { loadModel, saveModel } from './persist/model-file.ts';
export type { ModelMetrics } from './score/model-metrics.ts';
export type { ModelCategory, TrainRequest } from './train/setup.ts';
export { type TrainOptions, type TrainProgress, trainDeepLearning } from './train/train.ts';
