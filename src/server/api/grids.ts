// Grid search over REST: POST /99/Grid/deeplearning (a job whose dest is the grid key; the python
// client sends every estimator default plus `hyper_parameters` and `search_criteria` as dicts),
// GET /99/Grids and /99/Grids/{id} (GridSchemaV99: model keys, hyper names, failures, summary table).
import type { FastifyInstance } from 'fastify';
import { H2OInputError, ValidationError } from '../../core/index.ts';
import { coerceHyperParameters, PARAMETER_SPEC_BY_NAME } from '../../dl/model/index.ts';
import { type Grid, gridSearch, regrid } from '../../grid/index.ts';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import { jobJson } from '../jobs.ts';
import type { Literal } from '../literal.ts';
import { jsonNumber, keyOf, meta, twoDimTable } from '../meta.ts';
import { resolveBuildRequest } from '../model/build-request.ts';
import { metricsJson } from '../model/metrics-json.ts';
import { cvSummaryJson } from '../model/model-json.ts';
import { toNumber } from '../params.ts';
import type { ServerState } from '../state.ts';
import { messagesJson, record } from './model-builders.ts';

const GRID_KEYS = new Set(['hyper_parameters', 'search_criteria', 'parallelism', 'grid_id', 'algo']);

/**
 * Typed hyper-parameter lists through dl/model's coercion (loose enum spellings, as for a single
 * model); every bad name or value is reported at once (412), fields named `hyper_parameters.<name>`.
 */
function hyperParams(lit: Literal | undefined): Record<string, unknown[]> {
  if (lit === undefined || lit === null || typeof lit !== 'object' || Array.isArray(lit))
    throw new ValidationError([
      {
        field: 'hyper_parameters',
        level: 'ERROR',
        message: 'expected a dict such as {"hidden": [[32,32],[64]], "l1": [0, 1e-4]}',
      },
    ]);
  const raw: Record<string, unknown[]> = {};
  for (const [name, values] of Object.entries(lit)) {
    const list = Array.isArray(values) ? values : [values];
    // R sends a one-element vector as a bare number: hidden = list(c(100)) arrives as [100].
    const listType = PARAMETER_SPEC_BY_NAME.get(name)?.type.endsWith('[]') ?? false;
    raw[name] = listType ? list.map((v) => (Array.isArray(v) || typeof v !== 'number' ? v : [v])) : list;
  }
  try {
    const typed = coerceHyperParameters(raw, { enumMatch: 'loose' }) as Record<string, unknown[]>;
    // R's [""] inside a list value means no names (as for a single model's ignored_columns).
    for (const [name, values] of Object.entries(typed))
      if (PARAMETER_SPEC_BY_NAME.get(name)?.type === 'string[]')
        typed[name] = values.map((v) => (v as string[]).filter((x) => x !== ''));
    return typed;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const messages = e.messages.map((m) => ({ ...m, field: `hyper_parameters.${m.field}` }));
    throw new ValidationError(messages, 'hyper_parameters');
  }
}

