// A frame adapted to a DataInfo (data-info.ts): its predictor columns found by name, categorical codes
// re-mapped to the training domains, and rows written as the network's input vector — one row at a
// time (training; from a row-major copy when packed) or a block of rows (scoring).
import { H2OInputError } from '../../core/index.ts';
import type { Frame, Vec } from '../../frame/index.ts';
import { applyEncoding } from './categorical-encoding.ts';
import type { DataInfoState } from './data-info.ts';
import { type PackedRows, packRows } from './packed-rows.ts';

/** Whether every cell of v is a number read straight from integer storage (no NA, not constant). */
function noNaN(v: Vec | null): boolean {
  return (
    v !== null &&
    !v.isConstant &&
    v.naBits === null &&
    !(v.data instanceof Float64Array) &&
    !(v.data instanceof Float32Array)
  );
}

/**
 * A frame adapted to a DataInfo: its predictor columns found by name, categorical codes re-mapped
 * to the training domains (unseen levels → the NA slot), missing columns treated as NA.
 */
export class AdaptedRows {
  private readonly catVecs: (Vec | null)[];
  private readonly catMaps: (Int32Array | null)[];
  private readonly numVecs: (Vec | null)[];
  /** Per numeric column for fill(): its values array, NA bits, and the value of absent/constant ones. */
  private readonly numData: (ArrayLike<number> | null)[];
  private readonly numNA: (Uint8Array | null)[];
  private readonly numFixed: Float64Array;
  /** Row-major numeric predictors ({@link pack}), read by fill() when present. */
  private packed: PackedRows | null = null;
  readonly nRows: number;
  /** The frame rows are read from, after categorical_encoding (parallel scoring shares its columns). */
  readonly frame: Frame;

  constructor(
    readonly info: DataInfoState,
    frame: Frame,
  ) {
    frame = applyEncoding(info.encoding ?? null, frame);
    const trained = [...info.catNames, ...info.numNames];
    if (trained.length > 0 && !trained.some((n) => frame.has(n))) {
      throw new H2OInputError(
        `the frame has no columns in common with the training frame (expected some of: ${trained.slice(0, 10).join(', ')}${trained.length > 10 ? ', ...' : ''})`,
      );
    }
    this.frame = frame;
    this.nRows = frame.nRows;
    this.catVecs = info.catNames.map((n) => (frame.has(n) ? frame.col(n) : null));
    this.catMaps = info.catNames.map((n, c) =>
      frame.has(n) ? domainMap(frame.col(n), info.catDomains[c], n) : null,
    );
    this.numVecs = info.numNames.map((n) => {
      if (!frame.has(n)) return null;
      const v = frame.col(n);
      if (v.type === 'string' || v.type === 'enum') {
        throw new H2OInputError(`column '${n}' must be numeric as in training, got ${v.type}`);
      }
      return v;
    });
    this.numData = this.numVecs.map((v) => (v === null || v.isConstant ? null : v.data));
    this.numNA = this.numVecs.map((v) => (v === null ? null : v.naBits));
    this.numFixed = Float64Array.from(this.numVecs, (v) => (v === null ? Number.NaN : v.at(0)));
  }

  /**
   * Makes (once) a row-major copy of the numeric predictors when they qualify (packed-rows.ts), so
   * fill() reads one contiguous row; returns it (to share with workers) or null.
   */
  pack(): PackedRows | null {
    this.packed ??= packRows(this.numVecs, this.nRows);
    return this.packed;
  }

  /** Uses a copy made by another thread's {@link pack} over the same frame. */
  usePacked(packed: PackedRows | null): void {
    if (packed !== null && packed.width !== this.numVecs.length)
      throw new Error('internal error: packed rows of another layout');
    this.packed = packed;
  }

  /**
   * c per input slot such that an input is u − c with u = 0 exactly where the raw value is 0:
   * sub·mul (rounded to float32, as fill() rounds (0 − sub)·mul) for numerics, 0 for categorical and
   * hashed slots. Network.predictBatch uses it to skip zero inputs in the first layer.
   */
  inputOffsets(): Float32Array {
    const info = this.info;
    const c = new Float32Array(info.fullN);
    const buckets = info.hashBuckets ?? 0;
    const start = buckets > 0 ? buckets : info.catOffsets[info.catOffsets.length - 1];
    for (let k = 0; k < info.numSub.length; k++) c[start + k] = info.numSub[k] * info.numMul[k];
    return c;
  }

