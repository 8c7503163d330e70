// Grid search (booklet §7.2): train one model per hyper-parameter combination on top of fixed
// parameters, record failures with their error and go on, stop on max_models / max_runtime_secs /
// grid-level early stopping, rank the models by a metric, and resume an interrupted grid.
import { randomSeed, ValidationError } from '../core/index.ts';
import type { DeepLearningModel, TrainRequest } from '../dl/index.ts';
import { stopEarly } from '../metrics/index.ts';
import { trainModelAndFolds } from './cross-validation.ts';
import {
  type Combination,
  checkHyperParams,
  combinationAt,
  combinationKey,
  type HyperParams,
  resolveCriteria,
  type SearchCriteria,
  walkOrder,
} from './hyper-space.ts';
import { defaultSortMetric, moreIsBetter, rankingMetrics, readMetric } from './sort-metric.ts';

/** One trained model of a grid. */
export interface GridModel {
  modelId: string;
  hyperParams: Combination;
  model: DeepLearningModel;
  /** The ranking metric's value (NaN when the model has no such metric). */
  metric: number;
  /** Its cross-validation fold models, when trained with nfolds and kept (not saved with the grid). */
  foldModels?: DeepLearningModel[];
}

/** One combination that could not be trained. */
export interface GridFailure {
  hyperParams: Combination;
  error: string;
  /** The parameter a ValidationError blamed, when there was one. */
  field?: string;
}

/** A grid: its models sorted by `sortBy`, its failures, and what is needed to resume it. */
export interface Grid {
  gridId: string;
  hyperParams: HyperParams;
  criteria: SearchCriteria;
  sortBy: string;
  decreasing: boolean;
  models: GridModel[];
  failures: GridFailure[];
  /** Why the walk ended: 'exhausted', 'max_models', 'max_runtime_secs', 'stopping_rounds', 'cancelled'. */
  stopReason: string;
}

/** Arguments of {@link gridSearch}; `params` are the fixed model parameters. */
export interface GridSearchRequest extends Omit<TrainRequest, 'params'> {
  params?: Record<string, unknown>;
  hyper_params: Record<string, readonly unknown[]>;
  search_criteria?: Partial<Record<string, unknown>>;
  grid_id?: string;
  /** Ranking metric (H2O names, case-insensitive); default logloss / mean_residual_deviance / MSE. */
  sort_by?: string;
  /** Sort order; default: best first for the metric. */
  decreasing?: boolean;
  /** A grid to continue: combinations it already trained are skipped, its failures retried. */
  resume?: Grid;
  signal?: AbortSignal;
  /** Called after each model or failure. */
  onModel?: (grid: Grid) => void;
}

let gridCounter = 0;

