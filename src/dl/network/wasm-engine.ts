// The wasm SIMD backend of a Network: one kernel instance whose memory holds the weights, biases,
// optimizer state and the per-row scratch, so a training row costs one or two wasm calls and no
// copies beyond the input row. Network keeps its public buffers as views into this memory.
// Activations are float32 here (float64 in the JS path): results agree within float32 rounding.
import type { Rng } from '../../core/index.ts';
import {
  createKernelMemory,
  instantiateWasmKernels,
  PLAN,
  PLAN_BYTES,
  WasmArena,
  type WasmKernels,
} from '../../kernels/wasm/index.ts';
import { type EngineAddresses, packScratchBytes, placeEngine } from './engine-memory.ts';
import type { NetworkLayout } from './layout.ts';
import { type NegHalfGradient, negativeHalfGradient } from './output-error.ts';
import type { ActivationKind, NetworkSpec } from './spec.ts';

const KINDS: Record<ActivationKind, number> = { Tanh: 0, Rectifier: 1, Maxout: 2, ExpRectifier: 3 };
const OUTPUTS = { softmax: 0, linear: 1, autoencoder: 2 } as const;
/** Rows per batched forward call: 64 rows of 717 inputs (183 KB) stay in L2 beside a layer's weights. */
export const BATCH_ROWS = 64;

/** The buffers a Network exposes, living in wasm memory. */
export interface EngineBuffers {
  weights: Float32Array;
  biases: Float64Array;
  eg2W: Float32Array | null;
  edx2W: Float32Array | null;
  eg2B: Float64Array | null;
  edx2B: Float64Array | null;
  velW: Float32Array | null;
  velB: Float64Array | null;
}

/**
 * An engine attached to another engine's memory (HOGWILD!): same spec, `slots` scratch areas in
 * total, this engine using area `slot`. Weights and optimizer state are then shared, unsynchronised.
 */
export interface SharedEngineMemory {
  /** null: create a new memory with `slots` areas (the owner, slot 0). */
  memory: WebAssembly.Memory | null;
  slots: number;
  slot: number;
}

/** Owns the memory, the kernel instance and the plan of one network. */
export class WasmEngine {
  readonly memory: WebAssembly.Memory;
  readonly buffers: EngineBuffers;
  /** Per unit layer: activations, keep masks, Maxout winners (views into memory). */
  readonly act: Float32Array[] = [];
  readonly keep: Uint8Array[] = [];
  readonly winner: Uint8Array[] = [];
  private readonly delta: Float32Array[] = [];
  /** The kernel instance over this engine's memory. */
  readonly k: WasmKernels;
  private readonly plan: number;
  private readonly planF64: Float64Array;
  private readonly nhg: NegHalfGradient | null;
  private readonly hasDropout: boolean;
  /** Per unit layer: BATCH_ROWS row-major activation rows (the batched test-time pass). */
  private readonly batchAt: number[];
  readonly batchAct: Float32Array[];
  /** Rows a batch area holds (BATCH_ROWS, or mini_batch_size when larger). */
  readonly batchRows: number;
  /** Byte addresses of everything placed in memory (state, this slot's scratch). */
  readonly addr: EngineAddresses;
  readonly layout: NetworkLayout;
  private readonly wAt: number;
  /** Activation as the kernels number it: 0 Tanh, 1 Rectifier, 2 Maxout, 3 ExpRectifier. */
  readonly kindCode: number;
  private readonly bAt: number;