  /** True if row has an NA in any predictor (for missing_values_handling=Skip). */
  hasNA(row: number): boolean {
    for (let c = 0; c < this.catVecs.length; c++) {
      const v = this.catVecs[c];
      if (v === null || this.code(c, row) < 0) return true;
    }
    for (let k = 0; k < this.numVecs.length; k++) {
      const v = this.numVecs[k];
      if (v === null || Number.isNaN(v.at(row))) return true;
    }
    return false;
  }

  /** Training-domain code of categorical c at row (-1 = NA or unseen level). */
  code(c: number, row: number): number {
    const v = this.catVecs[c];
    if (v === null) return -1;
    const raw = v.at(row);
    const map = this.catMaps[c];
    if (map === null) return raw;
    if (!Number.isInteger(raw) || raw < 0 || raw >= map.length) return -1;
    return map[raw];
  }

  /**
   * Writes the expanded input of `row` into `out` (length fullN). `training` selects the NA rule of
   * §2.6: numeric NA → the training mean (then transformed) in training, → 0 in scoring.
   */
  fill(row: number, out: Float32Array, training: boolean): void {
    this.fillCategoricals(row, out);
    const info = this.info;
    const start =
      (info.hashBuckets ?? 0) > 0
        ? (info.hashBuckets as number)
        : info.catOffsets[info.catOffsets.length - 1];
    const subs = info.numSub;
    const muls = info.numMul;
    const packed = this.packed;
    if (packed !== null) {
      const data = packed.data;
      const base = row * packed.width;
      for (let k = 0; k < packed.width; k++) {
        const x = data[base + k];
        out[start + k] = Number.isNaN(x)
          ? training
            ? (info.numMeans[k] - subs[k]) * muls[k]
            : 0
          : (x - subs[k]) * muls[k];
      }
      return;
    }
    // The column arrays directly (a Vec.at() call per cell was a third of a training row's time).
    const byte = row >> 3;
    const bit = 1 << (row & 7);
    for (let k = 0; k < this.numData.length; k++) {
      const data = this.numData[k];
      const na = this.numNA[k];
      const x = data === null ? this.numFixed[k] : na !== null && na[byte] & bit ? Number.NaN : data[row];
      if (Number.isNaN(x)) {
        out[start + k] = training ? (info.numMeans[k] - subs[k]) * muls[k] : 0;
      } else {
        out[start + k] = (x - subs[k]) * muls[k];
      }
    }
  }

  /**
   * {@link fill} for `m` rows at once: row r of the block is frame row `rows[k0 + r]` (or `k0 + r`
   * when rows is null) and lands at `out[r·fullN ...]`. Same values as m fill() calls; numeric
   * columns are read column by column from their typed arrays, which is several times faster than
   * a Vec.at() call per cell (batched scoring, dl/score).
   */
  fillBlock(
    rows: ArrayLike<number> | null,
    k0: number,
    m: number,
    out: Float32Array,
    training: boolean,
  ): void {
    const info = this.info;
    const p = info.fullN;
    for (let r = 0; r < m; r++)
      this.fillCategoricals(rows ? rows[k0 + r] : k0 + r, out.subarray(r * p, (r + 1) * p));
    const buckets = info.hashBuckets ?? 0;
    const start = buckets > 0 ? buckets : info.catOffsets[info.catOffsets.length - 1];
    const vecs = this.numVecs;
    const subs = info.numSub;
    const muls = info.numMul;
    for (let k = 0; k < vecs.length; ) {
      if (
        k + 4 <= vecs.length &&
        noNaN(vecs[k]) &&
        noNaN(vecs[k + 1]) &&
        noNaN(vecs[k + 2]) &&
        noNaN(vecs[k + 3])
      ) {
        // Four integer columns without NAs (MNIST's pixels) at once: no NaN to test for, and each
        // row's stores share a cache line; about 1.8× faster per cell than one column at a time.
        const [d0, d1, d2, d3] = [vecs[k]!.data, vecs[k + 1]!.data, vecs[k + 2]!.data, vecs[k + 3]!.data];
        const [s0, s1, s2, s3] = [subs[k], subs[k + 1], subs[k + 2], subs[k + 3]];
        const [m0, m1, m2, m3] = [muls[k], muls[k + 1], muls[k + 2], muls[k + 3]];
        const col = start + k;
        if (rows === null)
          for (let row = k0, at = col; row < k0 + m; row++, at += p) {
            out[at] = (d0[row] - s0) * m0;
            out[at + 1] = (d1[row] - s1) * m1;
            out[at + 2] = (d2[row] - s2) * m2;
            out[at + 3] = (d3[row] - s3) * m3;
          }
        else
          for (let r = 0, at = col; r < m; r++, at += p) {
            const row = rows[k0 + r];
            out[at] = (d0[row] - s0) * m0;
            out[at + 1] = (d1[row] - s1) * m1;
            out[at + 2] = (d2[row] - s2) * m2;
            out[at + 3] = (d3[row] - s3) * m3;
          }
        k += 4;
        continue;
      }
      const v = vecs[k];
      const sub = subs[k];
      const mul = muls[k];
      const naValue = training ? (info.numMeans[k] - sub) * mul : 0;
      const col = start + k;
      k++;
      if (v === null || v.isConstant) {
        const c = v === null ? Number.NaN : v.at(0);
        const value = Number.isNaN(c) ? naValue : (c - sub) * mul;
        for (let r = 0; r < m; r++) out[r * p + col] = value;
        continue;
      }
      const data = v.data;
      const na = v.naBits;
      for (let r = 0; r < m; r++) {
        const row = rows ? rows[k0 + r] : k0 + r;
        const x = na !== null && na[row >> 3] & (1 << (row & 7)) ? Number.NaN : data[row];
        out[r * p + col] = Number.isNaN(x) ? naValue : (x - sub) * mul;
      }
    }
  }

