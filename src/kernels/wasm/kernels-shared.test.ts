// One kernel suite, two backends: the JS reference kernels and the wasm SIMD kernels run the same
// cases and are checked against naive loops written here. Tolerance 2e-5 relative: the wasm kernels
// compute in float32 (activations, gradients) where the JS ones use float64.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.ts';
import * as J from '../index.ts';
import { createKernelMemory, HEAP_START, instantiateWasmKernels, wasmKernelsAvailable } from './index.ts';

type Opt = 'plain' | 'nesterov' | 'classical' | 'adadelta';
interface Backend {
  gemvBias(w: Float32Array, b: Float64Array, x: Float64Array, keep: Uint8Array, nOut: number): Float64Array;
  /** Rows of X (m × nIn) through W·x + b: the batched test-time layer. */
  gemmBias(w: Float32Array, b: Float64Array, x: Float32Array, m: number, nOut: number): Float64Array;
  /** dst (nDst × n) = Σ_q coef[p·so + q·si] · src[q]. */
  combineRows(
    coef: Float32Array,
    so: number,
    si: number,
    src: Float32Array,
    nSrc: number,
    nDst: number,
    n: number,
  ): Float64Array;
  /** Updates w/s1/s2 in place, returns [eBelow, Σg²]. */
  row(
    opt: Opt,
    w: Float32Array,
    s1: Float32Array,
    s2: Float32Array,
    stride: number,
    x: Float64Array,
    d: number,
    p1: number,
    p2: number,
    l1: number,
    l2: number,
    fast: boolean,
  ): [Float64Array, number];
  /** ADADELTA without l1/l2 on a dense row (the x²-based wasm kernel); returns [eBelow, Σg²]. */
  adadeltaDense(
    w: Float32Array,
    s1: Float32Array,
    s2: Float32Array,
    x: Float64Array,
    d: number,
    rho: number,
    eps: number,
    propagate: boolean,
    fast: boolean,
  ): [Float64Array, number];
}

const js: Backend = {
  gemvBias(w, b, x, keep, nOut) {
    const out = new Float64Array(nOut);
    J.gemvBias(w, b, x, keep, out, nOut, x.length);
    return out;
  },
  // The JS backend's batched layer is gemvBias row by row (Network.predictBatch on the JS path).
  gemmBias(w, b, x, m, nOut) {
    const nIn = x.length / m;
    const out = new Float64Array(m * nOut);
    const keep = new Uint8Array(nOut).fill(1);
    const y = new Float64Array(nOut);
    for (let r = 0; r < m; r++) {
      J.gemvBias(w, b, Float64Array.from(x.subarray(r * nIn, (r + 1) * nIn)), keep, y, nOut, nIn);
      out.set(y, r * nOut);
    }
    return out;
  },
  combineRows(coef, so, si, src, nSrc, nDst, n) {
    const dst = new Float32Array(nDst * n);
    J.combineRows(coef, so, si, src, nSrc, dst, nDst, n, false);
    return Float64Array.from(dst);
  },
  row(opt, w, s1, s2, stride, x, d, p1, p2, l1, l2, fast) {
    const e = new Float64Array(x.length);
    const n = x.length;
    let s = 0;
    if (opt === 'plain') J.rowUpdatePlain(w, 0, stride, x, n, d, p1, l1, l2, e, true, fast);
    else if (opt === 'nesterov')
      J.rowUpdateNesterov(w, s1, 0, stride, x, n, d, p1, p2, l1, l2, e, true, fast);
    else if (opt === 'classical')
      J.rowUpdateClassicalMomentum(w, s1, 0, stride, x, n, d, p1, p2, l1, l2, e, true, fast);
    else s = J.rowUpdateAdadelta(w, s1, s2, 0, stride, x, n, d, p1, p2, l1, l2, e, true, fast);
    return [e, s];
  },
  adadeltaDense(w, s1, s2, x, d, rho, eps, propagate, fast) {
    const e = new Float64Array(x.length);
    const s = J.rowUpdateAdadelta(w, s1, s2, 0, 1, x, x.length, d, rho, eps, 0, 0, e, propagate, fast);
    return [e, s];
  },
};

