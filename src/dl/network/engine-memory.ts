// Where an engine's state and scratch live in its wasm memory: learned state first, then one scratch
// area per slot (plan, per-row and batch activations, kernel scratch). HOGWILD! workers attach to one
// memory, share the state and each use their own slot; the same function sizes the memory (first
// pass) and hands out the addresses (second pass, identical in every worker).
import { PLAN_BYTES, type WasmArena } from '../../kernels/wasm/index.ts';
import type { NetworkLayout } from './layout.ts';
import type { NetworkSpec } from './spec.ts';

/** Byte addresses of an engine's state and of its scratch slot (0 where a part is absent). */
export interface EngineAddresses {
  plan: number;
  /** Per unit layer: activations, errors, δ, keep mask and Maxout winners, squares, input list. */
  units: {
    act: number;
    err: number;
    delta: number;
    keep: number;
    winner: number;
    squares: number;
    compact: number;
  }[];
  w: number;
  b: number;
  eg2W: number;
  edx2W: number;
  eg2B: number;
  edx2B: number;
  velW: number;
  velB: number;
  batch: number[];
  batchErr: number[];
  batchDelta: number[];
  grad: number;
  /** Scratch of the packed batched layer (gemmBiasPacked). */
  pack: number;
  /** Sparse-input first layer (sparse-input.ts): Wᵀ, b − W·c, the offsets c, the non-zero list. */
  sparse: { wt: number; b2: number; c: number; list: number } | null;
}

/** An engine attached to another engine's memory: `slots` scratch areas, this one using `slot`. */
export interface SlotChoice {
  slots: number;
  slot: number;
}

/** Largest transposed first layer the sparse-input prediction path keeps (bytes). */
export const MAX_SPARSE_BYTES = 1 << 26;

/**
 * Bytes of scratch gemmBiasPacked needs for `nIn` inputs (its gemmPackedScratchBytes: a panel of four
 * rows, 16 bytes per row and group of four inputs); sized here because memory precedes the instance.
 */
export function packScratchBytes(nIn: number): number {
  return 64 * Math.ceil(nIn / 4);
}

/** Allocates (in order) everything one engine needs from `arena`; returns this slot's addresses. */
export function placeEngine(
  arena: WasmArena,
  spec: NetworkSpec,
  layout: NetworkLayout,
  momentum: boolean,
  batchRows: number,
  shared?: SlotChoice,
): EngineAddresses {
  const nW = layout.nWeights;
  const nB = layout.nBiases;
  const units = spec.units;
  const ada = spec.adaptive_rate;
  const packBytes = packScratchBytes(Math.max(...layout.layers.map((L) => L.nIn)));
  const slots = shared?.slots ?? 1;
  const mini = (spec.mini_batch_size ?? 1) > 1;
  const maxLayerWeights = Math.max(...layout.layers.map((L) => L.nOut * L.channels * L.nIn));
  const slot = shared?.slot ?? 0;
  const L0 = layout.layers[0];
  // The sparse-input path needs a dense first layer whose width is a multiple of four, and a
  // transposed copy of its weights: skipped for first layers over 64 MB (HOGWILD! slots too).
  const sparseOk =
    L0.channels === 1 &&
    L0.nOut % 4 === 0 &&
    4 * L0.nIn * L0.nOut <= MAX_SPARSE_BYTES &&
    shared === undefined;
  const state = {
    w: arena.alloc(4 * nW),
    b: arena.alloc(8 * nB),
    eg2W: ada ? arena.alloc(4 * nW) : 0,
    edx2W: ada ? arena.alloc(4 * nW) : 0,
    eg2B: ada ? arena.alloc(8 * nB) : 0,
    edx2B: ada ? arena.alloc(8 * nB) : 0,
    velW: momentum ? arena.alloc(4 * nW) : 0,
    velB: momentum ? arena.alloc(8 * nB) : 0,
  };
  const scratch = Array.from({ length: slots }, () => ({
    plan: arena.alloc(PLAN_BYTES),
    units: units.map((n, u) => ({
      act: arena.alloc(4 * n),
      err: arena.alloc(4 * n),
      delta: arena.alloc(4 * n),
      keep: arena.alloc(n),
      winner: arena.alloc(n),
      squares: ada ? arena.alloc(8 * n + 16) : 0,
      // The first layer's list of non-zero inputs (offsets, values, squares: adadelta-compact.ts).
      compact: ada && u === 0 ? arena.alloc(12 * n) : 0,
    })),
    batch: units.map((n) => arena.alloc(4 * n * batchRows)),
    // Mini-batch backward pass: errors and δ per row of the batch, one layer's weight gradient.
    batchErr: mini ? units.map((n) => arena.alloc(4 * n * batchRows)) : [],
    batchDelta: mini ? units.map((n) => arena.alloc(4 * n * batchRows)) : [],
    grad: mini ? arena.alloc(4 * maxLayerWeights) : 0,
    pack: arena.alloc(packBytes),
    sparse: sparseOk
      ? {
          wt: arena.alloc(4 * L0.nIn * L0.nOut),
          b2: arena.alloc(4 * L0.nOut),
          c: arena.alloc(4 * L0.nIn),
          list: arena.alloc(8 * L0.nIn + 16),
        }
      : null,
  }));
  return { ...state, ...scratch[slot] };
}