/** search_criteria with numbers typed (the client sends them unquoted inside the dict). */
function criteria(lit: Literal | undefined): Record<string, unknown> {
  if (lit === undefined || lit === null) return {};
  if (typeof lit !== 'object' || Array.isArray(lit))
    throw new H2OInputError(`parameter 'search_criteria': expected a dict, got ${JSON.stringify(lit)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(lit)) out[k] = typeof v === 'string' ? (toNumber(v) ?? v) : v;
  return out;
}

/** GridSchemaV99 of a grid. */
export function gridJson(grid: Grid): Record<string, unknown> {
  const names = Object.keys(grid.hyperParams);
  const cell = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : (v as string | number));
  const rows = grid.models.map((m) => [
    '',
    ...names.map((n) => cell(m.hyperParams[n])),
    m.modelId,
    jsonNumber(m.metric),
  ]);
  const summary = twoDimTable(
    'Hyper-Parameter Search Summary',
    [
      { name: '', type: 'string' },
      ...names.map((n) => ({ name: n, type: 'string' as const })),
      { name: 'model_ids', type: 'string' },
      { name: grid.sortBy, type: 'double' },
    ],
    rows as (string | number | null)[][],
    `ordered by ${grid.decreasing ? 'decreasing' : 'increasing'} ${grid.sortBy}`,
  );
  type GridModel = Grid['models'][number];
  const json = (m: GridModel, metrics: Parameters<typeof metricsJson>[0]) =>
    metricsJson(metrics, { model: m.modelId, frame: null, domain: m.model.responseDomain });
  // Models trained with nfolds carry their pooled holdout metrics and per-fold summary, as in /3/Models.
  const cv = (m: GridModel) => m.model.output.crossValidation ?? null;
  return {
    __meta: meta('GridSchemaV99', 'Grid', 99),
    grid_id: keyOf('grid', grid.gridId),
    model_ids: grid.models.map((m) => keyOf('model', m.modelId)),
    hyper_names: names,
    failed_params: grid.failures.map((f) => f.hyperParams),
    failure_details: grid.failures.map((f) => f.error),
    failure_stack_traces: grid.failures.map(() => ''),
    failed_raw_params: grid.failures.map((f) => names.map((n) => String(f.hyperParams[n]))),
    warning_details: [],
    export_checkpoints_dir: null,
    sort_by: grid.sortBy,
    decreasing: grid.decreasing,
    summary_table: summary,
    scoring_history: null,
    training_metrics: grid.models.map((m) => json(m, m.model.output.trainingMetrics)),
    validation_metrics: grid.models.map((m) => json(m, m.model.output.validationMetrics)),
    cross_validation_metrics: grid.models.map((m) => json(m, cv(m)?.metrics ?? null)),
    cross_validation_metrics_summary: grid.models.map((m) => {
      const c = cv(m);
      return c === null ? null : cvSummaryJson(c);
    }),
  };
}

function findGrid(state: ServerState, key: string): Grid {
  const g = state.catalog.find('grid', key) as Grid | undefined;
  if (g === undefined) throw notFound('Grid', key);
  return g;
}

/** Registers the grid endpoints. */
export function registerGrids(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'POST', '/99/Grid/:algo', 'Grid search (job)', (p) => {
    const algo = p.required('algo');
    if (algo !== 'deeplearning')
      throw new H2OInputError(`Unknown algo '${algo}': h2o-ts builds deeplearning models only`, {
        status: 404,
      });
    const hyper = hyperParams(p.literal('hyper_parameters'));
    const search = criteria(p.literal('search_criteria'));
    const raw = Object.fromEntries(Object.entries(p.raw).filter(([k]) => !GRID_KEYS.has(k)));
    const req = resolveBuildRequest(raw, state.catalog);
    // The client sends every default; the hyper-parameters are the grid's, not fixed values.
    const fixed = Object.fromEntries(Object.entries(req.params).filter(([k]) => !(k in hyper)));
    const gridId =
      p.string('grid_id', '') || `Grid_DeepLearning_${req.trainingFrameKey}_${Date.now().toString(36)}`;
    const startTime = Date.now();
    const job = state.jobs.start('Grid search deeplearning', { kind: 'grid', name: gridId }, async (ctx) => {
      const total =
        Number(search.max_models) > 0
          ? Number(search.max_models)
          : Object.values(hyper).reduce((n, v) => n * v.length, 1);
      const store = (grid: Grid) => {
        for (const m of grid.models)
          if (state.catalog.find('model', m.modelId) === undefined) {
            const rec = record(m.model, req, startTime);
            rec.input = { ...req.input, ...(m.hyperParams as Record<string, Literal>) };
            state.catalog.put('model', m.modelId, rec);
            // Its fold models under the keys its cross_validation_models lists, as H2O keeps them.
            for (const fm of m.foldModels ?? [])
              state.catalog.put('model', fm.modelId, record(fm, req, startTime));
          }
        state.catalog.put('grid', gridId, grid);
      };
      const grid = await gridSearch({
        params: fixed,
        trainingFrame: req.trainingFrame,
        validationFrame: req.validationFrame,
        y: req.y,
        hyper_params: hyper,
        search_criteria: search,
        grid_id: gridId,
        signal: ctx.signal,
        onModel: (g) => {
          store(g);
          ctx.progress(
            (g.models.length + g.failures.length) / Math.max(1, total),
            `${g.models.length} models`,
          );
        },
      });
      store(grid);
    });
    const j = jobJson(job);
    return {
      ...j,
      __meta: meta('GridSearchSchemaV99', 'GridSearch', 99),
      job: j,
      messages: messagesJson(req.warnings),
    };
  });
  route(app, state, 'GET', '/99/Grids', 'All grids', () => ({
    __meta: meta('GridsV99', 'Grids', 99),
    grids: state.catalog.keys('grid').map((k) => gridJson(findGrid(state, k))),
  }));
  route(app, state, 'GET', '/99/Grids/:grid_id', 'One grid', (p) => {
    const grid = findGrid(state, p.required('grid_id'));
    const sortBy = p.string('sort_by', '');
    return gridJson(
      sortBy === ''
        ? grid
        : regrid(grid, sortBy, p.has('decreasing') ? p.bool('decreasing', false) : undefined),
    );
  });
}
