// BlockRunner: runs parseBlock on blocks of a source, either right here or in a pool of worker threads
// (one per core, up to a limit) once the input is large enough to pay for starting them. Results come
// back as promises in block order; a failed block is kept as data so the caller reports the first one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParseError } from '../core/index.ts';
import { type BlockError, type BlockJob, type BlockResult, blockError, parseBlock } from './parse-block.ts';
import type { BlockMessage } from './parse-worker.ts';

/** How a parse splits its work; the defaults suit large files, tests shrink them. */
export interface ParseTuning {
  /** Worker threads to use for large inputs; 0 parses on the calling thread only. */
  threads: number;
  /** Bytes of text per block (a block ends at the row boundary after this many bytes). */
  blockBytes: number;
  /** Inputs stored in at least this many bytes start the workers at once. */
  minStoredBytes: number;
  /** Inputs of unknown stored size (URLs) start them once this much text was read. */
  minTextBytes: number;
  /** Parse blocks on this thread while no worker is ready yet (false makes tests use the workers). */
  localWhileStarting: boolean;
}

/** Defaults: all cores up to 4, 4 MB blocks, workers for inputs of 4 MB stored or 16 MB of text. */
export const DEFAULT_TUNING: ParseTuning = {
  threads: Math.min(4, availableParallelism()),
  blockBytes: 4 << 20,
  minStoredBytes: 4 << 20,
  minTextBytes: 16 << 20,
  localWhileStarting: true,
};

/** A block's outcome: its result, or its parse error (block-relative line) as data. */
export type BlockOutcome = { result: BlockResult } | { error: BlockError };

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  pending: Map<number, (o: BlockOutcome | Error) => void>;
}

/** Runs blocks locally or in workers; close() when done (also after an error). */
export class BlockRunner {
  private readonly tuning: ParseTuning;
  private workers: PoolWorker[] = [];
  private nextId = 0;
  private freed: (() => void) | null = null;
  /** Set once a block failed: the caller stops reading, as later blocks cannot matter. */
  failed = false;

  constructor(tuning: ParseTuning) {
    this.tuning = tuning;
  }

  /** Start the workers (once); blocks go to them from now on. */
  startWorkers(): void {
    if (this.workers.length > 0 || this.tuning.threads < 1) return;
    // Beside this module: src/parse/parse-worker.mjs (tsx bootstrap) or, in the bundled CLI,
    // dist/parse-worker.mjs beside dist/cli.mjs.
    const url = new URL('./parse-worker.mjs', import.meta.url);
    for (let k = 0; k < this.tuning.threads; k++) {
      const w: PoolWorker = { worker: new Worker(url), ready: false, dead: false, pending: new Map() };
      w.worker.on(
        'message',
        (m: { ready?: true; id: number } & Partial<BlockOutcome> & { internal?: Error }) => {
          if (m.ready) w.ready = true;
          else {
            const settle = w.pending.get(m.id)!;
            w.pending.delete(m.id);
            if (m.internal) {
              const e = new Error(`parse worker failed: ${m.internal.message}`, { cause: m.internal });
              settle(e);
            } else settle(m as BlockOutcome);
          }
          this.freed?.();
        },
      );
      const fail = (e: Error) => {
        w.dead = true;
        for (const settle of w.pending.values())
          settle(new Error(`parse worker failed: ${e.message}`, { cause: e }));
        w.pending.clear();
        this.freed?.();
      };
      w.worker.on('error', fail);
      w.worker.on('exit', (code) => {
        if (w.pending.size > 0) fail(new Error(`worker exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  /** True once workers were started. */
  get parallel(): boolean {
    return this.workers.length > 0;
  }

  /**
   * Parse `bytes` (owned by the runner from now on: its buffer may be transferred). Waits while every
   * worker already holds two blocks, then returns the outcome's promise (wrapped, so awaiting run()
   * does not wait for the block to be parsed), which never rejects for
   * parse errors (they come back as data) and rejects only for internal failures.
   */
  async run(bytes: Uint8Array, job: BlockJob): Promise<{ outcome: Promise<BlockOutcome> }> {
    for (;;) {
      const w = this.pickWorker();
      if (w !== null) return { outcome: this.send(w, bytes, job) };
      const alive = this.workers.filter((x) => !x.dead);
      if (alive.length === 0 || (this.tuning.localWhileStarting && !alive.some((x) => x.ready)))
        return { outcome: Promise.resolve(this.local(bytes, job)) };
      await new Promise<void>((r) => {
        this.freed = r;
      });
      this.freed = null;
    }
  }

  private pickWorker(): PoolWorker | null {
    let best: PoolWorker | null = null;
    for (const w of this.workers) {
      if (w.dead || (!w.ready && this.tuning.localWhileStarting)) continue;
      if (w.pending.size >= 2) continue;
      if (best === null || w.pending.size < best.pending.size) best = w;
    }
    return best;
  }

  private send(w: PoolWorker, bytes: Uint8Array, job: BlockJob): Promise<BlockOutcome> {
    const id = this.nextId++;
    const p = new Promise<BlockOutcome>((resolve, reject) => {
      w.pending.set(id, (o) => {
        if (o instanceof Error) {
          this.failed = true;
          reject(o);
        } else {
          if ('error' in o) this.failed = true;
          resolve(o);
        }
      });
    });
    // Keep the promise from counting as unhandled before the caller awaits it in block order.
    p.catch(() => {});
    const msg: BlockMessage = { id, bytes, job };
    w.worker.postMessage(msg, [bytes.buffer as ArrayBuffer]);
    return p;
  }

  private local(bytes: Uint8Array, job: BlockJob): BlockOutcome {
    try {
      return { result: parseBlock(bytes, job) };
    } catch (e) {
      this.failed = true;
      return { error: blockError(e) };
    }
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.worker.terminate()));
  }
}

/** The ParseError of a failed block, its line made absolute with the lines of the blocks before it. */
export function blockParseError(name: string, e: BlockError, lineOffset: number): ParseError {
  return new ParseError(name, e.message, {
    line: e.line === undefined ? undefined : e.line + lineOffset,
    column: e.column,
  });
}
