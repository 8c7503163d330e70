// Cross-validation metrics as H2O computes them: one metrics builder over the union of every fold
// model's holdout predictions (not an average of per-fold metrics), plus those predictions as one
// frame aligned to the training rows.
import type { DeepLearningModel, ModelMetrics } from '../dl/index.ts';
import { Frame, Vec } from '../frame/index.ts';
import {
  binomialMetrics,
  multinomialMetrics,
  type RegressionDistribution,
  regressionMetrics,
} from '../metrics/index.ts';

const DESCRIPTION =
  'N-fold cross-validation on training data (Metrics computed for combined holdout predictions)';

/**
 * Pools the holdout predictions of `foldModels` (fold f scored on rows `holdouts[f]` of `frame`) and
 * computes the metrics of `main`'s category on them.
 */
export function pooledMetrics(
  main: DeepLearningModel,
  frame: Frame,
  foldModels: readonly DeepLearningModel[],
  holdouts: readonly Int32Array[],
): { metrics: ModelMetrics; predictions: Frame } {
  const n = frame.nRows;
  const preds: Frame[] = foldModels.map((m, f) => m.predict(frame.rows(holdouts[f])));
  const width = preds[0].vecs.length;
  // Column j of the pooled frame, row r = fold f's prediction for r.
  const cols = Array.from({ length: width }, () => new Float64Array(n).fill(Number.NaN));
  preds.forEach((p, f) => {
    const rows = holdouts[f];
    for (let j = 0; j < width; j++) for (let k = 0; k < rows.length; k++) cols[j][rows[k]] = p.vecs[j].at(k);
  });
  const names = preds[0].names;
  const domain = main.responseDomain;
  const vecs = cols.map((c, j) =>
    j === 0 && domain
      ? Vec.categorical(
          Int32Array.from(c, (v) => (Number.isNaN(v) ? -1 : v)),
          domain,
        )
      : Vec.numeric(c, 'real'),
  );
  const predictions = new Frame(names, vecs);
  const wCol = main.params.weights_column as string | null | undefined;
  const weights = wCol && frame.has(wCol) ? frame.col(wCol).toFloat64() : undefined;
  const response = frame.col(main.response as string);
  const base = { model_category: main.category, description: DESCRIPTION };
  if (main.category === 'Regression') {
    const e = main.effective;
    const m = regressionMetrics({
      actual: response.toFloat64(),
      predicted: cols[0],
      weights,
      distribution: e.distribution as RegressionDistribution,
      tweedie_power: e.tweedie_power,
      quantile_alpha: e.quantile_alpha,
      huber_alpha: e.huber_alpha,
    });
    return { metrics: { ...base, ...m } as ModelMetrics, predictions };
  }
  const dom = domain as string[];
  const index = new Map(dom.map((d, i) => [d, i]));
  const actual = Int32Array.from({ length: n }, (_, r) => {
    const label = response.label(r);
    return label === null ? -1 : (index.get(label) ?? -1);
  });
  if (main.category === 'Binomial') {
    const m = binomialMetrics({ actual, p1: cols[2], weights, domain: dom });
    return { metrics: { ...base, ...m } as ModelMetrics, predictions };
  }
  const k = dom.length;
  const probs = new Float64Array(n * k);
  for (let r = 0; r < n; r++) for (let c = 0; c < k; c++) probs[r * k + c] = cols[c + 1][r];
  const m = multinomialMetrics({
    actual,
    probs,
    weights,
    domain: dom,
    max_hit_ratio_k: main.params.max_hit_ratio_k,
  });
  return { metrics: { ...base, ...m } as ModelMetrics, predictions };
}
