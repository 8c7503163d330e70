// Public API of the h2o-ts package.
export * from './core/index.ts';
export * from './frame/index.ts';
