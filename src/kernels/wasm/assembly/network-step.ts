// The whole per-row pass of a network in one call: forward, softmax δ, back-propagation and update,
// driven by a "plan" (addresses and sizes) that src/kernels/wasm/plan.ts writes into memory. The
// order of operations is that of dl/network/network.ts, so both give the same model up to float32
// rounding of activations. Offsets below must match plan.ts.

import { compactInputs, rowUpdateAdadeltaCompact } from './adadelta-compact';
import { anyZero, rowUpdateAdadeltaSquares, squares } from './adadelta-squares';
import { biasUpdateAdadelta, biasUpdateMomentum, biasUpdatePlain } from './bias-update';
import {
  expRectifierBackward,
  expRectifierForward,
  gemvBias,
  gemvMaxout,
  maxoutBackward,
  rectifierBackward,
  rectifierForward,
  scaleInPlace,
  softmax,
  tanhBackward,
  tanhForward,
} from './kernels';
import {
  rowSumSquares,
  rowUpdateAdadelta,
  rowUpdateClassicalMomentum,
  rowUpdateNesterov,
  rowUpdatePlain,
  scaleRow,
} from './row-update';

// Header words (i32 at plan + 4·k).
const H_LAYERS = 0;
const H_KIND = 1; // 0 Tanh, 1 Rectifier, 2 Maxout, 3 ExpRectifier
const H_OUTPUT = 2; // 0 softmax, 1 linear, 2 autoencoder
const H_OPT = 3; // 0 plain, 1 Nesterov, 2 classical, 3 ADADELTA
const H_FAST = 4;
const H_SHORTCUT = 5;
const H_MAXW2 = 6;
const H_QUADRATIC = 7;
const H_DROPOUT = 8;
// float64 parameters at plan + 64.
const P_RHO = 64;
const P_EPS = 72;
const P_L1 = 80;
const P_L2 = 88;
const P_MAXW2 = 96;
const P_MOMENTUM = 104;
// Per-layer rate (float64) at plan + 128 + 8·l; layer records (16 i32) at plan + 384 + 64·l;
// unit-layer records (8 i32) at plan + 2432 + 32·u.
const RATES = 128;
const LAYERS = 384;
const UNITS = 2432;

@inline function hdr(plan: usize, k: i32): i32 {
  return load<i32>(plan + (<usize>k << 2));
}
@inline function layerWord(plan: usize, l: i32, k: i32): i32 {
  return load<i32>(plan + LAYERS + (<usize>l << 6) + (<usize>k << 2));
}
@inline function unitWord(plan: usize, u: i32, k: i32): usize {
  return <usize>load<i32>(plan + UNITS + (<usize>u << 5) + (<usize>k << 2));
}

/** Forward pass; `training` uses the keep masks (when the plan has dropout), else test-time scaling. */
export function forward(plan: usize, training: i32): void {
  const nLayers = hdr(plan, H_LAYERS);
  const kind = hdr(plan, H_KIND);
  const output = hdr(plan, H_OUTPUT);
  const last = nLayers - 1;
  for (let l = 0; l < nLayers; l++) {
    const nIn = layerWord(plan, l, 0);
    const nOut = layerWord(plan, l, 1);
    const x = unitWord(plan, l, 0);
    const out = unitWord(plan, l + 1, 0);
    const keep = unitWord(plan, l + 1, 3);
    const useKeep = training && hdr(plan, H_DROPOUT) && l < last;
    const w = <usize>layerWord(plan, l, 3);
    const b = <usize>layerWord(plan, l, 4);
    if (layerWord(plan, l, 2) == 2) gemvMaxout(w, b, x, keep, out, unitWord(plan, l + 1, 4), nOut, nIn, useKeep);
    else gemvBias(w, b, x, keep, out, nOut, nIn, useKeep);
    if (l < last || output == 2) {
      if (kind == 0) tanhForward(out, nOut);
      else if (kind == 1) rectifierForward(out, nOut);
      else if (kind == 3) expRectifierForward(out, nOut);
    } else if (output == 0) softmax(out, nOut);
    if (l < last && !training) {
      const ratio = reinterpret<f32>(layerWord(plan, l, 11));
      if (ratio > 0) scaleInPlace(out, 1 - ratio, nOut);
    }
  }
}

/** Softmax output δ for class `target`: CrossEntropy p − t, Quadratic (p − t)·p·(1 − p). */
export function softmaxDelta(plan: usize, target: i32): void {
  const top = hdr(plan, H_LAYERS);
  const y = unitWord(plan, top, 0);
  const d = unitWord(plan, top, 2);
  const n = layerWord(plan, top - 1, 1);
  const quadratic = hdr(plan, H_QUADRATIC);
  for (let c = 0; c < n; c++) {
    const p = load<f32>(y + (<usize>c << 2));
    const v: f32 = p - (c == target ? 1 : 0);
    store<f32>(d + (<usize>c << 2), quadratic ? v * p * (1 - p) : v);
  }
}

