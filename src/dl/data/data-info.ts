// DataInfo: how frame columns become the network's input vector (semantics doc §2): column filtering,
// categoricals first sorted by decreasing cardinality (H2O's unstable swap sort), one-hot blocks with
// an NA slot, numeric standardisation/normalisation, and the response transform for regression.
import type { Frame, Vec } from '../../frame/index.ts';
import type { EncodingPlan } from './categorical-encoding.ts';

/** How numeric predictors are transformed (§2.4). */
export type TransformType = 'NONE' | 'STANDARDIZE' | 'NORMALIZE' | 'DESCALE';

/** Options that shape the input layout; H2O parameter names. */
export interface DataInfoOptions {
  use_all_factor_levels: boolean;
  standardize: boolean;
  autoencoder: boolean;
  sparse: boolean;
  missing_values_handling: 'MeanImputation' | 'Skip';
  /** True when the response is numeric and its link is the identity (gaussian, laplace, quantile, huber). */
  standardizeResponse: boolean;
  /** Hash the one-hot slots into this many inputs when fewer than the one-hot width (§2.8). */
  max_categorical_features?: number;
  seed?: number;
}

/** The serialisable description of the input layout, enough to adapt and expand any frame. */
export interface DataInfoState {
  /** Categorical predictors in input order (sorted by decreasing cardinality). */
  catNames: string[];
  catDomains: string[][];
  /** Start of each categorical block; catOffsets[C] = numStart. */
  catOffsets: number[];
  /** Whether level 0 gets a slot (use_all_factor_levels). */
  useAllFactorLevels: boolean;
  numNames: string[];
  /** Per numeric predictor: x' = (x − sub)·mul. */
  numSub: number[];
  numMul: number[];
  /** Training means, used to impute NA in the training path (§2.6). */
  numMeans: number[];
  transform: TransformType;
  /** Regression response transform: y' = (y − respSub)·respMul (1 and 0 when not standardised). */
  respSub: number;
  respMul: number;
  /** Expanded input width P. */
  fullN: number;
  /** Names of the P inputs, e.g. `color.blue`, `color.missing(NA)`, `x`. */
  coefNames: string[];
  /** For each categorical: whether any NA was seen in training (varimp zeroes unseen NA slots). */
  catHadNA: boolean[];
  missingValuesHandling: 'MeanImputation' | 'Skip';
  sparse: boolean;
  /** categorical_encoding applied to frames before this layout (null: native one-hot). */
  encoding: EncodingPlan | null;
  /** max_categorical_features hashing (§2.8): number of hashed categorical inputs, 0 when off. */
  hashBuckets: number;
  hashSeed: number;
}

interface ColumnStats {
  mean: number;
  sigma: number;
  min: number;
  max: number;
  nNA: number;
}

