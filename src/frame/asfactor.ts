// asfactor: turn a numeric (or string) column into a categorical one, as H2O's `asfactor()` does.
// Numeric levels are ordered numerically (not as strings), so 2 comes before 10.
import { H2OInputError } from '../core/index.ts';
import { compareLevels } from './frame.ts';
import { Vec } from './vec.ts';

/** How H2O prints a numeric level: integers without a fraction ("3"), reals in shortest form ("2.5"). */
export function levelLabel(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * A categorical Vec with one level per distinct value. Numeric levels are sorted numerically and
 * labelled as H2O labels them ("0", "1", "2"); string columns get their sorted distinct strings.
 * NA stays NA (code -1). A categorical Vec is returned unchanged. Time columns are rejected.
 */
export function asfactor(vec: Vec): Vec {
  if (vec.type === 'enum') return vec;
  if (vec.type === 'time') {
    throw new H2OInputError(
      'asfactor: cannot convert a time column to categorical; allowed: int, real, string',
    );
  }
  const n = vec.length;
  if (vec.type === 'string') {
    const labels = vec.strings!;
    const domain = [...new Set(labels.filter((l): l is string => l !== null))].sort(compareLevels);
    const code = new Map(domain.map((d, i) => [d, i]));
    return Vec.categorical(
      labels.map((l) => (l === null ? -1 : code.get(l)!)),
      domain,
    );
  }
  const values = vec.toFloat64();
  const distinct = new Set<number>();
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) distinct.add(values[i] === 0 ? 0 : values[i]);
  const levels = [...distinct].sort((a, b) => a - b);
  const code = new Map(levels.map((v, i) => [v, i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    codes[i] = Number.isNaN(v) ? -1 : code.get(v === 0 ? 0 : v)!;
  }
  return Vec.categorical(codes, levels.map(levelLabel));
}
