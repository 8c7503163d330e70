// Finite-difference gradient checks: for every activation × output/distribution (and a fixed dropout
// mask) the step taken by plain SGD at rate 1 (Δw = −g) must equal the central difference of the
// loss E whose derivative is the §3.4 δ, computed on the naive reference MLP in float64.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import {
  baseSpec,
  type Masks,
  masksOf,
  type NaiveNet,
  naiveBackprop,
  naiveForward,
  naiveFromNetwork,
  naiveOutputDelta,
} from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { Activation, NetworkSpec } from './spec.ts';

/** E(f, t) per distribution, written as the losses whose ∂E/∂f is the §3.4 δ. */
function regressionLoss(spec: NetworkSpec, f: number, t: number): number {
  const p = spec.tweedie_power;
  const a = spec.quantile_alpha;
  switch (spec.distribution) {
    case 'gaussian':
      return (f - t) ** 2;
    case 'poisson':
      return 2 * (Math.exp(f) - t * f);
    case 'gamma':
      return 2 * (f + t * Math.exp(-f));
    case 'tweedie':
      return -2 * ((t * Math.exp(f * (1 - p))) / (1 - p) - Math.exp(f * (2 - p)) / (2 - p));
    case 'laplace':
      return Math.abs(f - t);
    case 'quantile':
      return t > f ? a * (t - f) : (1 - a) * (f - t);
    case 'huber': {
      const r = Math.abs(t - f);
      return r <= 1 ? r * r : 2 * r - 1;
    }
    default:
      throw new Error(spec.distribution);
  }
}

/**
 * The loss as a function of the weights. Softmax+Quadratic (diagonal-Jacobian rule) and autoencoders
 * (output derivative not applied) have no such E; for them E is the surrogate Σ δ̄·net_out with δ̄
 * frozen at the unperturbed point, which checks every layer below the output δ.
 */
function lossOf(
  nn: NaiveNet,
  x: number[],
  masks: Masks,
  target: number | number[],
  frozen: number[] | null,
): number {
  const fw = naiveForward(nn, x, masks, false);
  if (frozen) return fw.outNet.reduce((s, z, i) => s + frozen[i] * z, 0);
  const y = fw.acts[fw.acts.length - 1];
  if (nn.spec.output === 'softmax') return -Math.log(y[target as number]);
  return regressionLoss(nn.spec, y[0], target as number);
}

function checkGradients(spec: NetworkSpec, seed: number, wantDropped = false): void {
  const net = new Network(spec);
  net.initWeights(seed);
  const rng = new Rng(seed + 7);
  const nIn = spec.units[0];
  const input = new Float32Array(nIn);
  for (let i = 0; i < nIn; i++) input[i] = rng.nextDouble() * 2 - 1;
  const nOut = spec.units[spec.units.length - 1];
  const target: number | number[] =
    spec.output === 'softmax'
      ? 1
      : spec.output === 'autoencoder'
        ? [...input]
        : spec.distribution === 'gaussian'
          ? 0.4
          : 1.3;
  const before = naiveFromNetwork(net);
  net.trainRow(input, typeof target === 'number' ? target : input, 0, rng);
  const masks = masksOf(net);
  if (wantDropped) {
    const dropped = [...masks.input, ...masks.hidden.flat()].some((k) => k === 0);
    assert.ok(dropped, 'the fixed mask should drop at least one unit');
  }
  const after = naiveFromNetwork(net);
  const x = [...input];
  const fw = naiveForward(before, x, masks, false);
  const surrogate = spec.output === 'autoencoder' || spec.loss === 'Quadratic';
  const frozen = surrogate ? naiveOutputDelta(before, fw.acts[fw.acts.length - 1], target) : null;
  const ref = naiveBackprop(before, fw, masks, naiveOutputDelta(before, fw.acts[fw.acts.length - 1], target));
  assert.equal(fw.acts[fw.acts.length - 1].length, nOut);
  const h = 1e-6;
  const fd = (get: () => number, set: (v: number) => void): number => {
    const w0 = get();
    set(w0 + h);
    const ep = lossOf(before, x, masks, target, frozen);
    set(w0 - h);
    const em = lossOf(before, x, masks, target, frozen);
    set(w0);
    return (ep - em) / (2 * h);
  };
  // Δw is rounded to float32 when stored (|w| < 4: ≤ 2.4e-7); the FD error is O(h²) + O(1e-16/h).
  const close = (what: string, got: number, want: number) =>
    assert.ok(
      Math.abs(got - want) <= 1e-6 + 1e-6 * Math.abs(want),
      `${what}: network ${got}, expected ${want}`,
    );
  for (let l = 0; l < before.W.length; l++) {
    for (let ch = 0; ch < before.W[l].length; ch++) {
      const Wc = before.W[l][ch];
      for (let o = 0; o < Wc.length; o++) {
        for (let i = 0; i < Wc[o].length; i++) {
          const g = Wc[o][i] - after.W[l][ch][o][i];
          const where = `W[${l}][ch${ch}][${o}][${i}]`;
          close(
            `${where} vs FD`,
            g,
            fd(
              () => Wc[o][i],
              (v) => {
                Wc[o][i] = v;
              },
            ),
          );
          close(`${where} vs naive backprop`, g, ref.gW[l][ch][o][i]);
        }
        const Bc = before.B[l][ch];
        const gb = Bc[o] - after.B[l][ch][o];
        close(
          `B[${l}][ch${ch}][${o}] vs FD`,
          gb,
          fd(
            () => Bc[o],
            (v) => {
              Bc[o] = v;
            },
          ),
        );
      }
    }
  }
}