/** Back-propagation and update from the output δ down (rates and momentum already in the plan). */
export function backward(plan: usize): void {
  const nLayers = hdr(plan, H_LAYERS);
  const kind = hdr(plan, H_KIND);
  const opt = hdr(plan, H_OPT);
  const fast = hdr(plan, H_FAST);
  const shortcut = hdr(plan, H_SHORTCUT);
  const maxW2check = hdr(plan, H_MAXW2);
  const useKeep = hdr(plan, H_DROPOUT);
  const rho = load<f64>(plan + P_RHO);
  const eps = load<f64>(plan + P_EPS);
  const l1 = load<f64>(plan + P_L1);
  const l2 = load<f64>(plan + P_L2);
  const maxW2 = load<f64>(plan + P_MAXW2);
  const m = load<f64>(plan + P_MOMENTUM);
  for (let l = nLayers - 1; l >= 0; l--) {
    const nIn = layerWord(plan, l, 0);
    const nOut = layerWord(plan, l, 1);
    const stride = layerWord(plan, l, 2);
    const w = <usize>layerWord(plan, l, 3);
    const b = <usize>layerWord(plan, l, 4);
    const rate = load<f64>(plan + RATES + (<usize>l << 3));
    const delta = unitWord(plan, l + 1, 2);
    const winner = unitWord(plan, l + 1, 4);
    const x = unitWord(plan, l, 0);
    const eBelow = unitWord(plan, l, 1);
    const propagate = l > 0;
    if (propagate) memory.fill(eBelow, 0, <usize>nIn << 2);
    // Dense ADADELTA rows without l1/l2 take (1−ρ)·g² from x², computed once per layer (unit word 5).
    const xsq = unitWord(plan, l, 5);
    const fromSquares = opt == 3 && stride == 1 && l1 == 0 && l2 == 0 && xsq != 0;
    // First layer, fast_mode, inputs mostly 0 (e.g. sparse=true images): update only the listed
    // non-zero inputs (unit word 6 holds the list), when they are under a third of the row.
    const list = unitWord(plan, l, 6);
    const listed = fromSquares && fast && !propagate && list != 0;
    const nz = listed ? compactInputs(x, list, nIn) : nIn;
    const compact = nz * 3 < nIn;
    // The x² kernel needs fast_mode's ρ per input only when some input is 0 (not for standardised
    // pixels) and the listed path is not taken.
    const fastSq = fromSquares && fast && !compact && (listed ? nz < nIn : anyZero(x, nIn));
    const sumX2 = fromSquares ? squares(x, xsq, nIn, <f32>rho, fastSq) : 0;
    for (let o = 0; o < nOut; o++) {
      const d = load<f32>(delta + (<usize>o << 2));
      if (shortcut && d == 0) continue;
      const ch = stride == 2 ? <i32>load<u8>(winner + o) : 0;
      const off = stride == 2 ? 2 * o * nIn + ch : o * nIn;
      const bi = stride == 2 ? 2 * o + ch : o;
      const wr = w + (<usize>off << 2);
      const sr = <usize>off << 2;
      if (opt == 3) {
        const eg2W = <usize>layerWord(plan, l, 5) + sr;
        const edx2W = <usize>layerWord(plan, l, 6) + sr;
        // Σg² for H2O's bias rule: δ²·Σx² on the x² paths (no l1/l2), summed by the generic kernel.
        let sumG2: f64 = <f64>d * <f64>d * sumX2;
        if (compact) rowUpdateAdadeltaCompact(wr, eg2W, edx2W, list, nz, nIn, d, <f32>rho, <f32>eps);
        else if (fromSquares)
          rowUpdateAdadeltaSquares(wr, eg2W, edx2W, x, xsq, nIn, d, <f32>rho, <f32>eps, eBelow, propagate, fastSq);
        else
          sumG2 = rowUpdateAdadelta(
            wr,
            eg2W,
            edx2W,
            stride,
            x,
            nIn,
            d,
            <f32>rho,
            <f32>eps,
            <f32>l1,
            <f32>l2,
            eBelow,
            propagate,
            fast,
          );
        biasUpdateAdadelta(b, <usize>layerWord(plan, l, 8), <usize>layerWord(plan, l, 9), bi, d, sumG2 / nIn, rho, eps, l1, l2);
      } else if (opt == 0) {
        rowUpdatePlain(wr, stride, x, nIn, d, <f32>rate, <f32>l1, <f32>l2, eBelow, propagate, fast);
        biasUpdatePlain(b, bi, d, rate, l1, l2);
      } else {
        const v = <usize>layerWord(plan, l, 7) + sr;
        if (opt == 1)
          rowUpdateNesterov(wr, v, stride, x, nIn, d, <f32>rate, <f32>m, <f32>l1, <f32>l2, eBelow, propagate, fast);
        else
          rowUpdateClassicalMomentum(
            wr,
            v,
            stride,
            x,
            nIn,
            d,
            <f32>rate,
            <f32>m,
            <f32>l1,
            <f32>l2,
            eBelow,
            propagate,
            fast,
          );
        biasUpdateMomentum(b, <usize>layerWord(plan, l, 10), bi, d, rate, m, l1, l2, opt == 1);
      }
      if (maxW2check) {
        const sumW2 = rowSumSquares(wr, stride, nIn);
        // approxSqrtF32(max_w2 / Σw²), the same bit trick as the JS kernel.
        const r = <f32>(maxW2 / sumW2);
        if (sumW2 > maxW2) scaleRow(wr, stride, nIn, reinterpret<f32>(532483686 + (reinterpret<i32>(r) >> 1)));
      }
    }
    if (propagate) {
      const e = eBelow;
      const a = x;
      const dl = unitWord(plan, l, 2);
      const keep = unitWord(plan, l, 3);
      if (kind == 0) tanhBackward(e, a, keep, dl, nIn, useKeep);
      else if (kind == 1) rectifierBackward(e, a, dl, nIn);
      else if (kind == 3) expRectifierBackward(e, a, keep, dl, nIn, useKeep);
      else maxoutBackward(e, keep, dl, nIn, useKeep);
    }
  }
}

/** One softmax training row: forward with masks, δ for class `target`, backward and update. */
export function trainSoftmaxRow(plan: usize, target: i32): void {
  forward(plan, 1);
  softmaxDelta(plan, target);
  backward(plan);
}
