// Output-layer error signals δ = ∂E/∂net (semantics doc §3.4). Regression and autoencoder outputs use
// the distribution's negative half gradient nhg(t, f), δ = −2·nhg; softmax uses CrossEntropy or the
// diagonal-only Quadratic rule. Huber's δ_h is fixed at 1 (standardised units) during training.
import type { Distribution, NetworkSpec } from './spec.ts';

/** nhg(t, f): minus one half of ∂deviance/∂f for target t and raw output f (link space). */
export type NegHalfGradient = (t: number, f: number) => number;

/** H2O caps exp() at 1e19 in the log-link gradients. */
function cappedExp(x: number): number {
  const v = Math.exp(x);
  return Math.min(v, 1e19);
}

/** The negative half gradient for a regression distribution (bernoulli/multinomial: none). */
export function negativeHalfGradient(
  distribution: Distribution,
  tweedie_power: number,
  quantile_alpha: number,
): NegHalfGradient {
  switch (distribution) {
    case 'gaussian':
      return (t, f) => t - f;
    case 'poisson':
      return (t, f) => t - cappedExp(f);
    case 'gamma':
      return (t, f) => t * cappedExp(-f) - 1;
    case 'tweedie': {
      const p = tweedie_power;
      return (t, f) => t * cappedExp(f * (1 - p)) - cappedExp(f * (2 - p));
    }
    case 'laplace':
      return (t, f) => (f <= t ? 0.5 : -0.5);
    case 'quantile': {
      const a = quantile_alpha;
      return (t, f) => (t > f ? 0.5 * a : 0.5 * (a - 1));
    }
    case 'huber':
      // δ_h = 1 during training, whatever huber_alpha is (§3.4).
      return (t, f) => {
        const r = t - f;
        return r > 1 ? 1 : Math.max(r, -1);
      };
    default:
      throw new Error(`internal error: no regression gradient for distribution '${distribution}'`);
  }
}

/**
 * Fills delta[0..n) for a softmax output with probabilities p and class index `target`:
 * CrossEntropy (also Automatic) δ = p − t; Quadratic δ = (p − t)·p·(1 − p), only the diagonal of the
 * softmax Jacobian, as H2O does.
 */
export function softmaxDelta(
  loss: NetworkSpec['loss'],
  p: Float64Array,
  target: number,
  delta: Float64Array,
  n: number,
): void {
  const quadratic = loss === 'Quadratic';
  for (let c = 0; c < n; c++) {
    const d = p[c] - (c === target ? 1 : 0);
    delta[c] = quadratic ? d * p[c] * (1 - p[c]) : d;
  }
}
