// Network against the naive reference MLP (naive-mlp.test-helper.ts): the test-mode forward pass,
// and whole training steps with ADADELTA (H2O's bias rule, max_w2, L1/L2, sparsity) and with
// Nesterov / classical momentum (ramp, per-layer rate decay, annealing, the (1 − m) factor).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import { approxSqrtF32, approxSqrtF64 } from '../../kernels/index.ts';
import {
  baseSpec,
  type NaiveNet,
  naiveBackprop,
  naiveForward,
  naiveFromNetwork,
  naiveOutputDelta,
} from './naive-mlp.test-helper.ts';
import { Network } from './network.ts';
import type { Activation, NetworkSpec } from './spec.ts';

const fr = Math.fround;

function randomRows(nRows: number, n: number, seed: number, zeros = false): Float32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: nRows }, () =>
    Float32Array.from({ length: n }, (_, i) => (zeros && i % 3 === 0 ? 0 : rng.nextDouble() * 2 - 1)),
  );
}

/** Zero-filled copies of the weight/bias shapes (optimizer state of the reference). */
function zerosLike(nn: NaiveNet) {
  return {
    W: nn.W.map((Wl) => Wl.map((Wc) => Wc.map((r) => r.map(() => 0)))),
    B: nn.B.map((Bl) => Bl.map((b) => b.map(() => 0))),
  };
}

interface Opt {
  sqrt32: (x: number) => number;
  sqrt64: (x: number) => number;
  fast: boolean;
}

/** One naive training row; rows updated are those of the winning channel only (Maxout). */
function naiveTrainRow(
  nn: NaiveNet,
  x: number[],
  target: number | number[],
  nSeen: number,
  st: { a: ReturnType<typeof zerosLike>; b: ReturnType<typeof zerosLike>; mean: number[][] },
  opt: Opt,
): void {
  const s = nn.spec;
  const fw = naiveForward(nn, x, null, false);
  if (s.sparsity_beta > 0)
    for (let h = 0; h < st.mean.length; h++)
      for (let o = 0; o < st.mean[h].length; o++)
        st.mean[h][o] = 0.999 * st.mean[h][o] + 0.001 * fw.acts[h + 1][o];
  const outDelta = naiveOutputDelta(nn, fw.acts[fw.acts.length - 1], target);
  // Backprop uses the pre-update weights of every layer (§3.5), so all gradients come first.
  const { gW, gB } = naiveBackprop(nn, fw, null, outDelta);
  const deltas: number[][] = [];
  for (let l = 0; l < nn.W.length; l++)
    deltas.push(nn.W[l][0].map((_, o) => gB[l][nn.W[l].length === 2 ? fw.winners[l][o] : 0][o]));
  const m = s.adaptive_rate
    ? 0
    : s.momentum_start + (s.momentum_stable - s.momentum_start) * Math.min(1, nSeen / s.momentum_ramp);
  for (let l = 0; l < nn.W.length; l++) {
    const r = ((s.rate * s.rate_decay ** l) / (1 + s.rate_annealing * nSeen)) * (1 - m);
    for (let o = 0; o < nn.W[l][0].length; o++) {
      const ch = nn.W[l].length === 2 ? fw.winners[l][o] : 0;
      const d = deltas[l][o];
      if (opt.fast && d === 0) continue;
      const row = nn.W[l][ch][o];
      let sumG2 = 0;
      for (let i = 0; i < row.length; i++) {
        if (opt.fast && fw.acts[l][i] === 0) continue;
        const w = row[i];
        const g = gW[l][ch][o][i] + s.l1 * Math.sign(w) + s.l2 * w;
        if (s.adaptive_rate) {
          const eg2 = fr(s.rho * st.a.W[l][ch][o][i] + (1 - s.rho) * g * g);
          const eta = opt.sqrt32((st.b.W[l][ch][o][i] + s.epsilon) / (eg2 + s.epsilon));
          st.a.W[l][ch][o][i] = eg2;
          st.b.W[l][ch][o][i] = fr(s.rho * st.b.W[l][ch][o][i] + (1 - s.rho) * eta * eta * g * g);
          row[i] = fr(w - eta * g);
          sumG2 += g * g;
        } else if (s.nesterov_accelerated_gradient) {
          st.a.W[l][ch][o][i] = fr(m * st.a.W[l][ch][o][i] - g);
          row[i] = fr(w + r * st.a.W[l][ch][o][i]);
        } else {
          const step = -r * g;
          row[i] = fr(w + step + m * st.a.W[l][ch][o][i]);
          st.a.W[l][ch][o][i] = fr(step);
        }
      }
      const b = nn.B[l][ch][o];
      const gb = d + s.l1 * Math.sign(b) + s.l2 * b;
      let biasRate = r;
      if (s.adaptive_rate) {
        const g2 = sumG2 / row.length; // H2O's bias rule: mean squared weight gradient of the row
        st.a.B[l][ch][o] = s.rho * st.a.B[l][ch][o] + (1 - s.rho) * g2;
        biasRate = opt.sqrt64((st.b.B[l][ch][o] + s.epsilon) / (st.a.B[l][ch][o] + s.epsilon));
        st.b.B[l][ch][o] = s.rho * st.b.B[l][ch][o] + (1 - s.rho) * biasRate * biasRate * g2;
        nn.B[l][ch][o] = b - biasRate * gb;
      } else if (s.nesterov_accelerated_gradient) {
        st.a.B[l][ch][o] = m * st.a.B[l][ch][o] - gb;
        nn.B[l][ch][o] = b + r * st.a.B[l][ch][o];
      } else {
        nn.B[l][ch][o] = b - r * gb + m * st.a.B[l][ch][o];
        st.a.B[l][ch][o] = -r * gb;
      }
      if (s.sparsity_beta > 0 && l < nn.W.length - 1)
        nn.B[l][ch][o] -= biasRate * s.sparsity_beta * (st.mean[l][o] - s.average_activation);
      const sumW2 = row.reduce((acc, w) => acc + w * w, 0);
      if (sumW2 > s.max_w2) {
        const scale = approxSqrtF32(s.max_w2 / sumW2); // the same helper: H2O's approximation is the spec
        for (let i = 0; i < row.length; i++) row[i] = fr(row[i] * scale);
      }
    }
  }
}

