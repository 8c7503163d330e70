import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../core/index.ts';
import { computeAuc2 } from './auc2.ts';

/** Naive O(n²) weighted AUC: P(score of a positive > score of a negative), ties count 1/2. */
function pairwiseAuc(s: number[], y: number[], w?: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < s.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < s.length; j++) {
      if (y[j] !== 0) continue;
      const ww = (w ? w[i] : 1) * (w ? w[j] : 1);
      den += ww;
      num += ww * (s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0);
    }
  }
  return num / den;
}

/** Naive PR-AUC: walk the sorted distinct scores, FP linear in TP within a step, Simpson's rule. */
function numericPrAuc(s: number[], y: number[]): number {
  const ths = [...new Set(s)].sort((a, b) => b - a);
  const P = y.filter((v) => v === 1).length;
  let tp0 = 0;
  let fp0 = 0;
  let area = 0;
  for (const t of ths) {
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < s.length; i++) if (s[i] >= t) y[i] === 1 ? tp++ : fp++;
    if (tp > tp0) {
      const steps = 1000; // even count for Simpson
      const prec = (u: number) => {
        const t_ = tp0 + (tp - tp0) * u;
        const f_ = fp0 + (fp - fp0) * u;
        return t_ / (t_ + f_);
      };
      let sum = 0;
      for (let k = 0; k <= steps; k++) {
        const u = k / steps;
        // precision at TP=0 is a 0/0 limit; take the limit along the segment
        const v = tp0 === 0 && k === 0 ? (tp - tp0) / (tp - tp0 + fp - fp0) : prec(u);
        sum += v * (k === 0 || k === steps ? 1 : k % 2 === 1 ? 4 : 2);
      }
      area += ((sum / (3 * steps)) * (tp - tp0)) / P;
    }
    tp0 = tp;
    fp0 = fp;
  }
  return area;
}

describe('computeAuc2', () => {
  it('matches a hand-computed AUC on six rows', () => {
    // positives 0.9, 0.7, 0.6; negatives 0.8, 0.4, 0.2. Pairs won: 3 + 2 + 2 = 7 of 9.
    const a = computeAuc2([0.9, 0.8, 0.7, 0.6, 0.4, 0.2], [1, 0, 1, 1, 0, 0]);
    assert.ok(Math.abs(a.auc - 7 / 9) < 1e-15);
    assert.ok(Math.abs(a.gini - 5 / 9) < 1e-15);
    assert.deepEqual(Array.from(a.thresholds), [0.9, 0.8, 0.7, 0.6, 0.4, 0.2]);
    assert.deepEqual(Array.from(a.tps), [1, 1, 2, 3, 3, 3]);
    assert.deepEqual(Array.from(a.fps), [0, 1, 1, 1, 2, 3]);
  });

  it('is exact (equals pairwise AUC) for ≤ 400 distinct scores, with ties and weights', () => {
    const rng = new Rng(7);
    const s: number[] = [];
    const y: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const score = Math.floor(rng.nextDouble() * 300) / 300; // 300 distinct values, many ties
      s.push(score);
      y.push(rng.nextDouble() < score ? 1 : 0);
      w.push(1 + Math.floor(rng.nextDouble() * 3));
    }
    const a = computeAuc2(s, y);
    assert.ok(a.nBins <= 300);
    assert.ok(Math.abs(a.auc - pairwiseAuc(s, y)) < 1e-12);
    const aw = computeAuc2(s, y, w);
    assert.ok(Math.abs(aw.auc - pairwiseAuc(s, y, w)) < 1e-12);
  });

  it('computes PR-AUC by hand on three rows', () => {
    // Bins (TP, FP): 0.9 → (1,0), 0.8 → (1,1), 0.7 → (2,1); P = 2.
    // Step 1: h = 0, a = 1, b = 0 → Δr = 0.5. Step 2: ΔTP = 0 → 0.
    // Step 3: h = 0, a = 1, b = (1 − 0)/2 = 0.5 → 0.5 − 0.5·(ln 1.5 − ln 1) (= ∫_{.5}^{1} 2r/(2r+1) dr).
    const a = computeAuc2([0.9, 0.8, 0.7], [1, 0, 1]);
    assert.ok(Math.abs(a.prAuc - (1 - 0.5 * Math.log(1.5))) < 1e-15);
  });

  it('matches numerical integration of the interpolated PR curve', () => {
    const rng = new Rng(3);
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const score = Math.round(rng.nextDouble() * 50) / 50;
      s.push(score);
      y.push(rng.nextDouble() < 0.3 + 0.5 * score ? 1 : 0);
    }
    // Simpson with 1000 steps per segment on a smooth rational integrand: error far below 1e−9.
    assert.ok(Math.abs(computeAuc2(s, y).prAuc - numericPrAuc(s, y)) < 1e-9);
  });

  it('handles one-class data as H2O does', () => {
    const allPos = computeAuc2([0.2, 0.8], [1, 1]);
    assert.equal(allPos.auc, 1);
    assert.equal(allPos.prAuc, 1);
    const allNeg = computeAuc2([0.2, 0.8], [0, 0]);
    assert.equal(allNeg.auc, 0);
    assert.equal(allNeg.maxIdx, -1); // F1 undefined everywhere
    const empty = computeAuc2([], []);
    assert.ok(Number.isNaN(empty.auc));
  });

  it('merges down to 400 bins for many distinct scores and stays close to the exact AUC', () => {
    for (const sorted of [false, true]) {
      const rng = new Rng(11);
      const s: number[] = [];
      for (let i = 0; i < 5000; i++) s.push(rng.nextDouble());
      if (sorted) s.sort((a, b) => a - b); // sorted input is the hard case for online binning
      const y = s.map((v) => (rng.nextDouble() < v ? 1 : 0));
      const a = computeAuc2(s, y);
      assert.equal(a.nBins, 400);
      // Merging never loses weight: P and N are exact.
      assert.equal(a.p, y.filter((v) => v === 1).length);
      assert.equal(a.n, y.filter((v) => v === 0).length);
      // Tolerance: within a merged bin the order of positives and negatives is lost; with 400
      // bins over 5000 uniform scores we measured |error| ≈ 2.6e−5 (shuffled) and 2.1e−5 (sorted),
      // so 5e−4 leaves a 20x margin while still catching a broken merge rule.
      const exact = pairwiseAuc(s, y);
      assert.ok(Math.abs(a.auc - exact) < 5e-4, `sorted=${sorted}: ${a.auc} vs exact ${exact}`);
    }
  });

  it('merges scores equal as float32 first (they cost no squared error)', () => {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 401; i++) {
      s.push(i / 1000);
      y.push(i % 2);
    }
    s.push(0.2 + 1e-12); // a float32 duplicate of 0.2
    y.push(1);
    const a = computeAuc2(s, y);
    assert.equal(a.nBins, 400);
    // All other 400 scores keep their own bin: 0.2 and 0.2+1e−12 merged, nothing else.
    const kept = Array.from(a.thresholds).filter((t) => Math.abs(t - 0.2) > 1e-9);
    assert.equal(kept.length, 399);
  });
});
