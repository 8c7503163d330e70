// Batched dense layer for prediction and scoring: out = X·Wᵀ + b over a block of rows, so each weight
// row is loaded once per four input rows instead of once per row (the per-row gemv is bound by
// streaming the weights). Layout: w row-major (w[o·nIn + i], dl/network/layout.ts), x row-major
// (x[r·nIn + i]), out row-major (out[r·nOut + o]), b float64. Same sums as gemvBias up to order.

import { madd } from './madd';

/** Σ of the four lanes (pairwise, as kernels.ts's dot). */
@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** Scalar Σ_i w[i]·x[i] for i in [i0, n) (the tail of a vector loop). */
@inline
function tailDot(w: usize, x: usize, i0: i32, n: i32): f32 {
  let s: f32 = 0;
  for (let i = i0; i < n; i++) s += load<f32>(w + (<usize>i << 2)) * load<f32>(x + (<usize>i << 2));
  return s;
}

@inline
function put(out: usize, r: usize, o: i32, nOut: i32, b: usize, s: f32): void {
  store<f32>(out + ((r * <usize>nOut + <usize>o) << 2), <f32>(<f64>s + load<f64>(b + (<usize>o << 3))));
}

/** Rows r0..r0+3 against outputs o, o+1: eight f32x4 accumulators, six loads per four inputs. */
@inline
function block4x2(w: usize, b: usize, x: usize, out: usize, r0: usize, o: i32, nOut: i32, nIn: i32): void {
  const rowBytes = <usize>nIn << 2;
  const w0 = w + <usize>o * rowBytes;
  const w1 = w0 + rowBytes;
  const x0 = x + r0 * rowBytes;
  const x1 = x0 + rowBytes;
  const x2 = x1 + rowBytes;
  const x3 = x2 + rowBytes;
  let a00 = f32x4.splat(0);
  let a01 = f32x4.splat(0);
  let a10 = f32x4.splat(0);
  let a11 = f32x4.splat(0);
  let a20 = f32x4.splat(0);
  let a21 = f32x4.splat(0);
  let a30 = f32x4.splat(0);
  let a31 = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= nIn; i += 4) {
    const k = <usize>i << 2;
    const v0 = v128.load(w0 + k);
    const v1 = v128.load(w1 + k);
    let xv = v128.load(x0 + k);
    a00 = madd(xv, v0, a00);
    a01 = madd(xv, v1, a01);
    xv = v128.load(x1 + k);
    a10 = madd(xv, v0, a10);
    a11 = madd(xv, v1, a11);
    xv = v128.load(x2 + k);
    a20 = madd(xv, v0, a20);
    a21 = madd(xv, v1, a21);
    xv = v128.load(x3 + k);
    a30 = madd(xv, v0, a30);
    a31 = madd(xv, v1, a31);
  }
  put(out, r0, o, nOut, b, hsum(a00) + tailDot(w0, x0, i, nIn));
  put(out, r0, o + 1, nOut, b, hsum(a01) + tailDot(w1, x0, i, nIn));
  put(out, r0 + 1, o, nOut, b, hsum(a10) + tailDot(w0, x1, i, nIn));
  put(out, r0 + 1, o + 1, nOut, b, hsum(a11) + tailDot(w1, x1, i, nIn));
  put(out, r0 + 2, o, nOut, b, hsum(a20) + tailDot(w0, x2, i, nIn));
  put(out, r0 + 2, o + 1, nOut, b, hsum(a21) + tailDot(w1, x2, i, nIn));
  put(out, r0 + 3, o, nOut, b, hsum(a30) + tailDot(w0, x3, i, nIn));
  put(out, r0 + 3, o + 1, nOut, b, hsum(a31) + tailDot(w1, x3, i, nIn));
}

/** One row r against one output o (odd nOut, rows past the last multiple of four). */
@inline
function block1x1(w: usize, b: usize, x: usize, out: usize, r: usize, o: i32, nOut: i32, nIn: i32): void {
  const rowBytes = <usize>nIn << 2;
  const wr = w + <usize>o * rowBytes;
  const xr = x + r * rowBytes;
  let acc = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= nIn; i += 4) {
    const k = <usize>i << 2;
    acc = madd(v128.load(xr + k), v128.load(wr + k), acc);
  }
  put(out, r, o, nOut, b, hsum(acc) + tailDot(wr, xr, i, nIn));
}

/**
 * out[r·nOut + o] = b[o] + Σ_i w[o·nIn + i]·x[r·nIn + i] for r < nRows, o < nOut (no dropout masks:
 * this is the test-time pass). Sums in float32, bias added in float64, as gemvBias.
 */
export function gemmBias(w: usize, b: usize, x: usize, out: usize, nRows: i32, nOut: i32, nIn: i32): void {
  // Outputs outer, rows inner: two weight rows stay in L1 while the row block (BATCH_ROWS rows of
  // inputs, ~180 KB for MNIST) streams from L2; rows outer streamed the whole 573 KB weight matrix
  // (larger than L2) once per four rows and measured slower.
  const rEnd = nRows & ~3;
  let o = 0;
  for (; o + 2 <= nOut; o += 2) {
    for (let r = 0; r < rEnd; r += 4) block4x2(w, b, x, out, <usize>r, o, nOut, nIn);
    for (let r = rEnd; r < nRows; r++) {
      block1x1(w, b, x, out, <usize>r, o, nOut, nIn);
      block1x1(w, b, x, out, <usize>r, o + 1, nOut, nIn);
    }
  }
  for (; o < nOut; o++) for (let r = 0; r < nRows; r++) block1x1(w, b, x, out, <usize>r, o, nOut, nIn);
}
