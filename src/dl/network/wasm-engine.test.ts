// The wasm-backed Network against the JS reference Network: same initial weights, same rows, same
// RNG draws, compared after training. Tolerance: the wasm path keeps activations, errors and
// gradients in float32 (JS: float64), so weights drift by float32 rounding: relative 1e-4 after 40
// rows on these tiny nets (the observed drift is ~1e-6; the margin covers exp()/division rounding).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { wasmKernelsAvailable } from '../../kernels/wasm/index.ts';
import { softmaxSpec } from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { NetworkSpec } from './spec.ts';

const BASE = softmaxSpec({ units: [7, 6, 5, 3], rate_annealing: 1e-6 });

const CASES: [string, Partial<NetworkSpec>][] = [
  ['Rectifier softmax ADADELTA', {}],
  ['Tanh softmax plain SGD', { activation: 'Tanh', adaptive_rate: false }],
  ['ExpRectifier with dropout', { activation: 'ExpRectifierWithDropout', hidden_dropout_ratios: [0.3, 0.2] }],
  ['Maxout with input dropout, ADADELTA', { activation: 'MaxoutWithDropout', input_dropout_ratio: 0.2 }],
  ['Maxout plain SGD', { activation: 'Maxout', adaptive_rate: false }],
  [
    'Nesterov momentum, l1/l2, max_w2',
    {
      adaptive_rate: false,
      momentum_start: 0.5,
      momentum_ramp: 20,
      momentum_stable: 0.9,
      l1: 1e-3,
      l2: 1e-3,
      max_w2: 0.5,
    },
  ],
  ['classical momentum', { adaptive_rate: false, momentum_start: 0.9, nesterov_accelerated_gradient: false }],
  ['fast_mode ADADELTA with l2', { fast_mode: true, l2: 1e-4 }],
  [
    "the booklet's trial run: Rectifier with input and hidden dropout, l1, fast_mode",
    {
      activation: 'RectifierWithDropout',
      input_dropout_ratio: 0.2,
      hidden_dropout_ratios: [0.5, 0.5],
      l1: 1e-5,
      fast_mode: true,
    },
  ],
  [
    'Rectifier with hidden dropout, fast_mode, no l1/l2 (the x² ADADELTA kernel)',
    { activation: 'RectifierWithDropout', hidden_dropout_ratios: [0.5, 0.5], fast_mode: true },
  ],
  ['Quadratic loss', { loss: 'Quadratic', adaptive_rate: false }],
  [
    'gaussian regression',
    { units: [7, 6, 5, 1], output: 'linear', distribution: 'gaussian', loss: 'Automatic' },
  ],
  [
    'poisson regression, Tanh',
    { units: [7, 6, 5, 1], output: 'linear', distribution: 'poisson', activation: 'Tanh', loss: 'Automatic' },
  ],
  [
    'huber regression, rate_decay',
    { units: [7, 6, 5, 1], output: 'linear', distribution: 'huber', adaptive_rate: false, rate_decay: 0.5 },
  ],
  [
    'autoencoder',
    {
      units: [7, 4, 7],
      output: 'autoencoder',
      distribution: 'gaussian',
      hidden_dropout_ratios: [0],
      loss: 'Quadratic',
    },
  ],
];

function trainBoth(spec: NetworkSpec, nRows: number, zeros = 0.3): [Network, Network] {
  const data = new Rng(11);
  const nIn = spec.units[0];
  // Some exact zeros so fast_mode's skipping is exercised.
  const rows = Array.from({ length: 16 }, () =>
    Float32Array.from({ length: nIn }, () => (data.nextFloat() < zeros ? 0 : data.nextGaussian())),
  );
  const nOut = spec.units[spec.units.length - 1];
  const labels = rows.map(() => data.nextInt(nOut));
  const nets = (['js', 'wasm'] as const).map((backend) => {
    const net = new Network(spec, { backend });
    net.initWeights(5);
    const rng = new Rng(9);
    for (let r = 0; r < nRows; r++) {
      const x = rows[r % rows.length];
      const target = spec.output === 'softmax' ? labels[r % 16] : spec.output === 'linear' ? x[0] + x[1] : x;
      net.trainRow(x, target, r, rng);
    }
    return net;
  });
  return [nets[0], nets[1]];
}

