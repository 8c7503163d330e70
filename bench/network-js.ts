// Rows per second of Network.trainRow (JS reference kernels) on a 784-200-200-10 Rectifier softmax
// net with ADADELTA on random input, plus predictRow. Run: node --import tsx bench/network-js.ts
// Measured 2026-11-27, AMD EPYC (2 cores shared with other jobs), Node 20.20: trainRow 1.3k–1.4k
// rows/s, predictRow 3.9k–5.1k rows/s (before unrolling gemv and inlining the sqrt: 1.0k and 3.2k).
import { cpus } from 'node:os';
import { Rng } from '../src/core/index.ts';
import { Network } from '../src/dl/network/index.ts';
import { h2oClassifierSpec } from './h2o-spec.ts';

const spec = h2oClassifierSpec([784, 200, 200, 10]);

const net = new Network(spec);
net.initWeights(1);
const rng = new Rng(2);
const nRows = 256;
const rows = Array.from({ length: nRows }, () => Float32Array.from({ length: 784 }, () => rng.nextDouble()));
const labels = Array.from({ length: nRows }, () => rng.nextInt(10));

function time(label: string, n: number, fn: (r: number) => void): void {
  for (let r = 0; r < 200; r++) fn(r); // warm-up so V8 optimises the kernels first
  const t0 = performance.now();
  for (let r = 0; r < n; r++) fn(r);
  const ms = performance.now() - t0;
  console.log(`${label}: ${Math.round((n / ms) * 1000)} rows/s (${n} rows, ${ms.toFixed(0)} ms)`);
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, node ${process.version}`);
let nSeen = 0;
time('trainRow ADADELTA 784-200-200-10 Rectifier', 2000, (r) =>
  net.trainRow(rows[r % nRows], labels[r % nRows], nSeen++, rng),
);
const out = new Float64Array(10);
time('predictRow 784-200-200-10 Rectifier', 4000, (r) => net.predictRow(rows[r % nRows], out));
