// Batched dense layer over packed panels of four input rows: out = X·Wᵀ + b, same contract as gemmBias
// (gemm.ts) plus a scratch area. Rows are interleaved by groups of four inputs, so one pointer with
// constant offsets feeds eight accumulators (4 rows × 2 outputs) and the panel stays in L1 while the
// weights stream from L2; gemmBias spends an address computation per load and streams X from L2.

import { gemmBias } from './gemm';
import { madd } from './madd';

/**
 * Rows per panel. TurboFan issues a loop body's loads before its arithmetic, so accumulators + every
 * vector loaded per step must fit V8's 15 usable xmm registers: 8 + 2 weights + 4 inputs (6 rows
 * measured slower: 20 live values, four accumulators spilled to the stack).
 */
const MR = 4;
/** Below this many outputs gemmBias is faster (200×10: packing a panel is 1/10 of its work). */
const MIN_OUTPUTS = 16;
/** Bytes of one packed group: four inputs of each of the MR rows. */
const GROUP = MR * 16;

/** Bytes of scratch gemmBiasPacked needs for `nIn` inputs. */
export function gemmPackedScratchBytes(nIn: i32): i32 {
  return ((nIn + 3) >> 2) * GROUP;
}

/**
 * pack[(g·MR + r)·4 + j] = x[(r0 + r)·nIn + 4g + j]; lanes past nIn and rows past m are zero, so the
 * last group needs no scalar tail (its weights are masked to zero, see gemmBiasPacked).
 */
@inline
function packPanel(x: usize, m: i32, nIn: i32, pack: usize): void {
  const rowBytes = <usize>nIn << 2;
  const full = nIn >> 2;
  const zero = f32x4.splat(0);
  for (let r = 0; r < MR; r++) {
    const dst = pack + (<usize>r << 4);
    if (r >= m) {
      for (let g = 0; g <= full; g++) v128.store(dst + <usize>g * GROUP, zero);
      continue;
    }
    const src = x + <usize>r * rowBytes;
    for (let g = 0; g < full; g++) v128.store(dst + <usize>g * GROUP, v128.load(src + (<usize>g << 4)));
    const t = nIn & 3;
    if (t != 0) {
      const d = dst + <usize>full * GROUP;
      v128.store(d, zero);
      for (let j = 0; j < t; j++) store<f32>(d + (<usize>j << 2), load<f32>(src + (<usize>(4 * full + j) << 2)));
    }
  }
}

/** [Σa, Σb, Σc, Σd] of four accumulators (lanes summed pairwise: (0+2) + (1+3)). */
@inline
function reduce4(a: v128, b: v128, c: v128, d: v128): v128 {
  const ab = f32x4.add(v128.shuffle<f32>(a, b, 0, 1, 4, 5), v128.shuffle<f32>(a, b, 2, 3, 6, 7));
  const cd = f32x4.add(v128.shuffle<f32>(c, d, 0, 1, 4, 5), v128.shuffle<f32>(c, d, 2, 3, 6, 7));
  return f32x4.add(v128.shuffle<f32>(ab, cd, 0, 2, 4, 6), v128.shuffle<f32>(ab, cd, 1, 3, 5, 7));
}

/** Stores outputs o, o+1 of rows r, r+1 from s = [Σ(r,o), Σ(r,o+1), Σ(r+1,o), Σ(r+1,o+1)] plus bias. */
@inline
function put2x2(s: v128, bias: v128, out: usize, r: i32, rEnd: i32, o: i32, nOut: i32): void {
  // The bias is float64 and added in float64, then rounded once, as gemvBias does.
  const at = out + ((<usize>r * <usize>nOut + <usize>o) << 2);
  v128.store64_lane(at, f32x4.demote_f64x2_zero(f64x2.add(f64x2.promote_low_f32x4(s), bias)), 0);
  if (r + 1 < rEnd) {
    const hi = v128.shuffle<f32>(s, s, 2, 3, 2, 3);
    const y = f32x4.demote_f64x2_zero(f64x2.add(f64x2.promote_low_f32x4(hi), bias));
    v128.store64_lane(at + (<usize>nOut << 2), y, 0);
  }
}

