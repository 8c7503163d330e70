// Frame: named columns of equal length. Operations return new frames that share unchanged Vecs.
import { H2OInputError } from '../core/index.ts';
import { type ColumnType, Vec } from './vec.ts';

/** A table of named Vecs, all with `nRows` rows. Immutable: operations return new frames. */
export class Frame {
  readonly names: readonly string[];
  readonly vecs: readonly Vec[];
  readonly nRows: number;

  constructor(names: readonly string[], vecs: readonly Vec[]) {
    if (names.length !== vecs.length)
      throw new Error(`internal error: ${names.length} names for ${vecs.length} columns`);
    const n = vecs.length > 0 ? vecs[0].length : 0;
    for (let j = 0; j < vecs.length; j++) {
      if (vecs[j].length !== n) {
        throw new H2OInputError(`column '${names[j]}' has ${vecs[j].length} rows, expected ${n}`);
      }
    }
    const seen = new Set<string>();
    for (const nm of names) {
      if (seen.has(nm)) throw new H2OInputError(`duplicate column name '${nm}'`);
      seen.add(nm);
    }
    this.names = [...names];
    this.vecs = [...vecs];
    this.nRows = n;
  }

  get nCols(): number {
    return this.vecs.length;
  }

  /** Column types in column order. */
  get types(): ColumnType[] {
    return this.vecs.map((v) => v.type);
  }

  /** Index of a column by name or index; throws an H2OInputError naming the column otherwise. */
  index(col: string | number): number {
    if (typeof col === 'number') {
      if (!Number.isInteger(col) || col < 0 || col >= this.nCols) {
        throw new H2OInputError(`column index ${col} out of range: the frame has ${this.nCols} columns`);
      }
      return col;
    }
    const j = this.names.indexOf(col);
    if (j < 0) {
      const shown = this.names.slice(0, 20).join(', ') + (this.nCols > 20 ? ', ...' : '');
      throw new H2OInputError(`column '${col}' not found; the frame has: ${shown}`);
    }
    return j;
  }

  /** True if the frame has a column of this name. */
  has(name: string): boolean {
    return this.names.includes(name);
  }

  /** The Vec of a column by name or index. */
  col(col: string | number): Vec {
    return this.vecs[this.index(col)];
  }

  /** A frame of the given columns, in the given order. */
  select(cols: readonly (string | number)[]): Frame {
    const idx = cols.map((c) => this.index(c));
    return new Frame(
      idx.map((j) => this.names[j]),
      idx.map((j) => this.vecs[j]),
    );
  }

  /** A frame without the given columns. */
  drop(cols: readonly (string | number)[]): Frame {
    const gone = new Set(cols.map((c) => this.index(c)));
    const keep = this.names.map((_, j) => j).filter((j) => !gone.has(j));
    return this.select(keep);
  }

  /** A frame with column `name` replaced (or appended when absent). */
  withColumn(name: string, vec: Vec): Frame {
    const j = this.names.indexOf(name);
    if (j < 0) return new Frame([...this.names, name], [...this.vecs, vec]);
    const vecs = [...this.vecs];
    vecs[j] = vec;
    return new Frame(this.names, vecs);
  }

  /** Rows by index, in the given order. */
  rows(idx: ArrayLike<number>): Frame {
    return new Frame(
      this.names,
      this.vecs.map((v) => v.take(idx)),
    );
  }

  /** Rows [start, end). */
  slice(start: number, end = this.nRows): Frame {
    const s = Math.max(0, Math.min(this.nRows, start));
    const e = Math.max(s, Math.min(this.nRows, end));
    const idx = new Int32Array(e - s);
    for (let i = 0; i < idx.length; i++) idx[i] = s + i;
    return this.rows(idx);
  }

  /** The first n rows. */
  head(n = 10): Frame {
    return this.slice(0, n);
  }

  /** Bytes held by all columns. */
  byteSize(): number {
    return this.vecs.reduce((s, v) => s + v.byteSize(), 0);
  }

  /** Build a frame from plain columns: numbers become numeric Vecs, strings categorical (sorted domain). */
  static fromColumns(cols: Record<string, ArrayLike<number> | readonly (string | null)[]>): Frame {
    const names = Object.keys(cols);
    const vecs = names.map((nm) => {
      const c = cols[nm];
      if (c.length > 0 && typeof c[0] !== 'number')
        return categoricalFromLabels(c as readonly (string | null)[]);
      if (c.length > 0 && (c as ArrayLike<unknown>)[0] === null)
        return categoricalFromLabels(c as readonly (string | null)[]);
      return Vec.numeric(c as ArrayLike<number>);
    });
    return new Frame(names, vecs);
  }
}

/** A categorical Vec from labels (null = NA), domain sorted as H2O sorts level strings. */
export function categoricalFromLabels(labels: readonly (string | null)[]): Vec {
  const domain = [...new Set(labels.filter((l): l is string => l !== null))].sort(compareLevels);
  const code = new Map(domain.map((d, i) => [d, i]));
  return Vec.categorical(
    labels.map((l) => (l === null ? -1 : code.get(l)!)),
    domain,
  );
}

/** H2O orders categorical levels lexicographically by their string. */
export function compareLevels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
