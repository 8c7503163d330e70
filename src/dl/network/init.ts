// Weight and bias initialisation (semantics doc §3.2). Each weight layer draws from its own RNG
// seeded with seed + 0xBAD5EED + l + 1, so changing one layer's size leaves the others' draws alone.
import { Rng } from '../../core/index.ts';
import type { NetworkLayout } from './layout.ts';
import { activationKind, type NetworkSpec } from './spec.ts';

/** H2O's initial_weight_distribution values. */
export type InitialWeightDistribution = 'UniformAdaptive' | 'Uniform' | 'Normal';

/**
 * Fills every layer's weights and biases in place.
 * UniformAdaptive: U(−r, r), r = sqrt(6/(fan_in + fan_out)) on unit counts, ×4 on a softmax output
 * layer; Uniform: U(−scale, scale); Normal: N(0, scale²). Biases: 0.5 for the first hidden layer and
 * 1.0 for deeper ones with Rectifier or Maxout, 0 otherwise and on the output layer.
 */
export function initWeights(
  spec: NetworkSpec,
  layout: NetworkLayout,
  weights: Float32Array[],
  biases: Float64Array[],
  seed: number,
  distribution: InitialWeightDistribution,
  scale: number,
): void {
  const nLayers = layout.layers.length;
  const kind = activationKind(spec.activation);
  for (let l = 0; l < nLayers; l++) {
    const { nIn, nOut } = layout.layers[l];
    const w = weights[l];
    const rng = new Rng(seed + 0xbad5eed + l + 1);
    const isOutput = l === nLayers - 1;
    if (distribution === 'Normal') {
      for (let k = 0; k < w.length; k++) w[k] = rng.nextGaussian() * scale;
    } else {
      let range = scale;
      let mult = 1;
      if (distribution === 'UniformAdaptive') {
        range = Math.sqrt(6 / (nIn + nOut));
        if (isOutput && spec.output === 'softmax') mult = 4;
      }
      // H2O's draw: min + nextFloat()·(max − min), then the softmax factor.
      for (let k = 0; k < w.length; k++) w[k] = mult * (-range + rng.nextFloat() * 2 * range);
    }
    const b = biases[l];
    const value = isOutput ? 0 : kind === 'Rectifier' || kind === 'Maxout' ? (l === 0 ? 0.5 : 1) : 0;
    b.fill(value);
  }
}
