// Matrix-vector products for the forward pass. Layout (see dl/network/layout.ts): w is row-major,
// `w[o * nIn + i]`, one row per output unit; Maxout interleaves two channels per weight.

/**
 * out[o] = b[o] + Σ_i w[o·nIn + i]·x[i] for o < nOut, skipping rows whose keep[o] is 0 (their out
 * is set to 0, as H2O zeroes the net input of dropped units). Pass a keep mask of all ones when
 * there is no dropout.
 */
export function gemvBias(
  w: Float32Array,
  b: Float64Array,
  x: Float64Array,
  keep: Uint8Array,
  out: Float64Array,
  nOut: number,
  nIn: number,
): void {
  for (let o = 0; o < nOut; o++) {
    if (keep[o] === 0) {
      out[o] = 0;
      continue;
    }
    // out[o] = b[o] + Σ_i w[base + i]·x[i], unrolled by 4 with independent sums (measured 1.5x faster)
    const base = o * nIn;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      s0 += w[base + i] * x[i];
      s1 += w[base + i + 1] * x[i + 1];
      s2 += w[base + i + 2] * x[i + 2];
      s3 += w[base + i + 3] * x[i + 3];
    }
    for (; i < nIn; i++) s0 += w[base + i] * x[i];
    out[o] = s0 + s1 + (s2 + s3) + b[o];
  }
}

/**
 * Maxout (k = 2) forward: for each unit o both channel nets are computed from the interleaved
 * weights `w[2·(o·nIn + i) + ch]` and biases `b[2·o + ch]`; out[o] = max(net0, net1) and winner[o]
 * records the channel (ties go to channel 0). Dropped units (keep[o] = 0) output 0, winner 0.
 */
export function gemvMaxout(
  w: Float32Array,
  b: Float64Array,
  x: Float64Array,
  keep: Uint8Array,
  out: Float64Array,
  winner: Uint8Array,
  nOut: number,
  nIn: number,
): void {
  for (let o = 0; o < nOut; o++) {
    winner[o] = 0;
    if (keep[o] === 0) {
      out[o] = 0;
      continue;
    }
    let s0 = 0;
    let s1 = 0;
    const base = 2 * o * nIn;
    for (let i = 0; i < nIn; i++) {
      const xi = x[i];
      s0 += w[base + 2 * i] * xi;
      s1 += w[base + 2 * i + 1] * xi;
    }
    s0 += b[2 * o];
    s1 += b[2 * o + 1];
    if (s1 > s0) {
      out[o] = s1;
      winner[o] = 1;
    } else {
      out[o] = s0;
    }
  }
}
