// A trained Deep Learning model: its parameters, input layout, network and output (scoring history,
// metrics, variable importances), with prediction and metrics on new frames.
import { Frame, Vec } from '../frame/index.ts';
import { variableImportance } from '../metrics/index.ts';
import { AdaptedRows, type DataInfoState } from './data/data-info.ts';
import type { DeepLearningParameters } from './model/index.ts';
import type { Network } from './network/index.ts';
import { deepFeatures, weightsAndBiases } from './score/deep-features.ts';
import { computeMetrics, type ModelMetrics } from './score/model-metrics.ts';
import { reconstructionErrors, type ScoringCore, scoreRows } from './score/score-rows.ts';
import type { ModelCategory, TrainingSetup } from './train/setup.ts';

/** One row of the scoring history (semantics §6.3). */
export interface ScoringEvent {
  timestamp: number;
  durationMs: number;
  /** Samples per second of training, or null before any training. */
  trainingSpeed: number | null;
  epochs: number;
  iterations: number;
  samples: number;
  training: ModelMetrics | null;
  validation: ModelMetrics | null;
}

/** One row of the variable importance table. */
export interface VariableImportance {
  variable: string;
  relative_importance: number;
  scaled_importance: number;
  percentage: number;
}

/** What training produced, besides the weights. */
export interface ModelOutput {
  scoringHistory: ScoringEvent[];
  trainingMetrics: ModelMetrics | null;
  validationMetrics: ModelMetrics | null;
  variableImportances: VariableImportance[] | null;
  /** Epochs trained (cumulative across checkpoints). */
  epochCounter: number;
  iterations: number;
  nSeen: number;
  stoppedEarly: boolean;
  runTimeMs: number;
  previousRunTimeMs: number;
  scoringTimeMs: number;
  warnings: string[];
  /** Set on the main model of a cross-validated run (src/grid, semantics §7). */
  crossValidation?: CrossValidationOutput;
}

/** Cross-validation results carried by the main model (filled by src/grid's cross-validation). */
export interface CrossValidationOutput {
  nFolds: number;
  /** How folds were made, e.g. `Random (5 folds)` or `fold_column 'f'`. */
  foldSource: string;
  /** Metrics of the pooled holdout predictions of all fold models. */
  metrics: ModelMetrics;
  /** Per-metric mean, sd and per-fold values (H2O's cross_validation_metrics_summary). */
  summary: { metric: string; mean: number; sd: number; folds: number[] }[];
  foldModelIds: string[];
  /** Fold of each training row, when keep_cross_validation_fold_assignment. */
  foldAssignment?: number[];
}

/** A trained H2O Deep Learning model. */
export class DeepLearningModel implements ScoringCore {
  readonly modelId: string;
  /** The user's parameters with defaults (the seed actually used recorded). */
  readonly params: DeepLearningParameters;
  /** The sanitised parameters training used. */
  readonly effective: DeepLearningParameters;
  readonly category: ModelCategory;
  readonly response: string | null;
  readonly responseDomain: string[] | null;
  readonly predictors: string[];
  readonly dataInfo: DataInfoState;
  /** Replaced by the best network at the end of training (overwrite_with_best_model). */
  network: Network;
  readonly priorDistribution: number[] | null;
  readonly modelDistribution: number[] | null;
  readonly output: ModelOutput;
  /** Binomial label threshold: max-F1 of validation metrics if any, else of training metrics. */
  defaultThreshold = 0.5;

  constructor(init: {
    modelId: string;
    setup: Pick<
      TrainingSetup,
      'params' | 'effective' | 'category' | 'response' | 'responseDomain' | 'predictors' | 'dataInfo'
    >;
    network: Network;
    priorDistribution: number[] | null;
    modelDistribution: number[] | null;
    output: ModelOutput;
  }) {
    this.modelId = init.modelId;
    this.params = init.setup.params;
    this.effective = init.setup.effective;
    this.category = init.setup.category;
    this.response = init.setup.response;
    this.responseDomain = init.setup.responseDomain;
    this.predictors = init.setup.predictors;
    this.dataInfo = init.setup.dataInfo;
    this.network = init.network;
    this.priorDistribution = init.priorDistribution;
    this.modelDistribution = init.modelDistribution;
    this.output = init.output;
  }

  get distribution(): string {
    return this.effective.distribution;
  }