function wasmBackend(): Backend {
  const mem = createKernelMemory(HEAP_START + (1 << 20));
  const k = instantiateWasmKernels(mem);
  const buf = mem.buffer;
  // Fixed slots: w, s1, s2, x, e/out, b, keep (64 KiB each is plenty for these cases).
  const at = (slot: number) => HEAP_START + slot * 65536;
  const put32 = (slot: number, a: ArrayLike<number>) => new Float32Array(buf, at(slot), a.length).set(a);
  const get32 = (slot: number, n: number) => Float64Array.from(new Float32Array(buf, at(slot), n));
  return {
    gemvBias(w, b, x, keep, nOut) {
      put32(0, w);
      put32(3, x);
      new Float64Array(buf, at(5), b.length).set(b);
      new Uint8Array(buf, at(6), keep.length).set(keep);
      k.gemvBias(at(0), at(5), at(3), at(6), at(4), nOut, x.length, 1);
      return get32(4, nOut);
    },
    gemmBias(w, b, x, m, nOut) {
      put32(0, w);
      put32(3, x);
      new Float64Array(buf, at(5), b.length).set(b);
      k.gemmBias(at(0), at(5), at(3), at(4), m, nOut, x.length / m);
      return get32(4, m * nOut);
    },
    combineRows(coef, so, si, src, nSrc, nDst, n) {
      put32(0, coef);
      put32(3, src);
      // Garbage in the destination: the non-accumulating call must overwrite it.
      new Float32Array(buf, at(4), nDst * n).fill(7);
      k.combineRows(at(0), so, si, at(3), nSrc, at(4), nDst, n, 0);
      return get32(4, nDst * n);
    },
    row(opt, w, s1, s2, stride, x, d, p1, p2, l1, l2, fast) {
      const n = x.length;
      put32(0, w);
      put32(1, s1);
      put32(2, s2);
      put32(3, x);
      new Float32Array(buf, at(4), n).fill(0);
      const f = fast ? 1 : 0;
      let s = 0;
      if (opt === 'plain') k.rowUpdatePlain(at(0), stride, at(3), n, d, p1, l1, l2, at(4), 1, f);
      else if (opt === 'nesterov')
        k.rowUpdateNesterov(at(0), at(1), stride, at(3), n, d, p1, p2, l1, l2, at(4), 1, f);
      else if (opt === 'classical')
        k.rowUpdateClassicalMomentum(at(0), at(1), stride, at(3), n, d, p1, p2, l1, l2, at(4), 1, f);
      else s = k.rowUpdateAdadelta(at(0), at(1), at(2), stride, at(3), n, d, p1, p2, l1, l2, at(4), 1, f);
      w.set(new Float32Array(buf, at(0), w.length));
      s1.set(new Float32Array(buf, at(1), s1.length));
      s2.set(new Float32Array(buf, at(2), s2.length));
      return [get32(4, n), s];
    },
    adadeltaDense(w, s1, s2, x, d, rho, eps, propagate, fast) {
      const n = x.length;
      put32(0, w);
      put32(1, s1);
      put32(2, s2);
      put32(3, x);
      new Float32Array(buf, at(4), n).fill(0);
      const sumX2 = k.squares(at(3), at(7), n, rho, fast ? 1 : 0);
      k.rowUpdateAdadeltaSquares(
        at(0),
        at(1),
        at(2),
        at(3),
        at(7),
        n,
        d,
        rho,
        eps,
        at(4),
        propagate ? 1 : 0,
        fast ? 1 : 0,
      );
      w.set(new Float32Array(buf, at(0), n));
      s1.set(new Float32Array(buf, at(1), n));
      s2.set(new Float32Array(buf, at(2), n));
      return [get32(4, n), d * d * sumX2];
    },
  };
}

