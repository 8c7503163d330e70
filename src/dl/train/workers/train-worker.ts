// A training worker: keeps one model replica (wasm kernels when available), and per iteration copies
// the master model in, trains its shard of rows with the single-threaded iteration, and leaves the
// replica in its slot for averaging. Imports only data-info, network and the iteration loop.
import { parentPort } from 'node:worker_threads';
import { AdaptedRows } from '../../data/data-info.ts';
import { Network } from '../../network/index.ts';
import { runIteration } from '../iteration.ts';
import {
  copyBuffers,
  type InitMessage,
  type IterateMessage,
  networkBuffers,
  type WorkerReply,
} from './protocol.ts';
import { reviveFrame } from './shared-frame.ts';

let state: { init: InitMessage; net: Network; adapted: AdaptedRows } | null = null;

function onMessage(msg: InitMessage | IterateMessage): WorkerReply | null {
  if (msg.type === 'init') {
    const net = new Network(msg.spec, { backend: 'wasm', hogwild: msg.hogwild ?? undefined });
    const adapted = new AdaptedRows(msg.info, reviveFrame(msg.cols));
    adapted.usePacked(msg.packed);
    state = { init: msg, net, adapted };
    return null;
  }
  if (state === null) throw new Error('internal error: iterate before init');
  const t0 = performance.now();
  const { init, net, adapted } = state;
  const own = networkBuffers(net);
  // HOGWILD!: the network already is the shared model; replicas start from the master copy.
  const hogwild = init.hogwild !== null;
  if (!hogwild) copyBuffers(own, init.master);
  const processed = runIteration(
    {
      network: net,
      adapted,
      rows: init.rows,
      targets: init.targets,
      sampleWeights: init.sampleWeights,
      tspi: msg.tspi,
      shuffle: init.shuffle,
      seed: init.seed,
      rowsDone: init.rowsDone,
    },
    { nSeen: msg.nSeen, iterations: msg.iterations },
  );
  if (!hogwild) copyBuffers(init.slot, own);
  return { type: 'done', processed, ms: performance.now() - t0 };
}

parentPort?.on('message', (msg: InitMessage | IterateMessage) => {
  try {
    const reply = onMessage(msg);
    if (reply !== null) parentPort?.postMessage(reply);
  } catch (e) {
    const err = e as Error;
    parentPort?.postMessage({ type: 'error', name: err.name, message: err.message, stack: err.stack });
  }
});
