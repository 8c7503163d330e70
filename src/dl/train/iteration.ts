// One training iteration (semantics §5.2), single-threaded: visit about `tspi` rows — in order, or
// shuffled and Bernoulli-kept when sampling — and for each run forward, backward and update at once
// (online SGD, mini-batch 1). Observation weights pick rows by importance sampling, not gradient scale.
import { Rng } from '../../core/index.ts';
import type { AdaptedRows } from '../data/data-info.ts';
import { MiniBatcher, type Network } from '../network/index.ts';

/** Per-row training targets, already in the network's space. */
export type Targets =
  | { kind: 'class'; codes: Int32Array }
  | { kind: 'value'; values: Float64Array }
  | { kind: 'input' };

/** What an iteration reads. Built once per training run. */
export interface IterationContext {
  /** Shared counter the iteration adds its processed rows to (progress from worker threads). */
  rowsDone?: Int32Array;
  network: Network;
  adapted: AdaptedRows;
  /** Rows eligible for training (response present, weight > 0). */
  rows: Int32Array;
  targets: Targets;
  /** Observation weights when they are not all 0/1 (importance sampling), else null. */
  sampleWeights: Float64Array | null;
  /** Rows per iteration (already resolved from train_samples_per_iteration). */
  tspi: number;
  shuffle: boolean;
  seed: number;
}

/** Counters carried across iterations (and checkpoints). */
export interface TrainingCounters {
  nSeen: number;
  iterations: number;
}

/**
 * Runs one iteration; returns the rows processed. Checks `signal` every 1024 rows and stops early
 * (mid-iteration) when it is aborted.
 */
export function runIteration(
  ctx: IterationContext,
  counters: TrainingCounters,
  signal?: AbortSignal,
): number {
  const n = ctx.rows.length;
  const f = ctx.tspi / n;
  const repeats = Math.max(1, Math.ceil(f));
  const frac = f / repeats;
  const sampling = frac < 0.999 || ctx.shuffle || ctx.sampleWeights !== null;
  // Seeded from the seed, the samples seen so far and the iteration, as H2O's per-chunk RNG.
  const rng = new Rng(ctx.seed + counters.nSeen * 31 + counters.iterations * 0x9e3779b1);
  const input = new Float32Array(ctx.adapted.info.fullN);
  const order = Int32Array.from(ctx.rows);
  const cumulative = ctx.sampleWeights ? cumulativeWeights(ctx.rows, ctx.sampleWeights) : null;
  const net = ctx.network;
  const targets = ctx.targets;
  let processed = 0;
  // mini_batch_size > 1 (an opt-in beyond H2O): rows are queued and trained in batches.
  const batcher = MiniBatcher.for(net);
  for (let r = 0; r < repeats; r++) {
    if (sampling) rng.shuffle(order);
    for (let k = 0; k < n; k++) {
      if (frac < 0.999 && rng.nextFloat() >= frac) continue;
      // Every second row is drawn by weight (§5.2); the others follow the shuffled order.
      const row =
        cumulative !== null && (processed & 1) === 1 ? drawWeighted(cumulative, ctx.rows, rng) : order[k];
      ctx.adapted.fill(row, input, true);
      if (batcher !== null)
        batcher.add(
          input,
          targets.kind === 'class' ? targets.codes[row] : targets.kind === 'value' ? targets.values[row] : 0,
          counters.nSeen,
        );
      else if (targets.kind === 'class') net.trainRow(input, targets.codes[row], counters.nSeen, rng);
      else if (targets.kind === 'value') net.trainRow(input, targets.values[row], counters.nSeen, rng);
      else net.trainRow(input, input, counters.nSeen, rng);
      counters.nSeen++;
      processed++;
      if ((processed & 1023) === 0) {
        if (ctx.rowsDone) Atomics.add(ctx.rowsDone, 0, 1024);
        if (signal?.aborted) {
          batcher?.flush();
          return processed;
        }
      }
    }
  }
  batcher?.flush();
  if (ctx.rowsDone) Atomics.add(ctx.rowsDone, 0, processed & 1023);
  return processed;
}

function cumulativeWeights(rows: Int32Array, w: Float64Array): Float64Array {
  const c = new Float64Array(rows.length);
  let s = 0;
  for (let k = 0; k < rows.length; k++) {
    s += w[rows[k]];
    c[k] = s;
  }
  for (let k = 0; k < c.length; k++) c[k] /= s;
  return c;
}

function drawWeighted(cumulative: Float64Array, rows: Int32Array, rng: Rng): number {
  const u = rng.nextDouble();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return rows[lo];
}

/**
 * Rows per iteration from train_samples_per_iteration (§5.3): 0 and -1 → one epoch; N ≥ 1 → N capped
 * at epochs·rows; -2 (auto) → a deterministic stand-in for H2O's speed-based tuning:
 * min(rows, epochs·rows/10, 100000) — never more than one epoch, at least ten iterations.
 */
export function resolveTspi(tspi: number, nRows: number, epochs: number): number {
  if (tspi === 0 || tspi === -1) return nRows;
  if (tspi >= 1) return Math.max(1, Math.min(tspi, Math.ceil(epochs * nRows)));
  return Math.max(1, Math.min(nRows, Math.floor((epochs * nRows) / 10), 100000));
}
