// Approximate square roots by exponent-halving bit tricks, as H2O's ADADELTA and max_w2 use them
// (semantics doc §5.7): a few percent error, no Math.sqrt. Scratch views are module-level, so calls
// allocate nothing; they are not re-entrant across threads (each worker has its own module instance).

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
// Little-endian view of the float64: word 0 = low 32 bits, word 1 = high 32 bits.
const w64 = new Int32Array(f64.buffer);

/**
 * Float32 fast square root: reinterprets `532483686 + (bits(x) >> 1)` as a float32.
 * Relative error is at most about 3.5 % for positive normal x; x is rounded to float32 first.
 */
export function approxSqrtF32(x: number): number {
  f32[0] = x;
  i32[0] = 532483686 + (i32[0] >> 1);
  return f32[0];
}

/**
 * Float64 fast square root: reinterprets `((bits(x) >> 32) + 1072632448) << 31` as a float64
 * (64-bit arithmetic done on the two 32-bit words). Same error profile as {@link approxSqrtF32}.
 */
export function approxSqrtF64(x: number): number {
  f64[0] = x;
  // v = high word + 1072632448 fits in 32 unsigned bits for every non-negative double.
  const v = (w64[1] + 1072632448) >>> 0;
  // (v << 31) as a 64-bit value: high word = v >>> 1, low word = lowest bit of v moved to bit 31.
  w64[1] = v >>> 1;
  w64[0] = (v & 1) << 31;
  return f64[0];
}
