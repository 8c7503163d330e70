// Test-mode network outputs of frame rows, a block at a time: rows filled column by column into one
// reused block (AdaptedRows.fillBlock), then Network.predictBatch with the inputs' offsets (the sparse
// first layer). Shared by scoring on this thread, the scoring helper threads and bench:speed.
import type { AdaptedRows } from '../data/data-info.ts';
import { type Network, predictBlockRows } from '../network/index.ts';

/** Writes result rows k0 .. k0+m−1 (frame rows rows[k] or k) into `out`, which starts at row k0. */
export type BlockForward = (rows: ArrayLike<number> | null, k0: number, m: number, out: Float64Array) => void;

/** A {@link BlockForward} for `net` over `adapted`, whose outputs are `width` wide. */
export function blockForward(net: Network, adapted: AdaptedRows, width: number): BlockForward {
  const p = adapted.info.fullN;
  const blockRows = predictBlockRows(p);
  const block = new Float32Array(blockRows * p);
  const offsets = adapted.inputOffsets();
  return (rows, k0, m, out) => {
    for (let b = 0; b < m; b += blockRows) {
      const mb = Math.min(blockRows, m - b);
      adapted.fillBlock(rows, k0 + b, mb, block, false);
      net.predictBatch(block, mb, out.subarray(b * width, (b + mb) * width), offsets);
    }
  };
}
