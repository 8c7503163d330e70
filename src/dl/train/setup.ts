// Training setup: resolves the user's parameters against the frames (what kind of model, which
// columns, which rows), builds the DataInfo and the network spec. Everything the loop needs, once.
import { H2OInputError, randomSeed, ValidationError } from '../../core/index.ts';
import type { Frame, Vec } from '../../frame/index.ts';
import { wasmKernelsAvailable } from '../../kernels/wasm/index.ts';
import {
  applyEncoding,
  type CategoricalEncoding,
  encodedPredictors,
  planEncoding,
} from '../data/categorical-encoding.ts';
import { buildDataInfo, type DataInfoState, selectPredictors } from '../data/data-info.ts';
import {
  coerceParameters,
  type DeepLearningParameters,
  defaultParameters,
  effectiveParameters,
  validateParameters,
} from '../model/index.ts';
import { miniBatchUnsupported, type NetworkSpec } from '../network/index.ts';

/** What kind of model the frames and parameters make. */
export type ModelCategory = 'Regression' | 'Binomial' | 'Multinomial' | 'AutoEncoder';

/** The user's request: parameters plus frames. */
export interface TrainRequest {
  params: Partial<Record<keyof DeepLearningParameters, unknown>> | Record<string, unknown>;
  trainingFrame: Frame;
  validationFrame?: Frame | null;
  /** Predictor names; default all columns but the response and special ones. */
  x?: readonly string[];
  /** Response column; required unless autoencoder. */
  y?: string | null;
}

/** Everything resolved before the first iteration. */
export interface TrainingSetup {
  /** The user's parameters with defaults filled in (and the drawn seed recorded). */
  params: DeepLearningParameters;
  /** The sanitised copy the model trains with (semantics §1.2). */
  effective: DeepLearningParameters;
  warnings: string[];
  category: ModelCategory;
  response: string | null;
  responseDomain: string[] | null;
  predictors: string[];
  droppedColumns: string[];
  dataInfo: DataInfoState;
  spec: NetworkSpec;
  /** Training rows (response present, weight > 0, no NA under Skip). */
  trainRows: Int32Array;
  /** Observation weights of the training frame, or null. */
  weights: Float64Array | null;
}

/** Resolves parameters, columns and rows; throws one ValidationError listing every problem. */
export function setupTraining(req: TrainRequest): TrainingSetup {
  const user = { ...defaultParameters(), ...coerceParameters(req.params as Record<string, unknown>) };
  const frame = req.trainingFrame;
  const response = user.autoencoder ? null : (req.y ?? user.response_column ?? null);
  if (!user.autoencoder && (response === null || response === '')) {
    throw new ValidationError([
      {
        field: 'response_column',
        level: 'ERROR',
        message: 'required for a supervised model (or set autoencoder=true)',
      },
    ]);
  }
  const responseVec: Vec | null = response === null ? null : frame.col(response);
  const isClassifier = responseVec !== null && responseVec.type === 'enum';
  const nClasses = isClassifier ? responseVec.domain!.length : 1;
  if (responseVec?.type === 'string') {
    throw new H2OInputError(`response column '${response}' is a string column; convert it to a factor`);
  }
  const special = [response, user.weights_column, user.offset_column, user.fold_column].filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  for (const c of special) frame.index(c);
  const responseMin = responseVec !== null && !isClassifier ? minOf(responseVec) : undefined;
  const messages = validateParameters(user, {
    isClassifier,
    nClasses,
    isAutoencoder: user.autoencoder,
    responseMin,
    nTrainRows: frame.nRows,
    hasValidation: req.validationFrame != null,
  });
  if (isClassifier && nClasses < 2) {
    messages.push({
      field: 'response_column',
      level: 'ERROR',
      message: `response '${response}' has ${nClasses} level; need at least 2`,
    });
  }
  const { predictors, dropped } = selectPredictors(frame, {
    x: req.x,
    special,
    ignored: user.ignored_columns ?? [],
    ignoreConstCols: user.ignore_const_cols,
  });
  if (predictors.length === 0) {
    messages.push({
      field: 'ignored_columns',
      level: 'ERROR',
      message: 'no predictor columns left to train on',
    });
  }
  if (messages.some((m) => m.level === 'ERROR')) throw new ValidationError(messages);
  if (user.seed === -1 || user.seed === undefined) user.seed = randomSeed();
  const effective = effectiveParameters(user, { isClassifier, nClasses, isAutoencoder: user.autoencoder });

  const weights = user.weights_column ? frame.col(user.weights_column).toFloat64() : null;
  const trainRows = usableRows(frame, responseVec, weights);
  const identityLink = ['gaussian', 'laplace', 'quantile', 'huber', 'AUTO'].includes(user.distribution);
  // Non-native categorical encodings rewrite the categorical predictors first (§2.9).
  const encoding = planEncoding(
    effective.categorical_encoding as CategoricalEncoding,
    frame,
    predictors,
    response,
  );
  const dataInfo = buildDataInfo(
    applyEncoding(encoding, frame),
    encodedPredictors(encoding, predictors),
    isClassifier ? null : response,
    {
      use_all_factor_levels: effective.use_all_factor_levels,
      standardize: effective.standardize,
      autoencoder: effective.autoencoder,
      sparse: effective.sparse,
      missing_values_handling: effective.missing_values_handling,
      standardizeResponse: !isClassifier && identityLink,
      max_categorical_features: effective.max_categorical_features,
      seed: effective.seed,
    },
    trainRows,
    encoding,
  );
  const category: ModelCategory = effective.autoencoder
    ? 'AutoEncoder'
    : !isClassifier
      ? 'Regression'
      : nClasses === 2
        ? 'Binomial'
        : 'Multinomial';
  const nOut = category === 'AutoEncoder' ? dataInfo.fullN : isClassifier ? nClasses : 1;
  const spec = networkSpec(effective, [dataInfo.fullN, ...effective.hidden, nOut], category);
  // mini_batch_size > 1 is an opt-in beyond H2O (docs/differences-from-h2o.md) on the wasm kernels.
  if (effective.mini_batch_size > 1) {
    const why =
      miniBatchUnsupported(spec) ??
      (wasmKernelsAvailable() ? null : 'the wasm SIMD kernels are not available');
    if (why !== null) {
      throw new ValidationError([
        { field: 'mini_batch_size', level: 'ERROR', message: `${why}; use 1 (per-row updates)` },
      ]);
    }
    spec.mini_batch_size = effective.mini_batch_size;
  }
  return {
    params: user,
    effective,
    warnings: messages.filter((m) => m.level === 'WARN').map((m) => `${m.field}: ${m.message}`),
    category,
    response,
    responseDomain: isClassifier ? [...responseVec!.domain!] : null,
    predictors,
    droppedColumns: dropped,
    dataInfo,
    spec,
    trainRows,
    weights,
  };
}

