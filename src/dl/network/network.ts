// One H2O deep-learning network: weights, optimizer state and the per-row forward, backward and
// update (semantics doc §3, §5.5–5.11). Online SGD, mini-batch 1: trainRow() updates immediately.
// Hot paths allocate nothing; all scratch arrays are created once in the constructor.
import { assert, type Rng, ValidationError } from '../../core/index.ts';
import * as K from '../../kernels/index.ts';
import { wasmKernelsAvailable } from '../../kernels/wasm/index.ts';
import { type InitialWeightDistribution, initWeights } from './init.ts';
import { type NetworkLayout, networkLayout } from './layout.ts';
import { miniBatchUnsupported, trainBatchWasm } from './mini-batch.ts';
import { averageBuffers, type NetworkState, STATE_KEYS, stateBuffers } from './network-state.ts';
import { type NegHalfGradient, negativeHalfGradient, softmaxDelta } from './output-error.ts';
import { type ActivationKind, activationKind, checkNetworkSpec, type NetworkSpec } from './spec.ts';
import { type SharedEngineMemory, WasmEngine } from './wasm-engine.ts';

/** Largest float32; H2O's default max_w2, which can never trigger the rescaling. */
const FLOAT_MAX = 3.4028234663852886e38;

/** Construction options. */
export interface NetworkOptions {
  /** Allocate weights, biases and optimizer state on SharedArrayBuffers (for worker threads). */
  shared?: boolean;
  /**
   * 'wasm' runs trainRow/predictRow in the WebAssembly SIMD kernels (buffers then live in the kernel
   * instance's shared memory, float32 activations); it falls back to 'js' when SIMD is unavailable or
   * sparsity_beta > 0. Default 'js', the float64-activation reference path.
   */
  backend?: 'js' | 'wasm';
  /**
   * HOGWILD! (wasm backend only): attach to the kernel memory of another network of the same spec
   * (its `kernelMemory`, created with `slots` > 1) and use scratch area `slot`; weights and optimizer
   * state are then shared with every network attached to that memory and updated without locks.
   */
  hogwild?: SharedEngineMemory;
  /** Scratch areas to reserve in a new kernel memory (1 + the HOGWILD workers that will attach). */
  slots?: number;
}

function f32(n: number, shared: boolean): Float32Array {
  return new Float32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
}
function f64(n: number, shared: boolean): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(8 * n) : new ArrayBuffer(8 * n));
}

/** A feed-forward network laid out as in layout.ts; see the class members for the buffers. */
/**
 * Rows per predictBatch call when scoring a frame: about 4 MB of float32 inputs, 64 to 1,024 rows.
 * Larger calls amortise the per-call preparation of the sparse-input first layer (a transpose of
 * its weights) without letting the input block outgrow the caches of wide data.
 */
export function predictBlockRows(nIn: number): number {
  return Math.max(64, Math.min(1024, Math.floor((4 << 20) / (4 * Math.max(1, nIn)))));
}

export class Network {
  readonly spec: NetworkSpec;
  readonly layout: NetworkLayout;
  /** All weights (float32), layer after layer; `weights[l]` are views into it. */
  readonly weightBuffer: Float32Array;
  /** All biases (float64); `biases[l]` are views into it. */
  readonly biasBuffer: Float64Array;
  readonly weights: Float32Array[];
  readonly biases: Float64Array[];
  /** ADADELTA accumulators E[g²], E[Δx²] (weights float32, biases float64); null without adaptive_rate. */
  readonly eg2W: Float32Array | null;
  readonly edx2W: Float32Array | null;
  readonly eg2B: Float64Array | null;
  readonly edx2B: Float64Array | null;
  /** Momentum velocities; null unless momentum_start or momentum_stable is non-zero (manual rate). */
  readonly velW: Float32Array | null;
  readonly velB: Float64Array | null;
  /** Running mean activation of every hidden unit (autoencoder sparsity); null when sparsity_beta = 0. */
  readonly meanActivation: Float64Array | null;