/** Naive per-weight update (semantics doc §5.5–5.7), float64 throughout. */
function naiveRow(
  opt: Opt,
  w: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
  stride: number,
  x: Float64Array,
  d: number,
  p1: number,
  p2: number,
  l1: number,
  l2: number,
  fast: boolean,
): [Float64Array, number] {
  const e = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const k = i * stride;
    e[i] = d * w[k];
    if (fast && x[i] === 0) continue;
    const g = d * x[i] + l1 * Math.sign(w[k]) + l2 * w[k];
    if (opt === 'plain') w[k] -= p1 * g;
    else if (opt === 'nesterov') {
      s1[k] = p2 * s1[k] - g;
      w[k] += p1 * s1[k];
    } else if (opt === 'classical') {
      w[k] += -p1 * g + p2 * s1[k];
      s1[k] = -p1 * g;
    } else {
      sum += g * g;
      s1[k] = p1 * s1[k] + (1 - p1) * g * g;
      const eta = J.approxSqrtF32((s2[k] + p2) / (s1[k] + p2));
      s2[k] = p1 * s2[k] + (1 - p1) * eta * eta * g * g;
      w[k] -= eta * g;
    }
  }
  return [e, sum];
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  for (let i = 0; i < a.length; i++)
    assert.ok(
      Math.abs(a[i] - b[i]) <= 2e-5 * Math.max(1, Math.abs(b[i])),
      `${what}[${i}]: ${a[i]} vs ${b[i]}`,
    );
}

const backends: [string, () => Backend][] = [['js', () => js]];
if (wasmKernelsAvailable()) backends.push(['wasm', wasmBackend]);

