// balance_classes (semantics §5.13): over/under-sample the training rows per class so classes are
// equally represented, capped at max_after_balance_size × N; the model remembers both class
// distributions to correct predicted probabilities.
import { Rng, ValidationError } from '../../core/index.ts';
import type { Frame } from '../../frame/index.ts';
import type { TrainingSetup } from './setup.ts';

/** Training rows after balancing, and the prior/sampled class distributions (null when not balanced). */
export interface Balanced {
  rows: Int32Array;
  prior: number[] | null;
  sampled: number[] | null;
}

/** Applies balance_classes when set for a classifier; otherwise returns the rows unchanged. */
export function balanceClasses(setup: TrainingSetup, frame: Frame, rows: Int32Array): Balanced {
  const p = setup.effective;
  if (!p.balance_classes || setup.responseDomain === null) return { rows, prior: null, sampled: null };
  const k = setup.responseDomain.length;
  const vec = frame.col(setup.response!);
  const counts = new Array<number>(k).fill(0);
  for (const r of rows) counts[vec.at(r)]++;
  const n = rows.length;
  let factors: number[];
  if (p.class_sampling_factors && p.class_sampling_factors.length > 0) {
    if (p.class_sampling_factors.length !== k) {
      throw new ValidationError([
        {
          field: 'class_sampling_factors',
          level: 'ERROR',
          message: `expected ${k} values (one per class of '${setup.response}'), got ${p.class_sampling_factors.length}`,
        },
      ]);
    }
    factors = [...p.class_sampling_factors];
  } else {
    factors = counts.map((c) => (c > 0 ? n / k / c : 0));
    const smallest = Math.min(...factors.filter((f) => f > 0));
    factors = factors.map((f) => f / smallest);
  }
  const total = factors.reduce((s, f, c) => s + f * counts[c], 0);
  const target = Math.min(p.max_after_balance_size * n, Math.round(total));
  if (target < total) factors = factors.map((f) => (f * target) / total);
  const out: number[] = [];
  for (const r of rows) {
    const s = factors[vec.at(r)];
    const whole = Math.floor(s);
    for (let t = 0; t < whole; t++) out.push(r);
    if (new Rng(r + p.seed).nextDouble() < s - whole) out.push(r);
  }
  const sampledCounts = new Array<number>(k).fill(0);
  for (const r of out) sampledCounts[vec.at(r)]++;
  return {
    rows: Int32Array.from(out),
    prior: counts.map((c) => c / n),
    sampled: sampledCounts.map((c) => c / out.length),
  };
}
