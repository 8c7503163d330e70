// N-fold cross-validation (semantics §7): one model per fold trained on the other folds and scored
// on its holdout, metrics of the pooled holdout predictions, a per-fold summary, then the main model
// on all rows (with epochs taken from the fold models when early stopping is on).
import { H2OInputError, randomSeed, ValidationError } from '../core/index.ts';
import {
  type CrossValidationOutput,
  type DeepLearningModel,
  type ModelMetrics,
  type TrainOptions,
  type TrainRequest,
  trainDeepLearning,
} from '../dl/index.ts';
import type { Frame } from '../frame/index.ts';
import { assignFolds, type Folds } from './fold-assignment.ts';
import { pooledMetrics } from './pooled-metrics.ts';

/** Parameters that belong to cross-validation and are not passed to the fold or main models. */
const CV_PARAMS = [
  'nfolds',
  'fold_assignment',
  'fold_column',
  'keep_cross_validation_predictions',
  'keep_cross_validation_fold_assignment',
  'keep_cross_validation_models',
] as const;

/** What a cross-validated run returns besides the main model (which carries the summary too). */
export interface CrossValidationResult {
  model: DeepLearningModel;
  /** Fold models (empty when keep_cross_validation_models=false). */
  foldModels: DeepLearningModel[];
  /** Holdout predictions aligned to training rows (H2O's cv_holdout_prediction frame), when kept. */
  holdoutPredictions: Frame | null;
  folds: Folds;
}

/** True when the parameters ask for cross-validation (nfolds ≥ 2 or a fold_column). */
export function wantsCrossValidation(params: Record<string, unknown>): boolean {
  return (
    Number(params.nfolds ?? 0) > 0 || (typeof params.fold_column === 'string' && params.fold_column !== '')
  );
}

function bool(v: unknown, dflt: boolean): boolean {
  if (v === undefined || v === null) return dflt;
  return typeof v === 'string' ? /^(true|1)$/i.test(v) : Boolean(v);
}

/**
 * Trains with cross-validation. Throws ValidationError for autoencoder or checkpoint with CV (H2O
 * refuses both) and for folds that leave a model without rows.
 */
