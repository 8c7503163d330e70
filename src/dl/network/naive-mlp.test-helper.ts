// A deliberately naive reference MLP for the tests: nested number[][] loops written straight from the
// semantics doc (§3, §5.5–5.8), no typed arrays, no shared code with network.ts beyond reading its
// weights. Float32 storage is emulated with Math.fround where H2O stores float32.
import type { Network } from './network.ts';
import type { ActivationKind, NetworkSpec } from './spec.ts';

/** W[l][ch][o][i] and B[l][ch][o]; dense layers have one channel. */
export interface NaiveNet {
  kind: ActivationKind;
  spec: NetworkSpec;
  W: number[][][][];
  B: number[][][];
}

/** Keep masks: 1 kept, 0 dropped. */
export interface Masks {
  input: number[];
  hidden: number[][];
}

export interface NaiveForward {
  /** acts[0] = (dropped) input, acts[l+1] = output of weight layer l. */
  acts: number[][];
  /** Pre-activation of the output layer. */
  outNet: number[];
  /** Winning Maxout channel per hidden unit (0 for dense layers and dropped units). */
  winners: number[][];
}

/** Copies a Network's weights, decoding the layout formula from the semantics doc §3.1. */
export function naiveFromNetwork(net: Network): NaiveNet {
  const spec = net.spec;
  const u = spec.units;
  const kind = spec.activation.replace('WithDropout', '') as ActivationKind;
  const W: number[][][][] = [];
  const B: number[][][] = [];
  for (let l = 0; l + 1 < u.length; l++) {
    const maxout = kind === 'Maxout' && l + 2 < u.length;
    const channels = maxout ? 2 : 1;
    const Wl: number[][][] = [];
    const Bl: number[][] = [];
    for (let ch = 0; ch < channels; ch++) {
      const rows: number[][] = [];
      const bs: number[] = [];
      for (let o = 0; o < u[l + 1]; o++) {
        const row: number[] = [];
        for (let i = 0; i < u[l]; i++)
          row.push(net.weights[l][maxout ? 2 * (o * u[l] + i) + ch : o * u[l] + i]);
        rows.push(row);
        bs.push(net.biases[l][maxout ? 2 * o + ch : o]);
      }
      Wl.push(rows);
      Bl.push(bs);
    }
    W.push(Wl);
    B.push(Bl);
  }
  return { kind, spec, W, B };
}

function act(kind: ActivationKind, x: number): number {
  if (kind === 'Tanh') return Math.tanh(x);
  if (kind === 'Rectifier') return Math.max(x, 0);
  if (kind === 'ExpRectifier') return x >= 0 ? x : Math.exp(x) - 1;
  return x; // Maxout's max is taken by the caller; a one-channel maxout is the identity
}

/** Forward pass; `masks` null = no dropout; `testMode` scales hidden outputs by (1 − ratio). */
export function naiveForward(
  nn: NaiveNet,
  x: number[],
  masks: Masks | null,
  testMode: boolean,
): NaiveForward {
  const nL = nn.W.length;
  const acts: number[][] = [x.map((v, i) => (masks ? v * masks.input[i] : v))];
  const winners: number[][] = [];
  let outNet: number[] = [];
  for (let l = 0; l < nL; l++) {
    const hidden = l < nL - 1;
    const prev = acts[l];
    const nOut = nn.W[l][0].length;
    const a: number[] = [];
    const win: number[] = [];
    const nets: number[] = [];
    for (let o = 0; o < nOut; o++) {
      const dropped = hidden && masks !== null && masks.hidden[l][o] === 0;
      const chNets = nn.W[l].map((Wc, ch) => {
        let s = nn.B[l][ch][o];
        for (let i = 0; i < prev.length; i++) s += Wc[o][i] * prev[i];
        return s;
      });
      let w = 0;
      if (chNets.length === 2 && chNets[1] > chNets[0]) w = 1;
      const net = dropped ? 0 : chNets[w];
      win.push(dropped ? 0 : w);
      nets.push(net);
      a.push(net);
    }
    if (hidden || nn.spec.output === 'autoencoder') {
      for (let o = 0; o < nOut; o++) a[o] = act(nn.kind, a[o]);
    } else if (nn.spec.output === 'softmax') {
      const mx = Math.max(...a);
      const e = a.map((v) => Math.exp(v - mx));
      const sum = e.reduce((s, v) => s + v, 0);
      for (let o = 0; o < nOut; o++) a[o] = e[o] / sum;
    }
    if (hidden && testMode) {
      const r = nn.spec.hidden_dropout_ratios[l];
      for (let o = 0; o < nOut; o++) a[o] *= 1 - r;
    }
    acts.push(a);
    winners.push(win);
    if (!hidden) outNet = nets;
  }
  return { acts, outNet, winners };
}

