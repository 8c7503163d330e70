// categorical_encoding other than one-hot (semantics §2.9): a plan learned from the training frame
// and replayed on every frame scored later, turning categorical predictors into numeric columns
// (Binary, LabelEncoder, SortByResponse, Eigen) or fewer levels (EnumLimited) before DataInfo.
import { ValidationError } from '../../core/index.ts';
import { Frame, Vec } from '../../frame/index.ts';

/** H2O's categorical_encoding values accepted by Deep Learning. */
export type CategoricalEncoding =
  | 'AUTO'
  | 'OneHotInternal'
  | 'Binary'
  | 'Eigen'
  | 'LabelEncoder'
  | 'SortByResponse'
  | 'EnumLimited';

/** How one categorical column is encoded: its training domain and per-level values. */
export interface ColumnEncoding {
  name: string;
  domain: string[];
  /** Numeric output columns and, per level, their values (row-major levels × outputs). */
  outputs: string[];
  values: number[];
  /** EnumLimited: the kept levels (others → 'other'); then outputs/values are unused. */
  keptLevels?: string[];
}

/** The replayable plan; null when one-hot encoding is native (AUTO/OneHotInternal). */
export interface EncodingPlan {
  kind: CategoricalEncoding;
  columns: ColumnEncoding[];
}

/** EnumLimited keeps this many most frequent levels (H2O's default max_categorical_levels). */
const ENUM_LIMIT = 10;

/** Learns the plan from the training frame's categorical predictors. */
export function planEncoding(
  kind: CategoricalEncoding,
  frame: Frame,
  predictors: readonly string[],
  response: string | null,
): EncodingPlan | null {
  if (kind === 'AUTO' || kind === 'OneHotInternal') return null;
  if ((kind as string) === 'Enum' || (kind as string) === 'OneHotExplicit') {
    throw new ValidationError([
      {
        field: 'categorical_encoding',
        level: 'ERROR',
        message: `'${kind}' is not supported for Deep Learning; use OneHotInternal`,
      },
    ]);
  }
  const columns = predictors
    .filter((n) => frame.col(n).type === 'enum')
    .map((name) => planColumn(kind, name, frame.col(name), response === null ? null : frame.col(response)));
  return { kind, columns };
}

function planColumn(kind: CategoricalEncoding, name: string, vec: Vec, response: Vec | null): ColumnEncoding {
  const domain = [...vec.domain!];
  const L = domain.length;
  if (kind === 'Binary') {
    // Code c is written as the bits of c + 1 (0 is left for NA), least significant bit first.
    const nBits = Math.max(1, Math.ceil(Math.log2(L + 1)));
    const outputs = Array.from({ length: nBits }, (_, b) => `${name}:${b}`);
    const values: number[] = [];
    for (let c = 0; c < L; c++) for (let b = 0; b < nBits; b++) values.push(((c + 1) >> b) & 1);
    return { name, domain, outputs, values };
  }
  if (kind === 'LabelEncoder') return { name, domain, outputs: [name], values: domain.map((_, c) => c) };
  if (kind === 'SortByResponse') {
    // Levels ranked by mean response (ties by level order); the rank is the encoded value.
    const mean = levelMeans(vec, response, L);
    const order = domain.map((_, c) => c).sort((a, b) => mean[a] - mean[b] || a - b);
    const rank = new Array<number>(L);
    order.forEach((c, r) => {
      rank[c] = r;
    });
    return { name, domain, outputs: [name], values: rank };
  }
  if (kind === 'EnumLimited') {
    const counts = levelCounts(vec, L);
    const kept = domain
      .map((d, c) => ({ d, n: counts[c] }))
      .sort((a, b) => b.n - a.n)
      .slice(0, ENUM_LIMIT)
      .map((x) => x.d)
      .sort();
    return { name, domain, outputs: [name], values: [], keptLevels: kept };
  }
  // Eigen: each level's component in the leading eigenvector of the one-hot covariance.
  return {
    name,
    domain,
    outputs: [`${name}.Eigen`],
    values: leadingEigenvector(levelCounts(vec, L), vec.length),
  };
}

/** Applies a plan to any frame with the training column names (scoring frames included). */
export function applyEncoding(plan: EncodingPlan | null, frame: Frame): Frame {
  if (plan === null) return frame;
  let out = frame;
  for (const col of plan.columns) {
    if (!out.has(col.name)) continue;
    const vec = out.col(col.name);
    const codes = trainingCodes(vec, col.domain);
    const rest = out.drop([col.name]);
    const kept = col.keptLevels;
    if (kept) {
      const levels = [...kept, 'other'].sort();
      const index = new Map(levels.map((l, i) => [l, i]));
      const mapped = Array.from(codes, (c) =>
        c < 0 ? -1 : index.get(kept.includes(col.domain[c]) ? col.domain[c] : 'other')!,
      );
      out = rest.withColumn(col.name, Vec.categorical(mapped, levels));
      continue;
    }
    const k = col.outputs.length;
    let next = rest;
    for (let j = 0; j < k; j++) {
      const v = Float64Array.from(codes, (c) => (c < 0 ? Number.NaN : col.values[c * k + j]));
      next = next.withColumn(col.outputs[j], Vec.numeric(v, 'real'));
    }
    out = next;
  }
  return new Frame(out.names, out.vecs);
}

/** Predictor names after the plan: each encoded column replaced by its outputs. */
export function encodedPredictors(plan: EncodingPlan | null, predictors: readonly string[]): string[] {
  if (plan === null) return [...predictors];
  const byName = new Map(plan.columns.map((c) => [c.name, c]));
  return predictors.flatMap((p) => {
    const c = byName.get(p);
    return c === undefined || c.keptLevels ? [p] : c.outputs;
  });
}

function trainingCodes(vec: Vec, domain: readonly string[]): Int32Array {
  const index = new Map(domain.map((d, i) => [d, i]));
  const out = new Int32Array(vec.length);
  for (let i = 0; i < vec.length; i++) {
    const label = vec.label(i);
    out[i] = label === null ? -1 : (index.get(label) ?? -1);
  }
  return out;
}

function levelCounts(vec: Vec, L: number): number[] {
  const n = new Array<number>(L).fill(0);
  for (let i = 0; i < vec.length; i++) {
    const c = vec.at(i);
    if (c >= 0) n[c]++;
  }
  return n;
}

function levelMeans(vec: Vec, response: Vec | null, L: number): number[] {
  const sum = new Array<number>(L).fill(0);
  const n = new Array<number>(L).fill(0);
  for (let i = 0; i < vec.length; i++) {
    const c = vec.at(i);
    const y = response === null ? Number.NaN : response.at(i);
    if (c < 0 || Number.isNaN(y)) continue;
    sum[c] += y;
    n[c]++;
  }
  return sum.map((s, c) => (n[c] > 0 ? s / n[c] : Number.POSITIVE_INFINITY));
}

/** Leading eigenvector of diag(p) − p·pᵀ (the one-hot covariance) by power iteration. */
export function leadingEigenvector(counts: number[], nRows: number): number[] {
  const L = counts.length;
  const p = counts.map((c) => c / Math.max(1, nRows));
  let v = p.map((_, i) => 1 + i / L);
  for (let it = 0; it < 200; it++) {
    const pv = p.reduce((s, pi, i) => s + pi * v[i], 0);
    const w = v.map((vi, i) => p[i] * vi - p[i] * pv);
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    if (norm === 0) break;
    v = w.map((x) => x / norm);
  }
  return v;
}