  /** Zeroes the categorical inputs of `out` and sets the slots of `row` (one-hot or hashed). */
  private fillCategoricals(row: number, out: Float32Array): void {
    const info = this.info;
    const offsets = info.catOffsets;
    const buckets = info.hashBuckets ?? 0;
    // With hashing, categorical slots land in `buckets` inputs and the numerics follow them.
    const start = buckets > 0 ? buckets : offsets[offsets.length - 1];
    out.fill(0, 0, start);
    const shift = info.useAllFactorLevels ? 0 : 1;
    for (let c = 0; c < this.catVecs.length; c++) {
      const width = offsets[c + 1] - offsets[c];
      const raw = this.code(c, row);
      // NA and unseen levels → the NA slot (last in the block); the reference level → no slot.
      let slot = width - 1;
      if (raw >= 0) {
        if (raw - shift < 0) continue;
        slot = Math.min(raw - shift, width - 1);
      }
      if (buckets > 0) out[Math.abs(murmur3(offsets[c] + slot, info.hashSeed) % buckets)] += 1;
      else out[offsets[c] + slot] = 1;
    }
  }
}

/** MurmurHash3 (32-bit) of the 4-byte big-endian encoding of `key`, as a signed int. */
export function murmur3(key: number, seed: number): number {
  let k = key | 0;
  // Big-endian bytes read as a little-endian block: swap the byte order.
  k = ((k & 0xff) << 24) | ((k & 0xff00) << 8) | ((k >>> 8) & 0xff00) | (k >>> 24);
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = (seed | 0) ^ k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Maps a frame column's codes (or numeric values) to indices in the training domain; -1 when unseen. */
function domainMap(vec: Vec, trainDomain: readonly string[], name: string): Int32Array | null {
  if (vec.type === 'enum') {
    const dom = vec.domain!;
    if (dom.length === trainDomain.length && dom.every((d, i) => d === trainDomain[i])) return null;
    const index = new Map(trainDomain.map((d, i) => [d, i]));
    return Int32Array.from(dom, (d) => index.get(d) ?? -1);
  }
  if (vec.type === 'string')
    throw new H2OInputError(`column '${name}' must be categorical as in training, got string`);
  // A numeric column where training had a categorical: map values through their labels (H2O adapts this way).
  const index = new Map(trainDomain.map((d, i) => [d, i]));
  let maxValue = -1;
  for (let i = 0; i < vec.length; i++) {
    const x = vec.at(i);
    if (Number.isInteger(x) && x > maxValue) maxValue = x;
  }
  const map = new Int32Array(Math.max(0, Math.min(maxValue + 1, 1 << 20))).fill(-1);
  for (let x = 0; x < map.length; x++) map[x] = index.get(String(x)) ?? -1;
  return map;
}
