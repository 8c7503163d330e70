// Public surface of the training workers: an iteration runner that trains on one thread (reproducible
// runs, small jobs) or on a pool of replica workers averaged after each iteration (everything else).
import type { Frame } from '../../../frame/index.ts';
import { type IterationContext, runIteration, type TrainingCounters } from '../iteration.ts';
import { type ParallelScheme, ReplicaPool } from './replica-pool.ts';

export { type ParallelScheme, ReplicaPool } from './replica-pool.ts';
export { scoreParallel, scorePoolReady } from './score-pool.ts';
export { defaultThreads } from './threads.ts';

import { defaultThreads } from './threads.ts';

/** Runs the iterations of one training run. */
export interface IterationRunner {
  /** Threads that train (1 on the single-threaded path). */
  readonly threads: number;
  /** One iteration; updates `counters.nSeen`; returns the rows processed. */
  run(ctx: IterationContext, counters: TrainingCounters, signal?: AbortSignal): Promise<number>;
  /** Rows trained so far in the iteration now running on worker threads (0 on one thread). */
  rowsInFlight(): number;
  /** Releases the workers (idempotent). */
  close(): Promise<void>;
}

/** How to run; H2O parameter names where they exist. */
export interface RunnerOptions {
  reproducible: boolean;
  train_samples_per_iteration: number;
  epochs: number;
  frame: Frame;
  /** Worker threads; default H2O_TS_THREADS or the machine's available parallelism. */
  threads?: number;
  /** How workers share the model; default H2O_TS_PARALLEL or {@link DEFAULT_SCHEME}. */
  scheme?: ParallelScheme;
}

/**
 * The default way threads share the model: replicas averaged per iteration. Measured against
 * HOGWILD! on 2 cores in bench/RESULTS.md (equal accuracy per row; replicas faster, no false sharing).
 */
export const DEFAULT_SCHEME: ParallelScheme = 'replicas';

/** The scheme from H2O_TS_PARALLEL ('replicas' | 'hogwild'), else the default. */
export function defaultScheme(): ParallelScheme {
  const env = process.env.H2O_TS_PARALLEL;
  return env === 'hogwild' || env === 'replicas' ? env : DEFAULT_SCHEME;
}

/** Estimated single-core work (epochs · rows · weights) under which worker start-up is not worth it. */
const MIN_PARALLEL_WORK = 2e9;
/** Auto-tuned iterations keep copying and averaging at about this share of the compute time. */
const SYNC_SHARE = 0.02;

/**
 * Chooses the runner: one thread when `reproducible` (bit-identical results), when one core is all
 * there is, or when the job is small; otherwise a replica pool. With train_samples_per_iteration=-2
 * the pool retunes the rows per iteration after each one so that synchronisation stays near 2 %.
 */
export function createIterationRunner(ctx0: IterationContext, opts: RunnerOptions): IterationRunner {
  const threads = opts.threads ?? defaultThreads();
  const work = opts.epochs * ctx0.rows.length * ctx0.network.weightBuffer.length;
  const single = opts.reproducible || threads < 2 || (opts.threads === undefined && work < MIN_PARALLEL_WORK);
  if (single) {
    return {
      threads: 1,
      run: async (ctx, counters, signal) => runIteration(ctx, counters, signal),
      rowsInFlight: () => 0,
      close: async () => {},
    };
  }
  let pool: ReplicaPool | null = null;
  let tspi = ctx0.tspi;
  const auto = opts.train_samples_per_iteration === -2;
  return {
    threads,
    async run(ctx, counters) {
      pool ??= ReplicaPool.start({
        threads,
        network: ctx.network,
        info: ctx.adapted.info,
        frame: opts.frame,
        packed: ctx.adapted.pack(),
        rows: ctx.rows,
        targets: ctx.targets,
        sampleWeights: ctx.sampleWeights,
        seed: ctx.seed,
        shuffle: ctx.shuffle,
        // HOGWILD! needs the wasm kernels (one shared kernel memory); the JS path trains replicas.
        scheme: ctx.network.backend === 'wasm' ? (opts.scheme ?? defaultScheme()) : 'replicas',
      });
      const rows = auto ? tspi : ctx.tspi;
      const done = await pool.iterate(ctx.network, rows, counters.nSeen, counters.iterations);
      counters.nSeen += done;
      if (auto && pool.lastComputeMs > 0) {
        const rowsPerMs = done / pool.lastComputeMs;
        const wanted = (rowsPerMs * Math.max(pool.lastSyncMs, 1)) / SYNC_SHARE;
        tspi = Math.round(Math.min(ctx.rows.length, Math.max(threads * 1000, wanted)));
      }
      return done;
    },
    rowsInFlight: () => pool?.rowsInFlight() ?? 0,
    async close() {
      await pool?.close();
      pool = null;
    },
  };
}
