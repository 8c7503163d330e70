// The bit-trick square roots and the ADADELTA worked example of semantics doc §5.7.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approxSqrtF32, approxSqrtF64 } from './fast-sqrt.ts';
import { rowUpdateAdadelta } from './row-update.ts';

describe('approximate square roots', () => {
  it('reproduces the bit arithmetic by hand for 1.0', () => {
    // float32: bits(1) = 0x3F800000 = 1065353216; >> 1 = 532676608; + 532483686 = 1065160294;
    // minus bits(0.5) = 1056964608 leaves mantissa 8195686 / 2^23 → 0.5·(1 + 0.9770012) = 0.9885006.
    assert.ok(Math.abs(approxSqrtF32(1) - 0.5 * (1 + 8195686 / 8388608)) < 1e-9);
    // float64: high word 0x3FF00000 = 1072693248; + 1072632448 = 2145325696 (even, low word 0);
    // >> 1 = 1072662848; minus 0x3FE00000 = 1018176 / 2^20 → 0.5·(1 + 0.9710083) = 0.9855042.
    assert.equal(approxSqrtF64(1), 0.5 * (1 + 1018176 / 1048576));
  });
  it('stays within 5 % of Math.sqrt from 1e-12 to 1e12', () => {
    for (let k = 0; k <= 2400; k++) {
      const x = 10 ** (-12 + k / 100) * 1.0137;
      const e = Math.sqrt(x);
      assert.ok(Math.abs(approxSqrtF32(x) / e - 1) < 0.05, `f32 at ${x}`);
      assert.ok(Math.abs(approxSqrtF64(x) / e - 1) < 0.05, `f64 at ${x}`);
    }
  });
  it('maps 0 to a tiny positive number, which is why callers add ε first', () => {
    // The trick maps 0 to a tiny positive number, which is why ADADELTA always adds ε before it.
    assert.ok(approxSqrtF32(0) > 0 && approxSqrtF32(0) < 1e-18);
  });
});

describe('ADADELTA worked example (ρ = 0.99, ε = 1e−8, fresh state, g = 0.5)', () => {
  it('gives Eg2 0.0025, η ≈ 0.0019556, Δw ≈ −0.00097782, Edx2 ≈ 9.5613e−9', () => {
    const w = new Float32Array([0]);
    const eg2 = new Float32Array(1);
    const edx2 = new Float32Array(1);
    // One weight with input x = 1 and δ = 0.5, so g = δ·x = 0.5.
    const sumG2 = rowUpdateAdadelta(
      w,
      eg2,
      edx2,
      0,
      1,
      new Float64Array([1]),
      1,
      0.5,
      0.99,
      1e-8,
      0,
      0,
      new Float64Array(1),
      false,
      false,
    );
    assert.equal(sumG2, 0.25);
    // Eg2 = 0.01·0.25 = 0.0025 (float32).
    assert.equal(eg2[0], Math.fround(0.0025));
    // Exact η would be sqrt(1e-8 / 0.00250001) = 0.0019999960; H2O's approximation gives 0.0019556.
    assert.ok(Math.abs(w[0] - -0.00097782) < 5e-9, `Δw ${w[0]}`);
    // Edx2 = 0.01·η²·g² = 0.01·0.0019556²·0.25.
    assert.ok(Math.abs(edx2[0] - 9.5613e-9) < 1e-12, `Edx2 ${edx2[0]}`);
  });
});
