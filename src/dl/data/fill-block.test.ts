// AdaptedRows.fillBlock against fill(): the block path reads typed arrays column by column for speed,
// so it is checked cell for cell against the per-row path (categoricals with NA, numerics with NA,
// a constant column, a row subset, training and scoring NA rules). Exact equality: same arithmetic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Frame, Vec } from '../../frame/index.ts';
import { AdaptedRows, buildDataInfo } from './data-info.ts';

const frame = new Frame(
  ['color', 'x', 'k', 'z'],
  [
    Vec.categorical([0, 1, -1, 2, 1, 0, 2], ['red', 'green', 'blue']),
    Vec.numeric([1.5, Number.NaN, 3, 250, -2, 0.25, 7]),
    Vec.numeric([4, 4, 4, 4, 4, 4, 4]),
    Vec.numeric([10, 20, 30, Number.NaN, 50, 60, 70]),
  ],
);

describe('AdaptedRows.fillBlock', () => {
  for (const training of [false, true]) {
    it(`writes the same inputs as fill() row by row (training=${training})`, () => {
      const info = buildDataInfo(frame, ['color', 'x', 'k', 'z'], null, {
        use_all_factor_levels: false,
        standardize: true,
        autoencoder: false,
        sparse: false,
        missing_values_handling: 'MeanImputation',
        standardizeResponse: false,
      });
      const a = new AdaptedRows(info, frame);
      const p = info.fullN;
      const rows = [6, 2, 1, 3];
      const block = new Float32Array(3 * p).fill(99);
      a.fillBlock(rows, 1, 3, block, training);
      const one = new Float32Array(p);
      for (let r = 0; r < 3; r++) {
        a.fill(rows[1 + r], one, training);
        assert.deepEqual([...block.subarray(r * p, (r + 1) * p)], [...one], `row ${rows[1 + r]}`);
      }
      const all = new Float32Array(frame.nRows * p);
      a.fillBlock(null, 0, frame.nRows, all, training);
      for (let r = 0; r < frame.nRows; r++) {
        a.fill(r, one, training);
        assert.deepEqual([...all.subarray(r * p, (r + 1) * p)], [...one], `row ${r}`);
      }
    });
  }

  it('reads integer columns without NAs (the no-NaN fast path) as fill() does', () => {
    // Five columns: four go through the four-at-a-time loop, the fifth alone.
    const ints = new Frame(
      ['px', 'q', 'r', 's', 't'],
      [
        Vec.numeric([0, 255, 17, 3, 128, 9, 64]),
        Vec.numeric([-5, 300, 2, 7, 7, 1000, -40]),
        Vec.numeric([1, 2, 3, 4, 5, 6, 8]),
        Vec.numeric([70000, -3, 0, 0, 1, 2, 3]),
        Vec.numeric([9, 8, 7, 6, 5, 4, 2]),
      ],
    );
    assert.ok(!(ints.col('px').data instanceof Float64Array), 'px should have integer storage');
    const info = buildDataInfo(ints, ints.names, null, {
      use_all_factor_levels: true,
      standardize: true,
      autoencoder: false,
      sparse: false,
      missing_values_handling: 'MeanImputation',
      standardizeResponse: false,
    });
    const a = new AdaptedRows(info, ints);
    const p = info.fullN;
    const one = new Float32Array(p);
    for (const rows of [null, [5, 0, 3, 6]]) {
      const n = rows ? rows.length : ints.nRows;
      const block = new Float32Array(n * p).fill(99);
      a.fillBlock(rows, 0, n, block, false);
      for (let r = 0; r < n; r++) {
        a.fill(rows ? rows[r] : r, one, false);
        assert.deepEqual([...block.subarray(r * p, (r + 1) * p)], [...one], `row ${r}`);
      }
    }
  });
});
