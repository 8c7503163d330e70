// Loads the AssemblyScript SIMD kernels (kernels.wasm, or kernels-relaxed.wasm where the runtime has
// relaxed SIMD; both built by `npm run build:wasm` from assembly/)
// and instantiates them over a caller-provided shared memory. The module is compiled once per thread;
// when the runtime lacks WebAssembly SIMD (or the file is missing) callers fall back to the JS kernels.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/** The wasm exports; addresses are byte offsets into the instance's memory, flags are 0/1. */
export interface WasmKernels {
  gemvBias(
    w: number,
    b: number,
    x: number,
    keep: number,
    out: number,
    nOut: number,
    nIn: number,
    useKeep: number,
  ): void;
  gemvMaxout(
    w: number,
    b: number,
    x: number,
    keep: number,
    out: number,
    winner: number,
    nOut: number,
    nIn: number,
    useKeep: number,
  ): void;
  combineRows(
    coef: number,
    so: number,
    si: number,
    src: number,
    nSrc: number,
    dst: number,
    nDst: number,
    n: number,
    accumulate: number,
  ): void;
  gemmBias(w: number, b: number, x: number, out: number, nRows: number, nOut: number, nIn: number): void;
  gemmBiasPacked(
    w: number,
    b: number,
    x: number,
    out: number,
    nRows: number,
    nOut: number,
    nIn: number,
    pack: number,
  ): void;
  gemmPackedScratchBytes(nIn: number): number;
  rectifierForward(a: number, n: number): void;
  tanhForward(a: number, n: number): void;
  expRectifierForward(a: number, n: number): void;
  softmax(z: number, n: number): void;
  scaleInPlace(a: number, factor: number, n: number): void;
  rectifierBackward(e: number, a: number, delta: number, n: number): void;
  tanhBackward(e: number, a: number, keep: number, delta: number, n: number, useKeep: number): void;
  expRectifierBackward(e: number, a: number, keep: number, delta: number, n: number, useKeep: number): void;
  maxoutBackward(e: number, keep: number, delta: number, n: number, useKeep: number): void;
  rowUpdatePlain(...args: number[]): void;
  rowUpdateNesterov(...args: number[]): void;
  rowUpdateClassicalMomentum(...args: number[]): void;
  rowUpdateAdadelta(...args: number[]): number;
  squares(x: number, xsq: number, n: number, rho: number, fastMode: number): number;
  sparseInputPrepare(
    w: number,
    b: number,
    c: number,
    wt: number,
    b2: number,
    nOut: number,
    nIn: number,
  ): void;
  sparseInputLayer(...args: number[]): void;
  sparseInputScratchBytes(nIn: number): number;
  rowUpdateAdadeltaSquares(...args: number[]): void;
  compactInputs(x: number, list: number, n: number): number;
  rowUpdateAdadeltaCompact(...args: number[]): void;
  rowSumSquares(w: number, stride: number, n: number): number;
  scaleRow(w: number, stride: number, n: number, factor: number): void;
  biasUpdatePlain(b: number, k: number, delta: number, rate: number, l1: number, l2: number): void;
  biasUpdateMomentum(...args: number[]): void;
  biasUpdateAdadelta(...args: number[]): number;
  forward(plan: number, training: number): void;
  softmaxDelta(plan: number, target: number): void;
  backward(plan: number): void;
  trainSoftmaxRow(plan: number, target: number): void;
}

/** First byte callers may use: page 0 is left to the module's own static data. */
export const HEAP_START = 65536;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;
let reason = '';
let relaxed = false;

/** A 1-instruction SIMD function (v128.const; drop): validates only where SIMD is supported. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 23, 1, 21, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 26, 11,
]);

function load(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.H2O_TS_KERNELS === 'js') reason = 'H2O_TS_KERNELS=js';
  else if (!WebAssembly.validate(SIMD_PROBE)) reason = 'this runtime has no WebAssembly SIMD';
  else {
    // The relaxed-SIMD build (fused multiply-add in the batched layer) where the runtime validates
    // it (Node >= 22, or Node 20 with its experimental flag, set below); H2O_TS_KERNELS=simd forces the
    // plain one.
    if (process.env.H2O_TS_KERNELS !== 'simd') {
      try {
        const bytes = readFileSync(new URL('./kernels-relaxed.wasm', import.meta.url));
        // Node 20's V8 implements relaxed SIMD behind a flag; setting it before the first relaxed
        // module is compiled makes the module validate. V8 flags are per process, so worker threads
        // see it too (each one also comes through here).
        if (!WebAssembly.validate(bytes)) setFlagsFromString('--experimental-wasm-relaxed-simd');
        compiled = new WebAssembly.Module(bytes);
        relaxed = true;
      } catch {
        compiled = null;
      }
    }
    if (compiled === null) {
      try {
        compiled = new WebAssembly.Module(readFileSync(new URL('./kernels.wasm', import.meta.url)));
      } catch (e) {
        reason = `kernels.wasm could not be loaded (${(e as Error).message}); run npm run build:wasm`;
      }
    }
  }
  if (compiled === null && process.env.H2O_TS_KERNELS !== 'js')
    console.warn(`h2o-ts: using the JavaScript kernels: ${reason}`);
  return compiled;
}

/** Whether the wasm SIMD kernels can run here (logs one line with the reason the first time they cannot). */
export function wasmKernelsAvailable(): boolean {
  return load() !== null;
}

/** Whether the loaded kernels are the relaxed-SIMD build (fused multiply-add). */
export function wasmRelaxedSimd(): boolean {
  load();
  return relaxed;
}

/** Why the wasm kernels are unavailable ('' when they are available). */
export function wasmUnavailableReason(): string {
  load();
  return reason;
}

/** A shared linear memory of at least `bytes` (fixed size: views into it stay valid). */
export function createKernelMemory(bytes: number): WebAssembly.Memory {
  const pages = Math.ceil(bytes / PAGE);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
}

/** Instantiates the kernels over `memory`; throws when {@link wasmKernelsAvailable} is false. */
export function instantiateWasmKernels(memory: WebAssembly.Memory): WasmKernels {
  const mod = load();
  if (mod === null) throw new Error(`internal error: wasm kernels unavailable: ${reason}`);
  const inst = new WebAssembly.Instance(mod, { env: { memory } });
  return inst.exports as unknown as WasmKernels;
}

/** Bump allocator over a memory region, 16-byte aligned (the f32x4 loads prefer it). */
export class WasmArena {
  private top: number;
  constructor(start = HEAP_START) {
    this.top = start;
  }
  /** Reserves `bytes` and returns the address. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top += Math.ceil(bytes / 16) * 16 + 16;
    return at;
  }
  /** Bytes used so far (including the start offset). */
  get size(): number {
    return this.top;
  }
}