  /** Which kernels run this network's rows. */
  readonly backend: 'js' | 'wasm';
  private readonly engine: WasmEngine | null;
  private readonly kind: ActivationKind;
  private readonly nLayers: number;
  private readonly shortcut: boolean;
  private readonly checkMaxW2: boolean;
  private readonly sparsity: boolean;
  private readonly nhg: NegHalfGradient | null;
  private readonly rateDecayPow: Float64Array;
  private readonly layerRate: Float64Array;
  // Per-layer views of the state buffers (index = weight layer, or hidden layer for meanAct).
  private readonly eg2WL: Float32Array[] = [];
  private readonly edx2WL: Float32Array[] = [];
  private readonly velWL: Float32Array[] = [];
  private readonly meanActL: Float64Array[] = [];
  // Workspace per unit layer (0 = input … nLayers = output).
  private readonly act: Float64Array[] = [];
  private readonly err: Float64Array[] = [];
  private readonly delta: Float64Array[] = [];
  private readonly keep: Uint8Array[] = [];
  private readonly winner: Uint8Array[] = [];

  /** Allocates a zero network for `spec` (throws ValidationError when spec is unusable). */
  constructor(spec: NetworkSpec, options: NetworkOptions = {}) {
    checkNetworkSpec(spec);
    const shared = options.shared === true;
    this.spec = { ...spec, units: [...spec.units], hidden_dropout_ratios: [...spec.hidden_dropout_ratios] };
    this.kind = activationKind(spec.activation);
    const layout = networkLayout(spec.units, this.kind === 'Maxout');
    this.layout = layout;
    this.nLayers = layout.layers.length;
    const momentum = !spec.adaptive_rate && (spec.momentum_start !== 0 || spec.momentum_stable !== 0);
    this.sparsity = spec.output === 'autoencoder' && spec.sparsity_beta > 0;
    // shortcut (§5.10): a neuron whose δ is exactly 0 changes nothing, so it can be skipped.
    this.shortcut = spec.fast_mode || (!spec.adaptive_rate && !momentum && spec.l1 === 0 && spec.l2 === 0);
    this.checkMaxW2 = spec.max_w2 < FLOAT_MAX;
    // The wasm step has no sparsity term (autoencoders with sparsity_beta > 0 stay on the JS path).
    const useWasm = options.backend === 'wasm' && !this.sparsity && wasmKernelsAvailable();
    this.engine = useWasm
      ? new WasmEngine(
          this.spec,
          layout,
          this.kind,
          momentum,
          this.shortcut,
          this.checkMaxW2,
          options.hogwild ??
            (options.slots && options.slots > 1
              ? { memory: null, slots: options.slots, slot: 0 }
              : undefined),
        )
      : null;
    if (options.hogwild && this.engine === null)
      throw new Error('internal error: HOGWILD needs the wasm kernels');
    this.backend = useWasm ? 'wasm' : 'js';
    const eb = this.engine?.buffers;
    this.weightBuffer = eb ? eb.weights : f32(layout.nWeights, shared);
    this.biasBuffer = eb ? eb.biases : f64(layout.nBiases, shared);
    this.weights = this.weightViews(this.weightBuffer);
    this.biases = this.biasViews(this.biasBuffer);

    const ada = spec.adaptive_rate;
    this.eg2W = eb ? eb.eg2W : ada ? f32(layout.nWeights, shared) : null;
    this.edx2W = eb ? eb.edx2W : ada ? f32(layout.nWeights, shared) : null;
    this.eg2B = eb ? eb.eg2B : ada ? f64(layout.nBiases, shared) : null;
    this.edx2B = eb ? eb.edx2B : ada ? f64(layout.nBiases, shared) : null;
    this.velW = eb ? eb.velW : momentum ? f32(layout.nWeights, shared) : null;
    this.velB = eb ? eb.velB : momentum ? f64(layout.nBiases, shared) : null;
    if (this.eg2W && this.edx2W) {
      this.eg2WL = this.weightViews(this.eg2W);
      this.edx2WL = this.weightViews(this.edx2W);
    }
    if (this.velW) this.velWL = this.weightViews(this.velW);

    const units = spec.units;
    const nHiddenUnits = units.slice(1, -1).reduce((s, n) => s + n, 0);
    this.meanActivation = this.sparsity ? f64(nHiddenUnits, shared) : null;
    if (this.meanActivation) {
      let at = 0;
      for (let h = 1; h < units.length - 1; h++) {
        this.meanActL.push(this.meanActivation.subarray(at, at + units[h]));
        at += units[h];
      }
    }
    this.nhg =
      spec.output === 'softmax'
        ? null
        : negativeHalfGradient(spec.distribution, spec.tweedie_power, spec.quantile_alpha);
    this.rateDecayPow = new Float64Array(this.nLayers);
    for (let l = 0; l < this.nLayers; l++) this.rateDecayPow[l] = spec.rate_decay ** l;
    this.layerRate = new Float64Array(this.nLayers);
    for (let l = 0; l < units.length; l++) {
      const n = units[l];
      this.act.push(new Float64Array(n));
      this.err.push(new Float64Array(n));
      this.delta.push(new Float64Array(n));
      // With the wasm engine the masks are its memory, so dropoutMask() shows what the kernels used.
      this.keep.push(this.engine ? this.engine.keep[l] : new Uint8Array(n).fill(1));
      this.winner.push(this.engine ? this.engine.winner[l] : new Uint8Array(n));
    }
  }

