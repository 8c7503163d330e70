// Network.trainBatch (wasm mini-batch path) against a deliberately naive float64 mini-batch written
// here: per-row forward, δ/m at the output, E = Δ·W before the update, G = Δᵀ·X, one optimizer step
// per weight. Tolerance: the kernels keep activations and gradients in float32, so weights agree to
// ~1e-6 relative after three batches; 1e-4 relative (+1e-6 absolute) leaves room for exp() rounding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { approxSqrtF32, approxSqrtF64 } from '../../kernels/index.ts';
import { wasmKernelsAvailable } from '../../kernels/wasm/index.ts';
import { MiniBatcher, miniBatchUnsupported } from './mini-batch.ts';
import { softmaxSpec } from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { NetworkSpec } from './spec.ts';

const BASE = softmaxSpec({ units: [6, 5, 4, 3], rho: 0.95, epsilon: 1e-6, rate: 0.05, mini_batch_size: 8 });

type Opt = 'plain' | 'nesterov' | 'adadelta';

/** The naive reference: one mini-batch step on plain number arrays. */
function naiveStep(
  net: Network,
  spec: NetworkSpec,
  opt: Opt,
  x: number[][],
  t: number[],
  state: number[][][],
): void {
  const L = net.layout.layers;
  const m = x.length;
  const act = (v: number) => (spec.activation === 'Tanh' ? Math.tanh(v) : Math.max(0, v));
  const dAct = (a: number) => (spec.activation === 'Tanh' ? 1 - a * a : a > 0 ? 1 : 0);
  // Forward: a[l][r][j].
  const a: number[][][] = [x];
  for (let l = 0; l < L.length; l++) {
    const w = net.weights[l];
    const b = net.biases[l];
    a.push(
      a[l].map((row) => {
        const z = Array.from(
          { length: L[l].nOut },
          (_, o) => b[o] + row.reduce((s, v, i) => s + w[o * L[l].nIn + i] * v, 0),
        );
        if (l < L.length - 1) return z.map(act);
        if (spec.output === 'linear') return z;
        const mx = Math.max(...z);
        const e = z.map((v) => Math.exp(v - mx));
        const sum = e.reduce((p, q) => p + q, 0);
        return e.map((v) => v / sum);
      }),
    );
  }
  let delta = a[L.length].map((y, r) =>
    // Gaussian: δ = −2·(t − y) (§3.4); softmax cross-entropy: p − onehot; both over m (batch mean).
    spec.output === 'linear' ? [(2 * (y[0] - t[r])) / m] : y.map((p, c) => (p - (c === t[r] ? 1 : 0)) / m),
  );
  for (let l = L.length - 1; l >= 0; l--) {
    const { nIn, nOut } = L[l];
    const w = net.weights[l];
    const b = net.biases[l];
    const e = a[l].map((_, r) =>
      Array.from({ length: nIn }, (_, i) => delta[r].reduce((s, d, o) => s + d * w[o * nIn + i], 0)),
    );
    const [s1, s2, s1b, s2b] = state[l];
    for (let o = 0; o < nOut; o++) {
      let sumG2 = 0;
      for (let i = 0; i < nIn; i++) {
        const k = o * nIn + i;
        const g = a[l].reduce((s, row, r) => s + delta[r][o] * row[i], 0) + spec.l2 * w[k];
        if (opt === 'plain') w[k] -= spec.rate * g;
        else if (opt === 'nesterov') {
          s1[k] = spec.momentum_stable * s1[k] - g;
          w[k] += spec.rate * (1 - spec.momentum_stable) * s1[k];
        } else {
          sumG2 += g * g;
          s1[k] = spec.rho * s1[k] + (1 - spec.rho) * g * g;
          const eta = approxSqrtF32((s2[k] + spec.epsilon) / (s1[k] + spec.epsilon));
          s2[k] = spec.rho * s2[k] + (1 - spec.rho) * eta * eta * g * g;
          w[k] -= eta * g;
        }
      }
      const gb = delta.reduce((s, d) => s + d[o], 0) + spec.l2 * b[o];
      if (opt === 'plain') b[o] -= spec.rate * gb;
      else if (opt === 'nesterov') {
        s1b[o] = spec.momentum_stable * s1b[o] - gb;
        b[o] += spec.rate * (1 - spec.momentum_stable) * s1b[o];
      } else {
        const g2 = sumG2 / nIn;
        s1b[o] = spec.rho * s1b[o] + (1 - spec.rho) * g2;
        const eta = approxSqrtF64((s2b[o] + spec.epsilon) / (s1b[o] + spec.epsilon));
        s2b[o] = spec.rho * s2b[o] + (1 - spec.rho) * eta * eta * g2;
        b[o] -= eta * gb;
      }
    }
    if (l > 0) delta = e.map((row, r) => row.map((v, i) => v * dAct(a[l][r][i])));
  }
}

