// Public surface of dl/network: the network (forward, backward, update, state) and its description.
export type { InitialWeightDistribution } from './init.ts';
export { type LayerShape, type NetworkLayout, networkLayout, rowStart } from './layout.ts';
export { MiniBatcher, miniBatchUnsupported } from './mini-batch.ts';
export { Network, type NetworkOptions, predictBlockRows } from './network.ts';
export type { NetworkState } from './network-state.ts';
export { type NegHalfGradient, negativeHalfGradient } from './output-error.ts';
export {
  type Activation,
  type ActivationKind,
  activationKind,
  checkNetworkSpec,
  type Distribution,
  type Loss,
  type NetworkSpec,
} from './spec.ts';
export type { SharedEngineMemory } from './wasm-engine.ts';
