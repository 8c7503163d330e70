// ADADELTA rows over only the non-zero inputs of a mostly-zero input layer (fast_mode, no l1/l2, no
// propagation below: the first weight layer). fast_mode leaves weights whose input is 0 untouched,
// so with MNIST's `sparse=true` inputs (82% zeros) a scalar pass over the ~130 non-zero inputs beats
// the masked SIMD pass over all 717. Same per-weight formulas as adadelta-squares.ts.

import { gradientScale } from './adadelta-scale';

/**
 * Lists the non-zero x[i] into `list` (i32 byte offsets i·4 at list, x at list + 4n, x² at
 * list + 8n, n = the input width) and returns how many there are.
 */
export function compactInputs(x: usize, list: usize, n: i32): i32 {
  const xs = list + (<usize>n << 2);
  const qs = xs + (<usize>n << 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    // Branch-free: which inputs are zero is unpredictable; store always, advance past non-zeros.
    const at = <usize>k << 2;
    store<i32>(list + at, i << 2);
    store<f32>(xs + at, v);
    store<f32>(qs + at, v * v);
    k += i32(v != 0);
  }
  return k;
}

/** ADADELTA on the k listed inputs of one row (w, eg2, edx2 at the row start); see compactInputs. */
export function rowUpdateAdadeltaCompact(
  w: usize,
  eg2: usize,
  edx2: usize,
  list: usize,
  k: i32,
  n: i32,
  delta: f32,
  rho: f32,
  eps: f32,
): void {
  const xs = list + (<usize>n << 2);
  const qs = xs + (<usize>n << 2);
  const c = gradientScale(delta, rho);
  for (let t = 0; t < k; t++) {
    const at = <usize>t << 2;
    const o = <usize>load<i32>(list + at);
    const t2 = c * load<f32>(qs + at);
    const nEg = rho * load<f32>(eg2 + o) + t2;
    const dx2 = load<f32>(edx2 + o);
    const eta = reinterpret<f32>(532483686 + (reinterpret<i32>((dx2 + eps) / (nEg + eps)) >> 1));
    store<f32>(eg2 + o, nEg);
    store<f32>(edx2 + o, rho * dx2 + eta * eta * t2);
    store<f32>(w + o, load<f32>(w + o) - eta * (delta * load<f32>(xs + at)));
  }
}