/** The network spec for sanitised parameters. */
export function networkSpec(
  p: DeepLearningParameters,
  units: number[],
  category: ModelCategory,
): NetworkSpec {
  const dropout = p.activation.endsWith('WithDropout');
  return {
    units,
    activation: p.activation,
    output: category === 'AutoEncoder' ? 'autoencoder' : category === 'Regression' ? 'linear' : 'softmax',
    distribution: gradientDistribution(p, category),
    loss: p.loss as NetworkSpec['loss'],
    tweedie_power: p.tweedie_power,
    quantile_alpha: p.quantile_alpha,
    input_dropout_ratio: p.input_dropout_ratio,
    hidden_dropout_ratios:
      dropout && p.hidden_dropout_ratios ? [...p.hidden_dropout_ratios] : units.slice(2).map(() => 0),
    l1: p.l1,
    l2: p.l2,
    max_w2: p.max_w2,
    adaptive_rate: p.adaptive_rate,
    rho: p.rho,
    epsilon: p.epsilon,
    rate: p.rate,
    rate_annealing: p.rate_annealing,
    rate_decay: p.rate_decay,
    momentum_start: p.momentum_start,
    momentum_ramp: p.momentum_ramp,
    momentum_stable: p.momentum_stable,
    nesterov_accelerated_gradient: p.nesterov_accelerated_gradient,
    fast_mode: p.fast_mode,
    average_activation: p.average_activation,
    sparsity_beta: p.sparsity_beta,
    // 1 under H2O's rules (sanitize resets larger values); > 1 trains in batches (network/mini-batch.ts).
    mini_batch_size: p.mini_batch_size,
  };
}

/** Rows with a response and a positive weight. */
function usableRows(frame: Frame, response: Vec | null, weights: Float64Array | null): Int32Array {
  const keep: number[] = [];
  for (let i = 0; i < frame.nRows; i++) {
    if (response?.isNA(i)) continue;
    if (weights !== null && !(weights[i] > 0)) continue;
    keep.push(i);
  }
  return Int32Array.from(keep);
}

function minOf(vec: Vec): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < vec.length; i++) {
    const v = vec.at(i);
    if (v < m) m = v;
  }
  return m;
}

/**
 * The distribution whose gradient trains a regression output. An explicit loss wins over the
 * distribution, as the booklet documents (H2O's code lets the distribution win: [code≠docs]).
 */
function gradientDistribution(
  p: DeepLearningParameters,
  category: ModelCategory,
): NetworkSpec['distribution'] {
  if (category === 'Regression' || category === 'AutoEncoder') {
    const byLoss: Record<string, NetworkSpec['distribution']> = {
      Quadratic: 'gaussian',
      Absolute: 'laplace',
      Huber: 'huber',
      Quantile: 'quantile',
    };
    const fromLoss = byLoss[p.loss];
    if (fromLoss && ['gaussian', 'laplace', 'huber', 'quantile'].includes(p.distribution)) return fromLoss;
  }
  return p.distribution as NetworkSpec['distribution'];
}
