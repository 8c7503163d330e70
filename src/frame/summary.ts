// summary: H2O's per-column rollups (`describe()` / `summary()`): type, min, max, mean, sigma, zero and
// NA counts, cardinality and a histogram. Byte-sized columns are summarised from one counting pass.
import type { Frame } from './frame.ts';
import type { ColumnType, Vec } from './vec.ts';

/** A histogram: `breaks[k]` is the lower edge of bin k (the level index for categoricals). */
export interface Histogram {
  breaks: number[];
  counts: number[];
}

/** Rollup statistics of one column. Numbers are null where H2O shows nothing (string columns). */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Smallest non-NA value (the code for categoricals, as H2O reports it). */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (n - 1 in the denominator). */
  sigma: number | null;
  zeros: number;
  missing: number;
  /** Number of levels for categoricals; null otherwise. */
  cardinality: number | null;
  domain: string[] | null;
  histogram: Histogram;
}

/** Bins of a numeric histogram, as in H2O's rollups: up to 20, one per integer for narrow int ranges. */
const MAX_BINS = 20;

/** Summaries of every column of `frame`, in column order. NA values are counted, never summed. */
export function summary(frame: Frame): ColumnSummary[] {
  return frame.vecs.map((v, j) => summarizeVec(frame.names[j], v));
}

/** The summary of one column. */
export function summarizeVec(name: string, vec: Vec): ColumnSummary {
  const base = { name, type: vec.type, cardinality: null, domain: null };
  if (vec.type === 'string') {
    let missing = 0;
    for (const s of vec.strings!) if (s === null) missing++;
    const empty = { breaks: [], counts: [] };
    return { ...base, min: null, max: null, mean: null, sigma: null, zeros: 0, missing, histogram: empty };
  }
  if (vec.type === 'enum') {
    const levels = vec.domain!.length;
    const counts = new Array<number>(levels).fill(0);
    let missing = 0;
    for (let i = 0; i < vec.length; i++) {
      const c = vec.at(i);
      if (c < 0) missing++;
      else counts[c]++;
    }
    const stats = fromCounts(counts, 0);
    return {
      ...base,
      ...stats,
      missing,
      cardinality: levels,
      domain: [...vec.domain!],
      histogram: { breaks: counts.map((_, k) => k), counts },
    };
  }
  const data = vec.data;
  if (!vec.isConstant && (data instanceof Uint8Array || data instanceof Int8Array)) {
    // One pass into 256 counters, then everything else from the counters.
    const offset = data instanceof Int8Array ? 128 : 0;
    const counts = new Float64Array(256);
    let missing = 0;
    const n = vec.length;
    if (vec.naBits === null && data instanceof Uint8Array) countBytes(data, counts);
    else if (vec.naBits === null) for (let i = 0; i < n; i++) counts[data[i] + offset]++;
    else
      for (let i = 0; i < n; i++) {
        if (vec.naBits[i >> 3] & (1 << (i & 7))) missing++;
        else counts[data[i] + offset]++;
      }
    const stats = fromCounts(counts, -offset);
    const bins = binning(stats.min, stats.max, vec.type);
    const hist = emptyHistogram(bins);
    if (bins) for (let k = 0; k < 256; k++) if (counts[k] > 0) addToBin(hist, bins, k - offset, counts[k]);
    return { ...base, ...stats, missing, histogram: hist };
  }
  if (vec.isConstant) {
    // One stored value: every row is it (a constant column never holds NA alongside values).
    const v = data[0];
    const n = vec.length;
    const na = Number.isNaN(v);
    return {
      ...base,
      min: na ? null : v,
      max: na ? null : v,
      mean: na ? null : v,
      sigma: na ? null : 0,
      zeros: v === 0 ? n : 0,
      missing: na ? n : 0,
      histogram: na ? { breaks: [], counts: [] } : { breaks: [v], counts: [n] },
    };
  }
  return generic(base, vec);
}

