// The plain kernels against hand arithmetic and obvious loops.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expRectifierForward, rectifierForward, softmax, tanhForward } from './activations.ts';
import { gemvBias, gemvMaxout } from './gemv.ts';
import { rowUpdateClassicalMomentum, rowUpdateNesterov, rowUpdatePlain } from './row-update.ts';

describe('gemv', () => {
  it('computes W·x + b row by row and zeroes dropped rows', () => {
    // W = [[1, 2], [3, 4], [5, 6]], x = [1, −1], b = [0.5, 0, −1]:
    // row 0: 1 − 2 + 0.5 = −0.5; row 1 dropped → 0; row 2: 5 − 6 − 1 = −2.
    const out = new Float64Array(3);
    gemvBias(
      new Float32Array([1, 2, 3, 4, 5, 6]),
      new Float64Array([0.5, 0, -1]),
      new Float64Array([1, -1]),
      new Uint8Array([1, 0, 1]),
      out,
      3,
      2,
    );
    assert.deepEqual([...out], [-0.5, 0, -2]);
  });
  it('takes the larger of two interleaved Maxout channels, ties to channel 0', () => {
    // unit 0: ch0 weights [1, 0], ch1 [0, 1] interleaved as [1, 0, 0, 1]; x = [2, 3] → 2 vs 3 → ch1.
    // unit 1: ch0 [1, 1], ch1 [2, 0] → [1, 2, 1, 0]; x → 5 vs 4, biases 0 and 1 → 5 vs 5: tie → ch0.
    const out = new Float64Array(2);
    const win = new Uint8Array(2);
    gemvMaxout(
      new Float32Array([1, 0, 0, 1, 1, 2, 1, 0]),
      new Float64Array([0, 0, 0, 1]),
      new Float64Array([2, 3]),
      new Uint8Array([1, 1]),
      out,
      win,
      2,
      2,
    );
    assert.deepEqual([...out], [3, 5]);
    assert.deepEqual([...win], [1, 0]);
  });
});

describe('activations', () => {
  it('match their formulas', () => {
    const a = new Float64Array([-1, 0, 0.5]);
    tanhForward(a, 3);
    for (const [i, v] of [-1, 0, 0.5].entries()) assert.ok(Math.abs(a[i] - Math.tanh(v)) < 1e-15);
    const r = new Float64Array([-1, 0, 0.5]);
    rectifierForward(r, 3);
    assert.deepEqual([...r], [0, 0, 0.5]);
    const e = new Float64Array([-1, 0, 0.5]);
    expRectifierForward(e, 3);
    assert.deepEqual([...e], [Math.exp(-1) - 1, 0, 0.5]);
  });
  it('softmax sums to 1 and survives huge inputs (max subtraction)', () => {
    // z = [1000, 1000 + ln 3]: p = [1/4, 3/4].
    const p = new Float64Array(2);
    softmax(new Float64Array([1000, 1000 + Math.log(3)]), p, 2);
    assert.ok(Math.abs(p[0] - 0.25) < 1e-12 && Math.abs(p[1] - 0.75) < 1e-12);
  });
});

describe('row updates', () => {
  const x = new Float64Array([2, 0]);
  it('plain SGD propagates with the pre-update weights, then steps; fast_mode skips zero inputs', () => {
    // w = [1, −1], δ = 0.5, rate 0.1, l2 = 0.2: e += δ·w = [0.5, −0.5];
    // g0 = 0.5·2 + 0.2·1 = 1.2 → w0 = 1 − 0.12 = 0.88; g1 = 0 + 0.2·(−1) = −0.2 → w1 = −0.98.
    const w = new Float32Array([1, -1]);
    const e = new Float64Array(2);
    rowUpdatePlain(w, 0, 1, x, 2, 0.5, 0.1, 0, 0.2, e, true, false);
    assert.deepEqual([...e], [0.5, -0.5]);
    assert.deepEqual([...w], [Math.fround(0.88), Math.fround(-0.98)]);
    const wf = new Float32Array([1, -1]);
    rowUpdatePlain(wf, 0, 1, x, 2, 0.5, 0.1, 0, 0.2, e, false, true);
    assert.equal(wf[1], -1); // input 0: untouched, not even decayed
  });
  it('walks one Maxout channel with stride 2', () => {
    // channel 1 of a 2-input unit lives at indices 1 and 3; channel 0 stays put.
    const w = new Float32Array([5, 1, 5, 1]);
    rowUpdatePlain(w, 1, 2, x, 2, 1, 0.25, 0, 0, new Float64Array(2), false, false);
    assert.deepEqual([...w], [5, 0.5, 5, 1]); // 1 − 0.25·(1·2) = 0.5
  });
  it('Nesterov keeps v ← m·v − g and moves w by rate·v; classical adds m·v to the plain step', () => {
    // g = δ·x = 1·2 = 2, v = 0.5, m = 0.9, rate 0.1.
    // Nesterov: v = 0.45 − 2 = −1.55; w = 1 − 0.155 = 0.845.
    const w = new Float32Array([1]);
    const v = new Float32Array([0.5]);
    rowUpdateNesterov(w, v, 0, 1, x, 1, 1, 0.1, 0.9, 0, 0, new Float64Array(1), false, false);
    assert.equal(v[0], Math.fround(-1.55));
    assert.equal(w[0], Math.fround(1 + 0.1 * Math.fround(-1.55)));
    // Classical: Δ = −0.2; w = 1 − 0.2 + 0.45 = 1.25; v = Δ = −0.2.
    const wc = new Float32Array([1]);
    const vc = new Float32Array([0.5]);
    rowUpdateClassicalMomentum(wc, vc, 0, 1, x, 1, 1, 0.1, 0.9, 0, 0, new Float64Array(1), false, false);
    assert.equal(wc[0], 1.25);
    assert.equal(vc[0], Math.fround(-0.2));
  });
});
