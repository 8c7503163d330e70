// Small builders for the JSON pieces every answer uses: `__meta` blocks, keys and TwoDimTables.
import type { KeyV3, MetaV3, TwoDimTableColumnV3, TwoDimTableV3 } from '../schema/index.ts';

/** A `__meta` block; `schema_type` defaults to H2O's usual "Iced". */
export function meta(schemaName: string, schemaType = 'Iced', version = 3): MetaV3 {
  return { schema_version: version, schema_name: schemaName, schema_type: schemaType };
}

const KEY_KINDS = {
  frame: ['FrameKeyV3', 'Key<Frame>', '/3/Frames/'],
  model: ['ModelKeyV3', 'Key<Model>', '/3/Models/'],
  job: ['JobKeyV3', 'Key<Job>', '/3/Jobs/'],
  grid: ['GridKeyV3', 'Key<Grid>', '/99/Grids/'],
  keyed: ['KeyV3', 'Key<Keyed>', null],
} as const;

/** Kinds of keys the server hands out. */
export type KeyKind = keyof typeof KEY_KINDS;

/** A KeyV3 of the given kind (the clients read `name` and sometimes `type`). */
export function keyOf(kind: KeyKind, name: string): KeyV3 {
  const [schema, type, url] = KEY_KINDS[kind];
  return { __meta: meta(schema, 'Iced', 3), name, type, URL: url === null ? null : url + name };
}

/** A column-major TwoDimTableV3; `rows` are given row-major for convenience and transposed here. */
export function twoDimTable(
  name: string,
  columns: { name: string; type: TwoDimTableColumnV3['type']; format?: string; description?: string }[],
  rows: (string | number | null)[][],
  description = '',
): TwoDimTableV3 {
  const cols = columns.map((c) => ({
    name: c.name,
    type: c.type,
    format: c.format ?? (c.type === 'string' ? '%s' : c.type === 'int' || c.type === 'long' ? '%d' : '%.5f'),
    description: c.description ?? c.name,
  }));
  const data = cols.map((_, j) => rows.map((r) => jsonNumber(r[j])));
  return {
    __meta: meta('TwoDimTableV3', 'TwoDimTable'),
    name,
    description,
    columns: cols,
    rowcount: rows.length,
    data,
  };
}

/** NaN and infinities are not JSON: H2O writes them as the strings "NaN", "Infinity", "-Infinity". */
export function jsonNumber<T>(v: T): T | string {
  if (typeof v !== 'number' || Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}
