// Runs the network in test mode over rows of an adapted frame and turns its outputs into what users
// see: class probabilities (with the balance_classes prior correction), regression predictions in
// the original response space (semantics §2.5, §5.12, §5.13), or reconstruction errors (§8).
import { H2OInputError } from '../../core/index.ts';
import type { AdaptedRows, DataInfoState } from '../data/data-info.ts';
import { type Network, predictBlockRows } from '../network/index.ts';
import type { ModelCategory } from '../train/setup.ts';
// Sibling import (score uses train's worker threads); workers never import score.
import { scoreParallel } from '../train/workers/index.ts';
import { blockForward } from './block-forward.ts';

/** The parts of a model that scoring needs. */
export interface ScoringCore {
  category: ModelCategory;
  network: Network;
  dataInfo: DataInfoState;
  /** Resolved distribution; log-link ones are poisson, gamma, tweedie. */
  distribution: string;
  /** Training class distribution before and after balance_classes; null when not balanced. */
  priorDistribution: number[] | null;
  modelDistribution: number[] | null;
}

const LOG_LINK = new Set(['poisson', 'gamma', 'tweedie']);

/** Width of one scored row: K probabilities, 1 prediction, or P reconstructed inputs. */
export function outputWidth(core: ScoringCore): number {
  const u = core.network.spec.units;
  return u[u.length - 1];
}

/**
 * Scores `rows` (default all) and returns a row-major array: class probabilities for classifiers,
 * the prediction (original space) for regression, reconstructed inputs (transformed space) for
 * autoencoders. `offsets` adds a regression offset per frame row (only offsets > 0 count, §5.12).
 */
export function scoreRows(
  core: ScoringCore,
  adapted: AdaptedRows,
  rows?: ArrayLike<number>,
  offsets?: Float64Array | null,
): Float64Array {
  const n = rows ? rows.length : adapted.nRows;
  const width = outputWidth(core);
  const out = new Float64Array(width);
  const result = new Float64Array(n * width);
  const info = core.dataInfo;
  const logLink = LOG_LINK.has(core.distribution);
  // Network outputs for every row first (batched forward), then per-row post-processing in place.
  forwardRows(core, adapted, rows, n, result);
  for (let k = 0; k < n; k++) {
    const row = rows ? rows[k] : k;
    if (core.category === 'Regression') {
      let z = result[k];
      const off = offsets ? offsets[row] : 0;
      if (off > 0) z += (off - info.respSub) * info.respMul;
      const y = z / info.respMul + info.respSub;
      result[k] = logLink ? Math.min(1e19, Math.exp(y)) : y;
      if (Number.isNaN(result[k]))
        throw new H2OInputError('Predicted regression target NaN!', { status: 500 });
    } else {
      for (let j = 0; j < width; j++) out[j] = result[k * width + j];
      if (core.priorDistribution && core.modelDistribution) correctProbabilities(out, core);
      for (let j = 0; j < width; j++) result[k * width + j] = out[j];
      if (core.category !== 'AutoEncoder' && Number.isNaN(out[0])) {
        throw new H2OInputError('Predicted class probability NaN! The model is numerically unstable.', {
          status: 500,
        });
      }
    }
  }
  return result;
}

/**
 * Test-mode network outputs of `rows` (default 0..n-1), row-major into `result` (n × outputs): on
 * every core for large frames (train/workers' score pool), else on this thread.
 */
function forwardRows(
  core: ScoringCore,
  adapted: AdaptedRows,
  rows: ArrayLike<number> | undefined,
  n: number,
  result: Float64Array,
): void {
  const forward = blockForward(core.network, adapted, outputWidth(core));
  const idx = rows ?? null;
  const range = (k0: number, m: number, out: Float64Array) => forward(idx, k0, m, out);
  if (!scoreParallel(core.network, adapted, rows, n, result, range)) range(0, n, result);
}

/** p_c ← p_c · prior_c / sampled_c, renormalised (§5.13). */
function correctProbabilities(p: Float64Array, core: ScoringCore): void {
  const prior = core.priorDistribution!;
  const model = core.modelDistribution!;
  let sum = 0;
  for (let c = 0; c < prior.length; c++) {
    p[c] = model[c] > 0 ? (p[c] * prior[c]) / model[c] : 0;
    sum += p[c];
  }
  if (sum > 0) for (let c = 0; c < prior.length; c++) p[c] /= sum;
}

/**
 * Per-row reconstruction MSE of an autoencoder in the expanded, transformed space (§8): the mean over
 * the P inputs of (out − in)². With `perFeature`, also each squared error (row-major n × P).
 */
export function reconstructionErrors(
  core: ScoringCore,
  adapted: AdaptedRows,
  rows?: ArrayLike<number>,
  perFeature = false,
): { rowMse: Float64Array; perFeature: Float64Array | null } {
  const n = rows ? rows.length : adapted.nRows;
  const p = core.dataInfo.fullN;
  const input = new Float32Array(p);
  const rowMse = new Float64Array(n);
  const se = perFeature ? new Float64Array(n * p) : null;
  // Reconstructions through the batched forward pass, a chunk of rows at a time (n × P doubles for
  // a whole frame could be hundreds of MB); inputs are refilled per row for the comparison.
  const chunk = Math.max(predictBlockRows(p), Math.floor(4e6 / Math.max(1, p)));
  const out = new Float64Array(Math.min(n, chunk) * p);
  for (let k0 = 0; k0 < n; k0 += chunk) {
    const m = Math.min(chunk, n - k0);
    const idx = Int32Array.from({ length: m }, (_, j) => (rows ? rows[k0 + j] : k0 + j));
    forwardRows(core, adapted, idx, m, out);
    for (let j = 0; j < m; j++) {
      const k = k0 + j;
      adapted.fill(idx[j], input, false);
      let sum = 0;
      for (let i = 0; i < p; i++) {
        const d = out[j * p + i] - input[i];
        sum += d * d;
        if (se) se[k * p + i] = d * d;
      }
      rowMse[k] = sum / p;
    }
  }
  return { rowMse, perFeature: se };
}
