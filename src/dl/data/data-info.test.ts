import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Frame, Vec } from '../../frame/index.ts';
import { AdaptedRows, buildDataInfo, selectPredictors } from './data-info.ts';

const opts = {
  use_all_factor_levels: true,
  standardize: true,
  autoencoder: false,
  sparse: false,
  missing_values_handling: 'MeanImputation' as const,
  standardizeResponse: true,
};

// The worked example of semantics §2.3: color ∈ {blue,green,red}, size ∈ {L,S}, numeric x.
function colorFrame(): Frame {
  return new Frame(
    ['x', 'size', 'color'],
    [
      Vec.numeric([1, 3, 5, 3]),
      Vec.categorical([0, -1, 1, 0], ['L', 'S']),
      Vec.categorical([0, 1, 2, 1], ['blue', 'green', 'red']),
    ],
  );
}

describe('buildDataInfo', () => {
  it('puts categoricals first by decreasing cardinality, with an NA slot each', () => {
    const info = buildDataInfo(colorFrame(), ['x', 'size', 'color'], null, opts);
    assert.deepEqual(info.coefNames, [
      'color.blue',
      'color.green',
      'color.red',
      'color.missing(NA)',
      'size.L',
      'size.S',
      'size.missing(NA)',
      'x',
    ]);
    assert.equal(info.fullN, 8);
  });

  it('activates the level slots, the NA slot and standardises x for row (green, NA, 3)', () => {
    const frame = colorFrame();
    const info = buildDataInfo(frame, ['x', 'size', 'color'], null, opts);
    const out = new Float32Array(info.fullN);
    new AdaptedRows(info, frame).fill(1, out, false);
    // x = 1,3,5,3: mean 3, so standardised 3 is 0.
    assert.deepEqual(Array.from(out), [0, 1, 0, 0, 0, 0, 1, 0]);
  });

  it('drops the reference level with use_all_factor_levels=false', () => {
    const frame = colorFrame();
    const info = buildDataInfo(frame, ['x', 'size', 'color'], null, {
      ...opts,
      use_all_factor_levels: false,
    });
    assert.deepEqual(info.coefNames, [
      'color.green',
      'color.red',
      'color.missing(NA)',
      'size.S',
      'size.missing(NA)',
      'x',
    ]);
    const out = new Float32Array(info.fullN);
    const rows = new AdaptedRows(info, frame);
    // Row 3 is (green, L, 3): green → slot 0; L is the reference → nothing; x at the mean → 0.
    rows.fill(3, out, false);
    assert.deepEqual(Array.from(out), [1, 0, 0, 0, 0, 0]);
    // Row 0 is (blue, L, 1): both references → nothing; x = (1-3)/sd, sd of 1,3,5,3 (n-1) = sqrt(8/3).
    rows.fill(0, out, false);
    assert.deepEqual(Array.from(out.slice(0, 5)), [0, 0, 0, 0, 0]);
    assert.ok(Math.abs(out[5] - -2 / Math.sqrt(8 / 3)) < 1e-6);
  });

  it('maps an unseen level of a scoring frame to the NA slot', () => {
    const info = buildDataInfo(colorFrame(), ['x', 'size', 'color'], null, opts);
    const test = new Frame(
      ['x', 'size', 'color'],
      [Vec.numeric([3]), Vec.categorical([0], ['L']), Vec.categorical([0], ['purple'])],
    );
    const out = new Float32Array(info.fullN);
    new AdaptedRows(info, test).fill(0, out, false);
    assert.deepEqual(Array.from(out), [0, 0, 0, 1, 1, 0, 0, 0]);
  });

  it('normalises autoencoder inputs as (x - mean) / (max - min)', () => {
    const frame = colorFrame();
    const info = buildDataInfo(frame, ['x'], null, { ...opts, autoencoder: true });
    assert.equal(info.transform, 'NORMALIZE');
    const out = new Float32Array(1);
    new AdaptedRows(info, frame).fill(2, out, false);
    assert.equal(out[0], (5 - 3) / (5 - 1));
  });

  it('imputes the training mean for NA in training but 0 in scoring when not centred', () => {
    const frame = new Frame(['x'], [Vec.numeric([2, Number.NaN, 4])]);
    const info = buildDataInfo(frame, ['x'], null, { ...opts, standardize: false });
    const rows = new AdaptedRows(info, frame);
    const out = new Float32Array(1);
    rows.fill(1, out, true);
    assert.equal(out[0], 3);
    rows.fill(1, out, false);
    assert.equal(out[0], 0);
  });

  it('drops constant and string columns when ignore_const_cols is on', () => {
    const frame = new Frame(
      ['a', 'b', 's', 'y'],
      [Vec.numeric([1, 1, 1]), Vec.numeric([1, 2, 3]), Vec.string(['p', 'q', 'r']), Vec.numeric([0, 1, 0])],
    );
    const r = selectPredictors(frame, { special: ['y'], ignored: [], ignoreConstCols: true });
    assert.deepEqual(r.predictors, ['b']);
    assert.deepEqual(r.dropped, ['a', 's']);
  });
});

describe('max_categorical_features hashing', () => {
  it('hashes with MurmurHash3: four zero bytes, seed 0 give 0x2362F9DE (published test vector)', async () => {
    const { murmur3 } = await import('./data-info.ts');
    assert.equal(murmur3(0, 0) >>> 0, 0x2362f9de);
  });

  it('folds the one-hot slots into M inputs followed by the numerics', () => {
    const frame = colorFrame();
    const info = buildDataInfo(frame, ['x', 'size', 'color'], null, {
      ...opts,
      max_categorical_features: 2,
      seed: 1,
    });
    // One-hot width is 4 + 3 = 7 > 2, so 2 hashed inputs + 1 numeric.
    assert.equal(info.fullN, 3);
    const out = new Float32Array(info.fullN);
    new AdaptedRows(info, frame).fill(0, out, false);
    // Two categoricals each add 1 to some bucket: the buckets sum to 2.
    assert.equal(out[0] + out[1], 2);
  });
});

describe('AdaptedRows on a frame without the training columns', () => {
  it('refuses a frame with no column in common, naming expected columns', () => {
    const info = buildDataInfo(colorFrame(), ['x', 'size', 'color'], null, opts);
    const other = new Frame(['petal_len'], [Vec.numeric([1, 2])]);
    assert.throws(() => new AdaptedRows(info, other), /no columns in common.*color/);
  });
});
