import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Vec } from './vec.ts';

describe('Vec', () => {
  it('stores 0..255 integers in a Uint8Array on a SharedArrayBuffer', () => {
    const v = Vec.numeric([0, 17, 255]);
    assert.equal(v.type, 'int');
    assert.ok(v.data instanceof Uint8Array);
    assert.ok(v.data.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(Array.from(v.toFloat64()), [0, 17, 255]);
  });

  it('keeps integer NA in a bitmap and reports it as NaN', () => {
    const v = Vec.numeric([1, Number.NaN, 3]);
    assert.ok(v.data instanceof Uint8Array);
    assert.ok(Number.isNaN(v.at(1)));
    assert.equal(v.isNA(1), true);
    assert.equal(v.at(2), 3);
  });

  it('stores a constant column as one value', () => {
    const v = Vec.numeric([2.5, 2.5, 2.5, 2.5]);
    assert.equal(v.isConstant, true);
    assert.equal(v.data.length, 1);
    assert.equal(v.at(3), 2.5);
  });

  it('uses Float32 only when every value is exact in float32', () => {
    assert.ok(Vec.numeric([0.5, 1.25]).data instanceof Float32Array);
    assert.ok(Vec.numeric([0.1, 1.25]).data instanceof Float64Array);
  });

  it('returns -1 for an NA categorical code and the level for a label', () => {
    const v = Vec.categorical([1, -1, 0], ['a', 'b']);
    assert.equal(v.at(1), -1);
    assert.equal(v.isNA(1), true);
    assert.equal(v.label(0), 'b');
  });
});
