// `h2o-ts grid`: a grid search from the command line. Fixed parameters as `--<name> value` (as in
// train), `--hyper_params JSON`, `--search_criteria JSON`; prints the ranked models (or JSON), and
// with --save DIR keeps every model and the grid so `--resume DIR` can continue it.
import type { Command } from 'commander';
import { H2OInputError } from '../core/index.ts';
import { type Grid, gridSearch, loadGrid, saveGrid } from '../grid/index.ts';
import { importFiles } from '../parse/index.ts';
import { applyFactors, splitTrainArgs } from './train.ts';

const GRID_OWN = ['hyper_params', 'search_criteria', 'sort_by', 'decreasing', 'grid_id', 'resume'];

function parseJson(name: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new H2OInputError(`--${name}: not valid JSON (${(e as Error).message}): ${text}`);
  }
}

/** The grid as JSON: models best first with their hyper-parameters and metric, then failures. */
export function gridJson(grid: Grid): Record<string, unknown> {
  return {
    grid_id: grid.gridId,
    sort_by: grid.sortBy,
    decreasing: grid.decreasing,
    stop_reason: grid.stopReason,
    hyper_names: Object.keys(grid.hyperParams),
    models: grid.models.map((m) => ({
      model_id: m.modelId,
      hyper_params: m.hyperParams,
      [grid.sortBy]: m.metric,
      metric: m.metric,
    })),
    failures: grid.failures.map((f) => ({ hyper_params: f.hyperParams, error: f.error, field: f.field })),
  };
}

/** Registers `grid` on the program. */
export function registerGrid(program: Command): void {
  program
    .command('grid')
    .description(
      'grid search: --train FILE --y COL --hyper_params JSON [--search_criteria JSON] [--sort_by METRIC] ' +
        '[--decreasing true|false] [--<parameter> VALUE ...] [--save DIR] [--resume DIR] [--json]',
    )
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .helpOption(false)
    .argument('[args...]')
    .action(async (args: string[]) => {
      const { own, params } = splitTrainArgs(args);
      const g: Record<string, string> = {};
      for (const k of GRID_OWN) {
        if (k in params) {
          g[k] = params[k];
          delete params[k];
        }
      }
      if (typeof own.train !== 'string') throw new H2OInputError('--train FILE is required');
      if (g.hyper_params === undefined && g.resume === undefined)
        throw new H2OInputError(
          `--hyper_params JSON is required, e.g. '{"hidden":[[32,32],[100]],"l1":[1e-4,1e-3]}'`,
        );
      const resume = g.resume ? loadGrid(g.resume) : undefined;
      const factors = typeof own.factors === 'string' ? own.factors : undefined;
      const trainingFrame = applyFactors(await importFiles(own.train), factors);
      const validationFrame =
        typeof own.valid === 'string' ? applyFactors(await importFiles(own.valid), factors) : null;
      const saveDir = typeof own.save === 'string' ? own.save : g.resume;
      const grid = await gridSearch({
        params,
        hyper_params: (parseJson('hyper_params', g.hyper_params) ?? resume?.hyperParams) as Record<
          string,
          unknown[]
        >,
        search_criteria: (parseJson('search_criteria', g.search_criteria) ?? resume?.criteria) as Record<
          string,
          unknown
        >,
        sort_by: g.sort_by,
        decreasing: g.decreasing === undefined ? undefined : /^(true|1)$/i.test(g.decreasing),
        grid_id: g.grid_id,
        resume,
        trainingFrame,
        validationFrame,
        x: typeof own.x === 'string' ? own.x.split(',').map((s) => s.trim()) : undefined,
        y: typeof own.y === 'string' ? own.y : undefined,
        // Saving after every model is what makes an interrupted grid resumable.
        onModel: saveDir ? (gr) => saveGrid(gr, saveDir) : undefined,
      });
      if (saveDir) saveGrid(grid, saveDir);
      if (own.json) {
        process.stdout.write(`${JSON.stringify(gridJson(grid), null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${grid.gridId}: ${grid.models.length} models, ${grid.failures.length} failed (${grid.stopReason}), sorted by ${grid.sortBy}\n`,
      );
      for (const m of grid.models)
        process.stdout.write(
          `  ${m.modelId}  ${grid.sortBy}=${m.metric}  ${JSON.stringify(m.hyperParams)}\n`,
        );
      for (const f of grid.failures)
        process.stdout.write(`  FAILED ${JSON.stringify(f.hyperParams)}: ${f.error}\n`);
    });
}
