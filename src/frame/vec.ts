// Vec: one column in the smallest typed array that holds its values exactly, on a SharedArrayBuffer
// so worker threads read it without copies. NA: NaN for numbers, -1 for categorical codes; integer
// storage that cannot hold NaN keeps NA in a separate bitmap.

/** Column types as H2O reports them. */
export type ColumnType = 'int' | 'real' | 'enum' | 'string' | 'time';

/** Typed arrays a numeric, time or categorical Vec may be stored in. */
export type Storage =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

/** A column. Immutable after construction. */
export class Vec {
  readonly type: ColumnType;
  readonly length: number;
  /** Values (numbers, epoch ms or categorical codes); length 1 when `isConstant`. Unused for strings. */
  readonly data: Storage;
  /** Bit i set = row i is NA; null when the storage itself encodes NA (float NaN, code -1) or none exist. */
  readonly naBits: Uint8Array | null;
  /** Level strings of a categorical column, H2O order (sorted). */
  readonly domain: readonly string[] | null;
  /** Values of a string column (null = NA). */
  readonly strings: readonly (string | null)[] | null;
  readonly isConstant: boolean;

  private constructor(init: {
    type: ColumnType;
    length: number;
    data: Storage;
    naBits?: Uint8Array | null;
    domain?: readonly string[] | null;
    strings?: readonly (string | null)[] | null;
    isConstant?: boolean;
  }) {
    this.type = init.type;
    this.length = init.length;
    this.data = init.data;
    this.naBits = init.naBits ?? null;
    this.domain = init.domain ?? null;
    this.strings = init.strings ?? null;
    this.isConstant = init.isConstant ?? false;
  }

