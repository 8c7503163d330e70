// Updates of one bias (semantics doc §5.5–5.8): the gradient is g_b = δ + l1·sign(b) + l2·b, and the
// optimizer state is indexed like the biases (one float64 per bias). Called once per neuron per row.

import { approxSqrtF64 } from './fast-sqrt.ts';

/** Plain SGD: b[k] ← b[k] − rate·g_b. */
export function biasUpdatePlain(
  b: Float64Array,
  k: number,
  delta: number,
  rate: number,
  l1: number,
  l2: number,
): void {
  const bv = b[k];
  b[k] = bv - rate * (delta + l1 * Math.sign(bv) + l2 * bv);
}

/** Momentum with its own velocity v[k]: Nesterov (v ← m·v − g; b ← b + rate·v) or classical. */
export function biasUpdateMomentum(
  b: Float64Array,
  v: Float64Array,
  k: number,
  delta: number,
  rate: number,
  momentum: number,
  l1: number,
  l2: number,
  nesterov: boolean,
): void {
  const bv = b[k];
  const g = delta + l1 * Math.sign(bv) + l2 * bv;
  if (nesterov) {
    v[k] = momentum * v[k] - g;
    b[k] = bv + rate * v[k];
  } else {
    const step = -rate * g;
    b[k] = bv + step + momentum * v[k];
    v[k] = step;
  }
}

/**
 * H2O's bias ADADELTA (§5.7): the accumulators are fed `meanG2`, the mean squared gradient of the
 * neuron's incoming weights in this step (not the bias's own gradient); η uses the float64 fast
 * sqrt; then b ← b − η·g_b. Returns η (the rate the sparsity term reuses).
 */
export function biasUpdateAdadelta(
  b: Float64Array,
  eg2: Float64Array,
  edx2: Float64Array,
  k: number,
  delta: number,
  meanG2: number,
  rho: number,
  epsilon: number,
  l1: number,
  l2: number,
): number {
  eg2[k] = rho * eg2[k] + (1 - rho) * meanG2;
  const eta = approxSqrtF64((edx2[k] + epsilon) / (eg2[k] + epsilon));
  edx2[k] = rho * edx2[k] + (1 - rho) * eta * eta * meanG2;
  const bv = b[k];
  b[k] = bv - eta * (delta + l1 * Math.sign(bv) + l2 * bv);
  return eta;
}
