// Weighted sums of rows, the two products of a mini-batch backward pass: the weight gradient
// G = Δᵀ·X (coefficients down a column of Δ, rows of X) and the error below E = Δ·W (coefficients
// along a row of Δ, rows of W). Four source rows per pass over the destination row, and groups of
// four zero coefficients skipped (Rectifier δ is mostly 0), so each destination row is loaded and
// stored once per four sources.

import { madd } from './madd';

/**
 * dst[p·n + i] (+)= Σ_q coef[p·so + q·si] · src[q·n + i] for p < nDst, q < nSrc, i < n (float32).
 * With `accumulate` = 0 the destination rows are overwritten.
 */
export function combineRows(
  coef: usize,
  so: i32,
  si: i32,
  src: usize,
  nSrc: i32,
  dst: usize,
  nDst: i32,
  n: i32,
  accumulate: i32,
): void {
  const rowBytes = <usize>n << 2;
  for (let p = 0; p < nDst; p++) {
    const d = dst + <usize>p * rowBytes;
    if (!accumulate) memory.fill(d, 0, rowBytes);
    const cp = coef + ((<usize>p * <usize>so) << 2);
    let q = 0;
    for (; q + 4 <= nSrc; q += 4) {
      const c0 = load<f32>(cp + ((<usize>q * <usize>si) << 2));
      const c1 = load<f32>(cp + ((<usize>(q + 1) * <usize>si) << 2));
      const c2 = load<f32>(cp + ((<usize>(q + 2) * <usize>si) << 2));
      const c3 = load<f32>(cp + ((<usize>(q + 3) * <usize>si) << 2));
      if (c0 == 0 && c1 == 0 && c2 == 0 && c3 == 0) continue;
      const s0 = src + <usize>q * rowBytes;
      const s1 = s0 + rowBytes;
      const s2 = s1 + rowBytes;
      const s3 = s2 + rowBytes;
      const v0 = f32x4.splat(c0);
      const v1 = f32x4.splat(c1);
      const v2 = f32x4.splat(c2);
      const v3 = f32x4.splat(c3);
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        const k = <usize>i << 2;
        let acc = madd(v0, v128.load(s0 + k), v128.load(d + k));
        acc = madd(v1, v128.load(s1 + k), acc);
        acc = madd(v2, v128.load(s2 + k), acc);
        v128.store(d + k, madd(v3, v128.load(s3 + k), acc));
      }
      for (; i < n; i++) {
        const k = <usize>i << 2;
        const a = c0 * load<f32>(s0 + k) + c1 * load<f32>(s1 + k);
        const b = c2 * load<f32>(s2 + k) + c3 * load<f32>(s3 + k);
        store<f32>(d + k, load<f32>(d + k) + (a + b));
      }
    }
    for (; q < nSrc; q++) {
      const c = load<f32>(cp + ((<usize>q * <usize>si) << 2));
      if (c == 0) continue;
      const s = src + <usize>q * rowBytes;
      const v = f32x4.splat(c);
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        const k = <usize>i << 2;
        v128.store(d + k, madd(v, v128.load(s + k), v128.load(d + k)));
      }
      for (; i < n; i++) {
        const k = <usize>i << 2;
        store<f32>(d + k, load<f32>(d + k) + c * load<f32>(s + k));
      }
    }
  }
}
