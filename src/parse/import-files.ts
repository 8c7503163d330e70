// importFiles: parse one or more sources (same layout) into one Frame, streaming chunk by chunk so the
// whole text is never in memory. Decompression runs on zlib's thread pool while this thread tokenizes.
import { H2OInputError, ParseError } from '../core/index.ts';
import { Frame } from '../frame/index.ts';
import { ColumnBuilder, invalidCellWarnings } from './column-builder.ts';
import { listSources } from './list-sources.ts';
import { type ByteCounter, openSource, storedSize } from './open-source.ts';
import { parseSetup } from './parse-setup.ts';
import { CsvScanner, type RowHandler } from './scanner.ts';
import type { ParseSetup, ParseSetupOptions } from './types.ts';

/** Options of importFiles: parse setup overrides plus cancellation, progress and warnings. */
export type ImportOptions = Partial<ParseSetupOptions> & {
  signal?: AbortSignal;
  /** Called with the fraction (0..1) of stored bytes read so far. */
  onProgress?: (fraction: number) => void;
  /** Called once per warning (ragged rows, cells that did not fit their column's type). */
  onWarning?: (message: string) => void;
};

/**
 * Parse `sources` (a list, or one path/folder/glob/URL expanded by listSources) into a Frame, using
 * parseSetup's guesses and the given overrides. Short rows are padded with NA and reported as a
 * warning, as H2O does. Throws ParseError (file, line, column) for malformed input, and the signal's
 * reason when aborted.
 */
export async function importFiles(sources: string[] | string, options: ImportOptions = {}): Promise<Frame> {
  const list = typeof sources === 'string' ? await listSources(sources) : sources;
  if (list.length === 0) throw new H2OInputError('importFiles: no sources given');
  const setup = await parseSetup(list, options);
  for (const w of setup.warnings) options.onWarning?.(w);
  return parseWithSetup(setup, options);
}

/** Parse the sources of an existing setup (e.g. one a REST client edited) into a Frame. */
export async function parseWithSetup(setup: ParseSetup, options: ImportOptions = {}): Promise<Frame> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const builders = setup.columnTypes.map((t) => new ColumnBuilder(t, setup.naStrings));
  const rows = new RowSink(builders, setup.separator);
  const total = (await Promise.all(setup.sources.map(storedSize))).reduce((a, b) => a + b, 0);
  const counter: ByteCounter = { bytes: 0 };
  for (const src of setup.sources) {
    for await (const part of openSource(src, counter)) {
      rows.begin(part.name, setup.header);
      const scanner = new CsvScanner(setup.separator, part.name, rows.onRow, rows.fastRow);
      for await (const chunk of part.chunks) {
        signal?.throwIfAborted();
        const nul = chunk.indexOf(0);
        if (nul >= 0)
          throw new ParseError(part.name, `binary data, not CSV text (byte 0x00 near line ${scanner.line})`);
        scanner.push(chunk);
        if (onProgress && total > 0) onProgress(Math.min(1, counter.bytes / total));
      }
      scanner.finish();
      rows.end(options.onWarning);
    }
  }
  for (const w of invalidCellWarnings(builders, setup.columnNames)) options.onWarning?.(w);
  onProgress?.(1);
  return new Frame(
    setup.columnNames,
    builders.map((b) => b.build()),
  );
}

/** Sends each scanned row's cells to the column builders; pads short rows and counts ragged ones. */
class RowSink {
  private readonly builders: ColumnBuilder[];
  private skipHeader = false;
  private name = '';
  private short = 0;
  private long = 0;
  private firstRagged = 0;

  private readonly sep: number;
  private readonly numeric: boolean;
  private fastMisses = 0;

  constructor(builders: ColumnBuilder[], separator: string) {
    this.builders = builders;
    this.sep = separator.charCodeAt(0);
    this.numeric = separator !== ' ' && builders.every((b) => b.type === 'int' || b.type === 'real');
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

  begin(name: string, header: boolean): void {
    this.name = name;
    this.skipHeader = header;
    this.short = 0;
    this.long = 0;
    this.firstRagged = 0;
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
        this.short++;
      } else this.long++;
      if (this.firstRagged === 0) this.firstRagged = line;
    }
  };

  end(onWarning?: (m: string) => void): void {
    const nCols = this.builders.length;
    if (this.short > 0)
      onWarning?.(
        `${this.name}: ${this.short} rows have fewer than ${nCols} fields and were padded with NA (first at line ${this.firstRagged})`,
      );
    if (this.long > 0)
      onWarning?.(
        `${this.name}: ${this.long} rows have more than ${nCols} fields; the extra fields were dropped (first at line ${this.firstRagged})`,
      );
  }
}
