// ColumnBuilder: collects one column's cells during a parse and turns them into a compact Vec.
// Numeric cells go into a Uint8Array while every value is an integer in 0..255 (MNIST pixels) and
// widen to Float64 the first time one is not; categorical cells are coded on the fly. A builder can
// also hand its cells over as a ColumnPart (from a parse worker) and append parts in row order.
import { compareLevels, Vec } from '../frame/index.ts';
import { NOT_A_NUMBER, parseNumber } from './number.ts';
import { ESCAPED, fieldText } from './scanner.ts';
import { parseTime } from './time.ts';
import type { ColumnType } from './types.ts';

/**
 * The cells one builder collected, as plain typed arrays a worker can post (structured clone or
 * transfer). Exactly one of u8 / f64 / codes / strings is set, by column type and width.
 */
export interface ColumnPart {
  n: number;
  invalid: number;
  /** First cell that did not fit the type; `line` counts from the start of the part's block. */
  firstInvalid: { line: number; text: string } | null;
  u8: Uint8Array | null;
  /** NA bitmap over u8 (bit i = row i), null when no byte cell is NA. */
  naBits: Uint8Array | null;
  nNA: number;
  f64: Float64Array | null;
  /** Categorical levels in first-seen order; codes index them (-1 = NA). */
  levels: string[] | null;
  codes: Int32Array | null;
  strings: (string | null)[] | null;
}

/** One column being parsed. A single class (not one per type) keeps the row loop's call site monomorphic. */
export class ColumnBuilder {
  readonly type: ColumnType;
  /** Number of cells so far. */
  n = 0;
  /** Cells that did not fit the column type and were read as NA. */
  invalid = 0;
  /** First such cell, for the warning. */
  firstInvalid: { line: number; text: string } | null = null;
  private readonly naStrings: ReadonlySet<string>;
  private wide = false;
  private u8: Uint8Array<ArrayBufferLike> = new Uint8Array(1024);
  private naBits: Uint8Array | null = null;
  private nNA = 0;
  private f64: Float64Array | null = null;
  private levels: Map<string, number> | null = null;
  private codes: Int32Array | null = null;
  private strings: (string | null)[] | null = null;

  constructor(type: ColumnType, naStrings: readonly string[]) {
    this.type = type;
    this.naStrings = new Set(naStrings);
    if (type === 'enum') {
      this.levels = new Map();
      this.codes = new Int32Array(1024);
    } else if (type === 'string') this.strings = [];
    else if (type === 'time') this.toWide();
  }

  /** Add the cell in bytes [s, e) of buf (`flag` from the scanner); `line` is for warnings. */
  add(buf: Uint8Array, s: number, e: number, flag: number, line: number): void {
    const t = this.type;
    if (t === 'int' || t === 'real') {
      const v = flag & ESCAPED ? NOT_A_NUMBER : parseNumber(buf, s, e);
      if (v !== NOT_A_NUMBER) this.pushNumber(v);
      else this.pushInvalid(fieldText(buf, s, e, flag), line);
      return;
    }
    const text = fieldText(buf, s, e, flag);
    if (text === '' || this.naStrings.has(text)) {
      this.addNA();
      return;
    }
    if (t === 'enum') {
      let code = this.levels!.get(text);
      if (code === undefined) {
        code = this.levels!.size;
        this.levels!.set(text, code);
      }
      if (this.n === this.codes!.length) this.codes = growInt32(this.codes!, this.n + 1);
      this.codes![this.n++] = code;
    } else if (t === 'string') {
      this.strings!.push(text);
      this.n++;
    } else {
      const ms = parseTime(text);
      if (Number.isNaN(ms)) this.pushInvalid(text, line);
      else this.pushNumber(ms);
    }
  }

  /**
   * Store the non-negative integer v at row i without counting it (the fast row path commits a row
   * with commit() only once all its cells were stored). Only for int/real columns.
   */
  setInt(i: number, v: number): void {
    if (!this.wide && v <= 255) {
      if (i >= this.u8.length) this.growU8();
      this.u8[i] = v;
      if (this.naBits !== null) this.naBits[i >> 3] &= ~(1 << (i & 7));
      return;
    }
    const n = this.n;
    this.n = i;
    this.pushNumber(v);
    this.n = n;
  }

  /** Count the cell stored by setInt at row n. */
  commit(): void {
    this.n++;
  }

