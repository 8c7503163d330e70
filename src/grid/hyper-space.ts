// The hyper-parameter space of a grid: validation of `hyper_params` and `search_criteria`, and the
// walk over combinations — Cartesian (every combination, in order) or RandomDiscrete (a seeded
// random order without repeats).
import { Rng, ValidationError } from '../core/index.ts';

/** `hyper_params`: each parameter name → the values to try (`hidden` takes a list of lists). */
export type HyperParams = Record<string, readonly unknown[]>;

/** One point of the space: parameter name → value. */
export type Combination = Record<string, unknown>;

/** H2O's search_criteria. */
export interface SearchCriteria {
  strategy: 'Cartesian' | 'RandomDiscrete';
  /** RandomDiscrete: stop after this many models (0 = no limit). */
  max_models: number;
  /** Stop starting new models after this many seconds (0 = no limit). */
  max_runtime_secs: number;
  /** RandomDiscrete: the seed of the walk (-1 = random). */
  seed: number;
  /** RandomDiscrete: stop when the best model of the last `stopping_rounds` does not improve. */
  stopping_rounds: number;
  stopping_metric: string;
  stopping_tolerance: number;
}

const STRATEGIES = ['Cartesian', 'RandomDiscrete'];
const CRITERIA_KEYS = [
  'strategy',
  'max_models',
  'max_runtime_secs',
  'seed',
  'stopping_rounds',
  'stopping_metric',
  'stopping_tolerance',
];

/** Fills defaults and checks `search_criteria`; throws ValidationError naming every bad field. */
export function resolveCriteria(raw: Partial<Record<string, unknown>> = {}): SearchCriteria {
  const errors: { field: string; level: 'ERROR'; message: string }[] = [];
  const err = (field: string, message: string) =>
    errors.push({ field: `search_criteria.${field}`, level: 'ERROR', message });
  for (const k of Object.keys(raw))
    if (!CRITERIA_KEYS.includes(k)) err(k, `unknown field. Allowed: ${CRITERIA_KEYS.join(', ')}.`);
  const strategy = String(raw.strategy ?? 'Cartesian');
  if (!STRATEGIES.includes(strategy))
    err('strategy', `unknown value '${strategy}'. Allowed: ${STRATEGIES.join(', ')}.`);
  const num = (k: string, dflt: number, ok: (v: number) => boolean, allowed: string): number => {
    const v = raw[k] === undefined ? dflt : Number(raw[k]);
    if (!ok(v)) err(k, `got ${JSON.stringify(raw[k])}; allowed: ${allowed}`);
    return v;
  };
  const c: SearchCriteria = {
    strategy: strategy as SearchCriteria['strategy'],
    max_models: num('max_models', 0, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0'),
    max_runtime_secs: num('max_runtime_secs', 0, (v) => v >= 0, 'a number >= 0'),
    seed: num('seed', -1, Number.isFinite, 'a number'),
    stopping_rounds: num('stopping_rounds', 0, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0'),
    stopping_metric: String(raw.stopping_metric ?? 'AUTO'),
    stopping_tolerance: num('stopping_tolerance', 0.001, (v) => v >= 0, 'a number >= 0'),
  };
  if (errors.length > 0) throw new ValidationError(errors, 'search_criteria');
  return c;
}

/** Checks that every hyper-parameter has a non-empty list of values; `known` lists allowed names. */
export function checkHyperParams(hyper: unknown, known?: readonly string[]): HyperParams {
  if (hyper === null || typeof hyper !== 'object' || Array.isArray(hyper))
    throw new ValidationError([
      {
        field: 'hyper_params',
        level: 'ERROR',
        message: `expected an object of parameter name → list of values, got ${JSON.stringify(hyper)}`,
      },
    ]);
  const errors: { field: string; level: 'ERROR'; message: string }[] = [];
  for (const [k, v] of Object.entries(hyper as Record<string, unknown>)) {
    if (known && !known.includes(k))
      errors.push({ field: `hyper_params.${k}`, level: 'ERROR', message: 'not a Deep Learning parameter' });
    else if (!Array.isArray(v) || v.length === 0)
      errors.push({
        field: `hyper_params.${k}`,
        level: 'ERROR',
        message: `expected a non-empty list of values, got ${JSON.stringify(v)}`,
      });
  }
  if (Object.keys(hyper as object).length === 0)
    errors.push({
      field: 'hyper_params',
      level: 'ERROR',
      message: 'needs at least one parameter to search over',
    });
  if (errors.length > 0) throw new ValidationError(errors, 'hyper_params');
  return hyper as HyperParams;
}

/** Number of combinations in the space. */
export function spaceSize(hyper: HyperParams): number {
  return Object.values(hyper).reduce((n, v) => n * v.length, 1);
}

/** The combination with mixed-radix index `i` (the last parameter varies fastest). */
export function combinationAt(hyper: HyperParams, i: number): Combination {
  const names = Object.keys(hyper);
  const out: Combination = {};
  let rest = i;
  for (let k = names.length - 1; k >= 0; k--) {
    const values = hyper[names[k]];
    out[names[k]] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  // Keep the user's key order.
  return Object.fromEntries(names.map((n) => [n, out[n]]));
}

/**
 * Indices of the combinations in visiting order: 0..N-1 for Cartesian, a seeded permutation for
 * RandomDiscrete (each combination at most once).
 */
export function walkOrder(hyper: HyperParams, criteria: SearchCriteria, seed: number): Int32Array {
  const n = spaceSize(hyper);
  if (n > 1e7)
    throw new ValidationError([
      {
        field: 'hyper_params',
        level: 'ERROR',
        message: `the space has ${n} combinations; at most 10000000 are supported`,
      },
    ]);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (criteria.strategy === 'RandomDiscrete') new Rng(seed).shuffle(order);
  return order;
}

/** A stable key of a combination (grid resumption skips combinations already tried). */
export function combinationKey(c: Combination): string {
  return JSON.stringify(
    Object.keys(c)
      .sort()
      .map((k) => [k, c[k]]),
  );
}