for (const [name, make] of backends) {
  describe(`kernels (${name} backend)`, () => {
    const rng = new Rng(17);
    const vec = (n: number, zeros = 0) =>
      Float64Array.from({ length: n }, () => (rng.nextFloat() < zeros ? 0 : Math.fround(rng.nextGaussian())));
    it('gemvBias matches a naive W·x + b and zeroes dropped rows', () => {
      const be = make();
      const [nOut, nIn] = [5, 13];
      const w = Float32Array.from(vec(nOut * nIn));
      const b = vec(nOut);
      const x = vec(nIn);
      const keep = Uint8Array.from([1, 0, 1, 1, 1]);
      const out = be.gemvBias(w, b, x, keep, nOut);
      const ref = Array.from({ length: nOut }, (_, o) =>
        keep[o] ? b[o] + x.reduce((s, xi, i) => s + w[o * nIn + i] * xi, 0) : 0,
      );
      close(out, ref, 'out');
    });
    it('gemmBias matches a naive X·Wᵀ + b over 7 rows (4-row blocks and a tail)', () => {
      const be = make();
      const [m, nOut, nIn] = [7, 5, 13];
      const w = Float32Array.from(vec(nOut * nIn));
      const b = vec(nOut);
      const x = Float32Array.from(vec(m * nIn));
      const out = be.gemmBias(w, b, x, m, nOut);
      const ref = Array.from({ length: m * nOut }, (_, k) => {
        const [r, o] = [Math.floor(k / nOut), k % nOut];
        let s = b[o];
        for (let i = 0; i < nIn; i++) s += w[o * nIn + i] * x[r * nIn + i];
        return s;
      });
      close(out, ref, 'out');
    });
    for (const [label, so, si] of [
      ['Δᵀ·X (weight gradient)', 1, 5],
      ['Δ·W (error below)', 5, 1],
    ] as const)
      it(`combineRows computes ${label} with zero coefficients skipped`, () => {
        const be = make();
        // coef is 6 × 5 row-major (rows × outputs); Δᵀ·X: 5 destinations over 6 sources, Δ·W: 6 over 5.
        const [nDst, nSrc] = so === 1 ? [5, 6] : [6, 5];
        const n = 10;
        const coef = Float32Array.from(vec(30, 0.5));
        const src = Float32Array.from(vec(nSrc * n));
        const out = be.combineRows(coef, so, si, src, nSrc, nDst, n);
        const ref = Array.from({ length: nDst * n }, (_, k) => {
          const [p, i] = [Math.floor(k / n), k % n];
          let s = 0;
          for (let q = 0; q < nSrc; q++) s += coef[p * so + q * si] * src[q * n + i];
          return s;
        });
        close(out, ref, 'dst');
      });
    for (const opt of ['plain', 'nesterov', 'classical', 'adadelta'] as const)
      for (const [stride, fast, reg] of [
        [1, false, false],
        [1, true, true],
        [2, false, true],
        [2, true, false],
      ] as const)
        it(`row update ${opt}, stride ${stride}, fast_mode ${fast}, l1/l2 ${reg}`, () => {
          const be = make();
          // 45 = two 16-weight blocks, three groups of 4 and a scalar tail; 11 only groups and a tail.
          const n = stride === 1 ? 45 : 11;
          const w0 = Float32Array.from(vec(n * stride));
          const s10 = Float32Array.from(vec(n * stride).map((v) => (opt === 'adadelta' ? v * v * 1e-3 : v)));
          const s20 = Float32Array.from(vec(n * stride).map((v) => v * v * 1e-4));
          const x = vec(n, 0.3);
          const [p1, p2] = opt === 'adadelta' ? [0.99, 1e-8] : [0.01, 0.9];
          const [l1, l2] = reg ? [1e-3, 1e-2] : [0, 0];
          const [w, s1, s2] = [w0.slice(), s10.slice(), s20.slice()];
          const [e, sum] = be.row(opt, w, s1, s2, stride, x, 0.37, p1, p2, l1, l2, fast);
          const [rw, r1, r2] = [Float64Array.from(w0), Float64Array.from(s10), Float64Array.from(s20)];
          const [re, rsum] = naiveRow(opt, rw, r1, r2, stride, x, 0.37, p1, p2, l1, l2, fast);
          close(e, re, 'eBelow');
          close(w, rw, 'w');
          close(s1, r1, 's1');
          close(s2, r2, 's2');
          close([sum], [rsum], 'sumG2');
        });
    for (const [n, zeros, fast, prop] of [
      [45, 0.3, true, true],
      [45, 0, true, false],
      [717, 0.45, true, true],
      [717, 0, false, false],
      [7, 0.3, false, true],
    ] as const)
      it(`dense ADADELTA from x², n ${n}, zeros ${zeros}, fast_mode ${fast}, propagate ${prop}`, () => {
        const be = make();
        const w0 = Float32Array.from(vec(n));
        const s10 = Float32Array.from(vec(n).map((v) => v * v * 1e-3));
        const s20 = Float32Array.from(vec(n).map((v) => v * v * 1e-4));
        const x = vec(n, zeros);
        for (let step = 0; step < 3; step++) {
          // Three rows in a row, so the accumulators written by one step feed the next.
          const d = [0.37, -1.3, 0.02][step];
          const [w, s1, s2] = [w0.slice(), s10.slice(), s20.slice()];
          const [e, sum] = be.adadeltaDense(w, s1, s2, x, d, 0.99, 1e-8, prop, fast);
          const [rw, r1, r2] = [Float64Array.from(w0), Float64Array.from(s10), Float64Array.from(s20)];
          const [re, rsum] = naiveRow('adadelta', rw, r1, r2, 1, x, d, 0.99, 1e-8, 0, 0, fast);
          if (prop) close(e, re, 'eBelow');
          else close(e, new Float64Array(n), 'eBelow untouched');
          close(w, rw, 'w');
          close(s1, r1, 'Eg2');
          close(s2, r2, 'Edx2');
          close([sum], [rsum], 'sumG2');
          w0.set(w);
          s10.set(s1);
          s20.set(s2);
        }
      });
  });
}
