// Writes a model as a standalone ES module: the weights as literals and a plain-JS forward pass that
// repeats the engine's arithmetic step by step (float32 inputs and weights, the same summation order),
// so `score(row)` gives the engine's numbers without importing h2o-ts.
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { type ScoringSpec, scoringSpec } from './scoring-spec.ts';

/** The module's source text for `model` (see the generated file's header for its API). */
export function jsModuleSource(model: DeepLearningModel): string {
  return renderJsModule(scoringSpec(model));
}

/** Renders a {@link ScoringSpec} as an ES module. */
export function renderJsModule(spec: ScoringSpec): string {
  const { layers, ...meta } = spec;
  // String(float32 value) is the shortest double that reads back to the same float32.
  const layerSrc = layers
    .map(
      (L) =>
        `  { nIn: ${L.nIn}, nOut: ${L.nOut}, channels: ${L.channels}, scale: ${L.scale},\n` +
        `    w: new Float32Array([${Array.from(L.weights, String).join(',')}]),\n` +
        `    b: new Float64Array([${Array.from(L.biases, String).join(',')}]) }`,
    )
    .join(',\n');
  return `// Standalone scorer for H2O Deep Learning model ${meta.modelId} (${meta.category}), written by h2o-ts.
// No dependencies. score(row) returns H2O's raw predictions: [label index, p_0..p_K-1] for
// classifiers, [prediction] for regression, the reconstruction for autoencoders. predict(row) returns
// them by column name. A row is an object keyed by column name, or an array in \`columns\` order;
// categorical values are labels, missing values are null, undefined, '' or NaN. Run directly
// (\`node model.mjs < data.csv\`), it reads CSV with a header on stdin and writes predictions as CSV.
const SPEC = ${JSON.stringify(meta)};
const LAYERS = [
${layerSrc}
];

/** Predictor columns in input order. */
export const columns = [...SPEC.catNames, ...SPEC.numNames];
/** Prediction column names, as h2o-ts and H2O name them. */
export const outputNames = SPEC.outputNames;
export const category = SPEC.category;

function isMissing(v) {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function expand(row) {
  const get = Array.isArray(row) ? (name, k) => row[k] : (name) => row[name];
  const offsets = SPEC.catOffsets;
  const start = offsets[offsets.length - 1];
  const x = new Float32Array(start + SPEC.numNames.length);
  const shift = SPEC.useAllFactorLevels ? 0 : 1;
  for (let c = 0; c < SPEC.catNames.length; c++) {
    const width = offsets[c + 1] - offsets[c];
    const v = get(SPEC.catNames[c], c);
    const code = isMissing(v) ? -1 : SPEC.catDomains[c].indexOf(String(v));
    let slot = width - 1; // NA and unseen levels use the last slot of the block
    if (code >= 0) {
      if (code - shift < 0) continue; // the reference level has no slot
      slot = Math.min(code - shift, width - 1);
    }
    x[offsets[c] + slot] = 1;
  }
  const nCat = SPEC.catNames.length;
  for (let k = 0; k < SPEC.numNames.length; k++) {
    const v = get(SPEC.numNames[k], nCat + k);
    const num = isMissing(v) ? Number.NaN : Number(v);
    x[start + k] = Number.isNaN(num) ? 0 : (num - SPEC.numSub[k]) * SPEC.numMul[k];
  }
  return x;
}

function activate(a) {
  const n = a.length;
  if (SPEC.activation === 'Tanh') for (let i = 0; i < n; i++) a[i] = 1 - 2 / (1 + Math.exp(2 * a[i]));
  else if (SPEC.activation === 'Rectifier') for (let i = 0; i < n; i++) a[i] = Math.max(a[i], 0);
  else if (SPEC.activation === 'ExpRectifier')
    for (let i = 0; i < n; i++) if (a[i] < 0) a[i] = Math.exp(a[i]) - 1;
}

function layerForward(L, x) {
  const out = new Float64Array(L.nOut);
  const w = L.w;
  const nIn = L.nIn;
  for (let o = 0; o < L.nOut; o++) {
    if (L.channels === 2) {
      let s0 = 0;
      let s1 = 0;
      const base = 2 * o * nIn;
      for (let i = 0; i < nIn; i++) {
        s0 += w[base + 2 * i] * x[i];
        s1 += w[base + 2 * i + 1] * x[i];
      }
      s0 += L.b[2 * o];
      s1 += L.b[2 * o + 1];
      out[o] = s1 > s0 ? s1 : s0;
      continue;
    }
    // Four partial sums, combined as the engine's unrolled kernel does, for identical rounding.
    const base = o * nIn;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      s0 += w[base + i] * x[i];
      s1 += w[base + i + 1] * x[i + 1];
      s2 += w[base + i + 2] * x[i + 2];
      s3 += w[base + i + 3] * x[i + 3];
    }
    for (; i < nIn; i++) s0 += w[base + i] * x[i];
    out[o] = s0 + s1 + (s2 + s3) + L.b[o];
  }
  return out;
}

/** H2O's raw prediction array for one row (see the header). */
export function score(row) {
  let a = expand(row);
  const last = LAYERS.length - 1;
  for (let l = 0; l <= last; l++) {
    const L = LAYERS[l];
    const out = layerForward(L, a);
    if (l < last || SPEC.output === 'autoencoder') activate(out);
    else if (SPEC.output === 'softmax') {
      let max = out[0];
      for (let i = 1; i < out.length; i++) if (out[i] > max) max = out[i];
      let sum = 0;
      for (let i = 0; i < out.length; i++) {
        out[i] = Math.exp(out[i] - max);
        sum += out[i];
      }
      const inv = 1 / sum;
      for (let i = 0; i < out.length; i++) out[i] *= inv;
    }
    if (l < last && L.scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= L.scale;
    a = out;
  }
  if (SPEC.output === 'linear') {
    const y = a[0] / SPEC.respMul + SPEC.respSub;
    return [SPEC.logLink ? Math.min(1e19, Math.exp(y)) : y];
  }
  if (SPEC.output === 'autoencoder') {
    const start = SPEC.catOffsets[SPEC.catOffsets.length - 1];
    const r = Array.from(a);
    for (let k = 0; k < SPEC.numNames.length; k++) r[start + k] = a[start + k] / SPEC.numMul[k] + SPEC.numSub[k];
    return r;
  }
  const p = Array.from(a);
  const prior = SPEC.priorDistribution;
  const sampled = SPEC.modelDistribution;
  if (prior && sampled) {
    let sum = 0;
    for (let c = 0; c < p.length; c++) {
      p[c] = sampled[c] > 0 ? (p[c] * prior[c]) / sampled[c] : 0;
      sum += p[c];
    }
    if (sum > 0) for (let c = 0; c < p.length; c++) p[c] /= sum;
  }
  let label = 0;
  if (p.length === 2) label = p[1] >= SPEC.defaultThreshold ? 1 : 0;
  else for (let c = 1; c < p.length; c++) if (p[c] > p[label]) label = c;
  return [label, ...p];
}

/** score(row) keyed by prediction column name; \`predict\` is the class label for classifiers. */
export function predict(row) {
  const raw = score(row);
  const result = {};
  if (SPEC.responseDomain) {
    result.predict = SPEC.responseDomain[raw[0]];
    SPEC.responseDomain.forEach((d, c) => {
      result[d] = raw[c + 1];
    });
  } else SPEC.outputNames.forEach((n, j) => {
    result[n] = raw[j];
  });
  return result;
}

function splitCsv(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Run with node directly: CSV rows with a header on stdin, predictions as CSV on stdout. */
async function main() {
  const { createInterface } = await import('node:readline');
  const quote = (s) => '"' + String(s).replace(/"/g, '""') + '"';
  let header = null;
  process.stdout.write(SPEC.outputNames.map(quote).join(',') + '\\n');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line === '') continue;
    const fields = splitCsv(line);
    if (header === null) {
      // A first line naming no predictor is data: a headerless file, columns named C1..Cn.
      if (fields.some((f) => columns.includes(f.trim()))) {
        header = fields.map((f) => f.trim());
        continue;
      }
      header = fields.map((_, j) => \`C\${j + 1}\`);
    }
    const row = {};
    header.forEach((h, j) => {
      const v = fields[j]?.trim();
      row[h] = v === undefined || v === '' || v === 'NA' ? null : v;
    });
    const raw = score(row);
    const cells = SPEC.responseDomain ? [quote(SPEC.responseDomain[raw[0]]), ...raw.slice(1)] : raw;
    process.stdout.write(cells.join(',') + '\\n');
  }
}

if (
  typeof process !== 'undefined' &&
  process.argv?.[1] &&
  import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href
) {
  await main();
}
`;
}