function runBoth(spec: NetworkSpec, nRows: number, opt: Opt, zeros = false) {
  const net = new Network(spec);
  net.initWeights(5);
  const nn = naiveFromNetwork(net);
  const st = {
    a: zerosLike(nn),
    b: zerosLike(nn),
    mean: spec.units.slice(1, -1).map((n) => new Array(n).fill(0)),
  };
  const rows = randomRows(nRows, spec.units[0], 99, zeros);
  const rng = new Rng(1);
  for (let r = 0; r < nRows; r++) {
    const target =
      spec.output === 'softmax' ? r % 3 : spec.output === 'autoencoder' ? rows[r] : 0.3 * r - 0.2;
    const nSeen = 40 + r;
    net.trainRow(rows[r], target, nSeen, rng);
    naiveTrainRow(nn, [...rows[r]], typeof target === 'number' ? target : [...target], nSeen, st, opt);
  }
  return { net, got: naiveFromNetwork(net), want: nn };
}

function assertSameWeights(got: NaiveNet, want: NaiveNet, tol: number, initial?: NaiveNet): void {
  for (let l = 0; l < want.W.length; l++)
    for (let ch = 0; ch < want.W[l].length; ch++)
      for (let o = 0; o < want.W[l][ch].length; o++) {
        for (let i = 0; i < want.W[l][ch][o].length; i++) {
          const g = got.W[l][ch][o][i];
          const w = want.W[l][ch][o][i];
          // With an initial state, compare the steps Δw (relative), else the weights themselves.
          const base = initial ? initial.W[l][ch][o][i] : 0;
          const scale = initial ? Math.abs(w - base) : 1;
          assert.ok(
            Math.abs(g - base - (w - base)) <= tol * scale + 1e-7,
            `W[${l}][${ch}][${o}][${i}]: ${g} vs ${w}`,
          );
        }
        const gb = got.B[l][ch][o];
        const wb = want.B[l][ch][o];
        assert.ok(
          Math.abs(gb - wb) <= tol * Math.max(1, Math.abs(wb)),
          `B[${l}][${ch}][${o}]: ${gb} vs ${wb}`,
        );
      }
}

const approx: Opt = { sqrt32: approxSqrtF32, sqrt64: approxSqrtF64, fast: false };
const ACTS: Activation[] = ['Tanh', 'Rectifier', 'ExpRectifier', 'Maxout'];
const ada = { adaptive_rate: true, rho: 0.95, epsilon: 1e-6, rate: 0, l1: 1e-3, l2: 1e-2 };

