// The per-neuron scale c = (1−ρ)·δ² of the x²-based ADADELTA rows (adadelta-squares.ts and
// adadelta-compact.ts), with its subnormal flush.

/** Below this, c·x² cannot move Eg² + ε (ε ≥ 1e-20: its float32 ulp is far larger). */
const TINY_C: f32 = 1e-30;

/**
 * c = (1−ρ)·δ², flushed to 0 when tiny: δ ~ 1e-19 (confident softmax rows) makes c and c·x² subnormal,
 * and subnormal arithmetic ran the whole row three times slower here, for no visible effect.
 */
@inline
export function gradientScale(d: f32, rho: f32): f32 {
  const c: f32 = (<f32>1 - rho) * d * d;
  return c < TINY_C ? 0 : c;
}
