// Guessing a CSV's layout from a sample, as H2O's parse setup does: the separator (the first of
// , \t ; | space that splits the lines consistently), whether line 1 is a header, and column types.

import { isNumberText } from './number.ts';
import { CsvScanner, fieldText } from './scanner.ts';
import { parseTime } from './time.ts';
import type { ColumnType } from './types.ts';

/** Separators tried, in H2O's order of preference. */
export const SEPARATORS = [',', '\t', ';', '|', ' '] as const;

/** Rows of `sample` split with `separator` (complete rows only unless `final`), as text. */
export function sampleRows(
  sample: Uint8Array,
  separator: string,
  final: boolean,
  maxRows = 1000,
): string[][] {
  const rows: string[][] = [];
  const sc = new CsvScanner(separator, 'sample', (buf, st, en, fl, nf) => {
    if (rows.length >= maxRows) return;
    const r: string[] = new Array(nf);
    for (let k = 0; k < nf; k++) r[k] = fieldText(buf, st[k], en[k], fl[k]);
    rows.push(r);
  });
  try {
    sc.push(sample);
    if (final) sc.finish();
  } catch {
    // A quote left open in a truncated sample: use the rows read before it.
  }
  return rows;
}

/** The number of fields of each sample row (as sampleRows splits them, without making the strings). */
function fieldCounts(sample: Uint8Array, separator: string, final: boolean, maxRows: number): number[] {
  const out: number[] = [];
  const sc = new CsvScanner(separator, 'sample', (_buf, _st, _en, _fl, nf) => {
    if (out.length < maxRows) out.push(nf);
  });
  try {
    sc.push(sample);
    if (final) sc.finish();
  } catch {
    // A quote left open in a truncated sample: use the rows read before it.
  }
  return out;
}

/** The separator whose field counts agree across the sample's rows, preferring H2O's order. */
export function guessSeparator(sample: Uint8Array, final: boolean): string {
  let best = ',';
  let bestScore = 0;
  for (const sep of SEPARATORS) {
    const widths = fieldCounts(sample, sep, final, 200);
    if (widths.length === 0) continue;
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    let mode = 0;
    let modeRows = 0;
    for (const [c, k] of counts) if (k > modeRows || (k === modeRows && c > mode)) [mode, modeRows] = [c, k];
    if (mode < 2) continue;
    const consistency = modeRows / widths.length;
    // Consistent splitting wins; among equally consistent ones, the earlier separator in H2O's order.
    if (consistency > bestScore + 1e-9) {
      best = sep;
      bestScore = consistency;
    }
    if (consistency === 1 && sep !== ' ') break;
  }
  return best;
}

function isNA(t: string, naStrings: ReadonlySet<string>): boolean {
  return t === '' || naStrings.has(t);
}

/** The type of one column from its sample cells: numeric, time, else categorical (string if nearly all distinct). */
export function guessType(cells: readonly string[], naStrings: ReadonlySet<string>): ColumnType {
  const vals = cells.filter((c) => !isNA(c, naStrings));
  if (vals.length === 0) return 'int';
  if (vals.every(isNumberText))
    return vals.every((v) => Number.isInteger(Number(v)) || !Number.isFinite(Number(v))) ? 'int' : 'real';
  if (vals.every((v) => !Number.isNaN(parseTime(v)))) return 'time';
  // Identifiers and free text: nearly every value distinct in a sample of some size.
  const distinct = new Set(vals).size;
  if (vals.length >= 20 && distinct > 0.95 * vals.length) return 'string';
  return 'enum';
}

/**
 * True when row 0 looks like column names: every cell a non-empty non-number, and below it either
 * some column is numeric or time, or no name reappears in its own column.
 */
export function guessHeader(rows: readonly string[][], naStrings: ReadonlySet<string>): boolean {
  if (rows.length < 2) return false;
  const first = rows[0];
  if (!first.every((c) => c.trim() !== '' && !isNumberText(c) && Number.isNaN(parseTime(c)))) return false;
  const body = rows.slice(1);
  for (let j = 0; j < first.length; j++) {
    const t = guessType(
      body.map((r) => r[j] ?? ''),
      naStrings,
    );
    if (t === 'int' || t === 'real' || t === 'time') {
      if (body.some((r) => r[j] !== undefined && !isNA(r[j], naStrings))) return true;
    }
  }
  return first.every((name, j) => body.every((r) => r[j] !== name));
}
