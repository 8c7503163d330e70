// Test-time first layer for inputs that are mostly zero before standardisation (image pixels, one-hot
// slots). A standardised input is x = u − c with u = raw·mul and c = sub·mul, so
// W·x + b = W·u + (b − W·c): only the non-zero u need multiplying. Per row the non-zero u are listed
// once, then each block of 24 outputs accumulates u_j · Wᵀ[j, block] in six f32x4 registers (V8 loads a
// step's operands before its arithmetic: eight accumulators spilled).
// Same sums as the dense layer up to rounding order (and the fused multiply-add of the relaxed build).

import { madd } from './madd';

/** Scratch bytes sparseInputLayer needs for nIn inputs (the non-zero list: offsets and values). */
export function sparseInputScratchBytes(nIn: i32): i32 {
  return 8 * nIn + 16;
}

/**
 * wt = Wᵀ (nIn × nOut, input-major) and b2 = b − W·c (float32), both from {@link sparseInputPrepare}.
 * x: m standardised rows (row-major, nIn wide); c: the offsets; out: m × nOut; nOut a multiple of 4.
 */
export function sparseInputLayer(
  wt: usize,
  b2: usize,
  x: usize,
  c: usize,
  out: usize,
  m: i32,
  nOut: i32,
  nIn: i32,
  scratch: usize,
): void {
  const rowOut = <usize>nOut << 2;
  const offs = scratch;
  const vals = scratch + (<usize>nIn << 2);
  for (let r = 0; r < m; r++) {
    const xr = x + <usize>r * (<usize>nIn << 2);
    // The non-zero u = x + c of this row: byte offsets of their rows of Wᵀ, and the values.
    // Branch-free (which inputs are zero is unpredictable): always store, advance only past non-zeros.
    let k = 0;
    for (let j = 0; j < nIn; j++) {
      const u = load<f32>(xr + (<usize>j << 2)) + load<f32>(c + (<usize>j << 2));
      store<u32>(offs + (<usize>k << 2), <u32>(<usize>j * rowOut));
      store<f32>(vals + (<usize>k << 2), u);
      k += i32(u != 0);
    }
    const outR = out + <usize>r * rowOut;
    let o = 0;
    for (; o + 24 <= nOut; o += 24) {
      const base = wt + (<usize>o << 2);
      const bo = b2 + (<usize>o << 2);
      let a0 = v128.load(bo, 0);
      let a1 = v128.load(bo, 16);
      let a2 = v128.load(bo, 32);
      let a3 = v128.load(bo, 48);
      let a4 = v128.load(bo, 64);
      let a5 = v128.load(bo, 80);
      for (let t = 0; t < k; t++) {
        const p = base + <usize>load<u32>(offs + (<usize>t << 2));
        const u = v128.load32_splat(vals + (<usize>t << 2));
        a0 = madd(u, v128.load(p, 0), a0);
        a1 = madd(u, v128.load(p, 16), a1);
        a2 = madd(u, v128.load(p, 32), a2);
        a3 = madd(u, v128.load(p, 48), a3);
        a4 = madd(u, v128.load(p, 64), a4);
        a5 = madd(u, v128.load(p, 80), a5);
      }
      const q = outR + (<usize>o << 2);
      v128.store(q, a0, 0);
      v128.store(q, a1, 16);
      v128.store(q, a2, 32);
      v128.store(q, a3, 48);
      v128.store(q, a4, 64);
      v128.store(q, a5, 80);
    }
    for (; o < nOut; o += 4) {
      const base = wt + (<usize>o << 2);
      let a = v128.load(b2 + (<usize>o << 2));
      for (let t = 0; t < k; t++) {
        const p = base + <usize>load<u32>(offs + (<usize>t << 2));
        a = madd(v128.load32_splat(vals + (<usize>t << 2)), v128.load(p), a);
      }
      v128.store(outR + (<usize>o << 2), a);
    }
  }
}

/**
 * Writes wt = Wᵀ (w is nOut × nIn row-major) and b2[o] = b[o] − Σ_j w[o, j]·c[j] (b float64, b2
 * float32, the sum in float64): what {@link sparseInputLayer} needs for the current weights.
 */
export function sparseInputPrepare(w: usize, b: usize, c: usize, wt: usize, b2: usize, nOut: i32, nIn: i32): void {
  const rowOut = <usize>nOut << 2;
  for (let o = 0; o < nOut; o++) {
    const wr = w + <usize>o * (<usize>nIn << 2);
    let s: f64 = load<f64>(b + (<usize>o << 3));
    for (let j = 0; j < nIn; j++) {
      const v = load<f32>(wr + (<usize>j << 2));
      store<f32>(wt + <usize>j * rowOut + (<usize>o << 2), v);
      s -= <f64>v * <f64>load<f32>(c + (<usize>j << 2));
    }
    store<f32>(b2 + (<usize>o << 2), <f32>s);
  }
}
