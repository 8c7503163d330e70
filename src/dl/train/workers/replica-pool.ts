// H2O's multi-node scheme inside one machine (semantics §5.4): every worker thread trains its own
// replica on its shard of the rows for one iteration, starting from the same master model; the
// master then becomes the element-wise mean of the replicas. Replicas never write shared weights,
// so there are no races and no cache lines bouncing between cores. With scheme 'hogwild' the
// workers instead attach to one shared wasm memory and update it in place, racing on purpose as
// H2O's threads do (HOGWILD!); measured slower here (bench/RESULTS.md), so replicas are the default.
// The main thread only copies and averages, so it stays free.
import { Worker } from 'node:worker_threads';
import type { Frame } from '../../../frame/index.ts';
import type { DataInfoState } from '../../data/data-info.ts';
import type { PackedRows } from '../../data/packed-rows.ts';
import { Network } from '../../network/index.ts';
import type { Targets } from '../iteration.ts';
import {
  copyBuffers,
  type InitMessage,
  networkBuffers,
  type StateBuffer,
  sharedLike,
  type WorkerReply,
} from './protocol.ts';
import { describeFrame } from './shared-frame.ts';

/** What a pool needs once per training run. */
export interface PoolSetup {
  threads: number;
  network: Network;
  info: DataInfoState;
  frame: Frame;
  /** Row-major numeric predictors of `frame` (AdaptedRows.pack), shared with the workers, or null. */
  packed?: PackedRows | null;
  rows: Int32Array;
  targets: Targets;
  sampleWeights: Float64Array | null;
  seed: number;
  shuffle: boolean;
  /**
   * 'replicas' (default): a replica per worker, averaged after each iteration. 'hogwild': every
   * worker updates one shared network without locks (HOGWILD!, H2O's scheme inside one node).
   */
  scheme?: ParallelScheme;
}

/** How worker threads share the model (see {@link PoolSetup.scheme}). */
export type ParallelScheme = 'replicas' | 'hogwild';

