import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from './rng.ts';

describe('Rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    assert.deepEqual(
      sa,
      Array.from({ length: 8 }, () => b.nextUint32()),
    );
    assert.notDeepEqual(
      sa,
      Array.from({ length: 8 }, () => c.nextUint32()),
    );
  });

  it('draws uniform floats in [0, 1) with mean near 1/2', () => {
    const r = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 100000; i++) {
      const x = r.nextFloat();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    // Standard error of the mean of 1e5 uniforms is 0.0009; 5 standard errors.
    assert.ok(Math.abs(sum / 100000 - 0.5) < 0.0045);
  });

  it('draws standard normals with variance near 1', () => {
    const r = new Rng(7);
    let s2 = 0;
    for (let i = 0; i < 100000; i++) s2 += r.nextGaussian() ** 2;
    assert.ok(Math.abs(s2 / 100000 - 1) < 0.03);
  });

  it('distinguishes seeds that differ only in their high 32 bits', () => {
    assert.notEqual(new Rng(2 ** 33 + 5).nextUint32(), new Rng(5).nextUint32());
  });
});
