// Fused back-propagation + weight update of one neuron's incoming row, SIMD versions of
// src/kernels/js/row-update.ts (same formulas; see there and semantics doc §5.5–5.8). `w` (and the
// state rows) already point at the row start; element i lives at i·stride. Each flag combination
// gets its own specialised f32x4 loop (constant arguments to an inlined body), so the common
// no-regularisation path pays nothing for l1/l2 or fast_mode.

// Optimizers: 0 plain, 1 Nesterov, 2 classical momentum, 3 ADADELTA.
const PLAIN = 0;
const NESTEROV = 1;
const CLASSICAL = 2;
const ADADELTA = 3;

/** Scalar loop from i0 (Maxout stride-2 rows and vector tails); returns Σg² for ADADELTA. */
function rowScalar(
  opt: i32,
  w: usize,
  s1: usize,
  s2: usize,
  x: usize,
  e: usize,
  i0: i32,
  n: i32,
  stride: i32,
  d: f32,
  p1: f32,
  p2: f32,
  l1: f32,
  l2: f32,
  prop: bool,
  fast: bool,
): f32 {
  let sum: f32 = 0;
  const omr: f32 = 1 - p1;
  for (let i = i0; i < n; i++) {
    const k = (<usize>(i * stride)) << 2;
    const wk = load<f32>(w + k);
    if (prop) store<f32>(e + (<usize>i << 2), load<f32>(e + (<usize>i << 2)) + d * wk);
    const xi = load<f32>(x + (<usize>i << 2));
    if (fast && xi == 0) continue;
    const g = d * xi + l1 * <f32>((wk > 0 ? 1 : 0) - (wk < 0 ? 1 : 0)) + l2 * wk;
    if (opt == PLAIN) store<f32>(w + k, wk - p1 * g);
    else if (opt == NESTEROV) {
      const v = p2 * load<f32>(s1 + k) - g;
      store<f32>(s1 + k, v);
      store<f32>(w + k, wk + p1 * v);
    } else if (opt == CLASSICAL) {
      const step = -p1 * g;
      store<f32>(w + k, wk + step + p2 * load<f32>(s1 + k));
      store<f32>(s1 + k, step);
    } else {
      const g2 = g * g;
      sum += g2;
      const eg = p1 * load<f32>(s1 + k) + omr * g2;
      store<f32>(s1 + k, eg);
      const dx2 = load<f32>(s2 + k);
      // approxSqrt((Edx2 + ε)/(Eg2 + ε)): reinterpret 532483686 + (bits >> 1), as H2O does.
      const eta = reinterpret<f32>(532483686 + (reinterpret<i32>((dx2 + p2) / (eg + p2)) >> 1));
      store<f32>(s2 + k, p1 * dx2 + omr * eta * eta * g2);
      store<f32>(w + k, wk - eta * g);
    }
  }
  return sum;
}

/**
 * One f32x4 group (four weights at byte offset o) of the stride-1 loop; returns its g² for ADADELTA.
 * `masked` (fast_mode with a zero input in the block) keeps weights whose input is 0 untouched.
 */
