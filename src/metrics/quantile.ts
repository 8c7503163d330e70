// Weighted quantile with linear interpolation, the rule H2O's Quantile uses by default
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
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (!Number.isNaN(values[i]) && w > 0) idx.push(i);
  }
  if (idx.length === 0) return Number.NaN;
  idx.sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const i of idx) total += weights === undefined ? 1 : weights[i];
  const rank = Math.max(0, p * (total - 1));
  const lo = Math.floor(rank);
  const frac = rank - lo;
  const xLo = valueAtRank(values, weights, idx, lo);
  if (frac === 0) return xLo;
  const xHi = valueAtRank(values, weights, idx, lo + 1);
  // Classic linear interpolation; equal neighbours return exactly that value.
  return xLo === xHi ? xLo : xLo + (xHi - xLo) * frac;
}

/** Value of the sorted row covering 0-based rank `t` when row j covers ranks [C_{j−1}, C_j). */
function valueAtRank(
  values: Float64Array,
  weights: Float64Array | undefined,
  sorted: number[],
  t: number,
): number {
  let cum = 0;
  for (const i of sorted) {
    cum += weights === undefined ? 1 : weights[i];
    if (t < cum) return values[i];
  }
  return values[sorted[sorted.length - 1]];
}
