// Mini-batch training step on the wasm kernels (mini_batch_size > 1, an opt-in H2O does not offer):
// batched forward (gemmBias), output δ of every row scaled by 1/m so all gradients are batch means,
// then per layer from the top: error below E = Δ·W (pre-update weights), gradient G = Δᵀ·X, and one
// update per weight row with the usual optimizer kernels fed G as their "input row" with δ = 1, so
// ADADELTA, momentum, l1/l2 and max_w2 are the per-row formulas applied once per batch.
import { approxSqrtF32 } from '../../kernels/index.ts';
import type { Network } from './network.ts';
import type { NegHalfGradient } from './output-error.ts';
import type { NetworkSpec } from './spec.ts';
import type { WasmEngine } from './wasm-engine.ts';

/** Why `spec` cannot train in mini-batches (null when it can): parameter-level wording. */
export function miniBatchUnsupported(spec: NetworkSpec): string | null {
  if (spec.activation.startsWith('Maxout')) return 'mini_batch_size > 1 does not support Maxout activations';
  if (spec.input_dropout_ratio > 0 || spec.hidden_dropout_ratios.some((r) => r > 0))
    return 'mini_batch_size > 1 does not support dropout (input_dropout_ratio, hidden_dropout_ratios)';
  if (spec.sparsity_beta > 0) return 'mini_batch_size > 1 does not support sparsity_beta';
  return null;
}

/** Per-batch optimizer settings (computed by Network from its schedule). */
export interface BatchRates {
  momentum: number;
  /** Learning rate per weight layer (manual rate; unused by ADADELTA). */
  layerRate: Float64Array;
  /** 0 plain, 1 Nesterov, 2 classical momentum, 3 ADADELTA. */
  optimizer: number;
  checkMaxW2: boolean;
}

/**
 * Trains `engine` on the m rows already in its batch input area (`engine.batchAct[0]`). `target(r)`
 * gives row r's class index (softmax) or standardised response (linear); autoencoders reconstruct
 * their input. `nhg` is the distribution's negative half gradient (null for softmax).
 */
export function trainBatchWasm(
  engine: WasmEngine,
  spec: NetworkSpec,
  m: number,
  target: (r: number) => number,
  nhg: NegHalfGradient | null,
  rates: BatchRates,
): void {
  const k = engine.k;
  const a = engine.addr;
  const layers = engine.layout.layers;
  const last = layers.length - 1;
  engine.forwardBlock(m, false);
  outputDelta(engine, spec, m, target, nhg);
  const buf = engine.memory.buffer;
  const gb = new Float64Array(Math.max(...layers.map((L) => L.nOut)));
  for (let l = last; l >= 0; l--) {
    const L = layers[l];
    const { nIn, nOut } = L;
    const delta = a.batchDelta[l + 1];
    // E = Δ·W with the weights before this batch's update (as the per-row pass propagates first).
    if (l > 0) k.combineRows(delta, nOut, 1, a.w + 4 * L.weightOffset, nOut, a.batchErr[l], m, nIn, 0);
    k.combineRows(delta, 1, nOut, a.batch[l], m, a.grad, nOut, nIn, 0);
    const d = new Float32Array(buf, delta, m * nOut);
    gb.fill(0);
    for (let r = 0; r < m; r++) for (let o = 0; o < nOut; o++) gb[o] += d[r * nOut + o];
    updateLayer(engine, l, gb, rates, spec);
    if (l > 0) {
      const e = a.batchErr[l];
      const act = a.batch[l];
      const dl = a.batchDelta[l];
      const n = m * nIn;
      if (engine.kindCode === 0) k.tanhBackward(e, act, 0, dl, n, 0);
      else if (engine.kindCode === 1) k.rectifierBackward(e, act, dl, n);
      else k.expRectifierBackward(e, act, 0, dl, n, 0);
    }
  }
}

/** Output δ of every row (§3.4), divided by m so the gradients below are batch means. */
function outputDelta(
  engine: WasmEngine,
  spec: NetworkSpec,
  m: number,
  target: (r: number) => number,
  nhg: NegHalfGradient | null,
): void {
  const top = engine.layout.layers.length;
  const nTop = spec.units[top];
  const y = engine.batchAct[top];
  const d = new Float32Array(engine.memory.buffer, engine.addr.batchDelta[top], m * nTop);
  const x = engine.batchAct[0];
  const inv = 1 / m;
  const quadratic = spec.loss === 'Quadratic';
  for (let r = 0; r < m; r++) {
    const t = spec.output === 'autoencoder' ? -1 : target(r);
    for (let c = 0; c < nTop; c++) {
      const p = y[r * nTop + c];
      let v: number;
      if (spec.output === 'softmax') {
        const e = p - (c === t ? 1 : 0);
        v = quadratic ? e * p * (1 - p) : e;
      } else if (spec.output === 'linear') v = -2 * (nhg as NegHalfGradient)(t, p);
      else v = -2 * (nhg as NegHalfGradient)(x[r * nTop + c], p);
      d[r * nTop + c] = v * inv;
    }
  }
}