export async function trainWithCrossValidation(
  req: TrainRequest,
  opts: TrainOptions = {},
): Promise<CrossValidationResult> {
  const p = req.params as Record<string, unknown>;
  if (bool(p.autoencoder, false))
    throw new ValidationError([
      { field: 'nfolds', level: 'ERROR', message: 'cross-validation is not supported for autoencoders' },
    ]);
  if (opts.checkpoint)
    throw new ValidationError([
      { field: 'nfolds', level: 'ERROR', message: 'cross-validation cannot be combined with a checkpoint' },
    ]);
  const seedIn =
    p.seed === undefined || p.seed === null || Number(p.seed) === -1 ? randomSeed() : Number(p.seed);
  const base: Record<string, unknown> = { ...p, seed: seedIn };
  for (const k of CV_PARAMS) delete base[k];
  const frame = req.trainingFrame;
  const y = req.y ?? (p.response_column as string | undefined) ?? null;
  const folds = assignFolds(
    frame,
    {
      nfolds: p.nfolds === undefined ? undefined : Number(p.nfolds),
      fold_assignment: p.fold_assignment as string | undefined,
      fold_column: (p.fold_column as string | null | undefined) ?? null,
      seed: seedIn,
    },
    y,
  );
  const foldCol = typeof p.fold_column === 'string' && p.fold_column !== '' ? p.fold_column : null;
  const data = foldCol ? frame.drop([foldCol]) : frame;
  const modelId = opts.modelId ?? `DeepLearning_model_cv_${Date.now().toString(36)}`;
  const foldModels: DeepLearningModel[] = [];
  const holdouts: Int32Array[] = [];
  const epochsUsed: number[] = [];
  for (let f = 0; f < folds.nFolds; f++) {
    const train: number[] = [];
    const hold: number[] = [];
    for (let r = 0; r < frame.nRows; r++) (folds.folds[r] === f ? hold : train).push(r);
    if (train.length === 0 || hold.length === 0)
      throw new H2OInputError(
        `Not enough data to create ${folds.nFolds} random cross-validation splits: fold ${f + 1} has ${hold.length} holdout and ${train.length} training rows`,
      );
    const m = await trainDeepLearning(
      { ...req, params: base, trainingFrame: data.rows(train), validationFrame: data.rows(hold) },
      { signal: opts.signal, modelId: `${modelId}_cv_${f + 1}` },
    );
    foldModels.push(m);
    holdouts.push(Int32Array.from(hold));
    epochsUsed.push(m.output.epochCounter);
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('training cancelled');
  }
  const mainParams: Record<string, unknown> = { ...base, overwrite_with_best_model: false };
  const warnings: string[] = [];
  if (Number(p.stopping_rounds ?? 5) > 0 || Number(p.max_runtime_secs ?? 0) > 0) {
    // H2O: the main model trains as long as the fold models did on average, without early stopping.
    const epochs = epochsUsed.reduce((s, e) => s + e, 0) / epochsUsed.length;
    mainParams.epochs = epochs;
    mainParams.stopping_rounds = 0;
    mainParams.max_runtime_secs = 0;
    warnings.push(
      `Setting optimal _epochs to ${epochs} for cross-validation main model based on early stopping of cross-validation models.`,
    );
    warnings.push('Disabling convergence-based early stopping for cross-validation main model.');
  }
  const model = await trainDeepLearning(
    { ...req, params: mainParams, trainingFrame: data },
    { ...opts, modelId },
  );
  model.output.warnings.push(...warnings);
  const pooled = pooledMetrics(model, data, foldModels, holdouts);
  const cv: CrossValidationOutput = {
    nFolds: folds.nFolds,
    foldSource: folds.source,
    metrics: pooled.metrics,
    summary: summaryTable(foldModels.map((m) => m.output.validationMetrics)),
    foldModelIds: foldModels.map((m) => m.modelId),
  };
  if (bool(p.keep_cross_validation_fold_assignment, false)) cv.foldAssignment = Array.from(folds.folds);
  model.output.crossValidation = cv;
  return {
    model,
    foldModels: bool(p.keep_cross_validation_models, true) ? foldModels : [],
    holdoutPredictions: bool(p.keep_cross_validation_predictions, false) ? pooled.predictions : null,
    folds,
  };
}

/** H2O's cross_validation_metrics_summary: every numeric metric of the fold models, mean and sd. */
export function summaryTable(perFold: (ModelMetrics | null)[]): CrossValidationOutput['summary'] {
  const first = perFold[0];
  if (!first) return [];
  const names = Object.keys(first).filter((k) => typeof first[k] === 'number' && k !== 'nobs');
  return names.map((metric) => {
    const folds = perFold.map((m) =>
      m && typeof m[metric] === 'number' ? (m[metric] as number) : Number.NaN,
    );
    const mean = folds.reduce((s, v) => s + v, 0) / folds.length;
    // Sample standard deviation over folds, as H2O's summary reports it.
    const sd = Math.sqrt(folds.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, folds.length - 1));
    return { metric, mean, sd, folds };
  });
}

/**
 * Trains one model the way H2O's model builder does: with cross-validation when the parameters ask
 * for it (nfolds ≥ 2 or fold_column), else a plain training run. Use this rather than
 * trainDeepLearning wherever users can pass nfolds (dl cannot import grid, so it ignores nfolds).
 */
export async function trainModel(req: TrainRequest, opts: TrainOptions = {}): Promise<DeepLearningModel> {
  return (await trainModelAndFolds(req, opts)).model;
}

/**
 * {@link trainModel}, also returning the fold models it kept (none without cross-validation or with
 * keep_cross_validation_models=false), for callers that publish them (the server's grids).
 */
export async function trainModelAndFolds(
  req: TrainRequest,
  opts: TrainOptions = {},
): Promise<{ model: DeepLearningModel; foldModels: DeepLearningModel[] }> {
  if (!wantsCrossValidation(req.params as Record<string, unknown>))
    return { model: await trainDeepLearning(req, opts), foldModels: [] };
  const r = await trainWithCrossValidation(req, opts);
  return { model: r.model, foldModels: r.foldModels };
}
