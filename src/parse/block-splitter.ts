// BlockSplitter: turns a source's decompressed chunks into blocks of whole rows (about blockBytes each)
// that can be parsed independently. When quotes make a cut unsafe, the rest of the source stays whole.
import { AMBIGUOUS, findRowBoundary } from './row-boundary.ts';

/**
 * Feed chunks with push() (then next() until null), and take the final block with rest(). Every block
 * handed out owns its ArrayBuffer (no other view shares it), so it can be transferred to a worker.
 */
export class BlockSplitter {
  private readonly separator: string;
  private readonly blockBytes: number;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Try to cut again once this many bytes are pending (a failed try waits for another block's worth). */
  private retryAt: number;
  private atStart = true;
  /** No more cuts: a quote made the boundaries ambiguous, or no row ended within 4 blocks. */
  private whole = false;

  constructor(separator: string, blockBytes: number) {
    this.separator = separator;
    this.blockBytes = Math.max(1, blockBytes);
    this.retryAt = this.blockBytes;
  }

  /** Add a chunk; returns a block when one can be cut. */
  push(chunk: Uint8Array): Uint8Array | null {
    if (chunk.length > 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    }
    return this.next();
  }

  /** The next block from what is pending, or null until more chunks arrive. */
  next(): Uint8Array | null {
    if (this.whole || this.pendingBytes < this.retryAt) return null;
    const single = this.pending.length === 1;
    const buf = single ? this.pending[0] : concat(this.pending, this.pendingBytes);
    const bom = this.atStart && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    // The last row end within the first blockBytes (a large chunk yields many blocks), else any.
    const from = bom ? 3 : 0;
    let cut = findRowBoundary(buf.subarray(0, Math.max(from, this.blockBytes)), this.separator, from);
    if (cut === -1 && buf.length > this.blockBytes) cut = findRowBoundary(buf, this.separator, from);
    if (cut === AMBIGUOUS || (cut < 0 && buf.length >= 4 * this.blockBytes)) {
      this.whole = true;
      this.pending = [buf];
      return null;
    }
    if (cut <= 0) {
      this.pending = [buf];
      this.retryAt = this.pendingBytes + this.blockBytes;
      return null;
    }
    this.atStart = false;
    // A block must own its buffer: copy it out of a chunk we do not own, or copy the (short) rest out
    // of a buffer we just built.
    // (Not buf.slice: on a Node Buffer, slice is a view.)
    const block = single ? Uint8Array.prototype.slice.call(buf, 0, cut) : buf.subarray(0, cut);
    const rest = single ? buf.subarray(cut) : Uint8Array.prototype.slice.call(buf, cut);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    this.retryAt = this.blockBytes;
    return block;
  }

  /** Everything not handed out yet, as the source's last block (possibly empty). */
  rest(): Uint8Array {
    const buf = concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return buf;
  }
}

/** The chunks copied into one new buffer. */
function concat(chunks: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
