import { madd } from './madd';

// AssemblyScript SIMD versions of the reference kernels in src/kernels/js (same names, same maths).
// Everything is float32 except biases and their optimizer state (float64, as in dl/network/layout.ts).
// Arguments are byte addresses into the (JS-managed) linear memory; dense rows use f32x4, stride-2
// Maxout rows and loop tails use the scalar form. Flags are i32 (0/1) so JS can pass them directly.

// ---- forward ---------------------------------------------------------------------------------

/** Σ_i w[i]·x[i] over n floats, f32x4 with two accumulators (8 floats per step). */
@inline
function dot(w: usize, x: usize, n: i32): f32 {
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 2;
    s0 = f32x4.add(s0, f32x4.mul(v128.load(w + o), v128.load(x + o)));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(w + o, 16), v128.load(x + o, 16)));
  }
  if (i + 4 <= n) {
    const o = <usize>i << 2;
    s0 = f32x4.add(s0, f32x4.mul(v128.load(w + o), v128.load(x + o)));
    i += 4;
  }
  const s = f32x4.add(s0, s1);
  let r =
    f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
  for (; i < n; i++) r += load<f32>(w + (<usize>i << 2)) * load<f32>(x + (<usize>i << 2));
  return r;
}

/** Σ of the four lanes (pairwise, as dot). */
@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * Six outputs at once: each x vector is loaded once for six weight rows, and six independent
 * accumulators hide the multiply-add latency that bounds a single row's dot (V8 loads a step's
 * operands before its arithmetic and has 16 vector registers: seven rows measured the same, eight
 * spill). Fused multiply-adds in the relaxed build: +13-25% against four rows there.
 */
@inline
function dotRows(w: usize, rowBytes: usize, x: usize, n: i32, out: usize, b: usize): void {
  const w1 = w + rowBytes;
  const w2 = w1 + rowBytes;
  const w3 = w2 + rowBytes;
  const w4 = w3 + rowBytes;
  const w5 = w4 + rowBytes;
  let a0 = f32x4.splat(0);
  let a1 = f32x4.splat(0);
  let a2 = f32x4.splat(0);
  let a3 = f32x4.splat(0);
  let a4 = f32x4.splat(0);
  let a5 = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const xa = v128.load(x + o);
    a0 = madd(v128.load(w + o), xa, a0);
    a1 = madd(v128.load(w1 + o), xa, a1);
    a2 = madd(v128.load(w2 + o), xa, a2);
    a3 = madd(v128.load(w3 + o), xa, a3);
    a4 = madd(v128.load(w4 + o), xa, a4);
    a5 = madd(v128.load(w5 + o), xa, a5);
  }
  let r0 = hsum(a0);
  let r1 = hsum(a1);
  let r2 = hsum(a2);
  let r3 = hsum(a3);
  let r4 = hsum(a4);
  let r5 = hsum(a5);
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const xi = load<f32>(x + o);
    r0 += load<f32>(w + o) * xi;
    r1 += load<f32>(w1 + o) * xi;
    r2 += load<f32>(w2 + o) * xi;
    r3 += load<f32>(w3 + o) * xi;
    r4 += load<f32>(w4 + o) * xi;
    r5 += load<f32>(w5 + o) * xi;
  }
  store<f32>(out, <f32>(<f64>r0 + load<f64>(b, 0)), 0);
  store<f32>(out, <f32>(<f64>r1 + load<f64>(b, 8)), 4);
  store<f32>(out, <f32>(<f64>r2 + load<f64>(b, 16)), 8);
  store<f32>(out, <f32>(<f64>r3 + load<f64>(b, 24)), 12);
  store<f32>(out, <f32>(<f64>r4 + load<f64>(b, 32)), 16);
  store<f32>(out, <f32>(<f64>r5 + load<f64>(b, 40)), 20);
}

/** out[o] = b[o] + Σ_i w[o·nIn + i]·x[i]; rows with keep[o] = 0 give 0 when useKeep. */
export function gemvBias(
  w: usize,
  b: usize,
  x: usize,
  keep: usize,
  out: usize,
  nOut: i32,
  nIn: i32,
  useKeep: i32,
): void {
  const rowBytes = <usize>nIn << 2;
  let o = 0;
  // Blocks of four rows when nothing is dropped (dropped rows are skipped one by one below).
  if (!useKeep) for (; o + 6 <= nOut; o += 6) dotRows(w + <usize>o * rowBytes, rowBytes, x, nIn, out + (<usize>o << 2), b + (<usize>o << 3));
  for (; o < nOut; o++) {
    const at = out + (<usize>o << 2);
    if (useKeep && load<u8>(keep + o) == 0) {
      store<f32>(at, 0);
      continue;
    }
    store<f32>(at, <f32>(<f64>dot(w + <usize>o * rowBytes, x, nIn) + load<f64>(b + (<usize>o << 3))));
  }
}

