import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Vec } from '../../frame/index.ts';
import { sampleRows, stratifiedSample } from './sample-rows.ts';

const rows = Int32Array.from({ length: 1000 }, (_, i) => i);

describe('scoring subsets', () => {
  it('keeps all rows when the sample size is 0 or at least the row count', () => {
    assert.equal(sampleRows(rows, 0, 1), rows);
    assert.equal(sampleRows(rows, 5000, 1), rows);
  });

  it('draws about n rows in order, the same for the same seed', () => {
    const a = sampleRows(rows, 100, 7);
    assert.deepEqual(a, sampleRows(rows, 100, 7));
    // Binomial(1000, 0.1): sd 9.5, so 100 ± 40 is over 4 sd.
    assert.ok(a.length > 60 && a.length < 140, `${a.length}`);
    for (let i = 1; i < a.length; i++) assert.ok(a[i] > a[i - 1]);
  });

  it('keeps class proportions with stratified sampling', () => {
    // 900 rows of class 0, 100 of class 1; a 10% sample keeps 90 and 10.
    const cls = Vec.categorical(
      Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : 1)),
      ['a', 'b'],
    );
    const s = stratifiedSample(rows, cls, 100, 3);
    assert.equal(s.length, 100);
    assert.equal(s.filter((r) => r >= 900).length, 10);
  });
});
