// What a standalone scorer needs from a model, as plain data: the input layout (one-hot blocks,
// numeric transform), the network (float32 weights, float64 biases, activation, test-time dropout
// scaling) and the output rule (softmax + label threshold, response de-standardisation, reconstruction).
import { H2OInputError } from '../../core/index.ts';
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { activationKind } from '../network/index.ts';

/** One weight layer: row-major weights (Maxout hidden layers interleave 2 channels, see layout.ts). */
export interface ExportLayer {
  nIn: number;
  nOut: number;
  channels: 1 | 2;
  weights: Float32Array;
  biases: Float64Array;
  /** Test-time scaling of this layer's output, 1 − hidden_dropout_ratio (1 for the output layer). */
  scale: number;
}

/** Everything the JS and Java writers render; independent of h2o-ts classes. */
export interface ScoringSpec {
  modelId: string;
  category: 'Regression' | 'Binomial' | 'Multinomial' | 'AutoEncoder';
  /** Tanh, Rectifier, Maxout or ExpRectifier (dropout variants scale at test time instead). */
  activation: 'Tanh' | 'Rectifier' | 'Maxout' | 'ExpRectifier';
  output: 'softmax' | 'linear' | 'autoencoder';
  catNames: string[];
  catDomains: string[][];
  catOffsets: number[];
  useAllFactorLevels: boolean;
  numNames: string[];
  numSub: number[];
  numMul: number[];
  respSub: number;
  respMul: number;
  logLink: boolean;
  responseDomain: string[] | null;
  defaultThreshold: number;
  priorDistribution: number[] | null;
  modelDistribution: number[] | null;
  /** Names of the prediction columns, in H2O's layout (§10). */
  outputNames: string[];
  layers: ExportLayer[];
}

/** Extracts the {@link ScoringSpec} of a trained model; throws for features a standalone scorer lacks. */
export function scoringSpec(model: DeepLearningModel): ScoringSpec {
  if (model.params.offset_column) {
    throw new H2OInputError(
      `model ${model.modelId} uses offset_column '${model.params.offset_column}'; exported scorers do not support offsets`,
    );
  }
  const net = model.network;
  const info = model.dataInfo;
  const nLayers = net.layout.layers.length;
  const layers: ExportLayer[] = net.layout.layers.map((L, l) => ({
    nIn: L.nIn,
    nOut: L.nOut,
    channels: L.channels,
    weights: net.weights[l].slice(),
    biases: net.biases[l].slice(),
    scale: l < nLayers - 1 ? 1 - (net.spec.hidden_dropout_ratios[l] ?? 0) : 1,
  }));
  const domain = model.responseDomain;
  const outputNames =
    model.category === 'Regression'
      ? ['predict']
      : model.category === 'AutoEncoder'
        ? info.coefNames.map((c) => `reconstr_${c}`)
        : ['predict', ...(domain ?? [])];
  return {
    modelId: model.modelId,
    category: model.category,
    activation: activationKind(net.spec.activation),
    output: net.spec.output,
    catNames: [...info.catNames],
    catDomains: info.catDomains.map((d) => [...d]),
    catOffsets: [...info.catOffsets],
    useAllFactorLevels: info.useAllFactorLevels,
    numNames: [...info.numNames],
    numSub: [...info.numSub],
    numMul: [...info.numMul],
    respSub: info.respSub,
    respMul: info.respMul,
    logLink: ['poisson', 'gamma', 'tweedie'].includes(model.distribution),
    responseDomain: domain ? [...domain] : null,
    defaultThreshold: model.defaultThreshold,
    priorDistribution: model.priorDistribution ? [...model.priorDistribution] : null,
    modelDistribution: model.modelDistribution ? [...model.modelDistribution] : null,
    outputNames,
    layers,
  };
}

/** A Java/JS identifier made from a model id (letters, digits, underscore; not starting with a digit). */
export function safeIdentifier(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) || s === '' ? `M_${s}` : s;
}