  /** Add a missing cell (short rows are padded this way). */
  addNA(): void {
    if (this.type === 'enum') {
      if (this.n === this.codes!.length) this.codes = growInt32(this.codes!, this.n + 1);
      this.codes![this.n++] = -1;
    } else if (this.type === 'string') {
      this.strings!.push(null);
      this.n++;
    } else this.pushNumber(Number.NaN);
  }

  private pushInvalid(text: string, line: number): void {
    if (text.trim() !== '' && !this.naStrings.has(text)) {
      this.invalid++;
      if (this.firstInvalid === null) this.firstInvalid = { line, text };
    }
    this.pushNumber(Number.NaN);
  }

  private pushNumber(v: number): void {
    const i = this.n;
    if (!this.wide) {
      if (i === this.u8.length) this.growU8();
      if (v >= 0 && v <= 255 && (v | 0) === v) {
        this.u8[i] = v;
        this.n = i + 1;
        return;
      }
      if (Number.isNaN(v)) {
        if (this.naBits === null) this.naBits = new Uint8Array((this.u8.length + 7) >> 3);
        this.naBits[i >> 3] |= 1 << (i & 7);
        this.nNA++;
        this.n = i + 1;
        return;
      }
      this.toWide();
    }
    if (i === this.f64!.length) {
      const g = new Float64Array(this.f64!.length * 2);
      g.set(this.f64!);
      this.f64 = g;
    }
    this.f64![i] = v;
    this.n = i + 1;
  }

  private growU8(): void {
    const g = new Uint8Array(this.u8.length * 2);
    g.set(this.u8);
    this.u8 = g;
    if (this.naBits !== null) {
      const b = new Uint8Array((g.length + 7) >> 3);
      b.set(this.naBits);
      this.naBits = b;
    }
  }

  /** Leave byte storage: copy what is there into Float64 (NA as NaN). */
  private toWide(): void {
    const f = new Float64Array(Math.max(1024, this.u8.length));
    for (let i = 0; i < this.n; i++) {
      f[i] = this.naBits !== null && this.naBits[i >> 3] & (1 << (i & 7)) ? Number.NaN : this.u8[i];
    }
    this.f64 = f;
    this.wide = true;
    this.u8 = new Uint8Array(0);
    this.naBits = null;
  }

  /**
   * Make room for `n` cells in all. With `shared`, byte storage is allocated on a SharedArrayBuffer of
   * exactly n, so build() hands it to the Vec without another copy when n cells arrive.
   */
  reserve(n: number, shared = true): void {
    if (this.type === 'enum') {
      if (n > this.codes!.length) {
        const g = new Int32Array(n);
        g.set(this.codes!.subarray(0, this.n));
        this.codes = g;
      }
      return;
    }
    if (this.type === 'string' || n <= this.u8.length || this.wide) return;
    const g = shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
    g.set(this.u8.subarray(0, this.n));
    this.u8 = g;
    if (this.naBits !== null) {
      const b = new Uint8Array((n + 7) >> 3);
      b.set(this.naBits.subarray(0, Math.min(this.naBits.length, b.length)));
      this.naBits = b;
    }
  }

  /**
   * This builder's cells as a ColumnPart: views of its own arrays, no copy (a worker transfers their
   * buffers), so the builder must not be used afterwards.
   */
  toPart(): ColumnPart {
    const n = this.n;
    const numeric = this.type !== 'enum' && this.type !== 'string';
    return {
      n,
      invalid: this.invalid,
      firstInvalid: this.firstInvalid,
      u8: numeric && !this.wide ? this.u8.subarray(0, n) : null,
      naBits: numeric && !this.wide && this.naBits !== null ? this.naBits.subarray(0, (n + 7) >> 3) : null,
      nNA: this.nNA,
      f64: this.wide ? this.f64!.subarray(0, n) : null,
      levels: this.levels === null ? null : [...this.levels.keys()],
      codes: this.codes === null ? null : this.codes.subarray(0, n),
      strings: this.strings,
    };
  }

