// A grid on disk, so it can be resumed in another process: every model as a model file plus
// `grid.json` listing the hyper-parameters, criteria, models (by file) and failures.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { H2OInputError } from '../core/index.ts';
import { loadModel, saveModel } from '../dl/index.ts';
import type { Grid } from './grid-search.ts';

const GRID_FORMAT = 'h2o-ts-grid';

/** Writes `grid` into folder `dir` (models included); overwrites an earlier save of the same grid. */
export function saveGrid(grid: Grid, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const models = grid.models.map((m) => {
    const file = join(dir, m.modelId);
    if (!existsSync(file)) saveModel(m.model, file);
    return { modelId: m.modelId, file: m.modelId, hyperParams: m.hyperParams, metric: m.metric };
  });
  const { models: _m, ...rest } = grid;
  const json = JSON.stringify({ format: GRID_FORMAT, version: 1, ...rest, models }, null, 2);
  const path = join(dir, 'grid.json');
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, path);
  return path;
}

/** Reads a grid saved by {@link saveGrid}; throws H2OInputError naming the file when it is not one. */
export function loadGrid(dir: string): Grid {
  const path = join(dir, 'grid.json');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new H2OInputError(`cannot read grid ${path}: ${(e as Error).message}`);
  }
  if (raw.format !== GRID_FORMAT || !Array.isArray(raw.models))
    throw new H2OInputError(`${path} is not an h2o-ts grid file (format ${JSON.stringify(raw.format)})`);
  const models = (
    raw.models as { modelId: string; file: string; hyperParams: Record<string, unknown>; metric: number }[]
  ).map((m) => ({
    modelId: m.modelId,
    hyperParams: m.hyperParams,
    metric: m.metric ?? Number.NaN,
    model: loadModel(join(dir, m.file)),
  }));
  return { ...(raw as unknown as Grid), models };
}
