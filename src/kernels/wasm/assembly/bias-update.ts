// Bias updates (float64 biases and state, scalar), as src/kernels/js/bias-update.ts. `k` is the
// bias index; b, v, eg2, edx2 are byte addresses of float64 arrays.

@inline
function sign(v: f64): f64 {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Float64 fast square root: reinterpret ((bits(x) >> 32) + 1072632448) << 31, as H2O's bias ADADELTA. */
@inline
export function approxSqrtF64(x: f64): f64 {
  return reinterpret<f64>(((reinterpret<u64>(x) >> 32) + 1072632448) << 31);
}

/** Plain SGD: b ← b − rate·(δ + l1·sign(b) + l2·b). */
export function biasUpdatePlain(b: usize, k: i32, delta: f64, rate: f64, l1: f64, l2: f64): void {
  const p = b + (<usize>k << 3);
  const bv = load<f64>(p);
  store<f64>(p, bv - rate * (delta + l1 * sign(bv) + l2 * bv));
}

/** Nesterov (v ← m·v − g; b ← b + rate·v) or classical momentum on one bias. */
export function biasUpdateMomentum(
  b: usize,
  v: usize,
  k: i32,
  delta: f64,
  rate: f64,
  momentum: f64,
  l1: f64,
  l2: f64,
  nesterov: i32,
): void {
  const p = b + (<usize>k << 3);
  const q = v + (<usize>k << 3);
  const bv = load<f64>(p);
  const g = delta + l1 * sign(bv) + l2 * bv;
  if (nesterov) {
    const vn = momentum * load<f64>(q) - g;
    store<f64>(q, vn);
    store<f64>(p, bv + rate * vn);
  } else {
    const step = -rate * g;
    store<f64>(p, bv + step + momentum * load<f64>(q));
    store<f64>(q, step);
  }
}

/** H2O's bias ADADELTA fed with the row's mean squared gradient; returns η. */
export function biasUpdateAdadelta(
  b: usize,
  eg2: usize,
  edx2: usize,
  k: i32,
  delta: f64,
  meanG2: f64,
  rho: f64,
  epsilon: f64,
  l1: f64,
  l2: f64,
): f64 {
  const o = <usize>k << 3;
  const eg = rho * load<f64>(eg2 + o) + (1 - rho) * meanG2;
  store<f64>(eg2 + o, eg);
  const eta = approxSqrtF64((load<f64>(edx2 + o) + epsilon) / (eg + epsilon));
  store<f64>(edx2 + o, rho * load<f64>(edx2 + o) + (1 - rho) * eta * eta * meanG2);
  const bv = load<f64>(b + o);
  store<f64>(b + o, bv - eta * (delta + l1 * sign(bv) + l2 * bv));
  return eta;
}
