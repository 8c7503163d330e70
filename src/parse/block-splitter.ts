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
    // Copy just the first retryAt bytes into a buffer the block will own (each byte is copied once,
    // plus the part of a row after the cut); large chunks are never concatenated whole.
    const prefix = concat(this.pending, this.retryAt);
    const from = this.atStart && prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf ? 3 : 0;
    const cut = findRowBoundary(prefix, this.separator, from);
    if (cut === AMBIGUOUS || (cut < 0 && prefix.length >= 4 * this.blockBytes)) {
      this.whole = true;
      return null;
    }
    if (cut <= 0) {
      this.retryAt += this.blockBytes;
      return null;
    }
    this.atStart = false;
    this.consume(cut);
    this.retryAt = this.blockBytes;
    return prefix.subarray(0, cut);
  }

  /** Drop the first n pending bytes. */
  private consume(n: number): void {
    this.pendingBytes -= n;
    while (n > 0) {
      const c = this.pending[0];
      if (c.length <= n) {
        n -= c.length;
        this.pending.shift();
      } else {
        this.pending[0] = c.subarray(n);
        n = 0;
      }
    }
  }

  /** Everything not handed out yet, as the source's last block (possibly empty). */
  rest(): Uint8Array {
    const buf = concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return buf;
  }
}

/** The first n bytes of the chunks, copied into one new buffer. */
function concat(chunks: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    if (at + c.length >= n) {
      out.set(c.subarray(0, n - at), at);
      break;
    }
    out.set(c, at);
    at += c.length;
  }
  return out;
}
