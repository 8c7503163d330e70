import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { variableImportance, variableImportanceTable } from './varimp.ts';

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);
const names = ['x1', 'x2', 'x3'];
// W0: 2 hidden units × 3 inputs, row-major. |rows| sum to 4 and 4 → normalised [.25 .25 .5], [0 .75 .25].
const w0 = { weights: Float32Array.from([1, -1, 2, 0, 3, 1]), nOut: 2, nIn: 3 };

describe('variableImportance (Gedeon)', () => {
  it('matches a hand computation on a 3-2-1 net', () => {
    // W1 = [2, −2] → normalised [.5, .5]; Q[i] = .5·a0i + .5·a1i = [.125, .5, .375] (column sums to 1)
    // vi / max = [.25, 1, .75]; Σ = 2 → percentages [.125, .5, .375]
    const w1 = { weights: Float32Array.from([2, -2]), nOut: 1, nIn: 2 };
    const vi = variableImportance([w0, w1], names);
    assert.deepEqual(
      vi.map((r) => r.variable),
      ['x2', 'x3', 'x1'],
    );
    const exp = [
      [1, 1, 0.5],
      [0.75, 0.75, 0.375],
      [0.25, 0.25, 0.125],
    ];
    vi.forEach((r, i) => {
      close(r.relative_importance, exp[i][0]);
      close(r.scaled_importance, exp[i][1]);
      close(r.percentage, exp[i][2]);
    });
  });

  it('sums over several next-layer units', () => {
    // W1 rows [2, −2] → [.5 .5] and [1, 3] → [.25 .75].
    // Q[:,0] = [.125, .5, .375]; Q[:,1] = .25·a0 + .75·a1 = [.0625, .625, .3125]
    // vi = [.1875, 1.125, .6875] → / 1.125
    const w1 = { weights: Float32Array.from([2, -2, 1, 3]), nOut: 2, nIn: 2 };
    const vi = variableImportance([w0, w1], names);
    const byName = Object.fromEntries(vi.map((r) => [r.variable, r.relative_importance]));
    close(byName.x1, 0.1875 / 1.125);
    close(byName.x2, 1);
    close(byName.x3, 0.6875 / 1.125);
  });

  it('uses column sums of |W0| without a hidden layer', () => {
    // Σ_j |W0[j][i]| = [1, 4, 3] → / 4
    const vi = variableImportance([w0], names);
    assert.deepEqual(
      vi.map((r) => [r.variable, r.relative_importance]),
      [
        ['x2', 1],
        ['x3', 0.75],
        ['x1', 0.25],
      ],
    );
  });

  it('gives 0 to NA slots never seen in training and rescales the rest', () => {
    const vi = variableImportance([w0], names, [false, true, false]);
    // relative [.25, 0, .75]; scaled by max .75 → [1/3, 0, 1]; percentage over Σ = 1 → [.25, 0, .75]
    assert.deepEqual(
      vi.map((r) => r.variable),
      ['x3', 'x1', 'x2'],
    );
    close(vi[0].scaled_importance, 1);
    close(vi[1].scaled_importance, 1 / 3);
    close(vi[2].relative_importance, 0);
    close(vi[1].percentage, 0.25);
  });

  it("builds H2O's table and rejects mismatched shapes by name", () => {
    const t = variableImportanceTable(variableImportance([w0], names));
    assert.deepEqual(
      t.columns.map((c) => c.name),
      ['Variable', 'Relative Importance', 'Scaled Importance', 'Percentage'],
    );
    assert.throws(
      () => variableImportance([w0], ['x1']),
      (e: unknown) => e instanceof ValidationError && /names: expected 3 names .* got 1/.test(e.message),
    );
    assert.throws(
      () => variableImportance([w0, { weights: new Float32Array(3), nOut: 1, nIn: 3 }], names),
      /layers\[1\]: nIn is 3, expected 2/,
    );
  });
});
