// Weighted sums of rows (reference for the wasm kernel of the same name): the mini-batch backward
// pass's weight gradient G = Δᵀ·X and error below E = Δ·W. Plain loops; they define the result.

/**
 * dst[p·n + i] (+)= Σ_q coef[p·so + q·si] · src[q·n + i] for p < nDst, q < nSrc, i < n; without
 * `accumulate` the destination rows are overwritten first.
 */
export function combineRows(
  coef: Float32Array,
  so: number,
  si: number,
  src: Float32Array,
  nSrc: number,
  dst: Float32Array,
  nDst: number,
  n: number,
  accumulate: boolean,
): void {
  for (let p = 0; p < nDst; p++) {
    if (!accumulate) dst.fill(0, p * n, (p + 1) * n);
    for (let q = 0; q < nSrc; q++) {
      const c = coef[p * so + q * si];
      if (c === 0) continue;
      for (let i = 0; i < n; i++) dst[p * n + i] += c * src[q * n + i];
    }
  }
}