/** Runs a grid search; never throws for one bad combination (it lands in `failures`). */
export async function gridSearch(req: GridSearchRequest): Promise<Grid> {
  const startMs = Date.now();
  const hyper = checkHyperParams(req.hyper_params);
  const criteria = resolveCriteria(req.search_criteria);
  const fixed = req.params ?? {};
  const clash = Object.keys(hyper).filter((k) => k in fixed);
  if (clash.length > 0)
    throw new ValidationError(
      clash.map((k) => ({
        field: `hyper_params.${k}`,
        level: 'ERROR' as const,
        message: 'is also given as a fixed parameter; give it in one place',
      })),
    );
  const prev = req.resume;
  const grid: Grid = {
    gridId: req.grid_id ?? prev?.gridId ?? `Grid_DeepLearning_${Date.now().toString(36)}_${++gridCounter}`,
    hyperParams: hyper,
    criteria,
    sortBy: req.sort_by ?? prev?.sortBy ?? '',
    decreasing: false,
    models: prev ? [...prev.models] : [],
    failures: [],
    stopReason: 'exhausted',
  };
  const done = new Set(grid.models.map((m) => combinationKey(m.hyperParams)));
  const walkSeed = criteria.seed === -1 ? randomSeed() : criteria.seed;
  const order = walkOrder(hyper, criteria, walkSeed);
  const bestSoFar: number[] = [Number.NaN];
  for (let k = 0; k < order.length; k++) {
    if (req.signal?.aborted) {
      grid.stopReason = 'cancelled';
      break;
    }
    if (criteria.max_models > 0 && grid.models.length >= criteria.max_models) {
      grid.stopReason = 'max_models';
      break;
    }
    if (criteria.max_runtime_secs > 0 && Date.now() - startMs >= criteria.max_runtime_secs * 1000) {
      grid.stopReason = 'max_runtime_secs';
      break;
    }
    const combo = combinationAt(hyper, order[k]);
    if (done.has(combinationKey(combo))) continue;
    const params = { ...fixed, ...combo };
    const modelId = `${grid.gridId}_model_${grid.models.length + grid.failures.length + 1}`;
    try {
      const trainReq: TrainRequest = { ...req, params };
      const { model, foldModels } = await trainModelAndFolds(trainReq, { signal: req.signal, modelId });
      if (grid.sortBy === '') grid.sortBy = defaultSortMetric(model.category);
      grid.models.push({
        modelId: model.modelId,
        hyperParams: combo,
        model,
        metric: readMetric(rankingMetrics(model), grid.sortBy),
        ...(foldModels.length > 0 ? { foldModels } : {}),
      });
    } catch (e) {
      if (req.signal?.aborted) {
        grid.stopReason = 'cancelled';
        break;
      }
      // A sort_by the models do not have is the user's error for the whole grid, not one model's.
      if (e instanceof ValidationError && e.messages.some((m) => m.field === 'sort_by')) throw e;
      const field =
        e instanceof ValidationError ? e.messages.find((m) => m.level === 'ERROR')?.field : undefined;
      grid.failures.push({ hyperParams: combo, error: (e as Error).message, ...(field ? { field } : {}) });
    }
    req.onModel?.(grid);
    if (
      criteria.strategy === 'RandomDiscrete' &&
      criteria.stopping_rounds > 0 &&
      grid.models.length > 0 &&
      gridShouldStop(grid, bestSoFar)
    ) {
      grid.stopReason = 'stopping_rounds';
      break;
    }
  }
  sortGrid(grid, req.decreasing);
  return grid;
}

/**
 * Grid-level early stopping: the best-so-far stopping metric after each model forms a history, and
 * the models' own moving-average rule (stopping_rounds, stopping_tolerance) decides on it.
 */
function gridShouldStop(grid: Grid, bestSoFar: number[]): boolean {
  const c = grid.criteria;
  const last = grid.models[grid.models.length - 1];
  const metric = c.stopping_metric === 'AUTO' ? defaultSortMetric(last.model.category) : c.stopping_metric;
  const more = moreIsBetter(metric);
  const v = readMetric(rankingMetrics(last.model), metric, 'search_criteria.stopping_metric');
  const prev = bestSoFar[bestSoFar.length - 1];
  bestSoFar.push(Number.isNaN(prev) ? v : more ? Math.max(prev, v) : Math.min(prev, v));
  return stopEarly(bestSoFar, {
    stopping_rounds: c.stopping_rounds,
    stopping_tolerance: c.stopping_tolerance,
    moreIsBetter: more,
    boundedBelowByZero: !more,
  });
}

/** Sorts the grid's models by its metric, best first unless `decreasing` says otherwise; NaN last. */
export function sortGrid(grid: Grid, decreasing?: boolean): void {
  grid.decreasing = decreasing ?? moreIsBetter(grid.sortBy);
  const sign = grid.decreasing ? -1 : 1;
  grid.models.sort((a, b) => {
    if (Number.isNaN(a.metric)) return Number.isNaN(b.metric) ? 0 : 1;
    if (Number.isNaN(b.metric)) return -1;
    return sign * (a.metric - b.metric);
  });
}

/** Re-ranks an existing grid by another metric (h2o's `get_grid(sort_by=..., decreasing=...)`). */
export function regrid(grid: Grid, sortBy: string, decreasing?: boolean): Grid {
  const models = grid.models.map((m) => ({ ...m, metric: readMetric(rankingMetrics(m.model), sortBy) }));
  const out: Grid = { ...grid, sortBy, models };
  sortGrid(out, decreasing);
  return out;
}