describe('Network agrees with the naive reference MLP', () => {
  for (const activation of ACTS) {
    for (const output of ['softmax', 'linear', 'autoencoder'] as const) {
      it(`forward pass (test mode, dropout scaling): ${activation}WithDropout, ${output}`, () => {
        const nOut = output === 'softmax' ? 3 : output === 'linear' ? 1 : 5;
        const spec = baseSpec({
          activation: `${activation}WithDropout` as Activation,
          units: [5, 6, 4, nOut],
          output,
          distribution: output === 'softmax' ? 'multinomial' : 'gaussian',
          loss: output === 'softmax' ? 'CrossEntropy' : 'Automatic',
          input_dropout_ratio: 0.2,
          hidden_dropout_ratios: [0.5, 0.25],
        });
        const net = new Network(spec);
        net.initWeights(3);
        const nn = naiveFromNetwork(net);
        const out = new Float64Array(nOut);
        for (const row of randomRows(4, 5, 8)) {
          net.predictRow(row, out);
          // Input dropout is never rescaled; hidden outputs are ×(1 − ratio) at test time.
          const fw = naiveForward(nn, [...row], null, true);
          const want = fw.acts[fw.acts.length - 1];
          for (let k = 0; k < nOut; k++)
            assert.ok(Math.abs(out[k] - want[k]) < 1e-12, `out[${k}] ${out[k]} vs ${want[k]}`);
          for (let h = 0; h < 2; h++)
            for (const [k, a] of net.hiddenActivations(h).entries())
              assert.ok(Math.abs(a - fw.acts[h + 1][k]) < 1e-12);
        }
      });
    }
    it(`${activation}: three ADADELTA rows with L1/L2 (same approximate sqrt as the reference)`, () => {
      const spec = baseSpec({
        ...ada,
        activation,
        units: [5, 6, 4, 3],
        output: 'softmax',
        distribution: 'multinomial',
        loss: 'CrossEntropy',
      });
      const { got, want } = runBoth(spec, 3, approx);
      assertSameWeights(got, want, 1e-6);
    });
    it(`${activation}: classical and Nesterov momentum rows with ramp, decay and annealing`, () => {
      for (const nesterov_accelerated_gradient of [true, false]) {
        const spec = baseSpec({
          activation,
          units: [5, 6, 4, 1],
          rate: 0.05,
          rate_decay: 0.5,
          rate_annealing: 0.01,
          momentum_start: 0.5,
          momentum_ramp: 100,
          momentum_stable: 0.9,
          nesterov_accelerated_gradient,
          l1: 1e-3,
          l2: 1e-2,
        });
        const { got, want } = runBoth(spec, 3, approx);
        assertSameWeights(got, want, 1e-6);
      }
    });
  }
  it('one ADADELTA step is within the fast-sqrt error of exact-sqrt ADADELTA', () => {
    const spec = baseSpec({ ...ada, l1: 0, l2: 0, activation: 'Tanh', units: [5, 6, 4, 1] });
    const init = new Network(spec);
    init.initWeights(5);
    const { got, want } = runBoth(spec, 1, { sqrt32: Math.sqrt, sqrt64: Math.sqrt, fast: false });
    // η differs by the approximation only (≤ 6 % for these ratios), so Δw does too.
    assertSameWeights(got, want, 0.06, naiveFromNetwork(init));
  });
  it('fast_mode skips zero inputs and zero-δ neurons exactly as documented', () => {
    const spec = baseSpec({ ...ada, fast_mode: true, activation: 'Rectifier', units: [6, 8, 5, 1] });
    const { got, want } = runBoth(spec, 3, { ...approx, fast: true }, true);
    assertSameWeights(got, want, 1e-6);
  });
  it('max_w2 rescales every row whose squared norm exceeds it', () => {
    const spec = baseSpec({ ...ada, max_w2: 0.3, activation: 'Tanh', units: [5, 6, 4, 1] });
    const { net, got, want } = runBoth(spec, 2, approx);
    assertSameWeights(got, want, 1e-6);
    const w0 = net.weights[0];
    for (let o = 0; o < 6; o++) {
      let s = 0;
      for (let i = 0; i < 5; i++) s += w0[o * 5 + i] ** 2;
      assert.ok(s <= 0.3 * 1.13, `row ${o} has Σw² ${s}`); // approx sqrt overshoots ≤ 6 % → ≤ 13 % on Σw²
    }
  });
  it('autoencoder sparsity pulls hidden biases towards average_activation', () => {
    const spec = baseSpec({
      ...ada,
      activation: 'Tanh',
      units: [5, 4, 3, 5],
      output: 'autoencoder',
      sparsity_beta: 0.5,
      average_activation: -0.2,
    });
    const { got, want } = runBoth(spec, 3, approx);
    assertSameWeights(got, want, 1e-6);
  });
});