@inline
function group(
  opt: i32,
  w: usize,
  s1: usize,
  s2: usize,
  x: usize,
  e: usize,
  vd: v128,
  vrd: v128,
  v1: v128,
  v2: v128,
  omr: v128,
  vl1: v128,
  vl2: v128,
  magic: v128,
  prop: bool,
  reg: bool,
  masked: bool,
): v128 {
  const zero = f32x4.splat(0);
  const wv = v128.load(w);
  if (prop) v128.store(e, f32x4.add(v128.load(e), f32x4.mul(vd, wv)));
  const xv = v128.load(x);
  let g = f32x4.mul(vd, xv);
  if (reg) {
    // sign(w) = [w < 0] − [w > 0] on the all-ones masks (−1 as integers).
    const sign = f32x4.sub(f32x4.convert_i32x4_s(f32x4.lt(wv, zero)), f32x4.convert_i32x4_s(f32x4.gt(wv, zero)));
    g = f32x4.add(g, f32x4.add(f32x4.mul(vl1, sign), f32x4.mul(vl2, wv)));
  }
  const skip = masked ? f32x4.eq(xv, zero) : zero;
  if (opt == PLAIN && !reg) {
    // g = δ·x exactly, so w − (rate·δ)·x: one multiply; where x = 0 this leaves w as it is, so
    // fast_mode needs no mask here.
    v128.store(w, f32x4.sub(wv, f32x4.mul(vrd, xv)));
    return zero;
  }
  if (opt == PLAIN) {
    let nw = f32x4.sub(wv, f32x4.mul(v1, g));
    if (masked) nw = v128.bitselect(wv, nw, skip);
    v128.store(w, nw);
    return zero;
  }
  if (opt == NESTEROV) {
    const vo = v128.load(s1);
    let vn = f32x4.sub(f32x4.mul(v2, vo), g);
    let nw = f32x4.add(wv, f32x4.mul(v1, vn));
    if (masked) {
      vn = v128.bitselect(vo, vn, skip);
      nw = v128.bitselect(wv, nw, skip);
    }
    v128.store(s1, vn);
    v128.store(w, nw);
    return zero;
  }
  if (opt == CLASSICAL) {
    const vo = v128.load(s1);
    let step = f32x4.mul(f32x4.neg(v1), g);
    let nw = f32x4.add(f32x4.add(wv, step), f32x4.mul(v2, vo));
    if (masked) {
      step = v128.bitselect(vo, step, skip);
      nw = v128.bitselect(wv, nw, skip);
    }
    v128.store(s1, step);
    v128.store(w, nw);
    return zero;
  }
  let g2 = f32x4.mul(g, g);
  const ego = v128.load(s1);
  const dx2 = v128.load(s2);
  let eg = f32x4.add(f32x4.mul(v1, ego), f32x4.mul(omr, g2));
  const ratio = f32x4.div(f32x4.add(dx2, v2), f32x4.add(eg, v2));
  // approxSqrt(ratio) as H2O: reinterpret 532483686 + (bits >> 1).
  const eta = i32x4.add(magic, i32x4.shr_s(ratio, 1));
  let ndx2 = f32x4.add(f32x4.mul(v1, dx2), f32x4.mul(omr, f32x4.mul(f32x4.mul(eta, eta), g2)));
  let nw = f32x4.sub(wv, f32x4.mul(eta, g));
  if (masked) {
    eg = v128.bitselect(ego, eg, skip);
    ndx2 = v128.bitselect(dx2, ndx2, skip);
    nw = v128.bitselect(wv, nw, skip);
    g2 = v128.andnot(g2, skip);
  }
  v128.store(s1, eg);
  v128.store(s2, ndx2);
  v128.store(w, nw);
  return g2;
}

/** Four groups (16 weights) from byte offset 0 of each pointer; returns their summed g². */
@inline
function block16(
  opt: i32,
  w: usize,
  s1: usize,
  s2: usize,
  x: usize,
  e: usize,
  vd: v128,
  vrd: v128,
  v1: v128,
  v2: v128,
  omr: v128,
  vl1: v128,
  vl2: v128,
  magic: v128,
  prop: bool,
  reg: bool,
  masked: bool,
): v128 {
  // Written out: V8 would run a loop here with its constants re-created per pass.
  const g0 = group(opt, w, s1, s2, x, e, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, masked);
  const g1 = group(opt, w + 16, s1 + 16, s2 + 16, x + 16, e + 16, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, masked);
  const g2 = group(opt, w + 32, s1 + 32, s2 + 32, x + 32, e + 32, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, masked);
  const g3 = group(opt, w + 48, s1 + 48, s2 + 48, x + 48, e + 48, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, masked);
  return f32x4.add(f32x4.add(g0, g1), f32x4.add(g2, g3));
}

/**
 * The f32x4 loop for stride 1 with compile-time flags, four groups per iteration: V8 re-creates
 * splatted constants at every use inside a loop, so unrolling shares them (and the loop overhead)
 * across 16 weights. With fast_mode, blocks without a zero input skip the masking. Tail: rowScalar.
 */
@inline
function rowVector(
  opt: i32,
  w: usize,
  s1: usize,
  s2: usize,
  x: usize,
  e: usize,
  n: i32,
  d: f32,
  p1: f32,
  p2: f32,
  l1: f32,
  l2: f32,
  prop: bool,
  reg: bool,
  fast: bool,
): f32 {
  const vd = f32x4.splat(d);
  const vrd = f32x4.splat(p1 * d);
  const v1 = f32x4.splat(p1);
  const v2 = f32x4.splat(p2);
  const omr = f32x4.splat(1 - p1);
  const vl1 = f32x4.splat(l1);
  const vl2 = f32x4.splat(l2);
  const magic = i32x4.splat(532483686);
  const zero = f32x4.splat(0);
  let acc = zero;
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const o = <usize>i << 2;
    const pw = w + o;
    const p1s = s1 + o;
    const p2s = s2 + o;
    const px = x + o;
    const pe = e + o;
    let masked = false;
    if (fast && (opt != PLAIN || reg)) {
      const z01 = v128.or(f32x4.eq(v128.load(px), zero), f32x4.eq(v128.load(px, 16), zero));
      const z23 = v128.or(f32x4.eq(v128.load(px, 32), zero), f32x4.eq(v128.load(px, 48), zero));
      masked = v128.any_true(v128.or(z01, z23));
    }
    if (masked) acc = f32x4.add(acc, block16(opt, pw, p1s, p2s, px, pe, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, true));
    else acc = f32x4.add(acc, block16(opt, pw, p1s, p2s, px, pe, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, false));
  }
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    acc = f32x4.add(acc, group(opt, w + o, s1 + o, s2 + o, x + o, e + o, vd, vrd, v1, v2, omr, vl1, vl2, magic, prop, reg, fast));
  }
  let sum =
    f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
  if (i < n) sum += rowScalar(opt, w, s1, s2, x, e, i, n, 1, d, p1, p2, l1, l2, prop, fast);
  return sum;
}

