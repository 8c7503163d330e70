// Weight initialisation ranges and bias values (semantics doc §3.2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseSpec } from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { Activation } from './spec.ts';

function maxAbs(a: Float32Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

describe('initWeights', () => {
  it('UniformAdaptive uses ±sqrt(6/(fan_in + fan_out)), ×4 on the softmax output layer', () => {
    const net = new Network(
      baseSpec({
        activation: 'Rectifier',
        units: [10, 200, 3],
        output: 'softmax',
        distribution: 'multinomial',
        loss: 'CrossEntropy',
      }),
    );
    net.initWeights(42);
    // 10 → 200: sqrt(6/210) = sqrt(0.0285714) = 0.169031; 2000 draws reach within 1 % of the edge.
    const r0 = 0.169031;
    assert.ok(maxAbs(net.weights[0]) <= r0 && maxAbs(net.weights[0]) > 0.99 * r0);
    // 200 → 3 softmax: 4·sqrt(6/203) = 4·0.171920 = 0.687682; 600 draws reach within 3 %.
    const r1 = 0.687682;
    assert.ok(maxAbs(net.weights[1]) <= r1 && maxAbs(net.weights[1]) > 0.97 * r1);
    // Roughly centred: |mean| well under range/sqrt(n).
    const mean = net.weights[0].reduce((s, v) => s + v, 0) / 2000;
    assert.ok(Math.abs(mean) < 0.02);
  });
  it('does not multiply a regression output layer by 4', () => {
    const net = new Network(baseSpec({ units: [10, 200, 1] }));
    net.initWeights(1);
    // 200 → 1: sqrt(6/201) = 0.172774.
    assert.ok(maxAbs(net.weights[1]) <= 0.172774 && maxAbs(net.weights[1]) > 0.1);
  });
  it('Uniform uses ±scale and Normal has standard deviation scale', () => {
    const net = new Network(baseSpec({ units: [50, 100, 1] }));
    net.initWeights(3, 'Uniform', 0.3);
    assert.ok(maxAbs(net.weights[0]) <= 0.3 && maxAbs(net.weights[0]) > 0.29);
    net.initWeights(3, 'Normal', 0.3);
    const w = net.weights[0];
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    assert.ok(Math.abs(sd - 0.3) < 0.015, `sd ${sd}`); // 5000 draws: sd of the estimate ≈ 0.003
  });
  it('is reproducible for a seed and seeds each layer on its own', () => {
    const a = new Network(baseSpec({ units: [4, 5, 3, 1] }));
    const b = new Network(baseSpec({ units: [4, 5, 3, 1] }));
    a.initWeights(9);
    b.initWeights(9);
    assert.deepEqual(a.weightBuffer, b.weightBuffer);
    // A different first layer leaves layer 1 (seed + 0xBAD5EED + 2) with the same draws.
    const c = new Network(baseSpec({ units: [7, 5, 3, 1] }));
    c.initWeights(9);
    assert.deepEqual(c.weights[1], a.weights[1]);
  });
  const cases: [Activation, number[]][] = [
    ['Rectifier', [0.5, 1, 0]],
    ['RectifierWithDropout', [0.5, 1, 0]],
    ['Maxout', [0.5, 1, 0]],
    ['Tanh', [0, 0, 0]],
    ['ExpRectifier', [0, 0, 0]],
  ];
  for (const [activation, want] of cases) {
    it(`sets ${activation} biases to ${want.join(' / ')} (first hidden / deeper hidden / output)`, () => {
      const net = new Network(
        baseSpec({
          activation,
          units: [3, 4, 4, 2],
          output: 'softmax',
          distribution: 'bernoulli',
          loss: 'CrossEntropy',
        }),
      );
      net.initWeights(1);
      for (let l = 0; l < 3; l++)
        assert.ok(
          net.biases[l].every((b) => b === want[l]),
          `layer ${l}`,
        );
      if (activation === 'Maxout') assert.equal(net.biases[0].length, 8); // two channels per unit
    });
  }
});