  private weightViews(buf: Float32Array): Float32Array[] {
    return this.layout.layers.map((L) =>
      buf.subarray(L.weightOffset, L.weightOffset + L.nOut * L.channels * L.nIn),
    );
  }
  private biasViews(buf: Float64Array): Float64Array[] {
    return this.layout.layers.map((L) => buf.subarray(L.biasOffset, L.biasOffset + L.nOut * L.channels));
  }

  /** Random initial weights and H2O's bias values (semantics doc §3.2); `scale` is initial_weight_scale. */
  initWeights(seed: number, distribution: InitialWeightDistribution = 'UniformAdaptive', scale = 1): void {
    initWeights(this.spec, this.layout, this.weights, this.biases, seed, distribution, scale);
  }

  /**
   * Replaces weight layer `layer` (initial_weights, pretrained autoencoders): `weights` row-major with
   * rows = units[layer+1] (×2 for Maxout hidden layers, interleaved) and cols = units[layer]; `biases`
   * one per row. Either may be null to keep the current values. Throws ValidationError on a shape mismatch.
   */
  setLayer(layer: number, weights: ArrayLike<number> | null, biases: ArrayLike<number> | null): void {
    const L = this.layout.layers[layer];
    if (L === undefined)
      throw new ValidationError([
        {
          field: 'initial_weights',
          level: 'ERROR',
          message: `layer ${layer} does not exist (0..${this.nLayers - 1})`,
        },
      ]);
    const rows = L.nOut * L.channels;
    const m = [];
    if (weights !== null && weights.length !== rows * L.nIn)
      m.push({
        field: 'initial_weights',
        level: 'ERROR' as const,
        message: `Dimensionality mismatch for layer ${layer}: expected ${rows}x${L.nIn} = ${rows * L.nIn} values, got ${weights.length}`,
      });
    if (biases !== null && biases.length !== rows)
      m.push({
        field: 'initial_biases',
        level: 'ERROR' as const,
        message: `Dimensionality mismatch for layer ${layer}: expected ${rows} values, got ${biases.length}`,
      });
    if (m.length > 0) throw new ValidationError(m);
    if (weights !== null) this.weights[layer].set(weights);
    if (biases !== null) this.biases[layer].set(biases);
  }

