// Weighted quantiles with linear interpolation, the rule H2O's Quantile uses by default
// (combine_method=INTERPOLATE): rank p·(N−1) between the sorted values, N = total weight.
// Used for the huber deviance's delta and for the gains/lift group boundaries.

/**
 * The p-quantile of `values` (rows with NaN value or weight ≤ 0/NaN are ignored).
 *
 * Unweighted this is the usual "type 7" quantile: sort, rank r = p·(n−1), interpolate between
 * ranks floor(r) and floor(r)+1. With weights a row of weight w counts as w copies, so integer
 * weights give exactly the quantile of the replicated data. Returns NaN when no row is usable.
 */
export function weightedQuantile(values: Float64Array, p: number, weights?: Float64Array): number {
  return weightedQuantiles(values, [p], weights)[0];
}

/** Several quantiles of the same data, sorting it once (see {@link weightedQuantile}). */
export function weightedQuantiles(
  values: Float64Array,
  probs: readonly number[],
  weights?: Float64Array,
): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (!Number.isNaN(values[i]) && w > 0) idx.push(i);
  }
  if (idx.length === 0) return probs.map(() => Number.NaN);
  idx.sort((a, b) => values[a] - values[b]);
  const sorted = Float64Array.from(idx, (i) => values[i]);
  // cum[j] = total weight of sorted rows 0..j: row j covers ranks [cum[j−1], cum[j]).
  const cum = new Float64Array(idx.length);
  let total = 0;
  for (let j = 0; j < idx.length; j++) {
    total += weights === undefined ? 1 : weights[idx[j]];
    cum[j] = total;
  }
  return probs.map((p) => {
    const rank = Math.max(0, p * (total - 1));
    const lo = Math.floor(rank);
    const frac = rank - lo;
    const xLo = sorted[rowAtRank(cum, lo)];
    if (frac === 0) return xLo;
    const xHi = sorted[rowAtRank(cum, lo + 1)];
    // Classic linear interpolation; equal neighbours return exactly that value.
    return xLo === xHi ? xLo : xLo + (xHi - xLo) * frac;
  });
}

/** First sorted row j with cum[j] > t (binary search); the last row if t is past the end. */
function rowAtRank(cum: Float64Array, t: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
