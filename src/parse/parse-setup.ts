// parseSetup: H2O's ParseSetup step. Reads a sample of the first source, rejects binary or empty input,
// guesses separator, header and column types, and applies the user's overrides after checking them.
import { type FieldMessage, ParseError, ValidationError } from '../core/index.ts';
import { guessHeader, guessSeparator, guessType, sampleRows } from './guess.ts';
import { openSource } from './open-source.ts';
import { type ColumnType, DEFAULT_NA_STRINGS, type ParseSetup, type ParseSetupOptions } from './types.ts';

/** Bytes of decompressed text the guesses look at (H2O also guesses from the first chunk). */
const SAMPLE_BYTES = 256 * 1024;
const TYPE_NAMES: Record<string, ColumnType | 'numeric'> = {
  int: 'int',
  real: 'real',
  numeric: 'numeric',
  enum: 'enum',
  categorical: 'enum',
  factor: 'enum',
  string: 'string',
  time: 'time',
};

/**
 * Guess how to parse `sources` (all assumed to share the first one's layout), then apply `overrides`.
 * Throws a ValidationError for bad overrides, a ParseError naming the file for empty or binary input.
 */
export async function parseSetup(
  sources: string[],
  overrides: Partial<ParseSetupOptions> = {},
): Promise<ParseSetup> {
  if (sources.length === 0)
    throw new ValidationError([{ field: 'source_frames', level: 'ERROR', message: 'no sources given' }]);
  checkOverrides(overrides);
  const { name, bytes, complete } = await readSample(sources[0]);
  return setupFromSample(sources, name, bytes, complete, overrides);
}

/** The setup for a sample already in memory (used by parseCsvText and parseSetup). */
export function setupFromSample(
  sources: string[],
  name: string,
  sample: Uint8Array,
  complete: boolean,
  overrides: Partial<ParseSetupOptions>,
): ParseSetup {
  checkOverrides(overrides);
  checkText(name, sample);
  const naStrings = overrides.naStrings ?? [...DEFAULT_NA_STRINGS];
  const naSet = new Set(naStrings);
  const separator = overrides.separator ?? guessSeparator(sample, complete);
  const rows = sampleRows(sample, separator, complete);
  if (rows.length === 0) throw new ParseError(name, 'the file has no data lines (empty or only blank lines)');
  const header = overrides.header ?? guessHeader(rows, naSet);
  const body = header ? rows.slice(1) : rows;
  const counts = new Map<number, number>();
  for (const r of body) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let nCols = header ? rows[0].length : 0;
  if (!header)
    for (const [c, k] of counts)
      if (k > (counts.get(nCols) ?? 0) || (k === counts.get(nCols) && c > nCols)) nCols = c;
  if (overrides.columnNames) nCols = overrides.columnNames.length;
  else if (overrides.columnTypes) nCols = overrides.columnTypes.length;
  const problems: FieldMessage[] = [];
  let columnNames = header ? rows[0].map((c, j) => (c.trim() === '' ? `C${j + 1}` : c)) : [];
  while (columnNames.length < nCols) columnNames.push(`C${columnNames.length + 1}`);
  columnNames = columnNames.slice(0, nCols);
  if (overrides.columnNames) columnNames = [...overrides.columnNames];
  let columnTypes: ColumnType[] = columnNames.map((_, j) =>
    guessType(
      body.map((r) => r[j] ?? ''),
      naSet,
    ),
  );
  if (overrides.columnTypes) {
    if (overrides.columnTypes.length !== nCols) {
      problems.push({
        field: 'column_types',
        level: 'ERROR',
        message: `expected ${nCols} types (one per column), got ${overrides.columnTypes.length}`,
      });
    } else columnTypes = overrides.columnTypes.map((t, j) => resolveType(t, columnTypes[j]));
  }
  if (problems.length > 0) throw new ValidationError(problems, 'parse setup');
  const warnings: string[] = [];
  const ragged = body.filter((r) => r.length !== nCols).length;
  if (ragged > 0)
    warnings.push(`${name}: ${ragged} of the first ${body.length} rows do not have ${nCols} fields`);
  return {
    sources,
    separator,
    header,
    columnNames,
    columnTypes,
    naStrings,
    preview: body.slice(0, 10),
    warnings,
  };
}

function resolveType(t: string, guessed: ColumnType): ColumnType {
  const r = TYPE_NAMES[t.toLowerCase()];
  if (r === 'numeric') return guessed === 'real' ? 'real' : 'int';
  return r;
}

function checkOverrides(o: Partial<ParseSetupOptions>): void {
  const problems: FieldMessage[] = [];
  const err = (field: string, message: string) => problems.push({ field, level: 'ERROR', message });
  if (
    o.separator !== undefined &&
    (typeof o.separator !== 'string' ||
      o.separator.length !== 1 ||
      o.separator === '"' ||
      o.separator === '\n' ||
      o.separator === '\r')
  ) {
    err(
      'separator',
      `expected one character other than a quote or newline, e.g. ',', '\\t', ';', '|', ' '; got ${JSON.stringify(o.separator)}`,
    );
  }
  if (o.header !== undefined && typeof o.header !== 'boolean')
    err('check_header', `expected true or false, got ${JSON.stringify(o.header)}`);
  if (o.columnNames !== undefined) {
    if (!Array.isArray(o.columnNames) || o.columnNames.some((n) => typeof n !== 'string' || n === ''))
      err('column_names', 'expected non-empty strings');
    else if (new Set(o.columnNames).size !== o.columnNames.length)
      err('column_names', `duplicate names in ${JSON.stringify(o.columnNames)}`);
  }
  if (o.columnTypes !== undefined) {
    for (const t of o.columnTypes) {
      if (typeof t !== 'string' || !(t.toLowerCase() in TYPE_NAMES))
        err('column_types', `unknown type '${String(t)}'. Allowed: ${Object.keys(TYPE_NAMES).join(', ')}`);
    }
    if (o.columnNames && o.columnNames.length !== o.columnTypes.length)
      err(
        'column_types',
        `expected ${o.columnNames.length} types (one per column name), got ${o.columnTypes.length}`,
      );
  }
  if (
    o.naStrings !== undefined &&
    (!Array.isArray(o.naStrings) || o.naStrings.some((s) => typeof s !== 'string'))
  )
    err('na_strings', `expected a list of strings, got ${JSON.stringify(o.naStrings)}`);
  if (problems.length > 0) throw new ValidationError(problems, 'parse setup');
}

/** Rejects text that is not text: NUL bytes or many control characters mean a binary file. */
export function checkText(name: string, sample: Uint8Array): void {
  if (sample.length === 0) throw new ParseError(name, 'the file is empty');
  const n = Math.min(sample.length, 64 * 1024);
  let control = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = sample[i];
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 0 || (c < 32 && c !== 9 && c !== 13 && c !== 12) || c === 127) {
      control++;
      if (c === 0 || control > 8) {
        const hex = c.toString(16).padStart(2, '0');
        throw new ParseError(name, `binary data, not CSV text (byte 0x${hex})`, {
          line,
          column: i - lineStart + 1,
        });
      }
    }
  }
}

async function readSample(src: string): Promise<{ name: string; bytes: Uint8Array; complete: boolean }> {
  for await (const part of openSource(src)) {
    const got: Uint8Array[] = [];
    let size = 0;
    let complete = true;
    for await (const c of part.chunks) {
      got.push(c);
      size += c.length;
      if (size >= SAMPLE_BYTES) {
        complete = false;
        break;
      }
    }
    return { name: part.name, bytes: Buffer.concat(got), complete };
  }
  throw new ParseError(src, 'nothing to read');
}