  /**
   * Test-mode forward pass: no dropout, hidden activations × (1 − hidden_dropout_ratio), input never
   * rescaled. `out` receives softmax probabilities, the raw linear output (training space), or the
   * reconstruction.
   */
  predictRow(input: Float32Array, out: Float64Array): void {
    if (this.engine !== null) {
      this.engine.predictRow(input, out);
      return;
    }
    this.forward(input, false, null);
    out.set(this.act[this.nLayers]);
  }

  /**
   * Test-mode forward of `n` rows at once: `inputs` row-major (n × units[0]), `out` row-major
   * (n × outputs), each row as {@link predictRow} gives it. The wasm backend runs blocks of rows
   * through a batched dense kernel (weights reused across rows; sums in another order, so results
   * agree with predictRow within float32 rounding); the JS backend loops over predictRow.
   * `inputOffsets` (AdaptedRows.inputOffsets: c with input = u − c, u zero for a raw 0) lets the wasm
   * backend multiply only the non-zero u in the first layer when most are zero (images, one-hot).
   */
  predictBatch(
    inputs: Float32Array,
    n: number,
    out: Float64Array | Float32Array,
    inputOffsets: Float32Array | null = null,
  ): void {
    const nIn = this.spec.units[0];
    const nOut = this.spec.units[this.nLayers];
    assert(
      inputs.length >= n * nIn && out.length >= n * nOut,
      `predictBatch: buffers too small for ${n} rows`,
    );
    if (this.engine !== null) {
      this.engine.predictBatch(inputs, n, out, inputOffsets);
      return;
    }
    for (let r = 0; r < n; r++) {
      this.forward(inputs.subarray(r * nIn, (r + 1) * nIn), false, null);
      const top = this.act[this.nLayers];
      for (let j = 0; j < nOut; j++) out[r * nOut + j] = top[j];
    }
  }

  /** The wasm kernel memory holding this network's state (null on the JS backend), for HOGWILD!. */
  get kernelMemory(): WebAssembly.Memory | null {
    return this.engine?.memory ?? null;
  }

  /** Test-mode activations of hidden layer `layer` (0-based) from the last predictRow (deep features). */
  hiddenActivations(layer: number): Float64Array {
    if (this.engine !== null) this.act[layer + 1].set(this.engine.act[layer + 1]);
    return this.act[layer + 1];
  }

  /** Keep mask (1 kept, 0 dropped) used by the last pass: layer 0 = inputs, then hidden layers. */
  dropoutMask(layer: number): Uint8Array {
    return this.keep[layer];
  }

  /** Momentum at `nSeen` samples: linear ramp from momentum_start to momentum_stable (documented). */
  momentumAt(nSeen: number): number {
    const s = this.spec;
    if (this.velW === null) return 0;
    if (!(s.momentum_ramp > 0) || nSeen >= s.momentum_ramp) return s.momentum_stable;
    return s.momentum_start + ((s.momentum_stable - s.momentum_start) * nSeen) / s.momentum_ramp;
  }

  /**
   * Trains on one row: forward with dropout (masks drawn from `rng`), output δ (§3.4), back-propagation
   * and the update of every layer from the output down (§3.5). `target` is the class index (softmax),
   * the standardised response (linear) or the un-dropped input row (autoencoder). `nSeen` is the
   * number of samples trained before this one (rate annealing, momentum ramp).
   */
  trainRow(input: Float32Array, target: number | Float32Array, nSeen: number, rng: Rng): void {
    if (this.engine !== null) {
      const s = this.spec;
      assert(
        input.length === s.units[0],
        `input row has ${input.length} values, the network ${s.units[0]} inputs`,
      );
      const m = this.momentumAt(nSeen);
      const annealed = (s.rate / (1 + s.rate_annealing * nSeen)) * (1 - m);
      for (let l = 0; l < this.nLayers; l++) this.layerRate[l] = annealed * this.rateDecayPow[l];
      this.engine.trainRow(input, target, rng, m, this.layerRate);
      return;
    }
    this.forward(input, true, rng);
    this.outputDelta(target);
    this.backward(nSeen);
  }

