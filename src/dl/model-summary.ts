// The model summary table (one row per layer: units, type, dropout, l1, l2, weight and bias
// statistics), as H2O prints it for a Deep Learning model.
import type { DeepLearningModel } from './deep-learning-model.ts';

/** One row of the model summary. */
export interface LayerSummary {
  layer: number;
  units: number;
  type: string;
  dropout: number;
  l1: number | null;
  l2: number | null;
  mean_weight: number | null;
  weight_rms: number | null;
  mean_bias: number | null;
  bias_rms: number | null;
}

/** Layer-by-layer summary of a model's network. */
export function modelSummary(model: DeepLearningModel): LayerSummary[] {
  const net = model.network;
  const p = model.effective;
  const units = net.spec.units;
  const hiddenType = p.activation;
  const outType =
    model.category === 'Regression'
      ? 'Linear'
      : model.category === 'AutoEncoder'
        ? hiddenType.replace('WithDropout', '')
        : 'Softmax';
  const rows: LayerSummary[] = [
    {
      layer: 1,
      units: units[0],
      type: 'Input',
      dropout: p.input_dropout_ratio * 100,
      l1: null,
      l2: null,
      mean_weight: null,
      weight_rms: null,
      mean_bias: null,
      bias_rms: null,
    },
  ];
  for (let l = 1; l < units.length; l++) {
    const isOut = l === units.length - 1;
    const w = meanRms(net.weights[l - 1]);
    const b = meanRms(net.biases[l - 1]);
    rows.push({
      layer: l + 1,
      units: units[l],
      type: isOut ? outType : hiddenType,
      dropout: isOut ? 0 : (net.spec.hidden_dropout_ratios[l - 1] ?? 0) * 100,
      l1: p.l1,
      l2: p.l2,
      mean_weight: w.mean,
      weight_rms: w.rms,
      mean_bias: b.mean,
      bias_rms: b.rms,
    });
  }
  return rows;
}

function meanRms(a: Float32Array | Float64Array): { mean: number; rms: number } {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  const mean = a.length > 0 ? s / a.length : 0;
  let v = 0;
  for (let i = 0; i < a.length; i++) v += (a[i] - mean) ** 2;
  return { mean, rms: a.length > 0 ? Math.sqrt(v / a.length) : 0 };
}