  /**
   * Predictions in H2O's layout (§10): `predict` then one probability column per class for
   * classifiers; `predict` for regression; `reconstr_<name>` columns for autoencoders.
   */
  predict(frame: Frame): Frame {
    const adapted = new AdaptedRows(this.dataInfo, frame);
    const offsets =
      this.params.offset_column && frame.has(this.params.offset_column)
        ? frame.col(this.params.offset_column).toFloat64()
        : null;
    const raw = scoreRows(this, adapted, undefined, offsets);
    const n = frame.nRows;
    if (this.category === 'Regression') return new Frame(['predict'], [Vec.numeric(raw, 'real')]);
    if (this.category === 'AutoEncoder') return this.reconstruction(raw, n);
    const k = this.responseDomain!.length;
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) labels[i] = this.label(raw, i * k, k);
    const cols: Vec[] = [Vec.categorical(labels, this.responseDomain!)];
    for (let c = 0; c < k; c++) {
      const p = new Float64Array(n);
      for (let i = 0; i < n; i++) p[i] = raw[i * k + c];
      cols.push(Vec.numeric(p, 'real'));
    }
    return new Frame(['predict', ...this.responseDomain!], cols);
  }

  /** Class label of one scored row: the max-F1 threshold for binomial, argmax otherwise. */
  label(probs: Float64Array, offset: number, k: number): number {
    if (k === 2) return probs[offset + 1] >= this.defaultThreshold ? 1 : 0;
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[offset + c] > probs[offset + best]) best = c;
    return best;
  }

  private reconstruction(raw: Float64Array, n: number): Frame {
    const info = this.dataInfo;
    const p = info.fullN;
    const start = info.catOffsets[info.catOffsets.length - 1];
    const cols: Vec[] = [];
    for (let j = 0; j < p; j++) {
      const v = new Float64Array(n);
      const k = j - start;
      for (let i = 0; i < n; i++)
        v[i] = k >= 0 ? raw[i * p + j] / info.numMul[k] + info.numSub[k] : raw[i * p + j];
      cols.push(Vec.numeric(v, 'real'));
    }
    return new Frame(
      info.coefNames.map((c) => `reconstr_${c}`),
      cols,
    );
  }

  /** Per-row reconstruction error (`Reconstruction.MSE`), or per feature (`reconstr_<name>.SE`). */
  anomaly(frame: Frame, options: { perFeature?: boolean } = {}): Frame {
    if (this.category !== 'AutoEncoder')
      throw new Error('anomaly() needs an autoencoder model (autoencoder=true)');
    const { rowMse, perFeature } = reconstructionErrors(
      this,
      new AdaptedRows(this.dataInfo, frame),
      undefined,
      options.perFeature,
    );
    if (!perFeature) return new Frame(['Reconstruction.MSE'], [Vec.numeric(rowMse, 'real')]);
    const p = this.dataInfo.fullN;
    const cols = this.dataInfo.coefNames.map((_, j) =>
      Vec.numeric(
        Float64Array.from({ length: frame.nRows }, (_, i) => perFeature[i * p + j]),
        'real',
      ),
    );
    return new Frame(
      this.dataInfo.coefNames.map((c) => `reconstr_${c}.SE`),
      cols,
    );
  }

  /**
   * Metrics on a frame that has the response column, or the stored training/validation metrics
   * (`{ valid: true }` as the booklet's `model_performance(valid=True)`).
   */
  modelPerformance(what: Frame | { train?: boolean; valid?: boolean } = {}): ModelMetrics | null {
    if (what instanceof Frame)
      return computeMetrics(this, what, undefined, { description: 'Metrics on a frame' });
    return what.valid ? this.output.validationMetrics : this.output.trainingMetrics;
  }

  /** A named metric of the training (default) or validation metrics, e.g. `metric('MSE', { valid: true })`. */
  metric(name: string, which: { valid?: boolean } = {}): number {
    const m = this.modelPerformance(which);
    const v = m ? m[name] : undefined;
    return typeof v === 'number' ? v : Number.NaN;
  }

  /** Mean squared error of the training (default) or validation metrics. */
  mse(which: { valid?: boolean } = {}): number {
    return this.metric('MSE', which);
  }

  /** The scoring history, one event per scoring. */
  scoringHistory(): readonly ScoringEvent[] {
    return this.output.scoringHistory;
  }

  /** Hidden layer `layer` (0-based) activations per row, columns `DF.L<layer+1>.C<j>` (§9.4). */
  deepfeatures(frame: Frame, layer: number): Frame {
    return deepFeatures(this, frame, layer);
  }

  /** Weights and biases as frames, one per layer (export_weights_and_biases, §9.7). */
  weightsAndBiases(): { weights: Frame[]; biases: Frame[] } {
    return weightsAndBiases(this);
  }

  /** Recomputes the Gedeon variable importances from the current weights (§9.1). */
  refreshVariableImportances(): void {
    const net = this.network;
    const layers = net.layout.layers.slice(0, 2).map((L, l) => ({
      weights: L.channels === 2 ? channelAbsSum(net.weights[l], L.nOut, L.nIn) : net.weights[l],
      nOut: L.nOut,
      nIn: L.nIn,
    }));
    const info = this.dataInfo;
    const unseenNA = info.coefNames.map(() => false);
    if (!info.hashBuckets) {
      info.catHadNA.forEach((had, c) => {
        if (!had) unseenNA[info.catOffsets[c + 1] - 1] = true;
      });
    }
    this.output.variableImportances = variableImportance(layers, info.coefNames, unseenNA);
  }
}

/** Maxout weights (two interleaved channels) as one nOut×nIn matrix of |w_ch0| + |w_ch1|: Gedeon uses |w|. */
function channelAbsSum(w: Float32Array, nOut: number, nIn: number): Float32Array {
  const out = new Float32Array(nOut * nIn);
  for (let k = 0; k < out.length; k++) out[k] = Math.abs(w[2 * k]) + Math.abs(w[2 * k + 1]);
  return out;
}
