// Public surface of kernels: numeric primitives on typed arrays and sizes. js/ is the reference
// implementation (the specification); a wasm/ backend will provide the same names.
export {
  expRectifierBackward,
  expRectifierForward,
  maxoutBackward,
  rectifierBackward,
  rectifierForward,
  scaleInPlace,
  softmax,
  tanhBackward,
  tanhForward,
} from './js/activations.ts';
export { biasUpdateAdadelta, biasUpdateMomentum, biasUpdatePlain } from './js/bias-update.ts';
export { combineRows } from './js/combine-rows.ts';
export { approxSqrtF32, approxSqrtF64 } from './js/fast-sqrt.ts';
export { gemvBias, gemvMaxout } from './js/gemv.ts';
export {
  rowSumSquares,
  rowUpdateAdadelta,
  rowUpdateClassicalMomentum,
  rowUpdateNesterov,
  rowUpdatePlain,
  scaleRow,
} from './js/row-update.ts';
