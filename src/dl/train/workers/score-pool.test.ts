// The scoring pool against this thread alone: the same rows scored with the helper threads must equal
// the single-thread result bit for bit (the batched kernel gives each row the same sums wherever the
// row falls in a block), for all rows and for a row subset, and small jobs stay on this thread.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../../core/index.ts';
import { Frame, Vec } from '../../../frame/index.ts';
import { AdaptedRows, buildDataInfo } from '../../data/data-info.ts';
import { Network, type NetworkSpec } from '../../network/index.ts';
import { softmaxSpec } from '../../network/naive-mlp.test-helper.ts';
import { scoreParallel, scorePoolReady } from './score-pool.ts';

const N_IN = 40;
const SPEC = softmaxSpec({ units: [N_IN + 3, 64, 64, 3], activation: 'Tanh', rate: 0 });

function setup(nRows: number) {
  const rng = new Rng(11);
  const names = Array.from({ length: N_IN }, (_, j) => `x${j}`);
  const vecs = names.map(() => Vec.numeric(Array.from({ length: nRows }, () => rng.nextGaussian())));
  const cat = Vec.categorical(
    Array.from({ length: nRows }, () => rng.nextInt(4) - 1),
    ['a', 'b', 'c'],
  );
  const frame = new Frame([...names, 'c'], [...vecs, cat]);
  const info = buildDataInfo(frame, [...names, 'c'], null, {
    use_all_factor_levels: false,
    standardize: true,
    autoencoder: false,
    sparse: false,
    missing_values_handling: 'MeanImputation',
    standardizeResponse: false,
  });
  const net = new Network({ ...SPEC, units: [info.fullN, 64, 64, 3] }, { backend: 'wasm' });
  net.initWeights(2);
  const adapted = new AdaptedRows(info, frame);
  const p = info.fullN;
  const range = (rows: ArrayLike<number> | null) => (k0: number, m: number, out: Float64Array) => {
    const x = new Float32Array(m * p);
    adapted.fillBlock(rows, k0, m, x, false);
    net.predictBatch(x, m, out);
  };
  return { net, adapted, range };
}

describe('scoreParallel', () => {
  it('splits rows across helper threads and matches one thread exactly', async () => {
    const n = 6000;
    const { net, adapted, range } = setup(n);
    const threads = await scorePoolReady();
    const alone = new Float64Array(n * 3);
    range(null)(0, n, alone);
    const pooled = new Float64Array(n * 3);
    const used = scoreParallel(net, adapted, undefined, n, pooled, range(null));
    assert.equal(used, threads > 1, `helpers used with ${threads} threads`);
    assert.deepEqual(pooled, alone);

    const subset = Int32Array.from({ length: 3001 }, (_, k) => (k * 7) % n);
    const wantSub = new Float64Array(subset.length * 3);
    range(subset)(0, subset.length, wantSub);
    const gotSub = new Float64Array(subset.length * 3);
    scoreParallel(net, adapted, subset, subset.length, gotSub, range(subset));
    assert.deepEqual(gotSub, wantSub);
  });

  it('leaves small jobs to the calling thread', () => {
    const { net, adapted, range } = setup(50);
    const out = new Float64Array(150);
    assert.equal(scoreParallel(net, adapted, undefined, 50, out, range(null)), false);
  });
});