const CASES: [string, Opt, Partial<NetworkSpec>][] = [
  ['Rectifier softmax ADADELTA', 'adadelta', {}],
  ['Tanh softmax plain SGD with l2', 'plain', { activation: 'Tanh', adaptive_rate: false, l2: 1e-3 }],
  [
    'Rectifier Nesterov momentum',
    'nesterov',
    { adaptive_rate: false, momentum_start: 0.9, momentum_stable: 0.9 },
  ],
  [
    'Tanh linear regression, ADADELTA',
    'adadelta',
    {
      activation: 'Tanh',
      output: 'linear',
      distribution: 'gaussian',
      loss: 'Quadratic',
      units: [6, 5, 4, 1],
    },
  ],
];

describe('Network.trainBatch', () => {
  for (const [name, opt, over] of CASES)
    it(`matches a naive float64 mini-batch step: ${name}`, { skip: !wasmKernelsAvailable() }, () => {
      const spec = { ...BASE, ...over };
      const net = new Network(spec, { backend: 'wasm' });
      net.initWeights(3);
      // The reference works on its own copy (plain JS network, float32 weights like ours).
      const ref = new Network(spec, { backend: 'js' });
      ref.initWeights(3);
      const state = ref.layout.layers.map((L) => [
        new Array(L.nOut * L.nIn).fill(0),
        new Array(L.nOut * L.nIn).fill(0),
        new Array(L.nOut).fill(0),
        new Array(L.nOut).fill(0),
      ]);
      const rng = new Rng(8);
      for (let batch = 0; batch < 3; batch++) {
        const m = batch === 2 ? 5 : 8; // a short last batch too
        const x = Array.from({ length: m }, () =>
          Array.from({ length: 6 }, () => Math.fround(rng.nextGaussian())),
        );
        const t = Array.from({ length: m }, () =>
          spec.output === 'linear' ? rng.nextGaussian() : rng.nextInt(3),
        );
        net.trainBatch(Float32Array.from(x.flat()), t, m, batch * 8);
        naiveStep(ref, spec, opt, x, t, state);
      }
      for (let i = 0; i < ref.weightBuffer.length; i++) {
        const [g, w] = [net.weightBuffer[i], ref.weightBuffer[i]];
        assert.ok(Math.abs(g - w) <= 1e-6 + 1e-4 * Math.abs(w), `weight ${i}: ${g} vs ${w}`);
      }
      for (let i = 0; i < ref.biasBuffer.length; i++) {
        const [g, w] = [net.biasBuffer[i], ref.biasBuffer[i]];
        assert.ok(Math.abs(g - w) <= 1e-6 + 1e-4 * Math.abs(w), `bias ${i}: ${g} vs ${w}`);
      }
    });

  it('names what mini-batches do not support', () => {
    assert.match(miniBatchUnsupported({ ...BASE, activation: 'Maxout' }) ?? '', /Maxout/);
    assert.match(miniBatchUnsupported({ ...BASE, hidden_dropout_ratios: [0.5, 0] }) ?? '', /dropout/);
    assert.equal(miniBatchUnsupported(BASE), null);
  });

  it('MiniBatcher trains queued rows in batches of mini_batch_size and flushes the rest', {
    skip: !wasmKernelsAvailable(),
  }, () => {
    const spec = { ...BASE, mini_batch_size: 4 };
    const a = new Network(spec, { backend: 'wasm' });
    a.initWeights(6);
    const b = a.clone({ backend: 'wasm' });
    const rng = new Rng(2);
    const x = Float32Array.from({ length: 10 * 6 }, () => rng.nextGaussian());
    const t = Array.from({ length: 10 }, (_, r) => r % 3);
    const batcher = MiniBatcher.for(a);
    assert.ok(batcher !== null);
    for (let r = 0; r < 10; r++) batcher.add(x.subarray(r * 6, (r + 1) * 6), t[r], 100 + r);
    batcher.flush();
    // Same rows by hand: 4 + 4 + 2, each batch with the row count seen before its first row.
    b.trainBatch(x.subarray(0, 24), t.slice(0, 4), 4, 100);
    b.trainBatch(x.subarray(24, 48), t.slice(4, 8), 4, 104);
    b.trainBatch(x.subarray(48, 60), t.slice(8, 10), 2, 108);
    assert.deepEqual([...a.weightBuffer], [...b.weightBuffer]);
    assert.equal(MiniBatcher.for(new Network({ ...BASE, mini_batch_size: 1 }, { backend: 'wasm' })), null);
  });
});
