// importFiles: parse one or more sources (same layout) into one Frame, streaming block by block so the
// whole text is never in memory. Decompression runs on zlib's thread pool, tokenizing in parse workers.
import { H2OInputError } from '../core/index.ts';
import { Frame } from '../frame/index.ts';
import { BlockSplitter } from './block-splitter.ts';
import { ColumnBuilder, invalidCellWarnings } from './column-builder.ts';
import { listSources } from './list-sources.ts';
import { type ByteCounter, openSource, storedSize } from './open-source.ts';
import type { BlockJob, BlockResult } from './parse-block.ts';
import {
  type BlockOutcome,
  BlockRunner,
  blockParseError,
  DEFAULT_TUNING,
  type ParseTuning,
} from './parse-pool.ts';
import { parseSetup } from './parse-setup.ts';
import { type RaggedCounts, raggedWarnings } from './row-sink.ts';
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

/**
 * Parse the sources of an existing setup (e.g. one a REST client edited) into a Frame. Each source is
 * cut into blocks at row boundaries; large inputs are parsed by worker threads (one per core) while
 * this thread reads and decompresses, small ones right here. `tuning` is for tests and benchmarks.
 */
export async function parseWithSetup(
  setup: ParseSetup,
  options: ImportOptions = {},
  tuning: ParseTuning = DEFAULT_TUNING,
): Promise<Frame> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const total = (await Promise.all(setup.sources.map(storedSize))).reduce((a, b) => a + b, 0);
  const counter: ByteCounter = { bytes: 0 };
  const runner = new BlockRunner(tuning);
  if (total >= tuning.minStoredBytes) runner.startWorkers();
  const parts: { name: string; blocks: Promise<BlockOutcome>[] }[] = [];
  try {
    let textBytes = 0;
    for (const src of setup.sources) {
      for await (const part of openSource(src, counter)) {
        const blocks: Promise<BlockOutcome>[] = [];
        parts.push({ name: part.name, blocks });
        const job: BlockJob = {
          name: part.name,
          separator: setup.separator,
          columnTypes: setup.columnTypes,
          naStrings: setup.naStrings,
          header: setup.header,
          first: true,
          last: false,
        };
        const splitter = new BlockSplitter(setup.separator, tuning.blockBytes);
        for await (const chunk of part.chunks) {
          signal?.throwIfAborted();
          if (runner.failed) break;
          textBytes += chunk.length;
          if (textBytes >= tuning.minTextBytes) runner.startWorkers();
          for (let b = splitter.push(chunk); b !== null; b = splitter.next()) {
            blocks.push((await runner.run(b, { ...job })).outcome);
            job.first = false;
          }
          if (onProgress && total > 0) onProgress(Math.min(1, counter.bytes / total));
        }
        if (runner.failed) break;
        blocks.push((await runner.run(splitter.rest(), { ...job, last: true })).outcome);
      }
      if (runner.failed) break;
    }
    signal?.throwIfAborted();
    const frame = await assemble(setup, parts, options.onWarning);
    onProgress?.(1);
    return frame;
  } finally {
    await runner.close();
  }
}

/**
 * The Frame from the blocks' outcomes, in order: throws the first block's parse error (with the
 * line counted from the start of its file), reports ragged rows per file, then appends every column
 * part into builders sized exactly once, so the column buffers are never grown and copied.
 */
async function assemble(
  setup: ParseSetup,
  parts: { name: string; blocks: Promise<BlockOutcome>[] }[],
  onWarning?: (m: string) => void,
): Promise<Frame> {
  const results: { result: BlockResult; lineOffset: number }[] = [];
  let nRows = 0;
  for (const { name, blocks } of parts) {
    let lineOffset = 0;
    const ragged: RaggedCounts = { short: 0, long: 0, firstRagged: 0 };
    for (const b of blocks) {
      const o = await b;
      if ('error' in o) throw blockParseError(name, o.error, lineOffset);
      const r = o.result;
      results.push({ result: r, lineOffset });
      ragged.short += r.ragged.short;
      ragged.long += r.ragged.long;
      if (ragged.firstRagged === 0 && r.ragged.firstRagged > 0)
        ragged.firstRagged = r.ragged.firstRagged + lineOffset;
      lineOffset += r.lines;
      nRows += r.parts.length > 0 ? r.parts[0].n : 0;
    }
    for (const w of raggedWarnings(name, setup.columnTypes.length, ragged)) onWarning?.(w);
  }
  const builders = setup.columnTypes.map((t) => new ColumnBuilder(t, setup.naStrings));
  for (const b of builders) b.reserve(nRows);
  for (const { result, lineOffset } of results)
    for (let j = 0; j < builders.length; j++) builders[j].appendPart(result.parts[j], lineOffset);
  for (const w of invalidCellWarnings(builders, setup.columnNames)) onWarning?.(w);
  return new Frame(
    setup.columnNames,
    builders.map((b) => b.build()),
  );
}
