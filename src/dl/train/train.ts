// The outer training loop (semantics §5.1): iterate, score on the schedule, stop on the rules,
// keep the best model, and return a DeepLearningModel. Library code: no keys, no jobs; cancellable
// through an AbortSignal, observable through a progress callback.
import { H2OInputError, ValidationError } from '../../core/index.ts';
import type { Frame } from '../../frame/index.ts';
import { AdaptedRows } from '../data/data-info.ts';
import { DeepLearningModel, type ModelOutput, type ScoringEvent } from '../deep-learning-model.ts';
import { Network } from '../network/index.ts';
import { computeMetrics, type ModelMetrics } from '../score/model-metrics.ts';
import { balanceClasses } from './balance.ts';
import { checkCheckpoint } from './checkpoint.ts';
import { type IterationContext, resolveTspi, type Targets, type TrainingCounters } from './iteration.ts';
import { sampleRows, stratifiedSample } from './sample-rows.ts';
import {
  lossForBest,
  metricValue,
  movingAverageStop,
  resolveStoppingMetric,
  shouldScore,
} from './scoring-schedule.ts';
import { setupTraining, type TrainingSetup, type TrainRequest } from './setup.ts';
import { createIterationRunner } from './workers/index.ts';

/** Progress reported after every iteration. */
export interface TrainProgress {
  /** Fraction of the requested epochs done, in [0, 1]. */
  progress: number;
  epochs: number;
  iterations: number;
  samples: number;
  /** Set when this iteration was scored. */
  event?: ScoringEvent;
}

/** Options of one training run. */
export interface TrainOptions {
  signal?: AbortSignal;
  onProgress?: (p: TrainProgress) => void;
  /** Continue this model (semantics §9.6); `epochs` is then the cumulative total. */
  checkpoint?: DeepLearningModel;
  /** Initialise the hidden layers from this autoencoder (§9.5). */
  pretrainedAutoencoder?: DeepLearningModel;
  /** Model key; default a generated one. */
  modelId?: string;
  /** Called once with the model as soon as it exists; it fills in as training goes (H2O shows it). */
  onModel?: (model: DeepLearningModel) => void;
}

let modelCounter = 0;