  /**
   * Trains on `m` rows at once (mini_batch_size > 1; wasm backend): `inputs` row-major (m × inputs),
   * `targets[r]` the class index or standardised response of row r (ignored by autoencoders). One
   * update with the mean gradient of the rows; rate annealing and momentum use `nSeen` as for the
   * first row. Throws when the network was not built for mini-batches (see miniBatchUnsupported).
   */
  trainBatch(inputs: Float32Array, targets: ArrayLike<number>, m: number, nSeen: number): void {
    const s = this.spec;
    const e = this.engine;
    if (e === null || (s.mini_batch_size ?? 1) <= 1 || m > e.batchRows)
      throw new Error('internal error: trainBatch needs the wasm backend and mini_batch_size >= m');
    const why = miniBatchUnsupported(s);
    if (why !== null) throw new Error(`internal error: ${why}`);
    const mom = this.momentumAt(nSeen);
    const annealed = (s.rate / (1 + s.rate_annealing * nSeen)) * (1 - mom);
    for (let l = 0; l < this.nLayers; l++) this.layerRate[l] = annealed * this.rateDecayPow[l];
    e.batchAct[0].set(inputs.subarray(0, m * s.units[0]));
    trainBatchWasm(e, s, m, (r) => targets[r], this.nhg, {
      momentum: mom,
      layerRate: this.layerRate,
      optimizer: s.adaptive_rate ? 3 : this.velW === null ? 0 : s.nesterov_accelerated_gradient ? 1 : 2,
      checkMaxW2: this.checkMaxW2,
    });
  }

  private forward(input: Float32Array, training: boolean, rng: Rng | null): void {
    const s = this.spec;
    // Rows come from DataInfo, so a wrong width is our bug; one comparison per row is cheap.
    assert(
      input.length === s.units[0],
      `input row has ${input.length} values, the network ${s.units[0]} inputs`,
    );
    const a0 = this.act[0];
    const k0 = this.keep[0];
    const n0 = a0.length;
    const idr = s.input_dropout_ratio;
    if (training && idr > 0 && rng !== null) {
      for (let i = 0; i < n0; i++) {
        const kept = rng.nextFloat() >= idr;
        k0[i] = kept ? 1 : 0;
        a0[i] = kept ? input[i] : 0;
      }
    } else {
      k0.fill(1);
      for (let i = 0; i < n0; i++) a0[i] = input[i];
    }
    const last = this.nLayers - 1;
    for (let l = 0; l <= last; l++) {
      const L = this.layout.layers[l];
      const x = this.act[l];
      const out = this.act[l + 1];
      const keep = this.keep[l + 1];
      const ratio = l < last ? s.hidden_dropout_ratios[l] : 0;
      if (training && ratio > 0 && rng !== null) {
        for (let o = 0; o < L.nOut; o++) keep[o] = rng.nextFloat() >= ratio ? 1 : 0;
      } else keep.fill(1);
      if (L.channels === 2)
        K.gemvMaxout(this.weights[l], this.biases[l], x, keep, out, this.winner[l + 1], L.nOut, L.nIn);
      else K.gemvBias(this.weights[l], this.biases[l], x, keep, out, L.nOut, L.nIn);
      if (l < last || s.output === 'autoencoder') this.activate(out, L.nOut);
      else if (s.output === 'softmax') K.softmax(out, out, L.nOut);
      if (l < last) {
        if (!training && ratio > 0) K.scaleInPlace(out, 1 - ratio, L.nOut);
        if (training && this.sparsity) {
          // ā ← 0.999·ā + 0.001·a (§5.11), on training passes only so scoring never changes the model.
          const mean = this.meanActL[l];
          for (let o = 0; o < L.nOut; o++) mean[o] = 0.999 * mean[o] + 0.001 * out[o];
        }
      }
    }
  }

