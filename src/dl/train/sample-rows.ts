// Scoring subsets (semantics §6.2): a Bernoulli sample of about `n` rows, drawn once at setup and
// reused, never empty; all rows when n is 0 or at least the row count.
import { Rng } from '../../core/index.ts';

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
