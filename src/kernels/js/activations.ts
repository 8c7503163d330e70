// Activation functions in place over a layer's net inputs, their back-propagation rules (semantics
// doc §3.3, §3.5) and the softmax output. Dropped units arrive with net = 0 and leave with a = 0.

/** Tanh, written as H2O does: a = 1 − 2/(1 + e^{2·net}), in place over a[0..n). */
export function tanhForward(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) a[i] = 1 - 2 / (1 + Math.exp(2 * a[i]));
}

/** Rectifier: a = max(0, net), in place. */
export function rectifierForward(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    a[i] = Math.max(v, 0);
  }
}

/** ExpRectifier (ELU, α = 1): a = net if net ≥ 0 else e^{net} − 1, in place. */
export function expRectifierForward(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v < 0) a[i] = Math.exp(v) - 1;
  }
}

/**
 * Tanh back-propagation: delta[i] = e[i]·(1 − a[i]²) for kept units, 0 for dropped ones (a dropped
 * unit's output is the constant 0, so its true gradient is 0; see docs/differences-from-h2o.md).
 */
export function tanhBackward(
  e: Float64Array,
  a: Float64Array,
  keep: Uint8Array,
  delta: Float64Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) delta[i] = keep[i] === 0 ? 0 : e[i] * (1 - a[i] * a[i]);
}

/** Rectifier back-propagation: delta[i] = e[i] where a[i] > 0, else 0 (dropped units have a = 0). */
export function rectifierBackward(e: Float64Array, a: Float64Array, delta: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) delta[i] = a[i] > 0 ? e[i] : 0;
}

/**
 * ExpRectifier back-propagation with the exact ELU derivative: delta = e where a ≥ 0, else
 * e·(a + 1) (= e·e^{net}); dropped units get 0.
 */
export function expRectifierBackward(
  e: Float64Array,
  a: Float64Array,
  keep: Uint8Array,
  delta: Float64Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    delta[i] = keep[i] === 0 ? 0 : v >= 0 ? e[i] : e[i] * (v + 1);
  }
}

/** Maxout back-propagation: delta = e for kept units (the winning channel takes it), 0 when dropped. */
export function maxoutBackward(e: Float64Array, keep: Uint8Array, delta: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) delta[i] = keep[i] === 0 ? 0 : e[i];
}

/** Softmax with max-subtraction: p[c] = exp(z[c] − max z) / Σ_j exp(z[j] − max z); p may alias z. */
export function softmax(z: Float64Array, p: Float64Array, n: number): void {
  let max = z[0];
  for (let i = 1; i < n; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.exp(z[i] - max);
    p[i] = v;
    sum += v;
  }
  const inv = 1 / sum;
  for (let i = 0; i < n; i++) p[i] *= inv;
}

/** Multiplies a[0..n) by `factor` (test-time dropout scaling by 1 − ratio). */
export function scaleInPlace(a: Float64Array, factor: number, n: number): void {
  for (let i = 0; i < n; i++) a[i] *= factor;
}