  /**
   * Append the cells of `part` (same column type) after this builder's cells. `lineOffset` turns the
   * part's block-relative line of its first invalid cell into a line of the file.
   */
  appendPart(part: ColumnPart, lineOffset: number): void {
    if (part.invalid > 0) {
      this.invalid += part.invalid;
      if (this.firstInvalid === null && part.firstInvalid !== null)
        this.firstInvalid = { line: part.firstInvalid.line + lineOffset, text: part.firstInvalid.text };
    }
    const m = part.n;
    if (part.codes !== null) {
      // Levels are numbered per part in first-seen order; renumber them into this builder's levels.
      const remap = part.levels!.map((level) => {
        let code = this.levels!.get(level);
        if (code === undefined) {
          code = this.levels!.size;
          this.levels!.set(level, code);
        }
        return code;
      });
      if (this.codes!.length < this.n + m) this.codes = growInt32(this.codes!, this.n + m);
      const codes = this.codes!;
      for (let i = 0; i < m; i++) {
        const c = part.codes[i];
        codes[this.n + i] = c < 0 ? -1 : remap[c];
      }
      this.n += m;
    } else if (part.strings !== null) {
      for (let i = 0; i < m; i++) this.strings!.push(part.strings[i]);
      this.n += m;
    } else if (part.f64 !== null) {
      if (!this.wide) this.toWide();
      this.ensureF64(this.n + m);
      this.f64!.set(part.f64, this.n);
      this.n += m;
    } else if (this.wide) {
      this.ensureF64(this.n + m);
      const f = this.f64!;
      const u8 = part.u8!;
      const na = part.naBits;
      for (let i = 0; i < m; i++)
        f[this.n + i] = na !== null && na[i >> 3] & (1 << (i & 7)) ? Number.NaN : u8[i];
      this.n += m;
    } else {
      const n = this.n;
      if (this.u8.length < n + m) this.reserve(Math.max(n + m, this.u8.length * 2));
      this.u8.set(part.u8!, n);
      if (part.naBits !== null && part.nNA > 0) {
        if (this.naBits === null) this.naBits = new Uint8Array((this.u8.length + 7) >> 3);
        const na = part.naBits;
        for (let i = 0; i < m; i++)
          if (na[i >> 3] & (1 << (i & 7))) this.naBits[(n + i) >> 3] |= 1 << ((n + i) & 7);
        this.nNA += part.nNA;
      }
      this.n = n + m;
    }
  }

  private ensureF64(n: number): void {
    if (this.f64!.length >= n) return;
    const g = new Float64Array(Math.max(n, this.f64!.length * 2));
    g.set(this.f64!.subarray(0, this.n));
    this.f64 = g;
  }

  /** The finished Vec. Categorical levels are sorted as H2O sorts them and codes remapped. */
  build(): Vec {
    const n = this.n;
    if (this.type === 'enum') {
      const domain = [...this.levels!.keys()].sort(compareLevels);
      const remap = new Int32Array(domain.length);
      domain.forEach((d, k) => {
        remap[this.levels!.get(d)!] = k;
      });
      const codes = this.codes!.subarray(0, n);
      for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
      return Vec.categorical(codes, domain);
    }
    if (this.type === 'string') return Vec.string(this.strings!);
    const wanted = this.type === 'time' ? 'time' : this.type === 'real' ? 'real' : 'auto';
    if (this.wide) return Vec.numeric(this.f64!.subarray(0, n), wanted);
    if (n === 0 || this.nNA === n || wanted !== 'auto') {
      const f = new Float64Array(n);
      for (let i = 0; i < n; i++)
        f[i] = this.naBits && this.naBits[i >> 3] & (1 << (i & 7)) ? Number.NaN : this.u8[i];
      return Vec.numeric(f, wanted);
    }
    // Byte storage is already the smallest exact one: hand it over without a Float64 detour (and
    // without a copy when reserve() sized it exactly on shared memory).
    let data = this.u8;
    if (!(data.buffer instanceof SharedArrayBuffer) || data.length !== n) {
      data = new Uint8Array(new SharedArrayBuffer(n));
      data.set(this.u8.subarray(0, n));
    }
    let na: Uint8Array | null = null;
    if (this.nNA > 0) {
      na = new Uint8Array(new SharedArrayBuffer((n + 7) >> 3));
      na.set(this.naBits!.subarray(0, na.length));
    }
    return Vec.fromStorage('int', data, na);
  }
}

/** One warning per column whose cells did not fit its type (they were read as NA). */
export function invalidCellWarnings(builders: readonly ColumnBuilder[], names: readonly string[]): string[] {
  const out: string[] = [];
  builders.forEach((b, j) => {
    const f = b.firstInvalid;
    if (b.invalid === 0 || f === null) return;
    const what = b.type === 'time' ? 'dates' : 'numbers';
    out.push(
      `column '${names[j]}' (${b.type}): ${b.invalid} cells were not ${what} and were read as NA (first at line ${f.line}: '${f.text}')`,
    );
  });
  return out;
}

function growInt32(a: Int32Array, atLeast: number): Int32Array {
  const g = new Int32Array(Math.max(atLeast, a.length * 2));
  g.set(a);
  return g;
}