  /**
   * A numeric column from values (NaN = NA), stored compactly: a constant as one value, integers in
   * the smallest integer array (NA in a bitmap), reals in Float32 only when every value is exact.
   */
  static numeric(values: ArrayLike<number>, type: 'int' | 'real' | 'time' | 'auto' = 'auto'): Vec {
    const n = values.length;
    let allInt = true;
    let nNA = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let f32Exact = true;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (Number.isNaN(v)) {
        nNA++;
        continue;
      }
      if (v < min) min = v;
      if (v > max) max = v;
      if (allInt && !Number.isInteger(v)) allInt = false;
      if (f32Exact && Math.fround(v) !== v) f32Exact = false;
    }
    const colType: ColumnType =
      type === 'auto' ? (allInt ? 'int' : 'real') : type === 'int' && !allInt ? 'real' : type;
    if (n > 1 && (nNA === n || (nNA === 0 && min === max))) {
      const one = new Float64Array(new SharedArrayBuffer(8));
      one[0] = nNA === n ? Number.NaN : min;
      return new Vec({ type: colType, length: n, data: one, isConstant: true });
    }
    if (allInt && nNA < n && colType !== 'real') {
      const data = allocInt(n, min, max);
      let naBits: Uint8Array | null = null;
      if (nNA > 0) naBits = new Uint8Array(new SharedArrayBuffer((n + 7) >> 3));
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (Number.isNaN(v)) naBits![i >> 3] |= 1 << (i & 7);
        else data[i] = v;
      }
      if (data instanceof Float64Array && naBits) {
        for (let i = 0; i < n; i++) if (naBits[i >> 3] & (1 << (i & 7))) data[i] = Number.NaN;
        naBits = null;
      }
      return new Vec({ type: colType, length: n, data, naBits });
    }
    const data = f32Exact
      ? new Float32Array(new SharedArrayBuffer(n * 4))
      : new Float64Array(new SharedArrayBuffer(n * 8));
    for (let i = 0; i < n; i++) data[i] = values[i];
    return new Vec({ type: colType, length: n, data });
  }

  /**
   * A numeric or time column over storage the caller already filled (the CSV parser writes straight
   * into typed arrays). `data` must sit on a SharedArrayBuffer and hold exactly `length` values;
   * `naBits` marks NA rows of integer storage. Ownership of both passes to the Vec.
   */
  static fromStorage(type: 'int' | 'real' | 'time', data: Storage, naBits: Uint8Array | null = null): Vec {
    const n = data.length;
    if (n > 1 && naBits === null) {
      // A constant column is kept as one value, as Vec.numeric does.
      const first = data[0];
      let same = true;
      for (let i = 1; i < n && same; i++) same = data[i] === first;
      if (same && !Number.isNaN(first)) {
        const one = new Float64Array(new SharedArrayBuffer(8));
        one[0] = first;
        return new Vec({ type, length: n, data: one, isConstant: true });
      }
    }
    return new Vec({ type, length: n, data, naBits });
  }

  /** A categorical column from codes into `domain` (-1 = NA). */
  static categorical(codes: ArrayLike<number>, domain: readonly string[]): Vec {
    const n = codes.length;
    const data =
      domain.length < 128
        ? new Int8Array(new SharedArrayBuffer(n))
        : domain.length < 32768
          ? new Int16Array(new SharedArrayBuffer(n * 2))
          : new Int32Array(new SharedArrayBuffer(n * 4));
    for (let i = 0; i < n; i++) data[i] = codes[i];
    return new Vec({ type: 'enum', length: n, data, domain: [...domain] });
  }

  /** A string column (null = NA). */
  static string(values: readonly (string | null)[]): Vec {
    return new Vec({ type: 'string', length: values.length, data: new Uint8Array(0), strings: [...values] });
  }

  /** Value of row i: a number (NaN = NA), epoch ms for time, the code (-1 = NA) for enums, NaN for strings. */
  at(i: number): number {
    if (this.type === 'string') return Number.NaN;
    if (this.isConstant) return this.data[0];
    if (this.naBits !== null && this.naBits[i >> 3] & (1 << (i & 7)))
      return this.type === 'enum' ? -1 : Number.NaN;
    return this.data[i];
  }

  /** True when row i is missing. */
  isNA(i: number): boolean {
    if (this.type === 'string') return this.strings![i] === null;
    const v = this.at(i);
    return this.type === 'enum' ? v < 0 : Number.isNaN(v);
  }

  /** Row i as text: the level for enums, the string, the number; null for NA. */
  label(i: number): string | null {
    if (this.type === 'string') return this.strings![i];
    if (this.isNA(i)) return null;
    const v = this.at(i);
    return this.type === 'enum' ? this.domain![v] : String(v);
  }

  /** All values as a fresh Float64Array (NA as NaN; categorical codes with NA as NaN). */
  toFloat64(): Float64Array {
    const out = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.isNA(i) ? Number.NaN : this.at(i);
    return out;
  }

  /** Rows `idx` of this column, in that order, with the same type and domain. */
  take(idx: ArrayLike<number>): Vec {
    if (this.type === 'string') return Vec.string(Array.from(idx, (i) => this.strings![i]));
    if (this.type === 'enum')
      return Vec.categorical(
        Array.from(idx, (i) => this.at(i)),
        this.domain!,
      );
    const vals = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) vals[k] = this.at(idx[k]);
    return Vec.numeric(vals, this.type);
  }

  /** Bytes held by this column's buffers (strings estimated at 2 bytes a character plus 16 per value). */
  byteSize(): number {
    if (this.strings) return this.strings.reduce((s, v) => s + 16 + (v ? v.length * 2 : 0), 0);
    return this.data.byteLength + (this.naBits?.byteLength ?? 0);
  }
}

function allocInt(n: number, min: number, max: number): Storage {
  if (min >= 0 && max <= 255) return new Uint8Array(new SharedArrayBuffer(n));
  if (min >= -128 && max <= 127) return new Int8Array(new SharedArrayBuffer(n));
  if (min >= 0 && max <= 65535) return new Uint16Array(new SharedArrayBuffer(n * 2));
  if (min >= -32768 && max <= 32767) return new Int16Array(new SharedArrayBuffer(n * 2));
  if (min >= -2147483648 && max <= 2147483647) return new Int32Array(new SharedArrayBuffer(n * 4));
  return new Float64Array(new SharedArrayBuffer(n * 8));
}