/** δ = ∂E/∂net at the output, from the semantics doc §3.4 table (Huber δ_h = 1). */
export function naiveOutputDelta(nn: NaiveNet, y: number[], target: number | number[]): number[] {
  const s = nn.spec;
  if (s.output === 'softmax') {
    return y.map((p, c) => {
      const t = c === target ? 1 : 0;
      return s.loss === 'Quadratic' ? (p - t) * p * (1 - p) : p - t;
    });
  }
  const one = (t: number, f: number): number => {
    switch (s.distribution) {
      case 'gaussian':
        return 2 * (f - t);
      case 'poisson':
        return 2 * (Math.exp(f) - t);
      case 'gamma':
        return 2 * (1 - t * Math.exp(-f));
      case 'tweedie': {
        const p = s.tweedie_power;
        return -2 * (t * Math.exp(f * (1 - p)) - Math.exp(f * (2 - p)));
      }
      case 'laplace':
        return f <= t ? -1 : 1;
      case 'quantile':
        return t > f ? -s.quantile_alpha : 1 - s.quantile_alpha;
      case 'huber':
        return -2 * Math.max(-1, Math.min(1, t - f));
      default:
        throw new Error(`no delta for ${s.distribution}`);
    }
  };
  const t = typeof target === 'number' ? [target] : target;
  return y.map((f, i) => one(t[i], f));
}

/** Textbook back-propagation: gradients of every weight and bias given the output δ. */
export function naiveBackprop(
  nn: NaiveNet,
  fw: NaiveForward,
  masks: Masks | null,
  outDelta: number[],
): { gW: number[][][][]; gB: number[][][] } {
  const nL = nn.W.length;
  const gW = nn.W.map((Wl) => Wl.map((Wc) => Wc.map((row) => row.map(() => 0))));
  const gB = nn.B.map((Bl) => Bl.map((bc) => bc.map(() => 0)));
  let delta = outDelta;
  for (let l = nL - 1; l >= 0; l--) {
    const prev = fw.acts[l];
    const e = prev.map(() => 0);
    for (let o = 0; o < delta.length; o++) {
      const ch = nn.W[l].length === 2 ? fw.winners[l][o] : 0;
      for (let i = 0; i < prev.length; i++) {
        gW[l][ch][o][i] = delta[o] * prev[i];
        e[i] += delta[o] * nn.W[l][ch][o][i];
      }
      gB[l][ch][o] = delta[o];
    }
    if (l > 0) {
      delta = prev.map((a, i) => {
        if (masks !== null && masks.hidden[l - 1][i] === 0) return 0;
        if (nn.kind === 'Tanh') return e[i] * (1 - a * a);
        if (nn.kind === 'Rectifier') return a > 0 ? e[i] : 0;
        if (nn.kind === 'ExpRectifier') return a >= 0 ? e[i] : e[i] * (a + 1);
        return e[i];
      });
    }
  }
  return { gW, gB };
}

/** Reads the keep masks a Network used in its last training pass. */
export function masksOf(net: Network): Masks {
  const nHidden = net.spec.units.length - 2;
  const hidden: number[][] = [];
  for (let h = 1; h <= nHidden; h++) hidden.push([...net.dropoutMask(h)]);
  return { input: [...net.dropoutMask(0)], hidden };
}

/** The NetworkSpec for tests: plain SGD at rate 1 (Δw = −g), no regularisation, no fast_mode. */
export function baseSpec(over: Partial<NetworkSpec>): NetworkSpec {
  const units = over.units ?? [4, 5, 3, 1];
  return {
    units,
    activation: 'Tanh',
    output: 'linear',
    distribution: 'gaussian',
    loss: 'Automatic',
    tweedie_power: 1.5,
    quantile_alpha: 0.3,
    input_dropout_ratio: 0,
    hidden_dropout_ratios: units.slice(1, -1).map(() => 0),
    l1: 0,
    l2: 0,
    max_w2: 3.4028234663852886e38,
    adaptive_rate: false,
    rho: 0,
    epsilon: 0,
    rate: 1,
    rate_annealing: 0,
    rate_decay: 1,
    momentum_start: 0,
    momentum_ramp: 0,
    momentum_stable: 0,
    nesterov_accelerated_gradient: true,
    fast_mode: false,
    average_activation: 0,
    sparsity_beta: 0,
    ...over,
  };
}

/**
 * The NetworkSpec the classifier tests start from: Rectifier softmax, ADADELTA (ρ 0.99, ε 1e-8),
 * rate 0.01 for the tests that switch adaptive_rate off, no regularisation, no fast_mode.
 */
export function softmaxSpec(over: Partial<NetworkSpec>): NetworkSpec {
  const units = over.units ?? [13, 9, 7, 3];
  return {
    units,
    activation: 'Rectifier',
    output: 'softmax',
    distribution: 'multinomial',
    loss: 'CrossEntropy',
    tweedie_power: 1.5,
    quantile_alpha: 0.5,
    input_dropout_ratio: 0,
    hidden_dropout_ratios: units.slice(1, -1).map(() => 0),
    l1: 0,
    l2: 0,
    max_w2: 3.4028234663852886e38,
    adaptive_rate: true,
    rho: 0.99,
    epsilon: 1e-8,
    rate: 0.01,
    rate_annealing: 0,
    rate_decay: 1,
    momentum_start: 0,
    momentum_ramp: 0,
    momentum_stable: 0,
    nesterov_accelerated_gradient: true,
    fast_mode: false,
    average_activation: 0,
    sparsity_beta: 0,
    ...over,
  };
}
