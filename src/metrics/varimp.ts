// Deep Learning variable importance by Gedeon's method (§9.1): a pure function of the first two
// weight matrices. Importances are per expanded input (one-hot column), in float32 as H2O does.

import { makeTable, type TwoDimTable } from './two-dim-table.ts';
import { InputChecks } from './validate.ts';

/** One dense layer's weights, row-major: w[o·nIn + i] connects input i to unit o. */
export interface VarimpLayer {
  weights: Float32Array;
  nOut: number;
  nIn: number;
}

/** One row of the variable importance table. */
export interface VariableImportance {
  variable: string;
  relative_importance: number;
  scaled_importance: number;
  percentage: number;
}

/**
 * Gedeon importances of the `names.length` inputs of `layers[0]`, sorted descending (ties keep
 * input order). With one layer (no hidden layer) vi_i = Σ_j |W0[j][i]|. Otherwise
 * Q[i][k] = Σ_j (|W0[j][i]| / Σ_i' |W0[j][i']|)·(|W1[k][j]| / Σ_j' |W1[k][j']|), each column of Q
 * normalised to sum 1, vi_i = Σ_k Q[i][k]. Then vi is divided by its maximum, and inputs flagged
 * in `naSlotsUnseen` (NA slots of categoricals that never saw an NA in training) get 0.
 * A unit whose incoming weights are all 0 contributes nothing (H2O would produce NaN there).
 */
export function variableImportance(
  layers: readonly VarimpLayer[],
  names: readonly string[],
  naSlotsUnseen?: readonly boolean[],
): VariableImportance[] {
  const checks = new InputChecks();
  if (layers.length === 0) checks.error('layers', 'expected at least 1 weight matrix, got 0.');
  for (let l = 0; l < Math.min(2, layers.length); l++) {
    const { weights, nOut, nIn } = layers[l];
    if (weights.length !== nOut * nIn) {
      checks.error(
        `layers[${l}]`,
        `weights hold ${weights.length} values, expected nOut·nIn = ${nOut}·${nIn} = ${nOut * nIn}.`,
      );
    }
  }
  if (layers.length > 0 && names.length !== layers[0].nIn) {
    checks.error(
      'names',
      `expected ${layers[0].nIn} names (one per input of the first layer), got ${names.length}.`,
    );
  }
  if (layers.length > 1 && layers[1].nIn !== layers[0].nOut) {
    checks.error(
      'layers[1]',
      `nIn is ${layers[1].nIn}, expected ${layers[0].nOut} (the units of layers[0]).`,
    );
  }
  if (naSlotsUnseen !== undefined && naSlotsUnseen.length !== names.length) {
    checks.error(
      'naSlotsUnseen',
      `expected ${names.length} flags (one per input), got ${naSlotsUnseen.length}.`,
    );
  }
  checks.throwIfAny('variable importance input');

  const vi = layers.length === 1 ? columnAbsSums(layers[0]) : gedeon(layers[0], layers[1]);
  let max = 0;
  for (let i = 0; i < vi.length; i++) max = Math.max(max, vi[i]);
  if (max > 0) for (let i = 0; i < vi.length; i++) vi[i] = Math.fround(vi[i] / max);
  if (naSlotsUnseen !== undefined) for (let i = 0; i < vi.length; i++) if (naSlotsUnseen[i]) vi[i] = 0;
  return importanceRows(vi, names);
}

/** vi_i = Σ_j |W[j][i]| (no hidden layer). */
function columnAbsSums(l: VarimpLayer): Float32Array {
  const vi = new Float32Array(l.nIn);
  for (let j = 0; j < l.nOut; j++)
    for (let i = 0; i < l.nIn; i++) vi[i] += Math.abs(l.weights[j * l.nIn + i]);
  return vi;
}

/** Each row of |W| divided by its sum (rows of zeros stay zero). */
function rowNormalisedAbs(l: VarimpLayer): Float32Array {
  const out = new Float32Array(l.weights.length);
  for (let j = 0; j < l.nOut; j++) {
    let s = 0;
    for (let i = 0; i < l.nIn; i++) s = Math.fround(s + Math.abs(l.weights[j * l.nIn + i]));
    if (s === 0) continue;
    for (let i = 0; i < l.nIn; i++) out[j * l.nIn + i] = Math.abs(l.weights[j * l.nIn + i]) / s;
  }
  return out;
}

function gedeon(l0: VarimpLayer, l1: VarimpLayer): Float32Array {
  const P = l0.nIn;
  const H = l0.nOut;
  const U = l1.nOut;
  const a = rowNormalisedAbs(l0); // a[j·P + i]
  const b = rowNormalisedAbs(l1); // b[k·H + j]
  const q = new Float32Array(P * U); // q[i·U + k]
  for (let i = 0; i < P; i++) {
    for (let k = 0; k < U; k++) {
      let s = 0;
      for (let j = 0; j < H; j++) s = Math.fround(s + Math.fround(a[j * P + i] * b[k * H + j]));
      q[i * U + k] = s;
    }
  }
  for (let k = 0; k < U; k++) {
    let col = 0;
    for (let i = 0; i < P; i++) col = Math.fround(col + q[i * U + k]);
    if (col > 0) for (let i = 0; i < P; i++) q[i * U + k] /= col;
  }
  const vi = new Float32Array(P);
  for (let i = 0; i < P; i++) for (let k = 0; k < U; k++) vi[i] += q[i * U + k];
  return vi;
}

function importanceRows(vi: Float32Array, names: readonly string[]): VariableImportance[] {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < vi.length; i++) {
    max = Math.max(max, vi[i]);
    sum += vi[i];
  }
  const rows = Array.from(vi, (v, i) => ({
    variable: names[i],
    relative_importance: v,
    scaled_importance: max > 0 ? v / max : 0,
    percentage: sum > 0 ? v / sum : 0,
  }));
  // Array.prototype.sort is stable, so equal importances keep input order.
  return rows.sort((x, y) => y.relative_importance - x.relative_importance);
}

/** H2O's "Variable Importances" table (columns Variable, Relative/Scaled Importance, Percentage). */
export function variableImportanceTable(rows: readonly VariableImportance[]): TwoDimTable {
  return makeTable(
    'Variable Importances',
    '',
    [
      { name: 'Variable', type: 'string', format: '%s' },
      { name: 'Relative Importance', type: 'double', format: '%5f' },
      { name: 'Scaled Importance', type: 'double', format: '%5f' },
      { name: 'Percentage', type: 'double', format: '%5f' },
    ],
    rows.map((r) => [r.variable, r.relative_importance, r.scaled_importance, r.percentage]),
  );
}
