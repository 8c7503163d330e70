// CSV scanner: finds field boundaries in raw bytes, chunk after chunk, without decoding text. Rows are
// handed over whole (start/end offsets per field), so a row cut by a chunk edge is simply rescanned
// with the next chunk. Handles quotes ("" inside), separators and newlines inside quotes, CRLF, lone
// CR, empty lines (skipped), a UTF-8 BOM at the start, and runs of spaces when the separator is ' '.
import { ParseError } from '../core/index.ts';

/** Field flag: the field was quoted (offsets exclude the quotes). */
export const QUOTED = 1;
/** Field flag: the quoted field contains doubled quotes that must be unescaped. */
export const ESCAPED = 2;

/** Receives one complete row: fields k = 0..nFields-1 are bytes [starts[k], ends[k]) of buf. */
export type RowHandler = (
  buf: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  flags: Uint8Array,
  nFields: number,
  line: number,
) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * Optional fast path for a whole row starting at byte p: returns the offset after the row's line end
 * when it consumed and stored the row, or -1 to let the general scanner handle it.
 */
export type FastRow = (buf: Uint8Array, p: number, len: number) => number;

/** Streaming scanner for one source. Call push() per chunk, then finish(). */
export class CsvScanner {
  private readonly sep: number;
  private readonly collapseSpaces: boolean;
  private readonly source: string;
  private readonly onRow: RowHandler;
  private carry: Uint8Array | null = null;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  /** True while the next byte is the source's first (where a UTF-8 BOM is skipped); set false for a block in the middle. */
  startsSource = true;
  private lastWasCR = false;
  private rowStart = 0;
  /** Line number (1-based) of the next row to scan. */
  line = 1;

  private readonly fastRow: FastRow | null;

  constructor(separator: string, source: string, onRow: RowHandler, fastRow: FastRow | null = null) {
    this.fastRow = fastRow;
    this.sep = separator.charCodeAt(0);
    this.collapseSpaces = separator === ' ';
    this.source = source;
    this.onRow = onRow;
  }

  /** Scan the complete rows of `chunk` (plus what was carried over); keep an incomplete last row. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry !== null) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const rest = this.scan(buf, false);
    if (rest < buf.length) this.carry = buf.slice(rest);
  }

  /** Scan what is left as the final row; throws a ParseError on an unterminated quote. */
  finish(): void {
    if (this.carry !== null) {
      const buf = this.carry;
      this.carry = null;
      this.scan(buf, true);
    }
  }

  /** Scans rows of buf; returns the offset where an incomplete row starts (buf.length if none). */
  private scan(buf: Uint8Array, final: boolean): number {
    const len = buf.length;
    const sep = this.sep;
    let p = 0;
    if (this.startsSource && len > 0) {
      if (len < 3 && !final && buf[0] === 0xef) return 0; // wait for the whole BOM
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
      this.startsSource = false;
    }
    if (this.lastWasCR && p < len) {
      if (buf[p] === LF) p++; // the LF of a CRLF split across two chunks
      this.lastWasCR = false;
    }
    while (p < len) {
      const rowStart = p;
      this.rowStart = p;
      let c = buf[p];
      if (c === LF || c === CR) {
        // An empty line: skipped, as H2O skips them.
        p++;
        if (c === CR) {
          if (p < len && buf[p] === LF) p++;
          else if (p === len) this.lastWasCR = true;
        }
        this.line++;
        continue;
      }
      if (this.fastRow !== null) {
        const q = this.fastRow(buf, p, len);
        if (q >= 0) {
          p = q;
          this.line++;
          continue;
        }
      }
      let nf = 0;
      let extraLines = 0;
      let complete = false;
      for (;;) {
        if (nf === this.starts.length) this.grow();
        let fs = p;
        if (this.collapseSpaces) while (p < len && buf[p] === SPACE) p++;
        fs = p;
        c = p < len ? buf[p] : -1;
        if (c === QUOTE) {
          let q = p + 1;
          let flag = QUOTED;
          let close = -1;
          while (q <= len) {
            const k = buf.indexOf(QUOTE, q);
            if (k < 0) break;
            if (k + 1 < len && buf[k + 1] === QUOTE) {
              flag |= ESCAPED;
              q = k + 2;
              continue;
            }
            if (k + 1 === len && !final) break; // cannot tell "" from a closing quote yet
            close = k;
            break;
          }
          if (close < 0) {
            if (!final) return rowStart;
            throw this.error(
              buf,
              fs,
              'unterminated quoted field: no closing quote before the end of the file',
            );
          }
          for (let k = fs + 1; k < close; k++) if (buf[k] === LF) extraLines++;
          this.starts[nf] = fs + 1;
          this.ends[nf] = close;
          this.flags[nf] = flag;
          p = close + 1;
          if (this.collapseSpaces) while (p < len && buf[p] === SPACE) p++;
          c = p < len ? buf[p] : -1;
          if (c !== sep && c !== LF && c !== CR && c !== -1) {
            throw this.error(buf, p, `unexpected '${String.fromCharCode(c)}' after a closing quote`);
          }
        } else {
          while (p < len) {
            c = buf[p];
            if (c === sep || c === LF || c === CR) break;
            p++;
          }
          let fe = p;
          if (this.collapseSpaces) while (fe > fs && buf[fe - 1] === SPACE) fe--;
          this.starts[nf] = fs;
          this.ends[nf] = fe;
          this.flags[nf] = 0;
        }
        nf++;
        if (p >= len) {
          if (!final) return rowStart;
          complete = true;
          break;
        }
        c = buf[p];
        if (c === sep) {
          p++;
          if (!this.collapseSpaces) continue;
          while (p < len && buf[p] === SPACE) p++;
          if (p >= len) {
            if (!final) return rowStart;
            complete = true;
            break;
          }
          c = buf[p];
          if (c !== LF && c !== CR) continue;
          // Trailing spaces: the row ends at this line end.
        }
        // End of line: LF, CR or CRLF.
        p++;
        if (c === CR) {
          if (p < len && buf[p] === LF) p++;
          else if (p === len) this.lastWasCR = true;
        }
        complete = true;
        break;
      }
      if (complete) {
        this.onRow(buf, this.starts, this.ends, this.flags, nf, this.line);
        this.line += 1 + extraLines;
      }
    }
    return len;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }

  /** A ParseError at byte `at` of buf; `this.line` is the line where the current row starts. */
  private error(buf: Uint8Array, at: number, what: string): ParseError {
    const line = this.line + countLines(buf, this.rowStart, at);
    return new ParseError(this.source, what, { line, column: at - lastLineStart(buf, at) + 1 });
  }
}

function countLines(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (buf[k] === LF) n++;
  return n;
}

function lastLineStart(buf: Uint8Array, at: number): number {
  for (let k = at - 1; k >= 0; k--) if (buf[k] === LF || buf[k] === CR) return k + 1;
  return 0;
}

/** Text of a field: UTF-8 decoded, quotes unescaped. */
export function fieldText(buf: Uint8Array, start: number, end: number, flag: number): string {
  if (end - start <= 8) {
    // Short ASCII cells (most of a sample) without a Buffer view and a UTF-8 decode.
    let t = '';
    let k = start;
    for (; k < end; k++) {
      const c = buf[k];
      if (c >= 128) break;
      t += String.fromCharCode(c);
    }
    if (k === end) return flag & ESCAPED ? t.replaceAll('""', '"') : t;
  }
  const s = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
  return flag & ESCAPED ? s.replaceAll('""', '"') : s;
}
