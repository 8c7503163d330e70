// Network.predictBatch against predictRow, row by row, for every activation and output layer.
// Tolerance: the batched wasm kernel sums the same float32 products in another order (4 lanes per
// row instead of 8), so outputs differ by float32 rounding: 1e-5 relative + 1e-6 absolute on these
// small nets. The JS backend's predictBatch is predictRow in a loop and must agree exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { wasmKernelsAvailable } from '../../kernels/wasm/index.ts';
import { softmaxSpec } from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { NetworkSpec } from './spec.ts';

const BASE = softmaxSpec({ units: [13, 9, 7, 3] });

const CASES: [string, Partial<NetworkSpec>][] = [
  ['Rectifier softmax', {}],
  ['Tanh softmax', { activation: 'Tanh' }],
  [
    'ExpRectifier with hidden dropout (test-time scaling)',
    { activation: 'ExpRectifierWithDropout', hidden_dropout_ratios: [0.3, 0.2] },
  ],
  ['Maxout with dropout', { activation: 'MaxoutWithDropout', hidden_dropout_ratios: [0.5, 0] }],
  [
    'linear regression output',
    { output: 'linear', distribution: 'gaussian', loss: 'Quadratic', units: [13, 9, 7, 1] },
  ],
  [
    'Tanh autoencoder',
    {
      activation: 'Tanh',
      output: 'autoencoder',
      distribution: 'gaussian',
      loss: 'Quadratic',
      units: [13, 9, 7, 13],
    },
  ],
  // Layers with at least 16 outputs take the packed kernel (gemmBiasPacked) where it is built.
  ['wide Rectifier softmax (packed layers)', { units: [37, 24, 20, 3] }],
  [
    'wide Tanh autoencoder (packed output layer, odd width)',
    {
      activation: 'Tanh',
      output: 'autoencoder',
      distribution: 'gaussian',
      loss: 'Quadratic',
      units: [37, 18, 22, 37],
    },
  ],
];

function rowsOf(n: number, width: number): Float32Array {
  const rng = new Rng(5);
  return Float32Array.from({ length: n * width }, () => rng.nextGaussian());
}

/** predictRow on each row: the reference the batch must reproduce. */
function perRow(net: Network, x: Float32Array, n: number): Float64Array {
  const nIn = net.spec.units[0];
  const nOut = net.spec.units[net.spec.units.length - 1];
  const out = new Float64Array(n * nOut);
  const y = new Float64Array(nOut);
  for (let r = 0; r < n; r++) {
    net.predictRow(x.subarray(r * nIn, (r + 1) * nIn), y);
    out.set(y, r * nOut);
  }
  return out;
}

describe('Network.predictBatch', () => {
  for (const [name, over] of CASES) {
    it(`gives predictRow's outputs for ${name} (wasm, 150 rows over three blocks)`, {
      skip: !wasmKernelsAvailable(),
    }, () => {
      const net = new Network({ ...BASE, ...over }, { backend: 'wasm' });
      net.initWeights(3);
      // A few training rows so weights and biases are not just their initial values.
      const rng = new Rng(9);
      const x = rowsOf(150, net.spec.units[0]);
      const nIn = net.spec.units[0];
      for (let r = 0; r < 20; r++) {
        const xr = x.subarray(r * nIn, (r + 1) * nIn);
        net.trainRow(xr, over.output === 'autoencoder' ? xr : over.output === 'linear' ? 0.5 : r % 3, r, rng);
      }
      const want = perRow(net, x, 150);
      const got = new Float64Array(want.length);
      net.predictBatch(x, 150, got);
      for (let i = 0; i < want.length; i++)
        assert.ok(
          Math.abs(got[i] - want[i]) <= 1e-6 + 1e-5 * Math.abs(want[i]),
          `${i}: ${got[i]} vs ${want[i]}`,
        );
    });
  }

  it('with input offsets (mostly-zero raw inputs) takes the sparse first layer and gives predictRow', {
    skip: !wasmKernelsAvailable(),
  }, () => {
    const net = new Network({ ...BASE, units: [75, 40, 20, 3] }, { backend: 'wasm' });
    net.initWeights(6);
    const rng = new Rng(12);
    const c = Float32Array.from({ length: 75 }, () => rng.nextGaussian());
    // Standardised rows x = u − c with 70% of u exactly 0 (as AdaptedRows writes a 0 pixel).
    const x = Float32Array.from({ length: 150 * 75 }, (_, i) =>
      rng.nextFloat() < 0.7 ? -c[i % 75] : rng.nextGaussian() * 2,
    );
    const want = perRow(net, x, 150);
    const got = new Float64Array(want.length);
    net.predictBatch(x, 150, got, c);
    for (let i = 0; i < want.length; i++)
      assert.ok(
        Math.abs(got[i] - want[i]) <= 1e-6 + 1e-5 * Math.abs(want[i]),
        `${i}: ${got[i]} vs ${want[i]}`,
      );
    // The sparse path sums other products (W·u + (b − W·c)), so some outputs differ in their last
    // bits from the dense batch: equal outputs everywhere would mean it was not taken.
    const dense = new Float64Array(want.length);
    net.predictBatch(x, 150, dense);
    assert.ok(
      got.some((v, i) => v !== dense[i]),
      'the sparse first layer was used',
    );
  });

  it('equals predictRow exactly on the JS backend', () => {
    const net = new Network({ ...BASE, activation: 'Maxout' }, { backend: 'js' });
    net.initWeights(4);
    const x = rowsOf(7, 13);
    const want = perRow(net, x, 7);
    const got = new Float64Array(want.length);
    net.predictBatch(x, 7, got);
    assert.deepEqual([...got], [...want]);
  });
});