const ACTS: Activation[] = ['Tanh', 'Rectifier', 'ExpRectifier', 'Maxout'];
const DISTS = ['gaussian', 'poisson', 'gamma', 'tweedie', 'laplace', 'quantile', 'huber'] as const;

describe('back-propagated gradients match finite differences', () => {
  for (const activation of ACTS) {
    it(`${activation}: softmax with CrossEntropy`, () => {
      checkGradients(
        baseSpec({
          activation,
          units: [4, 5, 3, 3],
          output: 'softmax',
          distribution: 'multinomial',
          loss: 'CrossEntropy',
        }),
        11,
      );
    });
    it(`${activation}: softmax with Quadratic (diagonal rule, surrogate loss)`, () => {
      checkGradients(
        baseSpec({
          activation,
          units: [4, 5, 3, 3],
          output: 'softmax',
          distribution: 'multinomial',
          loss: 'Quadratic',
        }),
        12,
      );
    });
    for (const distribution of DISTS) {
      it(`${activation}: linear output, ${distribution}`, () => {
        checkGradients(baseSpec({ activation, units: [4, 5, 3, 1], output: 'linear', distribution }), 13);
      });
    }
    it(`${activation}: autoencoder (output derivative not applied, surrogate loss)`, () => {
      checkGradients(
        baseSpec({ activation, units: [4, 5, 3, 4], output: 'autoencoder', distribution: 'gaussian' }),
        14,
      );
    });
  }
  for (const activation of [
    'TanhWithDropout',
    'RectifierWithDropout',
    'ExpRectifierWithDropout',
    'MaxoutWithDropout',
  ] as const) {
    const dropout = { activation, input_dropout_ratio: 0.3, hidden_dropout_ratios: [0.4, 0.5] };
    it(`${activation}: fixed dropout mask, softmax`, () => {
      checkGradients(
        baseSpec({
          ...dropout,
          units: [4, 6, 4, 3],
          output: 'softmax',
          distribution: 'multinomial',
          loss: 'CrossEntropy',
        }),
        21,
        true,
      );
    });
    it(`${activation}: fixed dropout mask, gaussian`, () => {
      checkGradients(baseSpec({ ...dropout, units: [4, 6, 4, 1] }), 22, true);
    });
    it(`${activation}: fixed dropout mask, autoencoder`, () => {
      checkGradients(baseSpec({ ...dropout, units: [4, 6, 4, 4], output: 'autoencoder' }), 23, true);
    });
  }
});
