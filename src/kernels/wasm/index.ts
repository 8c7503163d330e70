// Public surface of the wasm backend: the loader, the memory helpers and the plan layout shared with
// the AssemblyScript network step (assembly/network-step.ts).
export {
  createKernelMemory,
  HEAP_START,
  instantiateWasmKernels,
  WasmArena,
  type WasmKernels,
  wasmKernelsAvailable,
  wasmRelaxedSimd,
  wasmUnavailableReason,
} from './loader.ts';
export { PLAN, PLAN_BYTES } from './plan.ts';
