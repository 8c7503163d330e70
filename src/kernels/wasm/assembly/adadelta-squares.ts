import { gradientScale } from './adadelta-scale';
import { madd, nmadd } from './madd';

// ADADELTA row update for the common case (stride 1, no l1/l2) from a per-row x² vector: (1−ρ)·g² is
// then c·x² with c = (1−ρ)·δ², one multiply instead of three, and the bias rule's Σg² is δ²·Σx² (the
// caller computes Σx² once per layer and row). fast_mode needs no masking beyond ρ → 1 where x = 0
// (there g = 0, so Eg², Edx² and w come out unchanged), and that ρ per input is computed with x²:
// one load per four weights instead of a compare and a blend. Same formulas as row-update.ts up to rounding;
// the relaxed-SIMD build fuses three multiply-adds (11% faster here, within the kernel tolerance).

/** Whether any x[i] is exactly 0 (fast_mode needs its per-input ρ only then). */
export function anyZero(x: usize, n: i32): bool {
  const zero = f32x4.splat(0);
  let z = zero;
  let i = 0;
  for (; i + 4 <= n; i += 4) z = v128.or(z, f32x4.eq(v128.load(x + (<usize>i << 2)), zero));
  if (v128.any_true(z)) return true;
  for (; i < n; i++) if (load<f32>(x + (<usize>i << 2)) == 0) return true;
  return false;
}

/** Where the per-input ρ follows x² in the squares buffer (16-byte aligned). */
@inline
function rhoAt(xsq: usize, n: i32): usize {
  return xsq + ((<usize>(n + 3) & ~3) << 2);
}

/**
 * xsq[i] = x[i]² and, with fastMode, ρ_i (1 where x[i] = 0, else ρ) at {@link rhoAt}; the buffer
 * holds 8·n + 16 bytes. Returns Σ x[i]² (float32 lanes, summed in float64).
 */
export function squares(x: usize, xsq: usize, n: i32, rho: f32, fastMode: i32): f64 {
  let acc = f32x4.splat(0);
  const r = rhoAt(xsq, n);
  const vr = f32x4.splat(rho);
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const v = v128.load(x + o);
    const s = f32x4.mul(v, v);
    v128.store(xsq + o, s);
    if (fastMode) v128.store(r + o, v128.bitselect(one, vr, f32x4.eq(v, zero)));
    acc = f32x4.add(acc, s);
  }
  let sum: f64 =
    <f64>f32x4.extract_lane(acc, 0) +
    <f64>f32x4.extract_lane(acc, 1) +
    <f64>f32x4.extract_lane(acc, 2) +
    <f64>f32x4.extract_lane(acc, 3);
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    store<f32>(xsq + (<usize>i << 2), v * v);
    if (fastMode) store<f32>(r + (<usize>i << 2), v == 0 ? 1 : rho);
    sum += <f64>(v * v);
  }
  return sum;
}

/** Four weights at w/eg/edx/x/xsq/r/e (already offset); `masked` reads ρ per input from r. */
@inline
function group(
  w: usize,
  eg: usize,
  edx: usize,
  x: usize,
  xsq: usize,
  r: usize,
  e: usize,
  vd: v128,
  vrho: v128,
  veps: v128,
  vc: v128,
  magic: v128,
  prop: bool,
  masked: bool,
): void {
  const wv = v128.load(w);
  if (prop) v128.store(e, f32x4.add(v128.load(e), f32x4.mul(vd, wv)));
  const xv = v128.load(x);
  const rho = masked ? v128.load(r) : vrho;
  const t = f32x4.mul(vc, v128.load(xsq));
  const nEg = madd(rho, v128.load(eg), t);
  const dx2 = v128.load(edx);
  // approxSqrt((Edx² + ε)/(Eg² + ε)) as H2O: reinterpret 532483686 + (bits >> 1).
  const eta = i32x4.add(magic, i32x4.shr_s(f32x4.div(f32x4.add(dx2, veps), f32x4.add(nEg, veps)), 1));
  v128.store(eg, nEg);
  v128.store(edx, madd(rho, dx2, f32x4.mul(f32x4.mul(eta, eta), t)));
  v128.store(w, nmadd(eta, f32x4.mul(vd, xv), wv));
}