/** Outputs o, o+1 of the m (≤ MR) packed rows; `mask` keeps the valid lanes of the last group. */
@inline
function panel4x2(
  w0: usize,
  b: usize,
  pack: usize,
  out: usize,
  r0: i32,
  m: i32,
  o: i32,
  nOut: i32,
  nIn: i32,
  mask: v128,
): void {
  const w1 = w0 + (<usize>nIn << 2);
  let a00 = f32x4.splat(0);
  let a01 = f32x4.splat(0);
  let a10 = f32x4.splat(0);
  let a11 = f32x4.splat(0);
  let a20 = f32x4.splat(0);
  let a21 = f32x4.splat(0);
  let a30 = f32x4.splat(0);
  let a31 = f32x4.splat(0);
  const end = <usize>(nIn >> 2) << 4;
  let p = pack;
  let k: usize = 0;
  let v0: v128;
  let v1: v128;
  for (; k < end; k += 16) {
    v0 = v128.load(w0 + k);
    v1 = v128.load(w1 + k);
    let xv = v128.load(p);
    a00 = madd(xv, v0, a00);
    a01 = madd(xv, v1, a01);
    xv = v128.load(p, 16);
    a10 = madd(xv, v0, a10);
    a11 = madd(xv, v1, a11);
    xv = v128.load(p, 32);
    a20 = madd(xv, v0, a20);
    a21 = madd(xv, v1, a21);
    xv = v128.load(p, 48);
    a30 = madd(xv, v0, a30);
    a31 = madd(xv, v1, a31);
    p += GROUP;
  }
  if (nIn & 3) {
    // Last 1-3 inputs: the lanes past the row end hold the next row's weights (or whatever follows
    // the matrix), so they are cleared: 0 · (packed 0) adds exactly nothing.
    v0 = v128.and(v128.load(w0 + k), mask);
    v1 = v128.and(v128.load(w1 + k), mask);
    let xv = v128.load(p);
    a00 = madd(xv, v0, a00);
    a01 = madd(xv, v1, a01);
    xv = v128.load(p, 16);
    a10 = madd(xv, v0, a10);
    a11 = madd(xv, v1, a11);
    xv = v128.load(p, 32);
    a20 = madd(xv, v0, a20);
    a21 = madd(xv, v1, a21);
    xv = v128.load(p, 48);
    a30 = madd(xv, v0, a30);
    a31 = madd(xv, v1, a31);
  }
  const bias = v128.load(b + (<usize>o << 3));
  put2x2(reduce4(a00, a01, a10, a11), bias, out, r0, r0 + m, o, nOut);
  if (m > 2) put2x2(reduce4(a20, a21, a30, a31), bias, out, r0 + 2, r0 + m, o, nOut);
}

/** The last output when nOut is odd: one weight row against the m packed rows. */
@inline
function panel4x1(w0: usize, b: usize, pack: usize, out: usize, r0: i32, m: i32, o: i32, nOut: i32, nIn: i32, mask: v128): void {
  const groups = (nIn + 3) >> 2;
  const bias = load<f64>(b + (<usize>o << 3));
  for (let r = 0; r < m; r++) {
    let acc = f32x4.splat(0);
    let p = pack + (<usize>r << 4);
    for (let g = 0; g < groups; g++) {
      let v = v128.load(w0 + (<usize>g << 4));
      if (g == groups - 1 && (nIn & 3) != 0) v = v128.and(v, mask);
      acc = madd(v128.load(p), v, acc);
      p += GROUP;
    }
    const s = reduce4(acc, acc, acc, acc);
    store<f32>(out + ((<usize>(r0 + r) * <usize>nOut + <usize>o) << 2), <f32>(<f64>f32x4.extract_lane(s, 0) + bias));
  }
}

/**
 * out[r·nOut + o] = b[o] + Σ_i w[o·nIn + i]·x[r·nIn + i] for r < nRows, o < nOut: gemmBias's result up
 * to the order of the float32 additions. `pack` is gemmPackedScratchBytes(nIn) bytes of scratch
 * (16-byte aligned); the weights may be read up to 12 bytes past the matrix (masked out).
 */
export function gemmBiasPacked(
  w: usize,
  b: usize,
  x: usize,
  out: usize,
  nRows: i32,
  nOut: i32,
  nIn: i32,
  pack: usize,
): void {
  // Without a fused multiply-add the product needs one more register and this kernel spills (measured
  // slower than gemmBias); with few outputs, packing each panel costs more than it saves.
  if (!ASC_FEATURE_RELAXED_SIMD || nOut < MIN_OUTPUTS) {
    gemmBias(w, b, x, out, nRows, nOut, nIn);
    return;
  }
  const t = nIn & 3;
  // Lanes 0..t−1 set (all four when t = 0, unused then).
  const mask = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(t == 0 ? 4 : t));
  const rowBytes = <usize>nIn << 2;
  for (let r0 = 0; r0 < nRows; r0 += MR) {
    const m = min(MR, nRows - r0);
    packPanel(x + <usize>r0 * rowBytes, m, nIn, pack);
    let o = 0;
    for (; o + 2 <= nOut; o += 2) panel4x2(w + <usize>o * rowBytes, b, pack, out, r0, m, o, nOut, nIn, mask);
    if (o < nOut) panel4x1(w + <usize>o * rowBytes, b, pack, out, r0, m, o, nOut, nIn, mask);
  }
}
