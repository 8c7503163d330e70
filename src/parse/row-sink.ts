// RowSink: the scanner's row handler. Sends each row's cells to the column builders, pads short rows,
// counts ragged ones, and stores rows of plain non-negative integers (MNIST pixels) in one pass.
import type { ColumnBuilder } from './column-builder.ts';
import type { RowHandler } from './scanner.ts';

/** Ragged-row counts of one source (or one block of it); lines are those the scanner reported. */
export interface RaggedCounts {
  short: number;
  long: number;
  /** Line of the first ragged row, 0 when there is none. */
  firstRagged: number;
}

/** Collects rows into one ColumnBuilder per column. */
export class RowSink {
  private readonly builders: ColumnBuilder[];
  private skipHeader = false;
  readonly ragged: RaggedCounts = { short: 0, long: 0, firstRagged: 0 };
  private readonly sep: number;
  private readonly numeric: boolean;
  private fastMisses = 0;

  /** `skipHeader`: the first row scanned holds the column names and is dropped. */
  constructor(builders: ColumnBuilder[], separator: string, skipHeader: boolean) {
    this.builders = builders;
    this.sep = separator.charCodeAt(0);
    this.numeric = separator !== ' ' && builders.every((b) => b.type === 'int' || b.type === 'real');
    this.skipHeader = skipHeader;
  }

  /**
   * Rows of plain non-negative integers (MNIST pixels) are parsed and stored in one pass over the
   * bytes; anything else (a sign, a decimal point, a quote, an empty or extra cell) returns -1 and the
   * general scanner reparses the row. After many misses in a row the fast path switches itself off.
   */
  readonly fastRow = (buf: Uint8Array, p: number, len: number): number => {
    if (!this.numeric || this.skipHeader || this.fastMisses > 64) return -1;
    const b = this.builders;
    const nCols = b.length;
    const sep = this.sep;
    const row = b[0].n;
    for (let j = 0; j < nCols; j++) {
      // Plain form: let m = Number(text) for text matching /^[0-9]{1,15}$/
      const s = p;
      let m = 0;
      while (p < len) {
        const d = buf[p] - 48;
        if (d < 0 || d > 9) break;
        m = m * 10 + d;
        p++;
      }
      if (p >= len || p === s || p - s > 15) return this.miss();
      const c = buf[p];
      if (j < nCols - 1 ? c !== sep : c !== 10 && c !== 13) return this.miss();
      p++;
      b[j].setInt(row, m);
    }
    if (buf[p - 1] === 13) {
      if (p >= len) return this.miss(); // a CRLF cut by the chunk edge: let the scanner see it
      if (buf[p] === 10) p++;
    }
    for (let j = 0; j < nCols; j++) b[j].commit();
    this.fastMisses = 0;
    return p;
  };

  private miss(): number {
    this.fastMisses++;
    return -1;
  }

  readonly onRow: RowHandler = (buf, starts, ends, flags, nFields, line) => {
    if (this.skipHeader) {
      this.skipHeader = false;
      return;
    }
    const b = this.builders;
    const nCols = b.length;
    const n = Math.min(nFields, nCols);
    for (let j = 0; j < n; j++) b[j].add(buf, starts[j], ends[j], flags[j], line);
    if (nFields !== nCols) {
      if (nFields < nCols) {
        for (let j = nFields; j < nCols; j++) b[j].addNA();
        this.ragged.short++;
      } else this.ragged.long++;
      if (this.ragged.firstRagged === 0) this.ragged.firstRagged = line;
    }
  };
}

/** The warnings H2O-style for a source's ragged rows (short rows padded, long rows cut). */
export function raggedWarnings(name: string, nCols: number, r: RaggedCounts): string[] {
  const out: string[] = [];
  if (r.short > 0)
    out.push(
      `${name}: ${r.short} rows have fewer than ${nCols} fields and were padded with NA (first at line ${r.firstRagged})`,
    );
  if (r.long > 0)
    out.push(
      `${name}: ${r.long} rows have more than ${nCols} fields; the extra fields were dropped (first at line ${r.firstRagged})`,
    );
  return out;
}
