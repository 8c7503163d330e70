// Which cross-validation fold each training row belongs to (semantics §7): Random (one RNG per row,
// seeded seed + row), Modulo (row mod nfolds), Stratified (each class spread evenly over the folds),
// or the distinct values of a fold_column.
import { H2OInputError, Rng, ValidationError } from '../core/index.ts';
import type { Frame } from '../frame/index.ts';

/** H2O's fold_assignment values. */
export const FOLD_ASSIGNMENTS = ['AUTO', 'Random', 'Modulo', 'Stratified'] as const;
export type FoldAssignment = (typeof FOLD_ASSIGNMENTS)[number];

/** The fold options of a model, spelled as H2O spells them. */
export interface FoldOptions {
  nfolds?: number;
  fold_assignment?: string;
  fold_column?: string | null;
  seed?: number;
}

/** One fold index per frame row, and the number of folds. */
export interface Folds {
  folds: Int32Array;
  nFolds: number;
  /** What produced them, for reports: the fold column, or the assignment rule. */
  source: string;
}

/**
 * Assigns folds to the rows of `frame`. `response` is needed for Stratified (it must be categorical
 * or integer). Throws ValidationError naming the parameter for bad nfolds, fold_assignment or
 * fold_column values, and H2OInputError when a fold column has a missing value.
 */
export function assignFolds(frame: Frame, opts: FoldOptions, response?: string | null): Folds {
  const n = frame.nRows;
  if (opts.fold_column) {
    if (opts.nfolds && opts.nfolds > 0)
      throw new ValidationError([
        {
          field: 'nfolds',
          level: 'ERROR',
          message: `cannot be ${opts.nfolds} when fold_column is given; use one or the other`,
        },
      ]);
    return foldsFromColumn(frame, opts.fold_column);
  }
  const nfolds = opts.nfolds ?? 0;
  if (!Number.isInteger(nfolds) || nfolds < 2)
    throw new ValidationError([
      {
        field: 'nfolds',
        level: 'ERROR',
        message: `got ${nfolds}; allowed: an integer >= 2 (or 0 for no cross-validation)`,
      },
    ]);
  if (nfolds > n)
    throw new ValidationError([
      { field: 'nfolds', level: 'ERROR', message: `got ${nfolds}, more folds than the ${n} training rows` },
    ]);
  const rule = opts.fold_assignment ?? 'AUTO';
  if (!(FOLD_ASSIGNMENTS as readonly string[]).includes(rule))
    throw new ValidationError([
      {
        field: 'fold_assignment',
        level: 'ERROR',
        message: `unknown value '${rule}'. Allowed: ${FOLD_ASSIGNMENTS.join(', ')}.`,
      },
    ]);
  const seed = opts.seed ?? 0;
  const folds = new Int32Array(n);
  if (rule === 'Modulo') {
    for (let r = 0; r < n; r++) folds[r] = r % nfolds;
  } else if (rule === 'Stratified') {
    stratified(frame, response ?? null, nfolds, seed, folds);
  } else {
    // AUTO and Random: one generator per row, seeded by seed + row, so a row's fold does not depend
    // on how the frame is chunked (H2O's rule; the generator itself is ours).
    for (let r = 0; r < n; r++) folds[r] = new Rng(seed + r).nextUint32() % nfolds;
  }
  return { folds, nFolds: nfolds, source: `${rule === 'AUTO' ? 'Random' : rule} (${nfolds} folds)` };
}

function foldsFromColumn(frame: Frame, name: string): Folds {
  if (!frame.has(name))
    throw new ValidationError([
      {
        field: 'fold_column',
        level: 'ERROR',
        message: `column '${name}' is not in the training frame. Columns: ${frame.names.join(', ')}`,
      },
    ]);
  const vec = frame.col(name);
  if (vec.type === 'string' || vec.type === 'time')
    throw new ValidationError([
      {
        field: 'fold_column',
        level: 'ERROR',
        message: `column '${name}' is ${vec.type}; allowed: categorical or integer`,
      },
    ]);
  const values = new Set<number>();
  for (let r = 0; r < vec.length; r++) {
    if (vec.isNA(r))
      throw new H2OInputError(
        `fold_column '${name}' has a missing value at row ${r + 1}; every row needs a fold`,
      );
    values.add(vec.at(r));
  }
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length < 2)
    throw new ValidationError([
      {
        field: 'fold_column',
        level: 'ERROR',
        message: `column '${name}' has ${sorted.length} distinct value; need at least 2 folds`,
      },
    ]);
  const index = new Map(sorted.map((v, i) => [v, i]));
  const folds = Int32Array.from({ length: vec.length }, (_, r) => index.get(vec.at(r)) as number);
  return { folds, nFolds: sorted.length, source: `fold_column '${name}'` };
}

/**
 * Stratified: the rows of each class, in a seeded random order, are dealt to the folds in turn; each
 * class starts at the fold after the one where the previous class stopped, so fold sizes differ by
 * at most one overall and every class's count per fold differs by at most one.
 */
function stratified(
  frame: Frame,
  response: string | null,
  nfolds: number,
  seed: number,
  folds: Int32Array,
): void {
  const vec = response ? frame.col(response) : null;
  if (vec === null || !(vec.type === 'enum' || vec.type === 'int'))
    throw new ValidationError([
      {
        field: 'fold_assignment',
        level: 'ERROR',
        message: `Stratified needs a categorical or integer response, got ${vec === null ? 'none' : `'${response}' (${vec.type})`}`,
      },
    ]);
  const byClass = new Map<number, number[]>();
  for (let r = 0; r < vec.length; r++) {
    const c = vec.isNA(r) ? Number.NaN : vec.at(r);
    const key = Number.isNaN(c) ? -1 : c;
    let rows = byClass.get(key);
    if (rows === undefined) {
      rows = [];
      byClass.set(key, rows);
    }
    rows.push(r);
  }
  const rng = new Rng(seed);
  let next = 0;
  for (const key of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = Int32Array.from(byClass.get(key) as number[]);
    rng.shuffle(rows);
    for (let k = 0; k < rows.length; k++) {
      folds[rows[k]] = next;
      next = (next + 1) % nfolds;
    }
  }
}
