// A scoring helper thread (see score-pool.ts): keeps a network per spec, and per message copies the
// caller's weights in, claims chunks of rows from a shared counter until none is left, writes them
// into the shared result and wakes the caller through Atomics. Imports only data-info, network and
// score/block-forward, so it starts quickly.
import { parentPort, workerData } from 'node:worker_threads';
import { AdaptedRows, type DataInfoState } from '../../data/data-info.ts';
import { Network, type NetworkSpec } from '../../network/index.ts';
import { blockForward } from '../../score/block-forward.ts';
import { reviveFrame, type SharedColumn } from './shared-frame.ts';

/** One share of a scoring call; every typed array sits on a SharedArrayBuffer. */
export interface ScoreMessage {
  type: 'score';
  spec: NetworkSpec;
  backend: 'js' | 'wasm';
  weights: Float32Array;
  biases: Float64Array;
  info: DataInfoState;
  cols: SharedColumn[];
  /** Frame rows to score (result row k is frame row rows[k]); null = result row k is frame row k. */
  rows: Int32Array | null;
  /** Result rows 0 .. n − 1, in chunks of `chunk` rows claimed through next[0] (shared by all threads). */
  n: number;
  chunk: number;
  next: Int32Array;
  /** chunkDone[c] ← 1 once chunk c is written (the caller scores any chunk left at 0). */
  chunkDone: Int32Array;
  /** n × outputs, row-major. */
  out: Float64Array;
  /** done[slot] ← 1 when written, 2 on failure; then notified. */
  done: Int32Array;
  slot: number;
}

let cached: { key: string; net: Network } | null = null;

function networkFor(msg: ScoreMessage): Network {
  const key = `${msg.backend}:${JSON.stringify(msg.spec)}`;
  if (cached?.key !== key) cached = { key, net: new Network(msg.spec, { backend: msg.backend }) };
  const net = cached.net;
  net.weightBuffer.set(msg.weights);
  net.biasBuffer.set(msg.biases);
  return net;
}

function score(msg: ScoreMessage): void {
  const net = networkFor(msg);
  const adapted = new AdaptedRows(msg.info, reviveFrame(msg.cols));
  const width = msg.spec.units[msg.spec.units.length - 1];
  const forward = blockForward(net, adapted, width);
  const nChunks = Math.ceil(msg.n / msg.chunk);
  // Chunks are claimed one at a time, so a thread that is slowed down (a busy core) takes fewer.
  for (let c = Atomics.add(msg.next, 0, 1); c < nChunks; c = Atomics.add(msg.next, 0, 1)) {
    const k0 = c * msg.chunk;
    const end = Math.min(msg.n, k0 + msg.chunk);
    forward(msg.rows, k0, end - k0, msg.out.subarray(k0 * width, end * width));
    Atomics.store(msg.chunkDone, c, 1);
  }
}

parentPort?.on('message', (msg: ScoreMessage) => {
  let status = 1;
  try {
    score(msg);
  } catch {
    // The caller rescores this share on its own thread, where the error then surfaces with context.
    status = 2;
  }
  Atomics.store(msg.done, msg.slot, status);
  Atomics.notify(msg.done, msg.slot);
});

const ready = (workerData as { ready: Int32Array }).ready;
Atomics.store(ready, 0, 1);