  /** The hidden activation in place; Maxout is already applied by gemvMaxout (identity otherwise). */
  private activate(a: Float64Array, n: number): void {
    if (this.kind === 'Tanh') K.tanhForward(a, n);
    else if (this.kind === 'Rectifier') K.rectifierForward(a, n);
    else if (this.kind === 'ExpRectifier') K.expRectifierForward(a, n);
  }

  private outputDelta(target: number | Float32Array): void {
    const s = this.spec;
    const top = this.nLayers;
    const y = this.act[top];
    const d = this.delta[top];
    const n = y.length;
    if (s.output === 'softmax') softmaxDelta(s.loss, y, target as number, d, n);
    else if (s.output === 'linear') d[0] = -2 * (this.nhg as NegHalfGradient)(target as number, y[0]);
    else {
      // Autoencoder: the output activation's derivative is deliberately not applied (§3.4).
      const t = target as Float32Array;
      const nhg = this.nhg as NegHalfGradient;
      for (let i = 0; i < n; i++) d[i] = -2 * nhg(t[i], y[i]);
    }
  }

  private backward(nSeen: number): void {
    const s = this.spec;
    const adadelta = s.adaptive_rate;
    const m = this.momentumAt(nSeen);
    // Manual rate (§5.5): rate·rate_decay^l / (1 + rate_annealing·n_seen) · (1 − m).
    const annealed = (s.rate / (1 + s.rate_annealing * nSeen)) * (1 - m);
    for (let l = 0; l < this.nLayers; l++) this.layerRate[l] = annealed * this.rateDecayPow[l];
    for (let l = this.nLayers - 1; l >= 0; l--) {
      const L = this.layout.layers[l];
      const nIn = L.nIn;
      const stride = L.channels;
      const delta = this.delta[l + 1];
      const winner = this.winner[l + 1];
      const x = this.act[l];
      const eBelow = this.err[l];
      const propagate = l > 0;
      if (propagate) eBelow.fill(0);
      const w = this.weights[l];
      const bb = this.biasBuffer;
      const rate = this.layerRate[l];
      for (let o = 0; o < L.nOut; o++) {
        const d = delta[o];
        if (this.shortcut && d === 0) continue;
        const ch = stride === 2 ? winner[o] : 0;
        const off = stride === 2 ? 2 * o * nIn + ch : o * nIn;
        const bi = stride === 2 ? 2 * o + ch : o;
        let biasRate: number;
        if (adadelta) {
          const sumG2 = K.rowUpdateAdadelta(
            w,
            this.eg2WL[l],
            this.edx2WL[l],
            off,
            stride,
            x,
            nIn,
            d,
            s.rho,
            s.epsilon,
            s.l1,
            s.l2,
            eBelow,
            propagate,
            s.fast_mode,
          );
          const k = L.biasOffset + bi;
          const eg2B = this.eg2B as Float64Array;
          const edx2B = this.edx2B as Float64Array;
          biasRate = K.biasUpdateAdadelta(bb, eg2B, edx2B, k, d, sumG2 / nIn, s.rho, s.epsilon, s.l1, s.l2);
        } else if (this.velW !== null) {
          const v = this.velWL[l];
          if (s.nesterov_accelerated_gradient)
            K.rowUpdateNesterov(
              w,
              v,
              off,
              stride,
              x,
              nIn,
              d,
              rate,
              m,
              s.l1,
              s.l2,
              eBelow,
              propagate,
              s.fast_mode,
            );
          else
            K.rowUpdateClassicalMomentum(
              w,
              v,
              off,
              stride,
              x,
              nIn,
              d,
              rate,
              m,
              s.l1,
              s.l2,
              eBelow,
              propagate,
              s.fast_mode,
            );
          const nag = s.nesterov_accelerated_gradient;
          K.biasUpdateMomentum(bb, this.velB as Float64Array, L.biasOffset + bi, d, rate, m, s.l1, s.l2, nag);
          biasRate = rate;
        } else {
          K.rowUpdatePlain(w, off, stride, x, nIn, d, rate, s.l1, s.l2, eBelow, propagate, s.fast_mode);
          K.biasUpdatePlain(bb, L.biasOffset + bi, d, rate, s.l1, s.l2);
          biasRate = rate;
        }
        if (this.sparsity && l < this.nLayers - 1) {
          // §5.11: pull the bias so the unit's mean activation approaches average_activation.
          bb[L.biasOffset + bi] -= biasRate * s.sparsity_beta * (this.meanActL[l][o] - s.average_activation);
        }
        if (this.checkMaxW2) {
          const sumW2 = K.rowSumSquares(w, off, stride, nIn);
          if (sumW2 > s.max_w2) K.scaleRow(w, off, stride, nIn, K.approxSqrtF32(s.max_w2 / sumW2));
        }
      }
      if (propagate) this.hiddenDelta(l);
    }
  }

