// Network behaviour beyond the math checks: dropout at train and test time, state copies, model
// averaging, layer replacement and the errors for bad specifications.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, ValidationError } from '../../core/index.ts';
import { baseSpec } from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';

const row = Float32Array.from([0.5, -1, 2, 0.25]);

describe('dropout', () => {
  it('never rescales input dropout at test time', () => {
    const plain = new Network(baseSpec({ activation: 'Tanh', units: [4, 5, 3, 1] }));
    plain.initWeights(2);
    const dropped = new Network(
      baseSpec({ activation: 'Tanh', units: [4, 5, 3, 1], input_dropout_ratio: 0.5 }),
    );
    dropped.initWeights(2);
    const a = new Float64Array(1);
    const b = new Float64Array(1);
    plain.predictRow(row, a);
    dropped.predictRow(row, b);
    assert.equal(a[0], b[0]);
  });
  it('scales hidden activations by (1 − ratio) at test time only', () => {
    const spec = baseSpec({
      activation: 'RectifierWithDropout',
      units: [4, 5, 3, 1],
      hidden_dropout_ratios: [0.3, 0.6],
    });
    const net = new Network(spec);
    net.initWeights(4);
    const noDrop = new Network({ ...spec, hidden_dropout_ratios: [0, 0] });
    noDrop.setLayer(0, net.weights[0], net.biases[0]);
    net.predictRow(row, new Float64Array(1));
    noDrop.predictRow(row, new Float64Array(1));
    // Layer 1 has the same inputs in both nets, so its output differs exactly by the factor 0.7.
    net.hiddenActivations(0).forEach((v, k) => {
      assert.ok(Math.abs(v - 0.7 * noDrop.hiddenActivations(0)[k]) < 1e-12);
    });
  });
  it('drops each unit with probability ratio while training', () => {
    const net = new Network(
      baseSpec({
        activation: 'TanhWithDropout',
        units: [50, 40, 1],
        input_dropout_ratio: 0.2,
        hidden_dropout_ratios: [0.5],
      }),
    );
    net.initWeights(1);
    const rng = new Rng(5);
    const input = new Float32Array(50).fill(1);
    let inDropped = 0;
    let hidDropped = 0;
    for (let r = 0; r < 200; r++) {
      net.trainRow(input, 0, r, rng);
      inDropped += net.dropoutMask(0).filter((k) => k === 0).length;
      hidDropped += net.dropoutMask(1).filter((k) => k === 0).length;
    }
    // 10 000 and 8 000 Bernoulli draws: 4 standard deviations ≈ 0.016 and 0.022.
    assert.ok(Math.abs(inDropped / 10000 - 0.2) < 0.016, `input ${inDropped / 10000}`);
    assert.ok(Math.abs(hidDropped / 8000 - 0.5) < 0.022, `hidden ${hidDropped / 8000}`);
  });
});

describe('state', () => {
  const spec = baseSpec({ adaptive_rate: true, rho: 0.99, epsilon: 1e-8, rate: 0, units: [4, 3, 1] });
  function trained(seed: number): Network {
    const net = new Network(spec);
    net.initWeights(seed);
    const rng = new Rng(seed);
    for (let r = 0; r < 5; r++) net.trainRow(row, 0.3, r, rng);
    return net;
  }
  it('clone() continues training exactly like the original', () => {
    const a = trained(1);
    const b = a.clone();
    const ra = new Rng(9);
    const rb = new Rng(9);
    a.trainRow(row, 1, 5, ra);
    b.trainRow(row, 1, 5, rb);
    assert.deepEqual(b.state(), a.state());
  });
  it('average() takes the element-wise mean of weights and optimizer state', () => {
    const a = trained(1);
    const b = trained(2);
    const wa = a.weights[0][3];
    const wb = b.weights[0][3];
    const ea = a.eg2W?.[3] ?? Number.NaN;
    const eb = b.eg2W?.[3] ?? Number.NaN;
    a.average([b]);
    assert.equal(a.weights[0][3], Math.fround((wa + wb) / 2));
    assert.equal(a.eg2W?.[3], Math.fround((ea + eb) / 2));
    assert.equal(a.biases[1][0], (trained(1).biases[1][0] + b.biases[1][0]) / 2);
  });
  it('fromState() rejects a state of another layout', () => {
    const s = trained(1).state();
    s.weights = new Float32Array(3);
    assert.throws(() => Network.fromState(s), /weights does not match/);
  });
  it('setLayer() checks the shape and names initial_weights', () => {
    const net = new Network(spec);
    assert.throws(
      () => net.setLayer(0, new Float32Array(5), null),
      (e: unknown) =>
        e instanceof ValidationError && /initial_weights.*expected 3x4 = 12 values, got 5/.test(e.message),
    );
  });
});

describe('specification errors', () => {
  it('lists every problem with its parameter name', () => {
    assert.throws(
      () =>
        new Network(
          baseSpec({
            units: [4, 0, 1],
            activation: 'Relu' as never,
            hidden_dropout_ratios: [0.5, 0.5],
            input_dropout_ratio: 1,
          }),
        ),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.messages.map((m) => m.field).join() ===
          'hidden,activation,hidden_dropout_ratios,input_dropout_ratio' &&
        /activation: unknown value 'Relu'. Allowed: Tanh, TanhWithDropout/.test(e.message),
    );
  });
  it('rejects a regression distribution on a softmax output', () => {
    assert.throws(
      () => new Network(baseSpec({ units: [4, 3], output: 'softmax', distribution: 'gaussian' })),
      /distribution: 'gaussian' is not allowed for classification/,
    );
  });
});

describe('manual learning rate and momentum', () => {
  it('ramps momentum linearly from momentum_start to momentum_stable over momentum_ramp samples', () => {
    const net = new Network(baseSpec({ momentum_start: 0.5, momentum_ramp: 100, momentum_stable: 0.9 }));
    // 0.5 + (0.9 − 0.5)·50/100 = 0.7; past the ramp it stays at 0.9.
    assert.ok(Math.abs(net.momentumAt(50) - 0.7) < 1e-15);
    assert.equal(net.momentumAt(0), 0.5);
    assert.equal(net.momentumAt(1000), 0.9);
  });
  it('decays the rate per layer and anneals it by n_seen (§5.5 example: output layer 0.00125)', () => {
    // rate 0.01, rate_decay 0.5, rate_annealing 1e-6 after 1e6 samples, m = 0, two hidden layers:
    // output layer rate = 0.01·0.5²/(1 + 1) = 0.00125, and the output bias moves by −0.00125·δ.
    const net = new Network(
      baseSpec({ units: [4, 5, 3, 1], rate: 0.01, rate_decay: 0.5, rate_annealing: 1e-6 }),
    );
    net.initWeights(6);
    const f = new Float64Array(1);
    net.predictRow(row, f);
    const before = net.biases[2][0];
    net.trainRow(row, 0.25, 1e6, new Rng(1));
    const delta = 2 * (f[0] - 0.25); // gaussian δ = 2(f − t)
    assert.ok(Math.abs(net.biases[2][0] - before - -0.00125 * delta) < 1e-15);
  });
});
