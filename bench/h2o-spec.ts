// The NetworkSpec H2O's default parameters give an MNIST classifier (the benches' baseline): built by
// the trainer's own path (defaults → sanitising → networkSpec), so it cannot drift from H2O's
// defaults; `over` changes parameters the way a user would.
import type { DeepLearningParameters } from '../src/dl/model/index.ts';
import { defaultParameters, effectiveParameters } from '../src/dl/model/index.ts';
import type { NetworkSpec } from '../src/dl/network/index.ts';
import { networkSpec } from '../src/dl/train/setup.ts';

/** units: [inputs, ...hidden, 10]. */
export function h2oClassifierSpec(units: number[], over: Partial<DeepLearningParameters> = {}): NetworkSpec {
  const params = { ...defaultParameters(), hidden: units.slice(1, -1), ...over };
  const effective = effectiveParameters(params, { isClassifier: true, nClasses: 10, isAutoencoder: false });
  return networkSpec(effective, units, 'Multinomial');
}