/** One optimizer step on every row of weight layer l from the gradient in engine.addr.grad. */
function updateLayer(
  engine: WasmEngine,
  l: number,
  gb: Float64Array,
  rates: BatchRates,
  spec: NetworkSpec,
): void {
  const k = engine.k;
  const a = engine.addr;
  const L = engine.layout.layers[l];
  const nIn = L.nIn;
  const rate = rates.layerRate[l];
  const mom = rates.momentum;
  for (let o = 0; o < L.nOut; o++) {
    const off = 4 * (L.weightOffset + o * nIn);
    const w = a.w + off;
    const g = a.grad + 4 * o * nIn;
    const bBase = a.b + 8 * L.biasOffset;
    // δ = 1 and x = the gradient row: the kernels' g = δ·x + l1·sign(w) + l2·w is then G + regularisation.
    if (rates.optimizer === 3) {
      const sumG2 = k.rowUpdateAdadelta(
        w,
        a.eg2W + off,
        a.edx2W + off,
        1,
        g,
        nIn,
        1,
        spec.rho,
        spec.epsilon,
        spec.l1,
        spec.l2,
        0,
        0,
        0,
      );
      k.biasUpdateAdadelta(
        bBase,
        a.eg2B + 8 * L.biasOffset,
        a.edx2B + 8 * L.biasOffset,
        o,
        gb[o],
        sumG2 / nIn,
        spec.rho,
        spec.epsilon,
        spec.l1,
        spec.l2,
      );
    } else if (rates.optimizer === 0) {
      k.rowUpdatePlain(w, 1, g, nIn, 1, rate, spec.l1, spec.l2, 0, 0, 0);
      k.biasUpdatePlain(bBase, o, gb[o], rate, spec.l1, spec.l2);
    } else {
      const v = a.velW + off;
      if (rates.optimizer === 1)
        k.rowUpdateNesterov(w, v, 1, g, nIn, 1, rate, mom, spec.l1, spec.l2, 0, 0, 0);
      else k.rowUpdateClassicalMomentum(w, v, 1, g, nIn, 1, rate, mom, spec.l1, spec.l2, 0, 0, 0);
      k.biasUpdateMomentum(
        bBase,
        a.velB + 8 * L.biasOffset,
        o,
        gb[o],
        rate,
        mom,
        spec.l1,
        spec.l2,
        rates.optimizer === 1 ? 1 : 0,
      );
    }
    if (rates.checkMaxW2) {
      const sumW2 = k.rowSumSquares(w, 1, nIn);
      if (sumW2 > spec.max_w2) k.scaleRow(w, 1, nIn, approxSqrtF32(spec.max_w2 / sumW2));
    }
  }
}

/**
 * Collects training rows and trains them `mini_batch_size` at a time (the training loop's hook for
 * mini_batch_size > 1). Call flush() at the end of an iteration so no row is left untrained.
 */
export class MiniBatcher {
  private readonly inputs: Float32Array;
  private readonly targets: Float64Array;
  private count = 0;
  private firstSeen = 0;

  /** A batcher for `net`, or null when it trains row by row (mini_batch_size ≤ 1). */
  static for(net: Network): MiniBatcher | null {
    const size = net.spec.mini_batch_size ?? 1;
    return size > 1 ? new MiniBatcher(net, size) : null;
  }

  private constructor(
    private readonly net: Network,
    private readonly size: number,
  ) {
    this.inputs = new Float32Array(size * net.spec.units[0]);
    this.targets = new Float64Array(size);
  }

  /** Queues one row (`target`: class index or standardised response; unused by autoencoders). */
  add(input: Float32Array, target: number, nSeen: number): void {
    if (this.count === 0) this.firstSeen = nSeen;
    this.inputs.set(input, this.count * input.length);
    this.targets[this.count++] = target;
    if (this.count === this.size) this.flush();
  }

  /** Trains the queued rows, if any. */
  flush(): void {
    if (this.count === 0) return;
    this.net.trainBatch(this.inputs, this.targets, this.count, this.firstSeen);
    this.count = 0;
  }
}