/** Trains an H2O Deep Learning model on the request's frames. */
export async function trainDeepLearning(
  req: TrainRequest,
  opts: TrainOptions = {},
): Promise<DeepLearningModel> {
  const startMs = Date.now();
  const setup = setupTraining(req);
  if (opts.checkpoint) checkCheckpoint(opts.checkpoint, setup, req.validationFrame != null);
  const eff = setup.effective;
  const frame = req.trainingFrame;
  const adapted = new AdaptedRows(setup.dataInfo, frame);
  // Training reads rows in shuffled order many times: a row-major copy keeps each row contiguous.
  adapted.pack();
  let rows = setup.trainRows;
  if (eff.missing_values_handling === 'Skip') rows = rows.filter((r) => !adapted.hasNA(r));
  if (rows.length === 0) {
    throw new ValidationError([
      {
        field: 'missing_values_handling',
        level: 'ERROR',
        message:
          'No rows left in the dataset after filtering out rows with missing values or missing responses.',
      },
    ]);
  }
  const balanced = balanceClasses(setup, frame, rows);
  rows = balanced.rows;
  // Rows run in the wasm SIMD kernels when the runtime has them (JS kernels otherwise).
  const network = opts.checkpoint
    ? opts.checkpoint.network.clone({ backend: 'wasm' })
    : new Network(setup.spec, { backend: 'wasm' });
  if (!opts.checkpoint)
    network.initWeights(eff.seed, eff.initial_weight_distribution, eff.initial_weight_scale);
  if (opts.pretrainedAutoencoder) copyPretrained(network, opts.pretrainedAutoencoder.network);

  const model = new DeepLearningModel({
    modelId: opts.modelId ?? `DeepLearning_model_${Date.now().toString(36)}_${++modelCounter}`,
    setup,
    network,
    priorDistribution: balanced.prior,
    modelDistribution: balanced.sampled,
    output: opts.checkpoint ? structuredClone(opts.checkpoint.output) : emptyOutput(setup),
  });
  const out = model.output;
  opts.onModel?.(model);
  const counters: TrainingCounters = { nSeen: out.nSeen, iterations: out.iterations };
  const targets = trainingTargets(setup, frame);
  const valid = req.validationFrame ?? null;
  const validAdapted = valid ? new AdaptedRows(setup.dataInfo, valid) : null;
  const trainSample = sampleRows(rows, eff.score_training_samples, eff.seed);
  const validSample = valid
    ? eff.balance_classes && eff.score_validation_sampling === 'Stratified' && setup.responseDomain
      ? stratifiedSample(
          allRows(valid.nRows),
          valid.col(setup.response!),
          eff.score_validation_samples,
          eff.seed + 1,
        )
      : sampleRows(allRows(valid.nRows), eff.score_validation_samples, eff.seed + 1)
    : null;
  const tspi = resolveTspi(eff.train_samples_per_iteration, rows.length, eff.epochs);
  const stoppingMetric = resolveStoppingMetric(eff.stopping_metric, setup.category);
  const clock = { lastStart: 0, lastEnd: 0 };
  let best: { loss: number; network: Network } | null = null;
  const scoreNow = (): ScoringEvent => {
    const t0 = Date.now();
    if (model.network.isUnstable()) {
      throw new H2OInputError(
        'Trying to predict with an unstable model: the network diverged (numerical instability). ' +
          'Try a bounded activation (Tanh), regularisation (l1, l2, max_w2), or a smaller rate.',
      );
    }
    const training = computeMetrics(model, frame, trainSample, {
      description: trainSampleDescription(trainSample, rows),
    });
    const validation =
      valid && validAdapted
        ? computeMetrics(model, valid, validSample ?? undefined, { description: 'Validation metrics' })
        : null;
    if (validation && setup.category === 'Binomial') model.defaultThreshold = threshold(validation);
    else if (setup.category === 'Binomial') model.defaultThreshold = threshold(training);
    const epochs = counters.nSeen / rows.length;
    const trainMs = t0 - startMs + out.previousRunTimeMs;
    const event: ScoringEvent = {
      timestamp: t0,
      durationMs: trainMs,
      trainingSpeed:
        trainMs > out.scoringTimeMs
          ? Math.round(counters.nSeen / ((1 + trainMs - out.scoringTimeMs) / 1000))
          : null,
      epochs,
      iterations: counters.iterations,
      samples: counters.nSeen,
      // History rows keep the scalar metrics only; the full objects stay on the output.
      training: scalarMetrics(training),
      validation: validation && scalarMetrics(validation),
    };
    out.scoringHistory.push(event);
    out.trainingMetrics = training;
    out.validationMetrics = validation;
    if (eff.variable_importances && setup.category !== 'AutoEncoder') model.refreshVariableImportances();
    out.scoringTimeMs += Date.now() - t0;
    return event;
  };
  if (setup.category === 'AutoEncoder' && out.scoringHistory.length === 0) scoreNow();

  const sampleWeights = observationWeights(setup.weights);
  let stopped = false;
  const iterationContext: IterationContext = {
    network,
    adapted,
    rows,
    targets,
    sampleWeights,
    tspi,
    // One chunk in one process: shuffling is on whenever an iteration is a full epoch (§5.4).
    shuffle: eff.shuffle_training_data || tspi >= rows.length,
    seed: eff.seed,
  };
  // One thread when reproducible or small; otherwise replica workers averaged per iteration (workers/).
  const runner = createIterationRunner(iterationContext, {
    reproducible: eff.reproducible,
    train_samples_per_iteration: eff.train_samples_per_iteration,
    epochs: eff.epochs,
    frame,
  });
  while (!stopped && counters.nSeen / rows.length < eff.epochs) {
    counters.iterations++;
    // Workers report rows as they go, so progress moves inside long iterations too.
    const onProgress = opts.onProgress;
    const ticker = onProgress
      ? setInterval(() => {
          const samples = counters.nSeen + runner.rowsInFlight();
          if (samples === counters.nSeen) return;
          const epochs = samples / rows.length;
          onProgress({
            progress: Math.min(1, epochs / eff.epochs),
            epochs,
            iterations: counters.iterations,
            samples,
          });
        }, 500)
      : null;
    try {
      await runner.run(iterationContext, counters, opts.signal);
    } finally {
      if (ticker) clearInterval(ticker);
    }
    if (opts.signal?.aborted) break;
    const epochs = counters.nSeen / rows.length;
    const finished = epochs >= eff.epochs;
    const now = Date.now();
    let event: ScoringEvent | undefined;
    if (shouldScore(now, clock, eff, finished)) {
      clock.lastStart = now;
      event = scoreNow();
      clock.lastEnd = Date.now();
      const m = event.validation ?? event.training;
      if (!finished) stopped = stopRules(setup, eff, event, out.scoringHistory, stoppingMetric);
      if (eff.overwrite_with_best_model && (!finished || best === null)) {
        const loss = Math.fround(lossForBest(m, stoppingMetric));
        if (best === null || loss < best.loss) best = { loss, network: network.clone() };
      }
    }
    out.nSeen = counters.nSeen;
    out.iterations = counters.iterations;
    out.epochCounter = epochs;
    if (eff.max_runtime_secs > 0 && Date.now() - startMs > eff.max_runtime_secs * 1000) {
      out.warnings.push(`Training interrupted due to timeout (max_runtime_secs=${eff.max_runtime_secs}).`);
      stopped = true;
    }
    out.stoppedEarly = stopped;
    opts.onProgress?.({
      progress: Math.min(1, epochs / eff.epochs),
      epochs,
      iterations: counters.iterations,
      samples: counters.nSeen,
      event,
    });
    await new Promise((r) => setImmediate(r));
  }
  await runner.close();
  if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('training cancelled');
  const last = out.scoringHistory[out.scoringHistory.length - 1];
  const lastLoss = Math.fround(lossForBest(last?.validation ?? last?.training, stoppingMetric));
  if (eff.overwrite_with_best_model && best !== null && best.loss < lastLoss) {
    model.network = best.network;
    scoreNow();
  }
  out.runTimeMs = Date.now() - startMs + out.previousRunTimeMs;
  out.previousRunTimeMs = out.runTimeMs;
  return model;
}