/** Copies a typed array onto a SharedArrayBuffer (so postMessage shares instead of copying). */
function toShared<T extends Int32Array | Float64Array>(a: T): T {
  const s = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/** A set of worker threads, each with a model replica. */
export class ReplicaPool {
  private readonly master: StateBuffer[];
  private readonly slots: StateBuffer[][];
  /** Milliseconds of the last iteration: slowest worker, and copying + averaging on this thread. */
  lastComputeMs = 0;
  lastSyncMs = 0;

  private constructor(
    private readonly workers: Worker[],
    master: StateBuffer[],
    slots: StateBuffer[][],
    /** HOGWILD!: the network every worker updates in place (null for replicas). */
    private readonly hogwild: Network | null,
    /** Rows the workers trained so far in the running iteration (they add to it with Atomics). */
    private readonly rowsDone: Int32Array,
  ) {
    this.master = master;
    this.slots = slots;
  }

  /** Starts `setup.threads` workers and hands each its shard (rows k with k mod threads = w). */
  static start(setup: PoolSetup): ReplicaPool {
    const n = setup.threads;
    const own = networkBuffers(setup.network);
    // HOGWILD!: one wasm memory holds the shared state and a scratch area per worker (+1 unused by
    // this thread); replicas: a master copy and one slot per worker on SharedArrayBuffers.
    const hogwild =
      setup.scheme === 'hogwild' ? new Network(setup.network.spec, { backend: 'wasm', slots: n + 1 }) : null;
    if (hogwild !== null && hogwild.kernelMemory === null)
      throw new Error('internal error: HOGWILD needs the wasm kernels');
    const master = hogwild ? [] : sharedLike(own);
    const slots = hogwild ? [] : Array.from({ length: n }, () => sharedLike(own));
    const names = [...setup.info.catNames, ...setup.info.numNames].filter((c) => setup.frame.has(c));
    const cols = describeFrame(setup.frame, names);
    const targets: Targets =
      setup.targets.kind === 'class'
        ? { kind: 'class', codes: toShared(setup.targets.codes) }
        : setup.targets.kind === 'value'
          ? { kind: 'value', values: toShared(setup.targets.values) }
          : setup.targets;
    const weights = setup.sampleWeights ? toShared(setup.sampleWeights) : null;
    const rowsDone = new Int32Array(new SharedArrayBuffer(4));
    const workers: Worker[] = [];
    for (let w = 0; w < n; w++) {
      const shard = setup.rows.filter((_, k) => k % n === w);
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
      // Never keep the process alive for an idle pool (e.g. when training throws before close()).
      worker.unref();
      const init: InitMessage = {
        type: 'init',
        spec: setup.network.spec,
        info: setup.info,
        cols,
        packed: setup.packed ?? null,
        rows: toShared(shard),
        targets,
        sampleWeights: weights,
        // Different seeds per worker so replicas see different orders and dropout masks.
        seed: setup.seed + w * 7919,
        shuffle: setup.shuffle,
        master,
        slot: hogwild ? [] : slots[w],
        hogwild: hogwild
          ? { memory: hogwild.kernelMemory as WebAssembly.Memory, slots: n + 1, slot: w + 1 }
          : null,
        rowsDone,
      };
      worker.postMessage(init);
      workers.push(worker);
    }
    return new ReplicaPool(workers, master, slots, hogwild, rowsDone);
  }

  /** Rows trained so far in the iteration now running (0 between iterations). */
  rowsInFlight(): number {
    return Atomics.load(this.rowsDone, 0);
  }

  get threads(): number {
    return this.workers.length;
  }

  /**
   * One iteration of about `tspi` rows in total (tspi / threads per worker): publishes `network` as
   * the master, trains every replica, and writes their mean back into `network`. Returns the rows
   * processed.
   */
  async iterate(network: Network, tspi: number, nSeen: number, iterations: number): Promise<number> {
    const t0 = performance.now();
    const own = networkBuffers(network);
    const shared = this.hogwild ? networkBuffers(this.hogwild) : null;
    copyBuffers(shared ?? this.master, own);
    const perWorker = Math.max(1, Math.round(tspi / this.workers.length));
    Atomics.store(this.rowsDone, 0, 0);
    const replies = await Promise.all(
      this.workers.map((w) => this.ask(w, { type: 'iterate', tspi: perWorker, nSeen, iterations })),
    );
    const t1 = performance.now();
    Atomics.store(this.rowsDone, 0, 0);
    if (shared) copyBuffers(own, shared);
    else averageInto(own, this.slots);
    this.lastComputeMs = Math.max(...replies.map((r) => r.ms));
    this.lastSyncMs = t1 - t0 - this.lastComputeMs + (performance.now() - t1);
    return replies.reduce((s, r) => s + r.processed, 0);
  }

  private ask(worker: Worker, msg: unknown): Promise<{ processed: number; ms: number }> {
    return new Promise((resolve, reject) => {
      const onMsg = (r: WorkerReply) => {
        worker.off('error', onErr);
        if (r.type === 'done') resolve(r);
        else {
          const e = new Error(`training worker failed: ${r.message}`, {
            cause: Object.assign(new Error(r.message), { name: r.name, stack: r.stack }),
          });
          reject(e);
        }
      };
      const onErr = (e: Error) => {
        worker.off('message', onMsg);
        reject(new Error(`training worker crashed: ${e.message}`, { cause: e }));
      };
      worker.once('message', onMsg);
      worker.once('error', onErr);
      worker.postMessage(msg);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** own[k][i] = mean over slots of slot[k][i] (float32 buffers summed in float64, rounded once). */
function averageInto(own: StateBuffer[], slots: StateBuffer[][]): void {
  const n = slots.length;
  for (let k = 0; k < own.length; k++) {
    const dst = own[k];
    if (dst === null) continue;
    const first = slots[0][k] as Float32Array | Float64Array;
    if (n === 2) {
      const second = slots[1][k] as Float32Array | Float64Array;
      for (let i = 0; i < dst.length; i++) dst[i] = (first[i] + second[i]) * 0.5;
      continue;
    }
    for (let i = 0; i < dst.length; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (slots[j][k] as Float32Array | Float64Array)[i];
      dst[i] = s / n;
    }
  }
}