  /** δ of hidden unit layer `l` from the error e accumulated by the layer above (§3.5). */
  private hiddenDelta(l: number): void {
    const e = this.err[l];
    const a = this.act[l];
    const keep = this.keep[l];
    const d = this.delta[l];
    const n = a.length;
    if (this.kind === 'Tanh') K.tanhBackward(e, a, keep, d, n);
    else if (this.kind === 'Rectifier') K.rectifierBackward(e, a, d, n);
    else if (this.kind === 'ExpRectifier') K.expRectifierBackward(e, a, keep, d, n);
    else K.maxoutBackward(e, keep, d, n);
  }

  /** True when a bias is ±Infinity or NaN (H2O then calls the model numerically unstable, §5.8). */
  isUnstable(): boolean {
    const b = this.biasBuffer;
    for (let i = 0; i < b.length; i++) if (!Number.isFinite(b[i])) return true;
    return false;
  }

  /** A deep copy of every learned array (weights, biases, optimizer state, mean activations). */
  state(): NetworkState {
    const copy = <T extends Float32Array | Float64Array>(a: T | null): T | null =>
      a === null ? null : (a.slice() as T);
    return {
      spec: structuredClone(this.spec),
      weights: this.weightBuffer.slice(),
      biases: this.biasBuffer.slice(),
      eg2W: copy(this.eg2W),
      edx2W: copy(this.edx2W),
      eg2B: copy(this.eg2B),
      edx2B: copy(this.edx2B),
      velW: copy(this.velW),
      velB: copy(this.velB),
      meanActivation: copy(this.meanActivation),
    };
  }

  /** Rebuilds a network from {@link Network.state} output (save/load, best-model tracking). */
  static fromState(state: NetworkState, options: NetworkOptions = {}): Network {
    const net = new Network(state.spec, options);
    const own = net.buffers();
    const theirs = stateBuffers(state);
    for (let i = 0; i < own.length; i++) {
      const a = own[i];
      const b = theirs[i];
      if ((a === null) !== (b === null) || (a !== null && b !== null && a.length !== b.length))
        throw new ValidationError([
          {
            field: 'state',
            level: 'ERROR',
            message: `buffer ${STATE_KEYS[i]} does not match the network's layout`,
          },
        ]);
      if (a !== null && b !== null) a.set(b);
    }
    return net;
  }

  /** An independent copy (same spec, copied buffers, fresh workspace). */
  clone(options: NetworkOptions = {}): Network {
    return Network.fromState(this.state(), options);
  }

  /**
   * Model averaging (§5.4): every learned array of this network becomes the element-wise mean of
   * itself and `others` (weights, biases, momenta, ADADELTA accumulators, mean activations).
   */
  average(others: Network[]): void {
    averageBuffers(
      this.buffers(),
      others.map((o) => o.buffers()),
    );
  }

  private buffers(): (Float32Array | Float64Array | null)[] {
    return [
      this.weightBuffer,
      this.biasBuffer,
      this.eg2W,
      this.edx2W,
      this.eg2B,
      this.edx2B,
      this.velW,
      this.velB,
      this.meanActivation,
    ];
  }
}