function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(1, Math.abs(a[i]));
    assert.ok(Math.abs(a[i] - b[i]) <= tol * scale, `${what}[${i}]: js ${a[i]} vs wasm ${b[i]}`);
  }
}

describe('wasm-backed Network', { skip: !wasmKernelsAvailable() && 'no wasm SIMD here' }, () => {
  for (const [name, patch] of CASES) {
    it(`agrees with the JS network after 40 rows: ${name}`, () => {
      const spec = { ...BASE, ...patch };
      const [js, wasm] = trainBoth(spec, 40);
      assert.equal(wasm.backend, 'wasm');
      assertClose(js.weightBuffer, wasm.weightBuffer, 1e-4, 'weights');
      assertClose(js.biasBuffer, wasm.biasBuffer, 1e-4, 'biases');
      if (js.eg2W && wasm.eg2W) assertClose(js.eg2W, wasm.eg2W, 1e-4, 'eg2W');
      if (js.velW && wasm.velW) assertClose(js.velW, wasm.velW, 1e-4, 'velW');
      // The masks come from the same RNG draws.
      assert.deepEqual([...js.dropoutMask(1)], [...wasm.dropoutMask(1)]);
      const x = Float32Array.from({ length: spec.units[0] }, (_, i) => (i % 3) - 1);
      const n = spec.units[spec.units.length - 1];
      const [pj, pw] = [new Float64Array(n), new Float64Array(n)];
      js.predictRow(x, pj);
      wasm.predictRow(x, pw);
      assertClose(pj, pw, 1e-4, 'prediction');
      assertClose(js.hiddenActivations(0), wasm.hiddenActivations(0), 1e-4, 'hidden activations');
    });
  }

  it('agrees with the JS network on mostly-zero inputs with fast_mode (the compacted first layer)', () => {
    const spec = { ...BASE, units: [40, 6, 5, 3], fast_mode: true };
    const [js, wasm] = trainBoth(spec, 40, 0.85);
    assertClose(js.weightBuffer, wasm.weightBuffer, 1e-4, 'weights');
    assertClose(js.biasBuffer, wasm.biasBuffer, 1e-4, 'biases');
    assertClose(js.eg2W as Float32Array, wasm.eg2W as Float32Array, 1e-4, 'eg2W');
    assertClose(js.edx2W as Float32Array, wasm.edx2W as Float32Array, 1e-4, 'edx2W');
  });

  it('keeps its buffers in shared memory and survives state(), clone() and average()', () => {
    const [, wasm] = trainBoth(BASE, 10);
    assert.ok(wasm.weightBuffer.buffer instanceof SharedArrayBuffer);
    const copy = Network.fromState(wasm.state(), { backend: 'wasm' });
    assert.deepEqual([...copy.weightBuffer], [...wasm.weightBuffer]);
    const before = wasm.weightBuffer[0];
    copy.weightBuffer[0] = before + 2;
    const stored = copy.weightBuffer[0];
    wasm.average([copy]);
    assert.equal(wasm.weightBuffer[0], Math.fround((before + stored) / 2));
  });

  it('is deterministic: two runs give bit-identical weights', () => {
    const [, a] = trainBoth(
      { ...BASE, hidden_dropout_ratios: [0.5, 0], activation: 'RectifierWithDropout' },
      30,
    );
    const [, b] = trainBoth(
      { ...BASE, hidden_dropout_ratios: [0.5, 0], activation: 'RectifierWithDropout' },
      30,
    );
    assert.deepEqual([...a.weightBuffer], [...b.weightBuffer]);
  });
});