/** Picks the specialised loop for the runtime flags. */
@inline
function rowUpdate(
  opt: i32,
  w: usize,
  s1: usize,
  s2: usize,
  stride: i32,
  x: usize,
  n: i32,
  d: f32,
  p1: f32,
  p2: f32,
  l1: f32,
  l2: f32,
  e: usize,
  prop: i32,
  fast: i32,
): f32 {
  if (stride != 1) return rowScalar(opt, w, s1, s2, x, e, 0, n, stride, d, p1, p2, l1, l2, prop != 0, fast != 0);
  const reg = l1 != 0 || l2 != 0;
  if (prop) {
    if (reg) {
      if (fast) return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, true, true, true);
      return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, true, true, false);
    }
    if (fast) return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, true, false, true);
    return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, true, false, false);
  }
  if (reg) {
    if (fast) return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, false, true, true);
    return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, false, true, false);
  }
  if (fast) return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, false, false, true);
  return rowVector(opt, w, s1, s2, x, e, n, d, p1, p2, l1, l2, false, false, false);
}

/** Plain SGD row: eBelow += δ·w (pre-update), w ← w − rate·g. */
export function rowUpdatePlain(
  w: usize,
  stride: i32,
  x: usize,
  n: i32,
  delta: f32,
  rate: f32,
  l1: f32,
  l2: f32,
  eBelow: usize,
  propagate: i32,
  fastMode: i32,
): void {
  rowUpdate(PLAIN, w, 0, 0, stride, x, n, delta, rate, 0, l1, l2, eBelow, propagate, fastMode);
}

/** H2O's Nesterov row: v ← m·v − g; w ← w + rate·v. */
export function rowUpdateNesterov(
  w: usize,
  v: usize,
  stride: i32,
  x: usize,
  n: i32,
  delta: f32,
  rate: f32,
  momentum: f32,
  l1: f32,
  l2: f32,
  eBelow: usize,
  propagate: i32,
  fastMode: i32,
): void {
  rowUpdate(NESTEROV, w, v, 0, stride, x, n, delta, rate, momentum, l1, l2, eBelow, propagate, fastMode);
}

/** Classical momentum row: Δ = −rate·g; w ← w + Δ + m·v; v ← Δ. */
export function rowUpdateClassicalMomentum(
  w: usize,
  v: usize,
  stride: i32,
  x: usize,
  n: i32,
  delta: f32,
  rate: f32,
  momentum: f32,
  l1: f32,
  l2: f32,
  eBelow: usize,
  propagate: i32,
  fastMode: i32,
): void {
  rowUpdate(CLASSICAL, w, v, 0, stride, x, n, delta, rate, momentum, l1, l2, eBelow, propagate, fastMode);
}

/** ADADELTA row with one approximate square root per weight; returns Σg² over updated weights. */
export function rowUpdateAdadelta(
  w: usize,
  eg2: usize,
  edx2: usize,
  stride: i32,
  x: usize,
  n: i32,
  delta: f32,
  rho: f32,
  epsilon: f32,
  l1: f32,
  l2: f32,
  eBelow: usize,
  propagate: i32,
  fastMode: i32,
): f64 {
  return <f64>rowUpdate(ADADELTA, w, eg2, edx2, stride, x, n, delta, rho, epsilon, l1, l2, eBelow, propagate, fastMode);
}

/** Σ w[i·stride]² (the max_w2 test). */
export function rowSumSquares(w: usize, stride: i32, n: i32): f64 {
  let s: f64 = 0;
  for (let i = 0; i < n; i++) {
    const v = <f64>load<f32>(w + (<usize>(i * stride) << 2));
    s += v * v;
  }
  return s;
}

/** w[i·stride] *= factor (the max_w2 rescaling). */
export function scaleRow(w: usize, stride: i32, n: i32, factor: f32): void {
  for (let i = 0; i < n; i++) {
    const p = w + (<usize>(i * stride) << 2);
    store<f32>(p, load<f32>(p) * factor);
  }
}