function generic(
  base: Pick<ColumnSummary, 'name' | 'type' | 'cardinality' | 'domain'>,
  vec: Vec,
): ColumnSummary {
  const n = vec.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  let zeros = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = vec.at(i);
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
    sum += v;
    count++;
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  // Second pass for the variance: sum of squared deviations is stabler than sum of squares.
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = vec.at(i);
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  const has = count > 0;
  return {
    ...base,
    min: has ? min : null,
    max: has ? max : null,
    mean: has ? mean : null,
    sigma: count > 1 ? Math.sqrt(ss / (count - 1)) : has ? 0 : null,
    zeros,
    missing,
    histogram: has ? numericHistogram(vec, min, max, vec.type) : { breaks: [], counts: [] },
  };
}

/** min/max/mean/sigma/zeros from counts[k] of value k + shift. */
function fromCounts(counts: ArrayLike<number>, shift: number) {
  let count = 0;
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === 0) continue;
    const v = k + shift;
    if (min === null) min = v;
    max = v;
    count += counts[k];
    sum += counts[k] * v;
  }
  const mean = count > 0 ? sum / count : null;
  let ss = 0;
  if (mean !== null) for (let k = 0; k < counts.length; k++) ss += counts[k] * (k + shift - mean) ** 2;
  const sigma = count > 1 ? Math.sqrt(ss / (count - 1)) : count === 1 ? 0 : null;
  const zeroAt = -shift;
  const zeros = zeroAt >= 0 && zeroAt < counts.length ? counts[zeroAt] : 0;
  return { min, max, mean, sigma, zeros };
}

interface Bins {
  min: number;
  width: number;
  nBins: number;
}

/** Equal-width bins over [min, max]; integer columns with a narrow range get one bin per value. */
function binning(min: number | null, max: number | null, type: ColumnType): Bins | null {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const span = max - min;
  if (span === 0) return { min, width: 1, nBins: 1 };
  if (type === 'int' && span + 1 <= MAX_BINS) return { min, width: 1, nBins: span + 1 };
  return { min, width: span / MAX_BINS, nBins: MAX_BINS };
}

function emptyHistogram(bins: Bins | null): Histogram {
  if (bins === null) return { breaks: [], counts: [] };
  const breaks: number[] = [];
  for (let k = 0; k < bins.nBins; k++) breaks.push(bins.min + k * bins.width);
  return { breaks, counts: new Array<number>(bins.nBins).fill(0) };
}

function addToBin(h: Histogram, bins: Bins, v: number, times: number): void {
  let k = Math.floor((v - bins.min) / bins.width);
  if (k >= bins.nBins) k = bins.nBins - 1; // max falls in the last bin
  h.counts[k] += times;
}

function numericHistogram(vec: Vec, min: number | null, max: number | null, type: ColumnType): Histogram {
  const bins = binning(min, max, type);
  const h = emptyHistogram(bins);
  if (bins === null) return h;
  for (let i = 0; i < vec.length; i++) {
    const v = vec.at(i);
    if (!Number.isNaN(v)) addToBin(h, bins, v, 1);
  }
  return h;
}

/**
 * Add the count of each byte value of `data` to `counts` (256 entries).
 * Plain form: for (let i = 0; i < n; i++) counts[data[i]]++;
 * Four interleaved 32-bit counter sets break the chain of increments to one counter (pixel columns
 * are mostly 0), which runs about twice as fast; blocks of 2^30 rows keep the counters from overflowing.
 */
function countBytes(data: Uint8Array, counts: Float64Array): void {
  const c = new Uint32Array(1024);
  const n = data.length;
  for (let start = 0; start < n; start += 1 << 30) {
    const end = Math.min(n, start + (1 << 30));
    let i = start;
    for (; i + 3 < end; i += 4) {
      c[data[i]]++;
      c[256 + data[i + 1]]++;
      c[512 + data[i + 2]]++;
      c[768 + data[i + 3]]++;
    }
    for (; i < end; i++) c[data[i]]++;
    for (let k = 0; k < 256; k++) {
      counts[k] += c[k] + c[256 + k] + c[512 + k] + c[768 + k];
      c[k] = c[256 + k] = c[512 + k] = c[768 + k] = 0;
    }
  }
}