  constructor(
    private readonly spec: NetworkSpec,
    layout: NetworkLayout,
    kind: ActivationKind,
    momentum: boolean,
    shortcut: boolean,
    checkMaxW2: boolean,
    shared?: SharedEngineMemory,
  ) {
    const nW = layout.nWeights;
    const nB = layout.nBiases;
    const units = spec.units;
    const ada = spec.adaptive_rate;
    const packBytes = packScratchBytes(Math.max(...layout.layers.map((L) => L.nIn)));
    const batchRows = Math.max(BATCH_ROWS, spec.mini_batch_size ?? 1);
    const place = (arena: WasmArena) => placeEngine(arena, spec, layout, momentum, batchRows, shared);
    const sizing = new WasmArena();
    place(sizing);
    this.memory = shared?.memory ?? createKernelMemory(sizing.size);
    if (this.memory.buffer.byteLength < sizing.size)
      throw new Error('internal error: shared kernel memory smaller than the network needs');
    const a = place(new WasmArena());
    this.k = instantiateWasmKernels(this.memory);
    if (this.k.gemmPackedScratchBytes(Math.max(...layout.layers.map((L) => L.nIn))) > packBytes)
      throw new Error('internal error: packScratchBytes is out of step with the wasm kernels');
    const buf = this.memory.buffer;
    const f32 = (at: number, n: number) => new Float32Array(buf, at, n);
    const f64 = (at: number, n: number) => new Float64Array(buf, at, n);
    this.buffers = {
      weights: f32(a.w, nW),
      biases: f64(a.b, nB),
      eg2W: ada ? f32(a.eg2W, nW) : null,
      edx2W: ada ? f32(a.edx2W, nW) : null,
      eg2B: ada ? f64(a.eg2B, nB) : null,
      edx2B: ada ? f64(a.edx2B, nB) : null,
      velW: momentum ? f32(a.velW, nW) : null,
      velB: momentum ? f64(a.velB, nB) : null,
    };
    for (let u = 0; u < units.length; u++) {
      this.act.push(f32(a.units[u].act, units[u]));
      this.delta.push(f32(a.units[u].delta, units[u]));
      this.keep.push(new Uint8Array(buf, a.units[u].keep, units[u]).fill(1));
      this.winner.push(new Uint8Array(buf, a.units[u].winner, units[u]));
    }
    this.plan = a.plan;
    this.layout = layout;
    this.kindCode = KINDS[kind];
    this.wAt = a.w;
    this.bAt = a.b;
    this.batchAt = a.batch;
    this.batchRows = batchRows;
    this.batchAct = a.batch.map((at, u) => f32(at, units[u] * batchRows));
    this.addr = a;
    this.planF64 = f64(a.plan, PLAN_BYTES / 8);
    this.hasDropout = spec.input_dropout_ratio > 0 || spec.hidden_dropout_ratios.some((r) => r > 0);
    const i32 = new Int32Array(buf, a.plan, PLAN_BYTES / 4);
    const h = PLAN.header;
    i32[h.nLayers] = layout.layers.length;
    i32[h.kind] = KINDS[kind];
    i32[h.output] = OUTPUTS[spec.output];
    i32[h.optimizer] = ada ? 3 : momentum ? (spec.nesterov_accelerated_gradient ? 1 : 2) : 0;
    i32[h.fastMode] = spec.fast_mode ? 1 : 0;
    i32[h.shortcut] = shortcut ? 1 : 0;
    i32[h.checkMaxW2] = checkMaxW2 ? 1 : 0;
    i32[h.quadratic] = spec.loss === 'Quadratic' ? 1 : 0;
    i32[h.dropout] = this.hasDropout ? 1 : 0;
    const p = this.planF64;
    p[PLAN.rho / 8] = spec.rho;
    p[PLAN.epsilon / 8] = spec.epsilon;
    p[PLAN.l1 / 8] = spec.l1;
    p[PLAN.l2 / 8] = spec.l2;
    p[PLAN.maxW2 / 8] = spec.max_w2;
    const ratioBits = new Int32Array(new Float32Array(1).buffer);
    const ratioF32 = new Float32Array(ratioBits.buffer);
    layout.layers.forEach((L, l) => {
      const r = (PLAN.layers + 64 * l) / 4;
      const st = (base: number, size: number, off: number) => (base === 0 ? 0 : base + size * off);
      ratioF32[0] = l < layout.layers.length - 1 ? spec.hidden_dropout_ratios[l] : 0;
      const rec = [
        L.nIn,
        L.nOut,
        L.channels,
        a.w + 4 * L.weightOffset,
        a.b + 8 * L.biasOffset,
        st(a.eg2W, 4, L.weightOffset),
        st(a.edx2W, 4, L.weightOffset),
        st(a.velW, 4, L.weightOffset),
        st(a.eg2B, 8, L.biasOffset),
        st(a.edx2B, 8, L.biasOffset),
        st(a.velB, 8, L.biasOffset),
        ratioBits[0],
      ];
      i32.set(rec, r);
    });
    a.units.forEach((U, u) => {
      i32.set([U.act, U.err, U.delta, U.keep, U.winner, U.squares, U.compact], (PLAN.units + 32 * u) / 4);
    });
    this.nhg =
      spec.output === 'softmax'
        ? null
        : negativeHalfGradient(spec.distribution, spec.tweedie_power, spec.quantile_alpha);
  }

