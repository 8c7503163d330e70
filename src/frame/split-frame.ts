// splitFrame: H2O's `split_frame(ratios, seed)`. Each row draws one uniform number and falls into the
// part whose cumulative ratio first exceeds it, so part sizes are approximate, as in H2O.
import { Rng, ValidationError } from '../core/index.ts';
import type { Frame } from './frame.ts';

/**
 * Split `frame` into `ratios.length + 1` frames: part k gets the rows whose draw u (uniform in [0,1))
 * falls in [sum(ratios[0..k-1]), sum(ratios[0..k])); the last part takes the remainder.
 * Deterministic for a given seed. Throws a ValidationError when a ratio is outside (0,1) or their
 * sum is not below 1.
 */
export function splitFrame(frame: Frame, ratios: readonly number[], seed: number): Frame[] {
  const problems: string[] = [];
  if (ratios.length === 0) problems.push('expected at least one ratio, got none');
  for (const r of ratios) {
    if (!(r > 0 && r < 1)) problems.push(`each ratio must be in (0, 1), got ${r}`);
  }
  const total = ratios.reduce((s, r) => s + r, 0);
  if (!(total < 1)) problems.push(`ratios must sum to less than 1, got ${total}`);
  if (!Number.isFinite(seed)) problems.push(`seed must be a finite number, got ${seed}`);
  if (problems.length > 0) {
    throw new ValidationError(
      problems.map((message) => ({ field: 'ratios', level: 'ERROR' as const, message })),
      'split_frame arguments',
    );
  }
  const cum: number[] = [];
  let acc = 0;
  for (const r of ratios) {
    acc += r;
    cum.push(acc);
  }
  const nParts = ratios.length + 1;
  const part = new Uint8Array(frame.nRows);
  const sizes = new Array<number>(nParts).fill(0);
  const rng = new Rng(seed);
  for (let i = 0; i < frame.nRows; i++) {
    const u = rng.nextDouble();
    let k = 0;
    while (k < cum.length && u >= cum[k]) k++;
    part[i] = k;
    sizes[k]++;
  }
  const idx = sizes.map((s) => new Int32Array(s));
  const fill = new Array<number>(nParts).fill(0);
  for (let i = 0; i < frame.nRows; i++) idx[part[i]][fill[part[i]]++] = i;
  return idx.map((rows) => frame.rows(rows));
}
