// Gains/lift table of binomial scores as H2O builds it: group boundaries are weighted quantiles
// of p1, rows fall into the first (highest) group whose lower threshold they reach; lift is a
// group's response rate over the overall rate. lift_top_group is the first group's lift.

import { weightedQuantiles } from './quantile.ts';
import { makeTable, type TwoDimTable } from './two-dim-table.ts';

/** Quantile probabilities of H2O's default grouping (gainslift_bins = -1): 16 groups. */
export const DEFAULT_GAINSLIFT_PROBS: readonly number[] = [
  0.99, 0.98, 0.97, 0.96, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0,
];

/** Result of {@link gainsLift}. */
export interface GainsLift {
  /** Lower thresholds of the groups, descending (duplicates removed). */
  thresholds: number[];
  /** Weight of positives and of all rows per group. */
  events: number[];
  observations: number[];
  /** Overall positive rate: Σ w·y / Σ w. */
  avgResponseRate: number;
  /** Response rate of the first (highest-score) group divided by the overall rate. */
  liftTopGroup: number;
  table: TwoDimTable;
}

/**
 * Gains/lift of scores `p1` against 0/1 `actual` (-1 = NA). `groups` ≤ 0 uses H2O's default 16
 * quantile groups; otherwise probabilities (g−i−1)/g for i = 0..g−1. Quantiles are taken over every
 * row with a score and positive weight (as H2O does, whether or not its actual is known).
 * Returns undefined when no row is usable.
 */
export function gainsLift(
  p1: Float64Array,
  actual: Int32Array,
  weights?: Float64Array,
  groups = -1,
): GainsLift | undefined {
  const probs =
    groups > 0
      ? Array.from({ length: groups }, (_, i) => (groups - i - 1) / groups)
      : DEFAULT_GAINSLIFT_PROBS;
  const qs = weightedQuantiles(p1, probs, weights).filter((q) => !Number.isNaN(q));
  if (qs.length === 0) return undefined;
  const thresholds = [...new Set(qs)].sort((a, b) => b - a);
  const events = new Array<number>(thresholds.length).fill(0);
  const observations = new Array<number>(thresholds.length).fill(0);
  let positives = 0;
  for (let i = 0; i < p1.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    const a = actual[i];
    if (a < 0 || Number.isNaN(p1[i]) || !(w > 0)) continue;
    // Thresholds descend, so the first one reached is the row's group.
    for (let t = 0; t < thresholds.length; t++) {
      if (p1[i] >= thresholds[t]) {
        observations[t] += w;
        if (a === 1) events[t] += w;
        break;
      }
    }
    if (a === 1) positives += w;
  }
  const total = observations.reduce((s, v) => s + v, 0);
  if (total === 0) return undefined;
  const avgResponseRate = positives / total;
  const rates = observations.map((o, t) => (o === 0 ? 0 : events[t] / o));
  return {
    thresholds,
    events,
    observations,
    avgResponseRate,
    liftTopGroup: rates[0] / avgResponseRate,
    table: gainsLiftTable(thresholds, events, observations, rates, avgResponseRate),
  };
}

function gainsLiftTable(
  thresholds: number[],
  events: number[],
  observations: number[],
  rates: number[],
  avg: number,
): TwoDimTable {
  const N = observations.reduce((s, v) => s + v, 0);
  const E = N * avg;
  const names = [
    'Cumulative Data Fraction',
    'Lower Threshold',
    'Lift',
    'Cumulative Lift',
    'Response Rate',
    'Cumulative Response Rate',
    'Capture Rate',
    'Cumulative Capture Rate',
    'Gain',
    'Cumulative Gain',
  ];
  const columns = [
    { name: 'Group', type: 'int' as const, format: '%d' },
    ...names.map((name) => ({
      name,
      type: 'double' as const,
      format: name.includes('Fraction') ? '%.8f' : '%5f',
    })),
  ];
  const rows: number[][] = [];
  let sumE = 0;
  let sumN = 0;
  for (let i = 0; i < thresholds.length; i++) {
    sumE += events[i];
    sumN += observations[i];
    const lift = rates[i] / avg;
    const cumLift = sumE / sumN / avg;
    rows.push([
      i + 1,
      sumN / N,
      thresholds[i],
      lift,
      cumLift,
      rates[i],
      sumE / sumN,
      events[i] / E,
      sumE / E,
      100 * (lift - 1),
      100 * (cumLift - 1),
    ]);
  }
  const pct = `${(100 * avg).toFixed(2)}%`;
  return makeTable('Gains/Lift Table', `Avg response rate: ${pct}`, columns, rows);
}