  /** Writes the input row (with input dropout drawn from rng when training) and the hidden masks. */
  private load(input: Float32Array, rng: Rng | null): void {
    const a0 = this.act[0];
    const s = this.spec;
    if (rng !== null && this.hasDropout) {
      // Same draws in the same order as Network.forward: inputs first, then each hidden layer.
      const k0 = this.keep[0];
      const idr = s.input_dropout_ratio;
      if (idr > 0) {
        for (let i = 0; i < a0.length; i++) {
          const kept = rng.nextFloat() >= idr;
          k0[i] = kept ? 1 : 0;
          a0[i] = kept ? input[i] : 0;
        }
      } else a0.set(input);
      const hdr = s.hidden_dropout_ratios;
      for (let l = 0; l < hdr.length; l++) {
        const keep = this.keep[l + 1];
        const ratio = hdr[l];
        if (ratio > 0) for (let o = 0; o < keep.length; o++) keep[o] = rng.nextFloat() >= ratio ? 1 : 0;
        else keep.fill(1);
      }
    } else a0.set(input);
  }

  /** Test-mode forward; `out` receives the output layer. */
  predictRow(input: Float32Array, out: Float64Array): void {
    this.load(input, null);
    this.k.forward(this.plan, 0);
    const top = this.act[this.act.length - 1];
    for (let i = 0; i < top.length; i++) out[i] = top[i];
  }

  /**
   * Test-mode forward of `n` rows (row-major `inputs`, n × units[0]) into `out` (n × outputs), in
   * blocks of BATCH_ROWS through the batched dense kernel. Same maths as {@link predictRow}; the
   * sums run in another order, so results agree within float32 rounding.
   */
  predictBatch(
    inputs: Float32Array,
    n: number,
    out: Float64Array | Float32Array,
    inputOffsets: Float32Array | null = null,
  ): void {
    const units = this.spec.units;
    const nTop = units[units.length - 1];
    const top = this.batchAct[units.length - 1];
    const sparse = inputOffsets !== null && this.prepareSparse(inputs, n, inputOffsets);
    for (let r0 = 0; r0 < n; r0 += BATCH_ROWS) {
      const m = Math.min(BATCH_ROWS, n - r0);
      this.batchAct[0].set(inputs.subarray(r0 * units[0], (r0 + m) * units[0]));
      if (sparse) this.sparseFirstLayer(m);
      this.forwardBlock(m, true, sparse);
      const dst = out.subarray(r0 * nTop, (r0 + m) * nTop);
      for (let i = 0; i < m * nTop; i++) dst[i] = top[i];
    }
  }

  /**
   * Whether the rows are sparse enough before standardisation (x + c = 0 for at least half of the
   * inputs of the first rows) for the sparse first layer; if so, prepares Wᵀ and b − W·c from the
   * current weights (every call: weights may have changed since the last one).
   */
  private prepareSparse(inputs: Float32Array, n: number, c: Float32Array): boolean {
    const sp = this.addr.sparse;
    const L0 = this.layout.layers[0];
    if (sp === null || c.length !== L0.nIn) return false;
    // The first rows decide (a frame's rows are alike in this respect).
    const rows = Math.min(n, 4);
    let zeros = 0;
    for (let r = 0, i = 0; r < rows; r++)
      for (let j = 0; j < L0.nIn; j++, i++) if (inputs[i] + c[j] === 0) zeros++;
    if (zeros < (rows * L0.nIn) / 2) return false;
    new Float32Array(this.memory.buffer, sp.c, L0.nIn).set(c);
    this.k.sparseInputPrepare(
      this.wAt + 4 * L0.weightOffset,
      this.bAt + 8 * L0.biasOffset,
      sp.c,
      sp.wt,
      sp.b2,
      L0.nOut,
      L0.nIn,
    );
    return true;
  }

