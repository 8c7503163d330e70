// The compacted ADADELTA row (assembly/adadelta-compact.ts) against a naive float64 update with
// fast_mode's rule (weights whose input is 0 untouched): three chained steps on a row whose inputs
// are 85% zero. Tolerance 2e-5 relative, as the kernel suite (float32 against float64).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { approxSqrtF32 } from '../js/fast-sqrt.ts';
import { createKernelMemory, HEAP_START, instantiateWasmKernels, wasmKernelsAvailable } from './index.ts';

describe('compacted ADADELTA row', { skip: !wasmKernelsAvailable() }, () => {
  it('lists the non-zero inputs and updates only their weights, as the naive rule does', () => {
    const n = 83;
    const rng = new Rng(21);
    const x = Float32Array.from({ length: n }, () => (rng.nextFloat() < 0.85 ? 0 : rng.nextGaussian()));
    const w = Float32Array.from({ length: n }, () => rng.nextGaussian());
    const eg = Float32Array.from({ length: n }, () => rng.nextFloat() * 1e-3);
    const edx = Float32Array.from({ length: n }, () => rng.nextFloat() * 1e-4);
    const mem = createKernelMemory(HEAP_START + (1 << 20));
    const k = instantiateWasmKernels(mem);
    const at = (slot: number) => HEAP_START + slot * 4096;
    const f32 = (slot: number) => new Float32Array(mem.buffer, at(slot), n);
    f32(0).set(w);
    f32(1).set(eg);
    f32(2).set(edx);
    f32(3).set(x);
    const count = k.compactInputs(at(3), at(4), n);
    assert.equal(count, x.filter((v) => v !== 0).length);
    const [rw, re, rd] = [Float64Array.from(w), Float64Array.from(eg), Float64Array.from(edx)];
    for (const d of [0.4, -1.7, 0.03]) {
      k.rowUpdateAdadeltaCompact(at(0), at(1), at(2), at(4), count, n, d, 0.99, 1e-8);
      for (let i = 0; i < n; i++) {
        if (x[i] === 0) continue;
        const g = d * x[i];
        re[i] = 0.99 * re[i] + 0.01 * g * g;
        const eta = approxSqrtF32((rd[i] + 1e-8) / (re[i] + 1e-8));
        rd[i] = 0.99 * rd[i] + 0.01 * eta * eta * g * g;
        rw[i] -= eta * g;
      }
    }
    for (const [got, want, name] of [
      [f32(0), rw, 'w'],
      [f32(1), re, 'Eg2'],
      [f32(2), rd, 'Edx2'],
    ] as const)
      for (let i = 0; i < n; i++) {
        if (x[i] === 0)
          assert.equal(
            got[i],
            [w, eg, edx][['w', 'Eg2', 'Edx2'].indexOf(name)][i],
            `${name}[${i}] untouched`,
          );
        assert.ok(
          Math.abs(got[i] - want[i]) <= 2e-5 * Math.max(1, Math.abs(want[i])),
          `${name}[${i}]: ${got[i]} vs ${want[i]}`,
        );
      }
  });
});
