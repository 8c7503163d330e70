// FrameV3/ColV3 JSON of a frame: a window of rows and columns plus each column's rollups (from
// frame's `summarizeVec`, cached per Vec because Vecs are immutable). Numbers that JSON cannot hold
// (NaN, infinities) are written as H2O writes them: "NaN", "Infinity", "-Infinity".
import { type ColumnSummary, type Frame, summarizeVec, type Vec } from '../frame/index.ts';
import type { ColV3, FrameV3 } from '../schema/index.ts';
import { jsonNumber, keyOf, meta } from './meta.ts';

const rollups = new WeakMap<Vec, ColumnSummary>();

/** Rollups of a column, computed once per Vec. */
export function rollupsOf(vec: Vec): ColumnSummary {
  let s = rollups.get(vec);
  if (s === undefined) {
    s = summarizeVec('', vec);
    rollups.set(vec, s);
  }
  return s;
}

/** H2O's default percentiles, reported by /3/Frames/{id}/summary. */
export const DEFAULT_PERCENTILES = [
  0.001,
  0.01,
  0.1,
  0.2,
  0.25,
  0.3,
  1 / 3,
  0.4,
  0.5,
  0.6,
  2 / 3,
  0.7,
  0.75,
  0.8,
  0.9,
  0.99,
  0.999,
];

/** Which rows and columns to send and whether to add histograms and percentiles. */
export interface FrameWindow {
  rowOffset: number;
  rowCount: number;
  columnOffset: number;
  /** -1 = all columns from the offset. */
  columnCount: number;
  fullSummary: boolean;
}

function percentiles(vec: Vec): number[] {
  const x = vec
    .toFloat64()
    .filter((v) => !Number.isNaN(v))
    .sort();
  if (x.length === 0) return DEFAULT_PERCENTILES.map(() => Number.NaN);
  return DEFAULT_PERCENTILES.map((p) => {
    const h = (x.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(x.length - 1, lo + 1);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  });
}

/** ColV3 of one column with the rows [rowStart, rowEnd). */
export function columnJson(name: string, vec: Vec, rowStart: number, rowEnd: number, full: boolean): ColV3 {
  const s = rollupsOf(vec);
  const isText = vec.type === 'string';
  const data: (number | string)[] | null = isText ? null : [];
  const strings: (string | null)[] | null = isText ? [] : null;
  for (let i = rowStart; i < rowEnd; i++) {
    if (isText) strings!.push(vec.label(i));
    else data!.push(vec.isNA(i) ? 'NaN' : jsonNumber(vec.at(i)));
  }
  const num = (v: number | null) => jsonNumber(v ?? Number.NaN);
  const hist = s.histogram;
  let posInf = 0;
  let negInf = 0;
  if (vec.type === 'real') {
    for (let i = 0; i < vec.length; i++) {
      const v = vec.at(i);
      if (v === Number.POSITIVE_INFINITY) posInf++;
      else if (v === Number.NEGATIVE_INFINITY) negInf++;
    }
  }
  return {
    __meta: meta('ColV3', 'Vec'),
    label: name,
    type: vec.type,
    missing_count: s.missing,
    zero_count: s.zeros,
    positive_infinity_count: posInf,
    negative_infinity_count: negInf,
    mins: s.min === null ? [] : [jsonNumber(s.min) as number],
    maxs: s.max === null ? [] : [jsonNumber(s.max) as number],
    mean: num(s.mean),
    sigma: num(s.sigma),
    data,
    string_data: strings,
    domain: vec.domain === null ? null : [...vec.domain],
    domain_cardinality: vec.domain?.length ?? 0,
    precision: -1,
    histogram_bins: full ? hist.counts : null,
    histogram_base: full && hist.breaks.length > 0 ? hist.breaks[0] : 0,
    histogram_stride: full && hist.breaks.length > 1 ? hist.breaks[1] - hist.breaks[0] : 0,
    percentiles:
      full && (vec.type === 'int' || vec.type === 'real')
        ? (percentiles(vec).map(jsonNumber) as number[])
        : null,
  };
}

/** FrameV3 of a frame stored under `key`, restricted to a window of rows and columns. */
export function frameJson(key: string, f: Frame, w: FrameWindow): FrameV3 {
  const rowStart = Math.max(0, Math.min(f.nRows, w.rowOffset));
  const rowEnd = w.rowCount < 0 ? f.nRows : Math.min(f.nRows, rowStart + w.rowCount);
  const colStart = Math.max(0, Math.min(f.nCols, w.columnOffset));
  const colEnd = w.columnCount < 0 ? f.nCols : Math.min(f.nCols, colStart + w.columnCount);
  const columns: ColV3[] = [];
  for (let j = colStart; j < colEnd; j++)
    columns.push(columnJson(f.names[j], f.vecs[j], rowStart, rowEnd, w.fullSummary));
  return {
    __meta: meta('FrameV3', 'Frame'),
    frame_id: keyOf('frame', key),
    byte_size: f.byteSize(),
    is_text: false,
    row_offset: rowStart,
    row_count: rowEnd - rowStart,
    column_offset: colStart,
    column_count: colEnd - colStart,
    full_column_count: f.nCols,
    total_column_count: f.nCols,
    checksum: 0,
    rows: f.nRows,
    num_columns: f.nCols,
    default_percentiles: DEFAULT_PERCENTILES,
    columns,
    compatible_models: null,
    chunk_summary: null,
    distribution_summary: null,
  };
}
