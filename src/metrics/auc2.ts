// The finished AUC2 curve: bins in descending threshold order with cumulative TP/FP weights, the
// ROC AUC (trapezoids), PR-AUC (XGBoost's interpolation) and the max-criterion thresholds. §8.

import { AUC_NBINS, AucBuilder } from './auc-builder.ts';
import { criterion, type ThresholdCriterion } from './threshold-criteria.ts';

/** ROC/PR summary of binomial scores as H2O's AUC2 holds it. */
export interface Auc2 {
  /** Number of bins (≤ 400). */
  nBins: number;
  /** Bin centres, descending: "predict 1 if p ≥ thresholds[i]". */
  thresholds: Float64Array;
  /** Cumulative true-positive weight at each threshold. */
  tps: Float64Array;
  /** Cumulative false-positive weight at each threshold. */
  fps: Float64Array;
  /** Total positive (P) and negative (N) weight. */
  p: number;
  n: number;
  auc: number;
  prAuc: number;
  gini: number;
  /** Bin index maximising F1 (the default threshold), -1 when no bin has a finite F1. */
  maxIdx: number;
}

/** Builds the AUC2 curve of scores `p1` against 0/1 `actual` (NA rows already removed by caller). */
export function computeAuc2(
  p1: ArrayLike<number>,
  actual: ArrayLike<number>,
  weights?: ArrayLike<number>,
  nBins = AUC_NBINS,
): Auc2 {
  const b = new AucBuilder(nBins);
  for (let i = 0; i < p1.length; i++) b.add(p1[i], actual[i], weights === undefined ? 1 : weights[i]);
  return finishAuc2(b);
}

/** Turns a histogram into the descending, cumulated curve and its summary numbers. */
export function finishAuc2(b: AucBuilder): Auc2 {
  const nb = b.n;
  const thresholds = new Float64Array(nb);
  const tps = new Float64Array(nb);
  const fps = new Float64Array(nb);
  let p = 0;
  let n = 0;
  for (let i = 0; i < nb; i++) {
    const src = nb - 1 - i; // builder bins ascend; H2O reports thresholds from 1 down to 0
    thresholds[i] = b.ths[src];
    p += b.tps[src];
    n += b.fps[src];
    tps[i] = p;
    fps[i] = n;
  }
  const auc: Auc2 = {
    nBins: nb,
    thresholds,
    tps,
    fps,
    p,
    n,
    auc: Number.NaN,
    prAuc: Number.NaN,
    gini: Number.NaN,
    maxIdx: -1,
  };
  if (nb === 0) return auc; // H2O's empty AUC: NaN everywhere, default threshold 0.5
  auc.auc = rocAuc(auc);
  auc.gini = 2 * auc.auc - 1;
  auc.prAuc = prAuc(auc);
  auc.maxIdx = maxCriterionIdx(auc, criterion('f1'));
  return auc;
}

/** Trapezoid area under (FP, TP) from (0,0), divided by P·N; 1 if N = 0, 0 if P = 0. */
function rocAuc(a: Auc2): number {
  if (a.n === 0) return 1;
  if (a.p === 0) return 0;
  let tp0 = 0;
  let fp0 = 0;
  let area = 0;
  for (let i = 0; i < a.nBins; i++) {
    area += ((a.fps[i] - fp0) * (a.tps[i] + tp0)) / 2;
    tp0 = a.tps[i];
    fp0 = a.fps[i];
  }
  return area / a.p / a.n;
}

/**
 * Area under precision-recall with FP interpolated linearly in TP between bins (XGBoost's formula):
 * along a step, precision = r/(a·r + b) with a = 1 + ΔFP/ΔTP, b = (FP₀ − h·TP₀)/P, integrated
 * exactly. Steps with ΔTP = 0 add nothing. 1 if N = 0, 0 if P = 0.
 */
function prAuc(a: Auc2): number {
  if (a.n === 0) return 1;
  if (a.p === 0) return 0;
  const P = a.p;
  let tpPrev = 0;
  let fpPrev = 0;
  let area = 0;
  for (let i = 0; i < a.nBins; i++) {
    const tp = a.tps[i];
    const fp = a.fps[i];
    if (tp !== tpPrev) {
      const h = (fp - fpPrev) / (tp - tpPrev);
      const ca = 1 + h;
      const cb = (fpPrev - h * tpPrev) / P;
      const r = tp / P;
      const rPrev = tpPrev / P;
      area +=
        cb !== 0
          ? (r - rPrev - (cb / ca) * (Math.log(ca * r + cb) - Math.log(ca * rPrev + cb))) / ca
          : (r - rPrev) / ca;
    }
    tpPrev = tp;
    fpPrev = fp;
  }
  return area;
}

/** Counts at bin i: TP, FP, FN = P − TP, TN = N − FP. */
export function countsAt(a: Auc2, i: number): { tp: number; fp: number; fn: number; tn: number } {
  return { tp: a.tps[i], fp: a.fps[i], fn: a.p - a.tps[i], tn: a.n - a.fps[i] };
}

/** Value of criterion `c` at bin i. */
export function criterionAt(a: Auc2, c: ThresholdCriterion, i: number): number {
  return c.exec(a.tps[i], a.fps[i], a.p - a.tps[i], a.n - a.fps[i]);
}

/** Bin maximising `c`; the first maximum in descending-threshold order wins; -1 if all NaN. */
export function maxCriterionIdx(a: Auc2, c: ThresholdCriterion): number {
  let best = -Number.MAX_VALUE;
  let idx = -1;
  for (let i = 0; i < a.nBins; i++) {
    const v = criterionAt(a, c, i);
    if (v > best) {
      best = v;
      idx = i;
    }
  }
  return idx;
}

/** H2O's default threshold: the max-F1 bin's threshold, 0.5 when there is none. */
export function defaultThreshold(a: Auc2): number {
  return a.maxIdx === -1 ? 0.5 : a.thresholds[a.maxIdx];
}
