// Public API of the h2o-ts package: frames and import, the Deep Learning engine and its estimator,
// grids and cross-validation, metrics, save/load and the SDK client (embedded or remote).

export { H2O, H2OConnection } from './client/index.ts';
export * from './core/index.ts';
export * from './dl/index.ts';
export { loadModel, saveModel } from './dl/persist/model-file.ts';
export * from './estimators/index.ts';
export * from './frame/index.ts';
export * from './grid/index.ts';
export {
  importFiles,
  listSources,
  type ParseSetup,
  type ParseSetupOptions,
  parseCsvText,
  parseSetup,
} from './parse/index.ts';