/** Maxout (k = 2) over interleaved channels: out[o] = max(net0, net1), winner[o] the channel. */
export function gemvMaxout(
  w: usize,
  b: usize,
  x: usize,
  keep: usize,
  out: usize,
  winner: usize,
  nOut: i32,
  nIn: i32,
  useKeep: i32,
): void {
  for (let o = 0; o < nOut; o++) {
    store<u8>(winner + o, 0);
    const at = out + (<usize>o << 2);
    if (useKeep && load<u8>(keep + o) == 0) {
      store<f32>(at, 0);
      continue;
    }
    // Pairs (ch0, ch1) of inputs i and i+1 in one vector, times [x_i, x_i, x_i+1, x_i+1].
    const base = w + ((<usize>o * <usize>nIn) << 3);
    let acc = f32x4.splat(0);
    let i = 0;
    for (; i + 2 <= nIn; i += 2) {
      const xv = v128.load64_zero(x + (<usize>i << 2));
      const xx = v128.shuffle<f32>(xv, xv, 0, 0, 1, 1);
      acc = f32x4.add(acc, f32x4.mul(v128.load(base + (<usize>i << 3)), xx));
    }
    let s0 = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 2);
    let s1 = f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 3);
    if (i < nIn) {
      const xi = load<f32>(x + (<usize>i << 2));
      s0 += load<f32>(base + (<usize>i << 3)) * xi;
      s1 += load<f32>(base + (<usize>i << 3) + 4) * xi;
    }
    const n0 = <f64>s0 + load<f64>(b + (<usize>o << 4));
    const n1 = <f64>s1 + load<f64>(b + (<usize>o << 4) + 8);
    if (n1 > n0) {
      store<f32>(at, <f32>n1);
      store<u8>(winner + o, 1);
    } else store<f32>(at, <f32>n0);
  }
}

// ---- activations -----------------------------------------------------------------------------

/** a = max(0, net) in place. */
export function rectifierForward(a: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = a + (<usize>i << 2);
    v128.store(p, f32x4.max(v128.load(p), zero));
  }
  for (; i < n; i++) {
    const p = a + (<usize>i << 2);
    store<f32>(p, max<f32>(load<f32>(p), 0));
  }
}

/** Tanh as H2O writes it, a = 1 − 2/(1 + e^{2·net}), in place (float64 exp). */
export function tanhForward(a: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    store<f32>(p, <f32>(1 - 2 / (1 + Math.exp(2 * <f64>load<f32>(p)))));
  }
}

/** ELU (α = 1) in place. */
export function expRectifierForward(a: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    const v = load<f32>(p);
    if (v < 0) store<f32>(p, <f32>(Math.exp(<f64>v) - 1));
  }
}

/** Softmax in place with max subtraction (float64 sums). */
export function softmax(z: usize, n: i32): void {
  let m = load<f32>(z);
  for (let i = 1; i < n; i++) m = max<f32>(m, load<f32>(z + (<usize>i << 2)));
  let sum: f64 = 0;
  for (let i = 0; i < n; i++) {
    const p = z + (<usize>i << 2);
    const v = Math.exp(<f64>load<f32>(p) - <f64>m);
    store<f32>(p, <f32>v);
    sum += v;
  }
  const inv = 1 / sum;
  for (let i = 0; i < n; i++) {
    const p = z + (<usize>i << 2);
    store<f32>(p, <f32>(<f64>load<f32>(p) * inv));
  }
}

/** a[i] *= factor (test-time dropout scaling). */
export function scaleInPlace(a: usize, factor: f32, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    store<f32>(p, load<f32>(p) * factor);
  }
}

/** delta = e where a > 0, else 0. */
export function rectifierBackward(e: usize, a: usize, delta: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(delta + o, v128.and(v128.load(e + o), f32x4.gt(v128.load(a + o), zero)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(delta + o, load<f32>(a + o) > 0 ? load<f32>(e + o) : 0);
  }
}

/** delta = e·(1 − a²) for kept units, 0 for dropped ones (useKeep). */
export function tanhBackward(e: usize, a: usize, keep: usize, delta: usize, n: i32, useKeep: i32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(a + o);
    store<f32>(delta + o, useKeep && load<u8>(keep + i) == 0 ? 0 : load<f32>(e + o) * (1 - v * v));
  }
}

/** ELU derivative: e where a ≥ 0, else e·(a + 1); dropped units 0. */
export function expRectifierBackward(e: usize, a: usize, keep: usize, delta: usize, n: i32, useKeep: i32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(a + o);
    const ev = load<f32>(e + o);
    store<f32>(delta + o, useKeep && load<u8>(keep + i) == 0 ? 0 : v >= 0 ? ev : ev * (v + 1));
  }
}

/** Maxout: delta = e for kept units. */
export function maxoutBackward(e: usize, keep: usize, delta: usize, n: i32, useKeep: i32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(delta + o, useKeep && load<u8>(keep + i) == 0 ? 0 : load<f32>(e + o));
  }
}