/** §6.4 rules 1 and 2, checked after each non-final scoring. */
function stopRules(
  setup: TrainingSetup,
  p: TrainingSetup['effective'],
  event: ScoringEvent,
  history: ScoringEvent[],
  metric: string,
): boolean {
  const train = event.training as Record<string, unknown>;
  if (setup.category === 'Binomial' || setup.category === 'Multinomial') {
    if (p.classification_stop >= 0 && metricValue(train, 'misclassification') <= p.classification_stop)
      return true;
  } else if (setup.category === 'Regression') {
    if (p.regression_stop >= 0 && metricValue(train, 'MSE') <= p.regression_stop) return true;
  }
  // Entry 0 is the empty row of a supervised model or the null model of an autoencoder (§6.3).
  const series = history.map((e) => metricValue(e.validation ?? e.training, metric));
  return movingAverageStop(series, metric, p);
}

function scalarMetrics(m: ModelMetrics): ModelMetrics {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number' || typeof v === 'string') out[k] = v;
  return out as ModelMetrics;
}

function threshold(m: ModelMetrics): number {
  const t = (m as { max_f1_threshold?: number }).max_f1_threshold;
  return typeof t === 'number' && !Number.isNaN(t) ? t : 0.5;
}

function emptyOutput(setup: TrainingSetup): ModelOutput {
  // A supervised model's history starts with an empty row made when the model is built (§6.3).
  const row0: ScoringEvent = {
    timestamp: Date.now(),
    durationMs: 0,
    trainingSpeed: null,
    epochs: 0,
    iterations: 0,
    samples: 0,
    training: null,
    validation: null,
  };
  return {
    scoringHistory: setup.category === 'AutoEncoder' ? [] : [row0],
    trainingMetrics: null,
    validationMetrics: null,
    variableImportances: null,
    epochCounter: 0,
    iterations: 0,
    nSeen: 0,
    stoppedEarly: false,
    runTimeMs: 0,
    previousRunTimeMs: 0,
    scoringTimeMs: 0,
    warnings: [...setup.warnings],
  };
}

function trainingTargets(setup: TrainingSetup, frame: Frame): Targets {
  if (setup.category === 'AutoEncoder') return { kind: 'input' };
  const vec = frame.col(setup.response!);
  if (setup.category !== 'Regression') {
    const codes = new Int32Array(frame.nRows);
    for (let i = 0; i < codes.length; i++) codes[i] = vec.at(i);
    return { kind: 'class', codes };
  }
  const info = setup.dataInfo;
  const values = new Float64Array(frame.nRows);
  const offsets = setup.params.offset_column ? frame.col(setup.params.offset_column).toFloat64() : null;
  const logLink = ['poisson', 'gamma', 'tweedie'].includes(setup.effective.distribution);
  for (let i = 0; i < values.length; i++) {
    let y = (vec.at(i) - info.respSub) * info.respMul;
    // Offsets (> 0 only, §5.12) shift the output; for the identity link that equals shifting the
    // target; for log links t·e^(−o) keeps the gradient's sign and zero (scaled by e^o).
    const o = offsets ? offsets[i] : 0;
    if (o > 0) y = logLink ? y * Math.exp(-o) : y - (o - info.respSub) * info.respMul;
    values[i] = y;
  }
  return { kind: 'value', values };
}

/** Weights that are not all 0/1 drive importance sampling (§5.2); 0/1 weights only filter rows. */
function observationWeights(w: Float64Array | null): Float64Array | null {
  if (w === null) return null;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0 && w[i] !== 1 && !Number.isNaN(w[i])) return w;
  return null;
}

function allRows(n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

function trainSampleDescription(sample: Int32Array, rows: Int32Array): string {
  return sample.length < rows.length
    ? `Metrics reported on temporary training frame with ${sample.length} samples`
    : 'Metrics reported on full training frame';
}

/** §9.5: copy every weight matrix but the output layer's, and all hidden biases. */
function copyPretrained(net: Network, ae: Network): void {
  const nLayers = net.weights.length;
  if (ae.weights.length !== nLayers) {
    const message = `Mismatch between weights in pretrained model and this model: ${ae.weights.length - 1} vs ${nLayers - 1} hidden layers`;
    throw new ValidationError([{ field: 'pretrained_autoencoder', level: 'ERROR', message }]);
  }
  for (let l = 0; l < nLayers - 1; l++) net.setLayer(l, ae.weights[l], ae.biases[l]);
  net.biases[nLayers - 1].fill(0);
}
