// H2O's one-pass AUC histogram (AUC2): predictions stream into at most 400 bins keyed by score;
// when a new bin would exceed the limit, the adjacent pair whose merge adds the least squared error
// is merged. Exact for <= nBins distinct scores, approximate above. Semantics doc §8 (AUC2 binning).

/** H2O's default number of AUC bins. */
export const AUC_NBINS = 400;

/**
 * Streaming histogram of (score, actual, weight). Bins are kept sorted by centre (ascending);
 * each holds its centre, true/false positive weights and a within-bin squared-error term.
 */
export class AucBuilder {
  readonly nBins: number;
  /** Number of bins in use. */
  n = 0;
  readonly ths: Float64Array;
  readonly sqe: Float64Array;
  readonly tps: Float64Array;
  readonly fps: Float64Array;
  /** Index i whose merge with i+1 is cheapest, or -1 when unknown (a linear scan finds it). */
  private ssx = -1;

  constructor(nBins = AUC_NBINS) {
    this.nBins = nBins;
    // One spare slot: a bin is inserted first and the histogram merged back down afterwards.
    this.ths = new Float64Array(nBins + 1);
    this.sqe = new Float64Array(nBins + 1);
    this.tps = new Float64Array(nBins + 1);
    this.fps = new Float64Array(nBins + 1);
  }

  /** Adds one scored row; `act` is 0 or 1, `w` > 0 (callers skip NaN scores and zero weights). */
  add(pred: number, act: number, w: number): void {
    let idx = this.search(pred);
    if (idx >= 0) {
      // Same score already has a bin: counts change, squared error does not.
      if (act === 0) this.fps[idx] += w;
      else this.tps[idx] += w;
      this.ssx = -1;
      return;
    }
    idx = -idx - 1;

    // Fast path when full: fold the point into its left or right neighbour if that costs less
    // than the best merge of two existing bins (H2O does the same; it keeps inserts cheap).
    if (this.n === this.nBins && idx > 0 && idx < this.n && this.ths[idx - 1] !== this.ths[idx]) {
      const s = this.findSmallest();
      const dBest =
        this.sqe[s] + this.sqe[s + 1] + deltaError(this.ths[s + 1], this.k(s + 1), this.ths[s], this.k(s));
      const d0 = this.sqe[idx - 1] + deltaError(pred, w, this.ths[idx - 1], this.k(idx - 1));
      const d1 = this.sqe[idx] + deltaError(this.ths[idx], this.k(idx), pred, w);
      if (d0 < dBest || d1 < dBest) {
        if (d0 <= d1) idx--;
        if (s === idx - 1 || s === idx) this.ssx = -1;
        const k = this.k(idx);
        if (act === 0) this.fps[idx] += w;
        else this.tps[idx] += w;
        this.sqe[idx] += deltaError(pred, w, this.ths[idx], k);
        this.ths[idx] = (this.ths[idx] * k + pred * w) / (k + w);
        return;
      }
    }

    // Keep the cached cheapest merge valid across the shift (or forget it at the edges).
    if (idx === 0 || idx === this.n || idx === this.ssx) this.ssx = -1;
    else if (idx < this.ssx) this.ssx++;
    const n = this.n;
    this.ths.copyWithin(idx + 1, idx, n);
    this.sqe.copyWithin(idx + 1, idx, n);
    this.tps.copyWithin(idx + 1, idx, n);
    this.fps.copyWithin(idx + 1, idx, n);
    this.ths[idx] = pred;
    this.sqe[idx] = 0;
    this.tps[idx] = act === 0 ? 0 : w;
    this.fps[idx] = act === 0 ? w : 0;
    this.n++;
    if (this.n > this.nBins) this.mergeOneBin();
  }

  /** Binary search over the used bins: index if found, else -(insertion point) - 1. */
  private search(x: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ths[mid];
      if (v < x) lo = mid + 1;
      else if (v > x) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  private k(i: number): number {
    return this.tps[i] + this.fps[i];
  }

  /** Merges the cheapest adjacent pair into one bin at their weighted mean centre. */
  private mergeOneBin(): void {
    const s = this.findSmallest();
    const k0 = this.k(s);
    const k1 = this.k(s + 1);
    this.sqe[s] = this.sqe[s] + this.sqe[s + 1] + deltaError(this.ths[s + 1], k1, this.ths[s], k0);
    this.ths[s] = (this.ths[s] * k0 + this.ths[s + 1] * k1) / (k0 + k1);
    this.tps[s] += this.tps[s + 1];
    this.fps[s] += this.fps[s + 1];
    const n = this.n;
    this.ths.copyWithin(s + 1, s + 2, n);
    this.sqe.copyWithin(s + 1, s + 2, n);
    this.tps.copyWithin(s + 1, s + 2, n);
    this.fps.copyWithin(s + 1, s + 2, n);
    this.n--;
    this.ssx = -1;
  }

  private findSmallest(): number {
    if (this.ssx === -1) this.ssx = this.findSmallestScan();
    return this.ssx;
  }

  private findSmallestScan(): number {
    let minSqe = Number.MAX_VALUE;
    let minI = 0;
    for (let i = 0; i < this.n - 1; i++) {
      const d = deltaError(this.ths[i + 1], this.k(i + 1), this.ths[i], this.k(i));
      // Duplicates (equal as float32) cost nothing: merge them first.
      if (d === 0) return i;
      const e = this.sqe[i] + this.sqe[i + 1] + d;
      if (e < minSqe) {
        minSqe = e;
        minI = i;
      }
    }
    return minI;
  }
}

/**
 * Increase of squared error when merging (c0, n0) and (c1, n1): (c1−c0)²·n0·n1/(n0+n1) (the
 * parallel-variance update). Centres are compared as float32, as H2O does: scores that differ by
 * less than a float ULP count as the same and merge for free.
 */
function deltaError(c1: number, n1: number, c0: number, n0: number): number {
  const d = Math.fround(c1) - Math.fround(c0);
  return (d * d * n0 * n1) / (n0 + n1);
}
