// Messages between the training pool (main thread) and its workers, and the list of a network's
// learned buffers in a fixed order (the order of network-state.ts's STATE_KEYS).
import type { DataInfoState } from '../../data/data-info.ts';
import type { PackedRows } from '../../data/packed-rows.ts';
import type { Network, NetworkSpec, SharedEngineMemory } from '../../network/index.ts';
import type { Targets } from '../iteration.ts';
import type { SharedColumn } from './shared-frame.ts';

/** A learned buffer or null when the network has none of that kind. */
export type StateBuffer = Float32Array | Float64Array | null;

/** Sent once: everything a worker needs to train its replica. Typed arrays on SABs are shared. */
export interface InitMessage {
  type: 'init';
  spec: NetworkSpec;
  info: DataInfoState;
  cols: SharedColumn[];
  /** The training thread's row-major copy of the numeric predictors (shared), or null. */
  packed: PackedRows | null;
  /** This worker's shard of the training rows. */
  rows: Int32Array;
  targets: Targets;
  sampleWeights: Float64Array | null;
  seed: number;
  shuffle: boolean;
  /** The model every iteration starts from (written by the main thread). */
  master: StateBuffer[];
  /** Where this worker leaves its replica at the end of an iteration (read by the main thread). */
  slot: StateBuffer[];
  /** HOGWILD!: train the network in this shared kernel memory in place (master/slot then unused). */
  hogwild: SharedEngineMemory | null;
  /** Rows trained so far in the current iteration, by all workers (Atomics; progress reporting). */
  rowsDone: Int32Array;
}

/** Train `tspi` rows of the shard starting from the master model. */
export interface IterateMessage {
  type: 'iterate';
  tspi: number;
  nSeen: number;
  iterations: number;
}

/** Worker replies: rows processed, or an error as data (rethrown on the main thread with a cause). */
export type WorkerReply =
  | { type: 'done'; processed: number; ms: number }
  | { type: 'error'; name: string; message: string; stack?: string };

/** The learned buffers of `net` in STATE_KEYS order. */
export function networkBuffers(net: Network): StateBuffer[] {
  return [
    net.weightBuffer,
    net.biasBuffer,
    net.eg2W,
    net.edx2W,
    net.eg2B,
    net.edx2B,
    net.velW,
    net.velB,
    net.meanActivation,
  ];
}

/** Same-shaped buffers on SharedArrayBuffers (null stays null). */
export function sharedLike(bufs: readonly StateBuffer[]): StateBuffer[] {
  return bufs.map((b) => {
    if (b === null) return null;
    const sab = new SharedArrayBuffer(b.byteLength);
    return b instanceof Float32Array ? new Float32Array(sab) : new Float64Array(sab);
  });
}

/** dst[i].set(src[i]) for every non-null pair. */
export function copyBuffers(dst: readonly StateBuffer[], src: readonly StateBuffer[]): void {
  for (let i = 0; i < dst.length; i++) {
    const d = dst[i];
    const s = src[i];
    if (d !== null && s !== null) d.set(s);
  }
}
