// Public surface of estimators: the booklet's estimator classes (training with CV when asked).
export { type DeepLearningInput, H2ODeepLearningEstimator } from './deep-learning-estimator.ts';
