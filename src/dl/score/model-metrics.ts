// Model metrics on a frame: score the rows, line them up with the actual response (mapped to the
// training domain) and weights, and hand them to src/metrics. Rows with NA response are skipped there.
import type { Frame } from '../../frame/index.ts';
import {
  autoencoderMetrics,
  binomialMetrics,
  multinomialMetrics,
  regressionMetrics,
} from '../../metrics/index.ts';
import { AdaptedRows } from '../data/data-info.ts';
import type { DeepLearningParameters } from '../model/index.ts';
import { reconstructionErrors, type ScoringCore, scoreRows } from './score-rows.ts';

/** Metrics in H2O's names (`MSE`, `RMSE`, `logloss`, `AUC`, ...) plus the category and a description. */
export type ModelMetrics = Record<string, unknown> & {
  model_category: string;
  description: string;
  nobs: number;
  MSE: number;
  RMSE: number;
};

/** What metrics need from a model beyond scoring. */
export interface MetricsCore extends ScoringCore {
  response: string | null;
  responseDomain: string[] | null;
  params: DeepLearningParameters;
  effective: DeepLearningParameters;
}

/** Computes the model's metrics on `frame` (rows `rows`, default all). */
export function computeMetrics(
  core: MetricsCore,
  frame: Frame,
  rows: Int32Array | undefined,
  opts: { description: string },
): ModelMetrics {
  const adapted = new AdaptedRows(core.dataInfo, frame);
  const idx = rows ?? Int32Array.from({ length: frame.nRows }, (_, i) => i);
  const base = { model_category: core.category, description: opts.description };
  if (core.category === 'AutoEncoder') {
    const { rowMse } = reconstructionErrors(core, adapted, idx);
    return { ...base, ...autoencoderMetrics(rowMse) } as ModelMetrics;
  }
  const weightsCol = core.params.weights_column;
  const weights =
    weightsCol && frame.has(weightsCol) ? pick(frame.col(weightsCol).toFloat64(), idx) : undefined;
  const offsetCol = core.params.offset_column;
  const offsets = offsetCol && frame.has(offsetCol) ? frame.col(offsetCol).toFloat64() : null;
  const scored = scoreRows(core, adapted, idx, offsets);
  const responseVec = frame.col(core.response!);
  if (core.category === 'Regression') {
    const actual = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) actual[k] = responseVec.at(idx[k]);
    const e = core.effective;
    return {
      ...base,
      ...regressionMetrics({
        actual,
        predicted: scored,
        weights,
        distribution: e.distribution as Parameters<typeof regressionMetrics>[0]['distribution'],
        tweedie_power: e.tweedie_power,
        quantile_alpha: e.quantile_alpha,
        huber_alpha: e.huber_alpha,
      }),
    } as ModelMetrics;
  }
  const domain = core.responseDomain!;
  const actual = actualCodes(responseVec, domain, idx);
  if (core.category === 'Binomial') {
    const p1 = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) p1[k] = scored[k * 2 + 1];
    return { ...base, ...binomialMetrics({ actual, p1, weights, domain }) } as ModelMetrics;
  }
  return {
    ...base,
    ...multinomialMetrics({
      actual,
      probs: scored,
      weights,
      domain,
      max_hit_ratio_k: core.params.max_hit_ratio_k,
    }),
  } as ModelMetrics;
}

/** Response codes in the training domain (-1 for NA or a level the model never saw). */
function actualCodes(vec: Frame['vecs'][number], domain: readonly string[], idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  if (
    vec.type === 'enum' &&
    vec.domain!.every((d, i) => d === domain[i]) &&
    vec.domain!.length === domain.length
  ) {
    for (let k = 0; k < idx.length; k++) out[k] = vec.at(idx[k]);
    return out;
  }
  const index = new Map(domain.map((d, i) => [d, i]));
  for (let k = 0; k < idx.length; k++) {
    const label = vec.label(idx[k]);
    out[k] = label === null ? -1 : (index.get(label) ?? -1);
  }
  return out;
}

function pick(a: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = a[idx[k]];
  return out;
}
