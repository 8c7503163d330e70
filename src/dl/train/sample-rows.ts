// Scoring subsets (semantics §6.2): a Bernoulli sample of about `n` rows, drawn once at setup and
// reused, never empty; all rows when n is 0 or at least the row count.
import { Rng } from '../../core/index.ts';
import type { Vec } from '../../frame/index.ts';

/** About `n` of `rows` (each kept with probability n/rows.length), in their original order. */
export function sampleRows(rows: Int32Array, n: number, seed: number): Int32Array {
  if (n <= 0 || n >= rows.length) return rows;
  const p = n / rows.length;
  for (let attempt = 0; ; attempt++) {
    const rng = new Rng(seed + attempt);
    const kept = rows.filter(() => rng.nextDouble() < p);
    if (kept.length > 0) return kept;
  }
}

/**
 * A stratified sample of about `n` rows (score_validation_sampling=Stratified): each class keeps
 * the same fraction n/rows.length, at least one row per present class; no oversampling.
 */
export function stratifiedSample(rows: Int32Array, classes: Vec, n: number, seed: number): Int32Array {
  if (n <= 0 || n >= rows.length) return rows;
  const p = n / rows.length;
  const byClass = new Map<number, number[]>();
  for (const r of rows) {
    const c = classes.at(r);
    if (!byClass.has(c)) byClass.set(c, []);
    byClass.get(c)!.push(r);
  }
  const rng = new Rng(seed);
  const kept: number[] = [];
  for (const members of byClass.values()) {
    const take = Math.max(1, Math.round(members.length * p));
    const copy = Int32Array.from(members);
    rng.shuffle(copy);
    kept.push(...copy.subarray(0, take));
  }
  return Int32Array.from(kept.sort((a, b) => a - b));
}
