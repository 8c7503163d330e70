// Byte streams of a source: a file or an http(s) URL, gunzipped or unzipped when its first bytes say so
// (not its name). A zip yields one part per file inside. Chunks are large to keep per-chunk costs low.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { unzipSync } from 'fflate';
import { ParseError } from '../core/index.ts';
import { isUrl } from './list-sources.ts';

/** One text stream to parse: a file, a URL or one entry of a zip. */
export interface SourcePart {
  /** Name for messages: the path, the URL, or `archive.zip!entry.csv`. */
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

const CHUNK = 1 << 20;

/** Bytes read from disk or network so far, for progress. */
export interface ByteCounter {
  bytes: number;
}

/**
 * The parts of `src` with their decompressed byte chunks. Throws a ParseError naming the source for
 * an unreadable file, a failed download, a corrupt or truncated gzip, or a bad zip.
 */
export async function* openSource(
  src: string,
  counter: ByteCounter = { bytes: 0 },
): AsyncGenerator<SourcePart> {
  const raw = isUrl(src) ? await openUrl(src) : await openFile(src);
  const it = raw[Symbol.asyncIterator]();
  const first = await nextChunk(it, src);
  if (first === null) {
    yield { name: src, chunks: (async function* () {})() };
    return;
  }
  counter.bytes += first.length;
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield first;
    for (;;) {
      const c = await nextChunk(it, src);
      if (c === null) return;
      counter.bytes += c.length;
      yield c;
    }
  };
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04) {
    const all: Uint8Array[] = [];
    for await (const c of rest()) all.push(c);
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(Buffer.concat(all));
    } catch (e) {
      throw new ParseError(src, `not a readable zip archive (${(e as Error).message})`);
    }
    const names = Object.keys(entries).filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
    if (names.length === 0) throw new ParseError(src, 'the zip archive holds no files');
    for (const n of names.sort()) {
      yield {
        name: `${src}!${n}`,
        chunks: (async function* () {
          yield entries[n];
        })(),
      };
    }
    return;
  }
  if (first[0] === 0x1f && first[1] === 0x8b) {
    yield { name: src, chunks: gunzip(Readable.from(rest()), src) };
    return;
  }
  yield { name: src, chunks: rest() };
}

async function* gunzip(input: Readable, src: string): AsyncGenerator<Uint8Array> {
  // zlib inflates on libuv's thread pool, so decompression overlaps with tokenizing on the main thread.
  // A deep read-ahead buffer lets inflate run ahead while this thread tokenizes the previous chunk.
  const z = createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 16 * 1024 * 1024 } as object);
  input.on('error', (e) => z.destroy(e));
  input.pipe(z);
  try {
    yield* queued(z, 16 * 1024 * 1024);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    const msg = (e as Error).message;
    const what = /unexpected end/i.test(msg)
      ? 'truncated gzip data (unexpected end of file)'
      : `corrupt gzip data (${msg})`;
    throw new ParseError(src, what);
  } finally {
    input.destroy();
  }
}

/**
 * The chunks of `stream` one by one, reading ahead up to `maxBytes`. (A stream's own async iterator
 * returns everything buffered as one concatenated Buffer, which costs a copy of the read-ahead.)
 */
async function* queued(stream: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let bytes = 0;
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  stream.on('data', (c: Buffer) => {
    queue.push(c);
    bytes += c.length;
    if (bytes >= maxBytes) stream.pause();
    wake?.();
  });
  stream.on('end', () => {
    done = true;
    wake?.();
  });
  stream.on('error', (e: Error) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      const c = queue.shift();
      if (c !== undefined) {
        bytes -= c.length;
        if (stream.isPaused() && bytes < maxBytes / 2) stream.resume();
        yield c;
        continue;
      }
      if (failure !== null) throw failure;
      if (done) return;
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
  } finally {
    stream.destroy();
  }
}

async function nextChunk(it: AsyncIterator<Uint8Array>, src: string): Promise<Uint8Array | null> {
  try {
    const r = await it.next();
    return r.done ? null : r.value;
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError(src, `cannot read: ${(e as Error).message}`);
  }
}

async function openFile(path: string): Promise<AsyncIterable<Uint8Array>> {
  const st = await stat(path).catch((e: Error) => {
    throw new ParseError(path, `cannot read: ${e.message}`);
  });
  if (!st.isFile()) throw new ParseError(path, 'not a regular file');
  // Open now so permission problems surface here, with the path in the message.
  const fh = await open(path, 'r').catch((e: Error) => {
    throw new ParseError(path, `cannot read: ${e.message}`);
  });
  await fh.close();
  return createReadStream(path, { highWaterMark: CHUNK });
}

async function openUrl(url: string): Promise<AsyncIterable<Uint8Array>> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    const why = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
    throw new ParseError(url, `cannot download: ${why}`);
  }
  if (!res.ok || res.body === null)
    throw new ParseError(url, `cannot download: HTTP ${res.status} ${res.statusText}`);
  return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
}

/** Size in bytes of a source as stored (compressed), or 0 when unknown (URLs). */
export async function storedSize(src: string): Promise<number> {
  if (isUrl(src)) return 0;
  return (await stat(src).catch(() => null))?.size ?? 0;
}
