// parseBlock: one block of CSV text (whole rows) to column parts. The same function runs on the main
// thread for small inputs and in the parse workers for large ones, so both paths parse identically.
import { ParseError } from '../core/index.ts';
import { ColumnBuilder, type ColumnPart } from './column-builder.ts';
import { type RaggedCounts, RowSink } from './row-sink.ts';
import { CsvScanner } from './scanner.ts';
import type { ColumnType } from './types.ts';

/** What a block needs to be parsed on its own; plain data so it can be posted to a worker. */
export interface BlockJob {
  /** Source name for error messages. */
  name: string;
  separator: string;
  columnTypes: ColumnType[];
  naStrings: string[];
  /** The block starts the source: a UTF-8 BOM is skipped and, with `header`, the first row dropped. */
  first: boolean;
  header: boolean;
  /** The block ends the source (its last row may lack a line end). */
  last: boolean;
}

/** The parsed block. Line numbers inside count from 1 at the block's first line. */
export interface BlockResult {
  parts: ColumnPart[];
  ragged: RaggedCounts;
  /** Lines the block spans (line ends counted as the scanner counts them). */
  lines: number;
}

/** A block's parse error, as data (it crosses the worker boundary); `line` is block-relative. */
export interface BlockError {
  message: string;
  line?: number;
  column?: number;
}

/**
 * Parse the whole rows in `bytes`. A block that is not the last must end right after a line end
 * outside quotes (see findRowBoundary). Throws ParseError with a block-relative line.
 */
export function parseBlock(bytes: Uint8Array, job: BlockJob): BlockResult {
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(0);
  if (nul >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < nul; k++)
      if (bytes[k] === 10) {
        line++;
        lineStart = k + 1;
      }
    throw new ParseError(job.name, 'binary data, not CSV text (byte 0x00)', {
      line,
      column: nul - lineStart + 1,
    });
  }
  // Size the columns once: a block has at most one row per line end (+1 for a last unterminated row).
  // (Through a Buffer view, whose indexOf is memchr.)
  const lf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let lineEnds = 1;
  for (let i = lf.indexOf(10); i >= 0; i = lf.indexOf(10, i + 1)) lineEnds++;
  const builders = job.columnTypes.map((t) => {
    const b = new ColumnBuilder(t, job.naStrings);
    b.reserve(lineEnds, false);
    return b;
  });
  const sink = new RowSink(builders, job.separator, job.first && job.header);
  const scanner = new CsvScanner(job.separator, job.name, sink.onRow, sink.fastRow);
  if (!job.first) scanner.startsSource = false;
  scanner.push(bytes);
  scanner.finish();
  return { parts: builders.map((b) => b.toPart()), ragged: sink.ragged, lines: scanner.line - 1 };
}

/** The error thrown by parseBlock, as data. */
export function blockError(e: unknown): BlockError {
  if (e instanceof ParseError) {
    // ParseError's message starts with "source, line L, column C: "; keep only what follows.
    const at =
      e.line === undefined ? '' : `, line ${e.line}${e.column === undefined ? '' : `, column ${e.column}`}`;
    const prefix = `${e.source}${at}: `;
    const what = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    return { message: what, line: e.line, column: e.column };
  }
  throw e;
}
