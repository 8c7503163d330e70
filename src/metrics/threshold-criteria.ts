// The per-threshold binomial criteria H2O reports (thresholds_and_metric_scores, max criteria),
// computed from the four counts at a threshold. Names and order are H2O's; semantics doc §8.

/** One criterion: its H2O name, whether it is a count, and how it follows from TP, FP, FN, TN. */
export interface ThresholdCriterion {
  name: string;
  isCount: boolean;
  exec(tp: number, fp: number, fn: number, tn: number): number;
}

const precision = (tp: number, fp: number): number => tp / (tp + fp);
const recall = (tp: number, fn: number): number => tp / (tp + fn);
const specificity = (fp: number, tn: number): number => tn / (tn + fp);

/** F-beta = (1+β²)·prec·rec / (β²·prec + rec); NaN when undefined (no positives). */
function fBeta(beta2: number) {
  return (tp: number, fp: number, fn: number): number => {
    const p = precision(tp, fp);
    const r = recall(tp, fn);
    return ((1 + beta2) * p * r) / (beta2 * p + r);
  };
}

/** All criteria in H2O's column order (after 'threshold'). */
export const THRESHOLD_CRITERIA: readonly ThresholdCriterion[] = [
  { name: 'f1', isCount: false, exec: fBeta(1) },
  { name: 'f2', isCount: false, exec: fBeta(4) },
  { name: 'f0point5', isCount: false, exec: fBeta(0.25) },
  { name: 'accuracy', isCount: false, exec: (tp, fp, fn, tn) => (tn + tp) / (tp + fn + tn + fp) },
  { name: 'precision', isCount: false, exec: (tp, fp) => precision(tp, fp) },
  { name: 'recall', isCount: false, exec: (tp, _fp, fn) => recall(tp, fn) },
  { name: 'specificity', isCount: false, exec: (_tp, fp, _fn, tn) => specificity(fp, tn) },
  {
    name: 'absolute_mcc',
    isCount: false,
    exec: (tp, fp, fn, tn) => {
      const num = tp * tn - fp * fn;
      if (num === 0) return 0;
      const mcc = num / Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
      // Rounding can push |mcc| a hair above 1 on tiny denominators; H2O's value is capped at 1.
      return Math.min(1, Math.abs(mcc));
    },
  },
  {
    name: 'min_per_class_accuracy',
    isCount: false,
    exec: (tp, fp, fn, tn) => Math.min(recall(tp, fn), specificity(fp, tn)),
  },
  {
    name: 'mean_per_class_accuracy',
    isCount: false,
    exec: (tp, fp, fn, tn) => 0.5 * (recall(tp, fn) + specificity(fp, tn)),
  },
  { name: 'tns', isCount: true, exec: (_tp, _fp, _fn, tn) => tn },
  { name: 'fns', isCount: true, exec: (_tp, _fp, fn) => fn },
  { name: 'fps', isCount: true, exec: (_tp, fp) => fp },
  { name: 'tps', isCount: true, exec: (tp) => tp },
  { name: 'tnr', isCount: false, exec: (_tp, fp, _fn, tn) => specificity(fp, tn) },
  { name: 'fnr', isCount: false, exec: (tp, _fp, fn) => fn / (fn + tp) },
  { name: 'fpr', isCount: false, exec: (_tp, fp, _fn, tn) => fp / (fp + tn) },
  { name: 'tpr', isCount: false, exec: (tp, _fp, fn) => recall(tp, fn) },
];

/** Looks a criterion up by its H2O name (internal callers only). */
export function criterion(name: string): ThresholdCriterion {
  const c = THRESHOLD_CRITERIA.find((x) => x.name === name);
  if (c === undefined) throw new Error(`internal error: unknown threshold criterion '${name}'`);
  return c;
}
