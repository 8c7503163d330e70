// packRows and AdaptedRows.pack: the row-major copy must give fill() exactly the inputs it computes
// from the columns (same values, same arithmetic), and must refuse layouts it cannot hold exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Frame, Vec } from '../../frame/index.ts';
import { AdaptedRows, buildDataInfo } from './data-info.ts';
import { packRows } from './packed-rows.ts';

const OPTIONS = {
  use_all_factor_levels: false,
  standardize: true,
  autoencoder: false,
  sparse: false,
  missing_values_handling: 'MeanImputation',
  standardizeResponse: false,
} as const;

function sameInputs(frame: Frame, names: string[]): number {
  const info = buildDataInfo(frame, names, null, OPTIONS);
  const plain = new AdaptedRows(info, frame);
  const packed = new AdaptedRows(info, frame);
  assert.notEqual(packed.pack(), null, 'the frame qualifies for packing');
  const [a, b] = [new Float32Array(info.fullN), new Float32Array(info.fullN)];
  for (const training of [false, true])
    for (const r of [3, 0, frame.nRows - 1, 1, 2]) {
      a.fill(7);
      b.fill(-7);
      plain.fill(r, a, training);
      packed.fill(r, b, training);
      assert.deepEqual([...b], [...a], `row ${r}, training ${training}`);
    }
  return info.fullN;
}

describe('packed rows', () => {
  it('byte columns, a constant and a categorical: fill() gives the same inputs as from the columns', () => {
    const frame = new Frame(
      ['color', 'p1', 'p2', 'k', 'p3'],
      [
        Vec.categorical([0, 1, -1, 2, 1], ['red', 'green', 'blue']),
        Vec.numeric([0, 255, 3, 17, 0]),
        Vec.numeric([9, 0, 0, 200, 1]),
        Vec.numeric([4, 4, 4, 4, 4]),
        Vec.numeric([1, 2, 3, 4, 5]),
      ],
    );
    assert.equal(frame.col('p1').data.constructor, Uint8Array, 'test premise: byte storage');
    sameInputs(frame, ['color', 'p1', 'p2', 'k', 'p3']);
  });

  it('float columns with NaN (NA in the values): the NA rule still applies', () => {
    const frame = new Frame(
      ['x', 'z'],
      [Vec.numeric([1.5, Number.NaN, 3.25, 250.5, -2.75]), Vec.numeric([0.5, 20.25, Number.NaN, 1.5, 7.5])],
    );
    sameInputs(frame, ['x', 'z']);
  });

  it('refuses NA bitmaps, mixed storage, absent columns and copies over the size limit', () => {
    const bytes = Vec.numeric([0, 1, 2, 3]);
    const withNA = Vec.numeric([0, Number.NaN, 2, 3]);
    const floats = Vec.numeric([0.5, 1, 2, 3]);
    assert.notEqual(withNA.naBits, null, 'test premise: integer NA kept in a bitmap');
    assert.equal(packRows([bytes, withNA], 4), null, 'NA bitmap');
    assert.notEqual(bytes.data.constructor, floats.data.constructor, 'test premise: two storage types');
    assert.equal(packRows([bytes, floats], 4), null, 'mixed storage');
    assert.equal(packRows([bytes, null], 4), null, 'absent column');
    assert.equal(packRows([bytes, bytes], 4, 7), null, '8 bytes over a 7-byte limit');
    const ok = packRows([bytes, Vec.numeric([5, 6, 7, 8])], 4);
    assert.deepEqual(ok && [...ok.data], [0, 5, 1, 6, 2, 7, 3, 8], 'row-major order');
  });
});

describe('AdaptedRows.inputOffsets', () => {
  it('gives c with input + c exactly 0 where the raw value is 0, and 0 for categorical slots', () => {
    const frame = new Frame(
      ['color', 'p', 'q'],
      [
        Vec.categorical([0, 1, 2, 1, 0], ['red', 'green', 'blue']),
        Vec.numeric([0, 17, 0, 255, 3]),
        Vec.numeric([0.1, 0, 2.7, 0, 1.3]),
      ],
    );
    const info = buildDataInfo(frame, ['color', 'p', 'q'], null, OPTIONS);
    const a = new AdaptedRows(info, frame);
    const c = a.inputOffsets();
    assert.equal(c.length, info.fullN);
    const x = new Float32Array(info.fullN);
    const numStart = info.catOffsets[info.catOffsets.length - 1];
    for (let k = 0; k < numStart; k++) assert.equal(c[k], 0, `categorical slot ${k}`);
    let zerosSeen = 0;
    for (let r = 0; r < frame.nRows; r++) {
      a.fill(r, x, false);
      for (const [k, name] of [
        [0, 'p'],
        [1, 'q'],
      ] as const) {
        const raw = frame.col(name).at(r);
        const u = x[numStart + k] + c[numStart + k];
        if (raw === 0) {
          zerosSeen++;
          assert.equal(u, 0, `row ${r} ${name}: raw 0 gives input ${x[numStart + k]}, c ${c[numStart + k]}`);
        } else assert.notEqual(u, 0, `row ${r} ${name}`);
      }
    }
    assert.equal(zerosSeen, 4);
  });
});