/** Four groups (16 weights) from each pointer, written out (a loop would re-create the constants). */
@inline
function block16(
  w: usize,
  eg: usize,
  edx: usize,
  x: usize,
  xsq: usize,
  r: usize,
  e: usize,
  vd: v128,
  vrho: v128,
  veps: v128,
  vc: v128,
  magic: v128,
  prop: bool,
  masked: bool,
): void {
  group(w, eg, edx, x, xsq, r, e, vd, vrho, veps, vc, magic, prop, masked);
  group(w + 16, eg + 16, edx + 16, x + 16, xsq + 16, r + 16, e + 16, vd, vrho, veps, vc, magic, prop, masked);
  group(w + 32, eg + 32, edx + 32, x + 32, xsq + 32, r + 32, e + 32, vd, vrho, veps, vc, magic, prop, masked);
  group(w + 48, eg + 48, edx + 48, x + 48, xsq + 48, r + 48, e + 48, vd, vrho, veps, vc, magic, prop, masked);
}

/** The loop with compile-time flags: 16 weights per iteration (V8 re-creates splats at each use). */
@inline
function rowLoop(
  w: usize,
  eg: usize,
  edx: usize,
  x: usize,
  xsq: usize,
  e: usize,
  n: i32,
  d: f32,
  rho: f32,
  eps: f32,
  prop: bool,
  fast: bool,
): void {
  const vd = f32x4.splat(d);
  const vrho = f32x4.splat(rho);
  const veps = f32x4.splat(eps);
  const vc = f32x4.splat(gradientScale(d, rho));
  const magic = i32x4.splat(532483686);
  const r = rhoAt(xsq, n);
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const o = <usize>i << 2;
    block16(w + o, eg + o, edx + o, x + o, xsq + o, r + o, e + o, vd, vrho, veps, vc, magic, prop, fast);
  }
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    group(w + o, eg + o, edx + o, x + o, xsq + o, r + o, e + o, vd, vrho, veps, vc, magic, prop, fast);
  }
  for (; i < n; i++) {
    const k = <usize>i << 2;
    const wk = load<f32>(w + k);
    if (prop) store<f32>(e + k, load<f32>(e + k) + d * wk);
    const xi = load<f32>(x + k);
    if (fast && xi == 0) continue;
    const t = gradientScale(d, rho) * load<f32>(xsq + k);
    const nEg = rho * load<f32>(eg + k) + t;
    const dx2 = load<f32>(edx + k);
    const eta = reinterpret<f32>(532483686 + (reinterpret<i32>((dx2 + eps) / (nEg + eps)) >> 1));
    store<f32>(eg + k, nEg);
    store<f32>(edx + k, rho * dx2 + eta * eta * t);
    store<f32>(w + k, wk - eta * (d * xi));
  }
}

/**
 * ADADELTA on one dense row without l1/l2, given xsq = x² (and ρ per input) from {@link squares}: eBelow += δ·w (pre-update)
 * when `propagate`; fast_mode leaves weights whose input is 0 untouched. Σg² is δ²·Σx² (the caller's).
 */
export function rowUpdateAdadeltaSquares(
  w: usize,
  eg2: usize,
  edx2: usize,
  x: usize,
  xsq: usize,
  n: i32,
  delta: f32,
  rho: f32,
  epsilon: f32,
  eBelow: usize,
  propagate: i32,
  fastMode: i32,
): void {
  if (propagate) {
    if (fastMode) rowLoop(w, eg2, edx2, x, xsq, eBelow, n, delta, rho, epsilon, true, true);
    else rowLoop(w, eg2, edx2, x, xsq, eBelow, n, delta, rho, epsilon, true, false);
  } else if (fastMode) rowLoop(w, eg2, edx2, x, xsq, eBelow, n, delta, rho, epsilon, false, true);
  else rowLoop(w, eg2, edx2, x, xsq, eBelow, n, delta, rho, epsilon, false, false);
}