  /** First-layer pre-activations of the m rows in the batch input area, from their non-zero u = x + c. */
  private sparseFirstLayer(m: number): void {
    const sp = this.addr.sparse as NonNullable<EngineAddresses['sparse']>;
    const L0 = this.layout.layers[0];
    this.k.sparseInputLayer(
      sp.wt,
      sp.b2,
      this.batchAt[0],
      sp.c,
      this.batchAt[1],
      m,
      L0.nOut,
      L0.nIn,
      sp.list,
    );
  }

  /**
   * Forward pass of the m rows in the batch input area (no dropout masks: test time, or mini-batch
   * training, which has no dropout); `testScaling` applies the test-time hidden dropout scaling.
   * `firstDone`: the first layer's pre-activations are already in place (sparse-input path).
   */
  forwardBlock(m: number, testScaling: boolean, firstDone = false): void {
    const k = this.k;
    const layers = this.layout.layers;
    const last = layers.length - 1;
    const kind = this.kindCode;
    const output = this.spec.output;
    for (let l = 0; l <= last; l++) {
      const L = layers[l];
      const w = this.wAt + 4 * L.weightOffset;
      const b = this.bAt + 8 * L.biasOffset;
      const x = this.batchAt[l];
      const y = this.batchAt[l + 1];
      if (l === 0 && firstDone) {
        // pre-activations written by sparseFirstLayer
      } else if (L.channels === 2) {
        // Maxout rows one at a time (the per-row kernel; winners land in the row scratch, unused).
        const win = this.winnerAt(l + 1);
        for (let r = 0; r < m; r++)
          k.gemvMaxout(w, b, x + 4 * r * L.nIn, 0, y + 4 * r * L.nOut, win, L.nOut, L.nIn, 0);
      } else k.gemmBiasPacked(w, b, x, y, m, L.nOut, L.nIn, this.addr.pack);
      const len = m * L.nOut;
      if (l < last || output === 'autoencoder') {
        if (kind === 0) k.tanhForward(y, len);
        else if (kind === 1) k.rectifierForward(y, len);
        else if (kind === 3) k.expRectifierForward(y, len);
      } else if (output === 'softmax') for (let r = 0; r < m; r++) k.softmax(y + 4 * r * L.nOut, L.nOut);
      const ratio = l < last ? this.spec.hidden_dropout_ratios[l] : 0;
      if (testScaling && ratio > 0) k.scaleInPlace(y, 1 - ratio, len);
    }
  }

  private winnerAt(u: number): number {
    return this.winner[u].byteOffset;
  }

  /** One training row; `momentum` and the per-layer rates come from the Network's schedule. */
  trainRow(
    input: Float32Array,
    target: number | Float32Array,
    rng: Rng,
    momentum: number,
    layerRate: Float64Array,
  ): void {
    const p = this.planF64;
    p[PLAN.momentum / 8] = momentum;
    for (let l = 0; l < layerRate.length; l++) p[PLAN.rates / 8 + l] = layerRate[l];
    this.load(input, rng);
    if (this.nhg === null) {
      this.k.trainSoftmaxRow(this.plan, target as number);
      return;
    }
    this.k.forward(this.plan, 1);
    const top = this.act.length - 1;
    const y = this.act[top];
    const d = this.delta[top];
    const nhg = this.nhg;
    if (this.spec.output === 'linear') d[0] = -2 * nhg(target as number, y[0]);
    else {
      // Autoencoder: the output activation's derivative is deliberately not applied (§3.4).
      const t = target as Float32Array;
      for (let i = 0; i < y.length; i++) d[i] = -2 * nhg(t[i], y[i]);
    }
    this.k.backward(this.plan);
  }
}
