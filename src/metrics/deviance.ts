// Per-row deviance of each regression distribution, as H2O reports mean_residual_deviance (§8).
// y is the actual (already cast to float32), f the prediction in response units.

/** Regression distributions whose deviance H2O reports. */
export type RegressionDistribution =
  | 'gaussian'
  | 'poisson'
  | 'gamma'
  | 'tweedie'
  | 'laplace'
  | 'quantile'
  | 'huber';

export const REGRESSION_DISTRIBUTIONS: readonly RegressionDistribution[] = [
  'gaussian',
  'poisson',
  'gamma',
  'tweedie',
  'laplace',
  'quantile',
  'huber',
];

/** H2O's clamped log: log of ≤ 0 is −19, and nothing is below −19 (keeps y·log(y/f) finite at y = 0). */
export function clampedLog(x: number): number {
  if (!(x > 0)) return -19;
  return Math.max(-19, Math.log(x));
}

/** Parameters of the distributions that have one. */
export interface DevianceParams {
  tweedie_power: number;
  quantile_alpha: number;
  /** Huber's delta (the huber_alpha quantile of |y − f|, computed by the caller). */
  huberDelta: number;
}

/** Unweighted deviance of one row. */
export function deviance(dist: RegressionDistribution, y: number, f: number, p: DevianceParams): number {
  switch (dist) {
    case 'gaussian':
      return (y - f) * (y - f);
    case 'poisson':
      return 2 * (y * clampedLog(y / f) - y + f);
    case 'gamma': {
      // y = f = 0 would be 0/0; H2O treats y/f as 1, and we read log(f/y) the same way, giving 0.
      if (y === 0 && f === 0) return 0;
      return 2 * (clampedLog(f / y) + y / f - 1);
    }
    case 'tweedie': {
      const q = p.tweedie_power;
      return 2 * (y ** (2 - q) / ((1 - q) * (2 - q)) - (y * f ** (1 - q)) / (1 - q) + f ** (2 - q) / (2 - q));
    }
    case 'laplace':
      return Math.abs(y - f);
    case 'quantile':
      return y > f ? p.quantile_alpha * (y - f) : (1 - p.quantile_alpha) * (f - y);
    case 'huber': {
      const a = Math.abs(y - f);
      const d = p.huberDelta;
      return a <= d ? (y - f) * (y - f) : (2 * a - d) * d;
    }
  }
}
