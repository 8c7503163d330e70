// The sparse-input first layer (assembly/sparse-input.ts) against a naive float64 W·x + b: inputs are
// standardised values x = u − c where most u are exactly 0 (x = −c), as AdaptedRows produces for
// image pixels. Tolerance 1e-5 relative to Σ|w·x| + |b|: float32 products summed in another order
// (and fused in the relaxed build); b − W·c is rounded to float32 once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { createKernelMemory, HEAP_START, instantiateWasmKernels, wasmKernelsAvailable } from './index.ts';

function check(nOut: number, nIn: number, m: number, zeroShare: number): void {
  const rng = new Rng(11 + nOut);
  const w = Float32Array.from({ length: nOut * nIn }, () => rng.nextGaussian() * 0.3);
  const b = Float64Array.from({ length: nOut }, () => rng.nextGaussian());
  const c = Float32Array.from({ length: nIn }, () => rng.nextGaussian());
  const x = new Float32Array(m * nIn);
  for (let i = 0; i < x.length; i++)
    x[i] = rng.nextFloat() < zeroShare ? -c[i % nIn] : rng.nextGaussian() * 2;
  const mem = createKernelMemory(HEAP_START + (8 << 20));
  const k = instantiateWasmKernels(mem);
  let top = HEAP_START;
  const put = (a: Float32Array | Float64Array) => {
    const at = top;
    new (a.constructor as Float32ArrayConstructor)(mem.buffer, at, a.length).set(a as Float32Array);
    top += Math.ceil(a.byteLength / 16) * 16 + 16;
    return at;
  };
  const [wAt, bAt, cAt, xAt] = [put(w), put(b), put(c), put(x)];
  const wtAt = put(new Float32Array(nIn * nOut));
  const b2At = put(new Float32Array(nOut));
  // Garbage in the output: every value must be written.
  const outAt = put(new Float32Array(m * nOut).fill(Number.NaN));
  const listAt = put(new Float32Array(k.sparseInputScratchBytes(nIn) / 4));
  k.sparseInputPrepare(wAt, bAt, cAt, wtAt, b2At, nOut, nIn);
  k.sparseInputLayer(wtAt, b2At, xAt, cAt, outAt, m, nOut, nIn, listAt);
  const got = new Float32Array(mem.buffer, outAt, m * nOut);
  for (let r = 0; r < m; r++)
    for (let o = 0; o < nOut; o++) {
      let s = b[o];
      let mag = Math.abs(b[o]);
      for (let j = 0; j < nIn; j++) {
        s += w[o * nIn + j] * x[r * nIn + j];
        mag += Math.abs(w[o * nIn + j] * x[r * nIn + j]);
      }
      const g = got[r * nOut + o];
      assert.ok(Math.abs(g - s) <= 1e-5 * mag, `row ${r} output ${o}: ${g} vs ${s}`);
    }
}

describe('sparse-input first layer', { skip: !wasmKernelsAvailable() }, () => {
  it('matches W·x + b: 40 outputs (a 32-wide block and two vectors), 75 inputs, 70% zero', () =>
    check(40, 75, 5, 0.7));
  it('matches W·x + b with no zero inputs and with all inputs zero (then it is b)', () => {
    check(8, 13, 3, 0);
    check(12, 9, 2, 1);
  });
});
