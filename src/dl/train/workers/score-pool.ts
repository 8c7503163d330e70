// Scoring on every core behind a synchronous API: model.predict and training-time scoring stay
// synchronous, so the calling thread hands a share of the rows to helper threads (one message each),
// scores its own share, then blocks in Atomics.wait until the helpers have written theirs into a
// shared result. Helpers are started once per process (unref'd) and reused; a call made before they
// are ready runs on the calling thread alone, so no call ever waits for worker start-up.
import { Worker } from 'node:worker_threads';
import type { AdaptedRows } from '../../data/data-info.ts';
import type { Network } from '../../network/index.ts';
import type { ScoreMessage } from './score-worker.ts';
import { describeFrame } from './shared-frame.ts';
import { defaultThreads } from './threads.ts';

/** Below this much work (rows × weights) one thread is faster than messaging a helper. */
const MIN_PARALLEL_WORK = 2e7;
/** Rows per claim of the shared chunk counter (one forward block of predictBlockRows for MNIST). */
const CHUNK_ROWS = 1024;
/** A helper that has not answered in this long is presumed dead; its rows are scored here instead. */
const HELPER_TIMEOUT_MS = 60_000;

interface Helper {
  worker: Worker;
  /** [0]: 0 while booting, 1 ready (set by the worker). */
  ready: Int32Array;
}

let helpers: Helper[] | null = null;

/** Starts the helper threads (threads − 1 of them) if not yet started; returns them. */
function startHelpers(): Helper[] {
  if (helpers !== null) return helpers;
  const n = Math.max(0, defaultThreads() - 1);
  helpers = Array.from({ length: n }, () => {
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL('./score-worker-entry.mjs', import.meta.url), {
      workerData: { ready },
    });
    worker.unref();
    // A helper that dies is dropped; later calls use the others (or this thread alone).
    worker.on('error', () => {
      if (helpers) helpers = helpers.filter((h) => h.worker !== worker);
    });
    return { worker, ready };
  });
  return helpers;
}

/** Resolves once every helper thread is ready (benchmarks warm the pool before timing). */
export async function scorePoolReady(timeoutMs = 30_000): Promise<number> {
  const hs = startHelpers();
  const t0 = performance.now();
  while (hs.some((h) => Atomics.load(h.ready, 0) === 0) && performance.now() - t0 < timeoutMs)
    await new Promise((r) => setTimeout(r, 10));
  return hs.filter((h) => Atomics.load(h.ready, 0) === 1).length + 1;
}

/** Typed array on a SharedArrayBuffer with the same contents (the same array when already shared). */
function shared<T extends Float32Array | Float64Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/**
 * Test-mode network outputs of rows `rows` (default 0..n−1) of `adapted`, row-major into `result`
 * (n × outputs), split across the calling thread and the ready helper threads. `scoreRange(k0, m,
 * out)` scores result rows k0..k0+m−1 on this thread (the caller's own batched loop). Returns false
 * (having done nothing) when the job is too small or no helper is ready: the caller then scores all.
 */
export function scoreParallel(
  network: Network,
  adapted: AdaptedRows,
  rows: ArrayLike<number> | undefined,
  n: number,
  result: Float64Array,
  scoreRange: (k0: number, m: number, out: Float64Array) => void,
): boolean {
  if (n * network.weightBuffer.length < MIN_PARALLEL_WORK) return false;
  const ready = startHelpers().filter((h) => Atomics.load(h.ready, 0) === 1);
  if (ready.length === 0) return false;
  const width = network.spec.units[network.spec.units.length - 1];
  const info = adapted.info;
  const frame = adapted.frame;
  const names = [...info.catNames, ...info.numNames].filter((c) => frame.has(c));
  const out = new Float64Array(new SharedArrayBuffer(8 * n * width));
  const rowIdx = rows ? shared(Int32Array.from(rows)) : null;
  // Chunks claimed from a shared counter rather than equal shares: a helper starts a little later
  // and a core may be busy with something else, and fixed shares leave the others waiting.
  const nChunks = Math.ceil(n / CHUNK_ROWS);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const chunkDone = new Int32Array(new SharedArrayBuffer(4 * nChunks));
  const done = new Int32Array(new SharedArrayBuffer(4 * ready.length));
  ready.forEach((h, j) => {
    const msg: ScoreMessage = {
      type: 'score',
      spec: network.spec,
      backend: network.backend,
      weights: shared(network.weightBuffer),
      biases: shared(network.biasBuffer),
      // The frame is already encoded; the helper must not encode it again.
      info: { ...info, encoding: null },
      cols: describeFrame(frame, names),
      rows: rowIdx,
      n,
      chunk: CHUNK_ROWS,
      next,
      chunkDone,
      out,
      done,
      slot: j,
    };
    h.worker.postMessage(msg);
  });
  const scoreChunk = (c: number) => {
    const k0 = c * CHUNK_ROWS;
    const m = Math.min(CHUNK_ROWS, n - k0);
    scoreRange(k0, m, out.subarray(k0 * width, (k0 + m) * width));
    Atomics.store(chunkDone, c, 1);
  };
  for (let c = Atomics.add(next, 0, 1); c < nChunks; c = Atomics.add(next, 0, 1)) scoreChunk(c);
  for (let j = 0; j < ready.length; j++) Atomics.wait(done, j, 0, HELPER_TIMEOUT_MS);
  // A helper that failed (or never answered) leaves its chunks unfinished: they are scored here, so
  // errors surface here too.
  for (let c = 0; c < nChunks; c++) if (Atomics.load(chunkDone, c) !== 1) scoreChunk(c);
  result.set(out.subarray(0, n * width));
  return true;
}
