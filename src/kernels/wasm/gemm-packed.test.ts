// gemmBiasPacked (the packed batched layer) against a naive float64 X·Wᵀ + b written here, over shapes
// that reach every path: row panels of 4 with 1-3 rows left, input tails of 0-3, odd and even output
// counts, and few outputs (the gemmBias fallback). Tolerance: float32 sums in another order, so
// |got − ref| ≤ 1e-5 · (|b| + Σ|w·x|) + 1e-7 (about 100× the float32 error bound for these widths).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { createKernelMemory, HEAP_START, instantiateWasmKernels, wasmKernelsAvailable } from './index.ts';

const up16 = (at: number) => Math.ceil(at / 16) * 16;

function run(m: number, nOut: number, nIn: number, seed: number) {
  const rng = new Rng(seed);
  const w = Float32Array.from({ length: nOut * nIn }, () => rng.nextGaussian());
  const b = Float64Array.from({ length: nOut }, () => rng.nextGaussian());
  const x = Float32Array.from({ length: m * nIn }, () => rng.nextGaussian());
  const mem = createKernelMemory(HEAP_START + (4 << 20));
  const k = instantiateWasmKernels(mem);
  const buf = mem.buffer;
  // The weights end where NaNs begin: the kernel reads past the last row and must mask it out.
  const wAt = HEAP_START;
  new Float32Array(buf, wAt, nOut * nIn + 64).fill(Number.NaN).set(w);
  const bAt = up16(wAt + 4 * (nOut * nIn + 64));
  new Float64Array(buf, bAt, nOut).set(b);
  const xAt = up16(bAt + 8 * nOut + 64);
  new Float32Array(buf, xAt, m * nIn).set(x);
  const outAt = up16(xAt + 4 * m * nIn + 64);
  // Garbage around the output: every cell must be overwritten and nothing past it touched.
  const out = new Float32Array(buf, outAt, m * nOut + 16).fill(7);
  const packAt = up16(outAt + 4 * (m * nOut + 16) + 64);
  k.gemmBiasPacked(wAt, bAt, xAt, outAt, m, nOut, nIn, packAt);
  return { w, b, x, out };
}

describe('gemmBiasPacked', { skip: !wasmKernelsAvailable() }, () => {
  const shapes: [number, number, number][] = [
    [1, 16, 8],
    [3, 18, 5],
    [4, 20, 13],
    [7, 17, 14],
    [9, 33, 31],
    [12, 40, 64],
    [64, 24, 717],
    [5, 3, 10],
  ];
  for (const [m, nOut, nIn] of shapes)
    it(`matches a naive X·Wᵀ + b: ${m} rows, ${nOut} outputs, ${nIn} inputs`, () => {
      const { w, b, x, out } = run(m, nOut, nIn, m * 1000 + nOut * 10 + nIn);
      for (let r = 0; r < m; r++)
        for (let o = 0; o < nOut; o++) {
          let s = b[o];
          let scale = Math.abs(b[o]);
          for (let i = 0; i < nIn; i++) {
            s += w[o * nIn + i] * x[r * nIn + i];
            scale += Math.abs(w[o * nIn + i] * x[r * nIn + i]);
          }
          const got = out[r * nOut + o];
          assert.ok(Math.abs(got - s) <= 1e-5 * scale + 1e-7, `row ${r} output ${o}: ${got} vs ${s}`);
        }
      for (let j = m * nOut; j < out.length; j++) assert.equal(out[j], 7, `wrote past the output (${j})`);
    });
});
