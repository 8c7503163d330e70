// Multinomial metrics as H2O computes them (§8): weighted MSE/logloss of the true class's
// probability, argmax labels, an unweighted confusion matrix and cumulative top-k hit ratios.

import { MAX_LOGLOSS } from './binomial.ts';
import { ConfusionMatrix } from './confusion-matrix.ts';
import { rSquared } from './regression.ts';
import { makeTable, type TwoDimTable } from './two-dim-table.ts';
import { checkCodes, checkWeights, InputChecks, weightAt } from './validate.ts';

/** Input of {@link multinomialMetrics}. */
export interface MultinomialInput {
  /** Class codes into `domain`; -1 = NA (row skipped). */
  actual: Int32Array;
  /** Row-major n × K class probabilities. */
  probs: Float64Array;
  weights?: Float64Array;
  domain: string[];
  /** Hit ratios for k = 1..min(max_hit_ratio_k, K); 0 disables. Default 10. */
  max_hit_ratio_k?: number;
  /**
   * Predicted labels, when the model has its own (H2O breaks argmax ties with a row hash).
   * Default: argmax of each row, lowest index on ties.
   */
  labels?: Int32Array;
}

/** H2O's ModelMetricsMultinomial fields. */
export interface MultinomialMetrics {
  nobs: number;
  MSE: number;
  RMSE: number;
  logloss: number;
  /** Uses the class index as y (an H2O quirk). */
  r2: number;
  classification_error: number;
  mean_per_class_error: number;
  /** Cumulative: hit_ratios[k-1] = share of rows whose class is among the top k. */
  hit_ratios: number[];
  hit_ratio_table: TwoDimTable;
  confusion_matrix: ConfusionMatrix;
}

/**
 * Multinomial metrics. Rows with NA actual, any NaN probability or weight 0/NaN are skipped.
 * As in H2O the confusion matrix counts rows (it ignores weights) and a top-1 hit adds 1 rather
 * than the row's weight; both only matter with non-unit weights. Hit ratios are float32, as H2O
 * stores them. Throws ValidationError on shape or code problems.
 */
export function multinomialMetrics(input: MultinomialInput): MultinomialMetrics {
  const { actual, probs, weights, domain, labels } = input;
  const K = domain.length;
  const n = actual.length;
  const maxK = input.max_hit_ratio_k ?? 10;
  const checks = new InputChecks();
  if (K < 2) checks.error('domain', `expected at least 2 response levels, got ${K}.`);
  if (probs.length !== n * K) {
    checks.error(
      'probs',
      `expected ${n * K} values (${n} rows × ${K} classes, row-major), got ${probs.length}.`,
    );
  }
  checks.length('weights', weights, n, 'weights');
  checks.length('labels', labels, n, 'labels');
  if (!Number.isInteger(maxK) || maxK < 0) {
    checks.error('max_hit_ratio_k', `got ${maxK}; allowed: an integer >= 0 (0 disables hit ratios).`);
  }
  checkCodes(checks, 'actual', actual, K);
  if (labels !== undefined) checkCodes(checks, 'labels', labels, K);
  checkWeights(checks, weights);
  checks.throwIfAny('multinomial metrics input');

  const nHits = Math.min(maxK, K);
  const hits = new Float64Array(nHits);
  const cm = ConfusionMatrix.empty(domain);
  const row = new Float64Array(K);
  let count = 0;
  let W = 0;
  let sumSq = 0;
  let sumLl = 0;
  let wY = 0;
  let wYY = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const w = weightAt(weights, i);
    if (a < 0 || !(w > 0)) continue;
    let hasNaN = false;
    for (let c = 0; c < K; c++) {
      row[c] = probs[i * K + c];
      if (Number.isNaN(row[c])) hasNaN = true;
    }
    if (hasNaN) continue;
    const label = labels === undefined ? argmax(row) : labels[i];
    count++;
    W += w;
    wY += w * a;
    wYY += w * a * a;
    const err = 1 - row[a];
    sumSq += w * err * err;
    sumLl += w * Math.min(MAX_LOGLOSS, -Math.log(row[a]));
    cm.counts[a][label]++;
    if (nHits > 0) addHit(hits, row, a, label, w);
  }
  const MSE = sumSq / W;
  const hitRatios = cumulativeHitRatios(hits, W);
  return {
    nobs: count,
    MSE,
    RMSE: Math.sqrt(MSE),
    logloss: sumLl / W,
    r2: rSquared(MSE, count, W, wY, wYY),
    classification_error: cm.err(),
    mean_per_class_error: cm.meanPerClassError(),
    hit_ratios: hitRatios,
    hit_ratio_table: hitRatioTable(hitRatios),
    confusion_matrix: cm,
  };
}

/** Index of the largest value; the lowest index wins ties. */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
  return best;
}

/**
 * Adds a row's hit at the rank of its true class among the top hits.length classes. Rank 0 is the
 * predicted label (H2O adds 1 there, not w); later ranks take the next-largest probabilities.
 */
function addHit(hits: Float64Array, row: Float64Array, actual: number, label: number, w: number): void {
  if (actual === label) {
    hits[0] += 1;
    return;
  }
  const taken = new Uint8Array(row.length);
  taken[label] = 1;
  for (let k = 1; k < hits.length; k++) {
    let best = -1;
    for (let c = 0; c < row.length; c++) if (!taken[c] && (best < 0 || row[c] > row[best])) best = c;
    taken[best] = 1;
    if (best === actual) {
      hits[k] += w;
      return;
    }
  }
}

/** hr[k] = float32(hits[k]/W), then cumulated in float32 (H2O keeps them in a float[]). */
function cumulativeHitRatios(hits: Float64Array, W: number): number[] {
  const hr = Array.from(hits, (h) => Math.fround(h / W));
  for (let k = 1; k < hr.length; k++) hr[k] = Math.fround(hr[k] + hr[k - 1]);
  return hr;
}

/** H2O's "Top-k Hit Ratios" table: k, hit_ratio. */
function hitRatioTable(hr: number[]): TwoDimTable {
  return makeTable(
    'Top-' + hr.length + ' Hit Ratios',
    '',
    [
      { name: 'k', type: 'int', format: '%d' },
      { name: 'hit_ratio', type: 'float', format: '%f' },
    ],
    hr.map((v, k) => [k + 1, v]),
  );
}
