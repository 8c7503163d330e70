// Parse worker: receives blocks of whole CSV rows, parses each with parseBlock and posts the column
// parts back, transferring their buffers. Imports only the parse code, so it starts quickly.
import { parentPort } from 'node:worker_threads';
import { type BlockJob, blockError, parseBlock } from './parse-block.ts';

/** A block sent by ParsePool. */
export interface BlockMessage {
  id: number;
  bytes: Uint8Array;
  job: BlockJob;
}

const port = parentPort;
if (port === null) throw new Error('parse-worker: must run in a worker thread');
port.on('message', (msg: BlockMessage) => {
  try {
    const result = parseBlock(msg.bytes, msg.job);
    const transfer: ArrayBuffer[] = [];
    for (const p of result.parts)
      for (const a of [p.u8, p.naBits, p.f64, p.codes])
        if (a !== null) transfer.push(a.buffer as ArrayBuffer);
    port.postMessage({ id: msg.id, result }, transfer);
  } catch (e) {
    let error: ReturnType<typeof blockError> | undefined;
    try {
      error = blockError(e);
    } catch {
      // Not a parse error: our bug. It crosses the boundary as data and is rethrown with this as cause.
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: msg.id, internal: { name: err.name, message: err.message, stack: err.stack } });
      return;
    }
    port.postMessage({ id: msg.id, error });
  }
});
port.postMessage({ ready: true });