/** Mean, sample sigma, min, max and NA count of a numeric column. */
export function columnStats(vec: Vec, rows?: ArrayLike<number>): ColumnStats {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nNA = 0;
  const count = rows ? rows.length : vec.length;
  for (let k = 0; k < count; k++) {
    const v = vec.at(rows ? rows[k] : k);
    if (Number.isNaN(v)) {
      nNA++;
      continue;
    }
    n++;
    sum += v;
    sumSq += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return { mean, sigma: Math.sqrt(variance), min, max, nNA };
}

/**
 * Chooses the predictor columns per §2.1: drops constant, all-NA and string columns when
 * `ignoreConstCols`, and always the special columns (response, weights, offset, fold) and ignored ones.
 * Returns the kept names and those dropped for being constant or bad.
 */
export function selectPredictors(
  frame: Frame,
  opts: {
    x?: readonly string[];
    special: readonly string[];
    ignored: readonly string[];
    ignoreConstCols: boolean;
  },
): { predictors: string[]; dropped: string[] } {
  const skip = new Set([...opts.special, ...opts.ignored]);
  for (const name of [...(opts.x ?? []), ...opts.ignored]) frame.index(name);
  const candidates = (opts.x ?? frame.names).filter((n) => !skip.has(n));
  const predictors: string[] = [];
  const dropped: string[] = [];
  for (const name of candidates) {
    const vec = frame.col(name);
    if (vec.type === 'string') {
      dropped.push(name);
      continue;
    }
    if (opts.ignoreConstCols && isConstantOrBad(vec)) {
      dropped.push(name);
      continue;
    }
    predictors.push(name);
  }
  return { predictors, dropped };
}

function isConstantOrBad(vec: Vec): boolean {
  if (vec.isConstant) return true;
  let first = Number.NaN;
  for (let i = 0; i < vec.length; i++) {
    if (vec.isNA(i)) continue;
    const v = vec.at(i);
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}

/** Builds the DataInfo of a training frame for the given predictors and (optional) numeric response. */
export function buildDataInfo(
  frame: Frame,
  predictors: readonly string[],
  response: string | null,
  opts: DataInfoOptions,
  trainRows?: ArrayLike<number>,
  encoding: EncodingPlan | null = null,
): DataInfoState {
  const cats = predictors.filter((n) => frame.col(n).type === 'enum');
  const nums = predictors.filter((n) => frame.col(n).type !== 'enum');
  // H2O's in-place swap sort by decreasing cardinality; deliberately unstable (§2.2).
  const card = cats.map((n) => frame.col(n).domain!.length);
  for (let i = 0; i < cats.length; i++) {
    for (let j = i + 1; j < cats.length; j++) {
      if (card[i] < card[j]) {
        [cats[i], cats[j]] = [cats[j], cats[i]];
        [card[i], card[j]] = [card[j], card[i]];
      }
    }
  }
  const useAll = opts.use_all_factor_levels || opts.autoencoder;
  const catOffsets = [0];
  const coefNames: string[] = [];
  const catHadNA: boolean[] = [];
  for (const name of cats) {
    const vec = frame.col(name);
    const domain = vec.domain!;
    const levels = useAll ? domain : domain.slice(1);
    for (const l of levels) coefNames.push(`${name}.${l}`);
    coefNames.push(`${name}.missing(NA)`);
    catOffsets.push(catOffsets[catOffsets.length - 1] + levels.length + 1);
    let hadNA = false;
    for (let i = 0; i < vec.length && !hadNA; i++) hadNA = vec.at(i) < 0;
    catHadNA.push(hadNA);
  }
  const transform: TransformType = !opts.standardize
    ? 'NONE'
    : opts.autoencoder
      ? 'NORMALIZE'
      : opts.sparse
        ? 'DESCALE'
        : 'STANDARDIZE';
  const numSub: number[] = [];
  const numMul: number[] = [];
  const numMeans: number[] = [];
  for (const name of nums) {
    const s = columnStats(frame.col(name), trainRows);
    const mean = Number.isNaN(s.mean) ? 0 : s.mean;
    numMeans.push(mean);
    coefNames.push(name);
    if (transform === 'STANDARDIZE') {
      numSub.push(mean);
      numMul.push(s.sigma > 0 ? 1 / s.sigma : 1);
    } else if (transform === 'NORMALIZE') {
      numSub.push(mean);
      numMul.push(s.max > s.min ? 1 / (s.max - s.min) : 1);
    } else if (transform === 'DESCALE') {
      numSub.push(0);
      numMul.push(s.sigma > 0 ? 1 / s.sigma : 1);
    } else {
      numSub.push(0);
      numMul.push(1);
    }
  }
  const catWidth = catOffsets[catOffsets.length - 1];
  const maxCat = opts.max_categorical_features ?? 2147483647;
  const hashBuckets = maxCat < catWidth ? maxCat : 0;
  let respSub = 0;
  let respMul = 1;
  if (response !== null && opts.standardize && opts.standardizeResponse) {
    const s = columnStats(frame.col(response), trainRows);
    respSub = s.mean;
    respMul = s.sigma > 0 ? 1 / s.sigma : 1;
  }
  return {
    catNames: cats,
    catDomains: cats.map((n) => [...frame.col(n).domain!]),
    catOffsets,
    useAllFactorLevels: useAll,
    numNames: nums,
    numSub,
    numMul,
    numMeans,
    transform,
    respSub,
    respMul,
    fullN: (hashBuckets > 0 ? hashBuckets : catOffsets[catOffsets.length - 1]) + nums.length,
    coefNames:
      hashBuckets > 0
        ? [...Array.from({ length: hashBuckets }, (_, k) => `hashed_categorical.${k}`), ...nums]
        : coefNames,
    catHadNA,
    missingValuesHandling: opts.missing_values_handling,
    sparse: opts.sparse,
    encoding,
    hashBuckets,
    hashSeed: opts.seed ?? 0,
  };
}

/** Index of the first numeric input. */
export function numStart(info: DataInfoState): number {
  return info.catOffsets[info.catOffsets.length - 1];
}

export { AdaptedRows, murmur3 } from './adapted-rows.ts';
