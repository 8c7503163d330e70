// Training-speed benchmark (not a test): 784-200-200-10 Rectifier on MNIST, one row at a time, in the
// wasm SIMD kernels, on 1 thread and on 2 replica workers; prediction; and the same net in PyTorch CPU
// (Debian python3-torch) for comparison. Prints name=value lines. Results: bench/RESULTS.md.
// Usage: npm run bench:speed [-- --quick]   (--quick: fewer rows, no time-to-accuracy runs)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/index.ts';
import { AdaptedRows, buildDataInfo } from '../src/dl/data/data-info.ts';
import { Network, type NetworkSpec } from '../src/dl/network/index.ts';
import { blockForward } from '../src/dl/score/block-forward.ts';
import {
  DEFAULT_SCHEME,
  type ParallelScheme,
  ReplicaPool,
  scoreParallel,
  scorePoolReady,
} from '../src/dl/train/workers/index.ts';
import { wasmRelaxedSimd } from '../src/kernels/wasm/index.ts';
import { importFiles } from '../src/parse/index.ts';
import { h2oClassifierSpec } from './h2o-spec.ts';

const quick = process.argv.includes('--quick');
const dir = join(import.meta.dirname, '..', '..', 'shared', 'data', 'mnist');
const out = join(import.meta.dirname, 'out');
const print = (name: string, value: string | number) => console.log(`${name}=${value}`);

// H2O's defaults (ADADELTA; fast_mode=true skips weights whose input is 0 and neurons whose δ is 0,
// semantics §5.10). Units are replaced by the adapted input width below.
const ADADELTA = h2oClassifierSpec([717, 200, 200, 10]);
// ADADELTA updating every weight of every row (what PyTorch's Adadelta does).
const ADADELTA_NOFAST = h2oClassifierSpec([717, 200, 200, 10], { fast_mode: false });
// Plain SGD: adaptive_rate=false, momentum_start=0 (H2O's manual rate default 0.005), no annealing.
const SGD = h2oClassifierSpec([717, 200, 200, 10], { adaptive_rate: false, rate_annealing: 0 });

print('machine', `"${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}"`);
// Relaxed SIMD (fused multiply-add in the batched kernels) where the runtime validates it.
print('wasm_relaxed_simd', String(wasmRelaxedSimd()));
const t = performance.now();
const train = await importFiles(join(dir, 'train.csv.gz'));
const test = await importFiles(join(dir, 'test.csv.gz'));
print('import_s', ((performance.now() - t) / 1000).toFixed(2));
const names = train.names.slice(0, 784);
const info = buildDataInfo(train, names, null, {
  use_all_factor_levels: true,
  standardize: true,
  autoencoder: false,
  sparse: false,
  missing_values_handling: 'MeanImputation',
  standardizeResponse: false,
});
const labelOf = (f: typeof train) => Int32Array.from({ length: f.nRows }, (_, i) => f.col('C785').at(i));
const codes = labelOf(train);
const testCodes = labelOf(test);
const adapted = new AdaptedRows(info, train);
// As training does (dl/train/train.ts): a row-major copy of the inputs, rows in shuffled order.
const packed = adapted.pack();
const order = Int32Array.from({ length: train.nRows }, (_, i) => i);
new Rng(3).shuffle(order);
const nTrain = quick ? 12000 : 60000;
const rows = Int32Array.from({ length: train.nRows }, (_, i) => i);
const units = [info.fullN, 200, 200, 10];

/** Rows/s of per-row training on this thread, over `n` rows (after a short warm-up). */
function oneThread(spec: NetworkSpec, n: number): { rps: number; net: Network } {
  const net = new Network({ ...spec, units }, { backend: 'wasm' });
  net.initWeights(1);
  const x = new Float32Array(info.fullN);
  const rng = new Rng(2);
  for (let r = 0; r < 500; r++) {
    adapted.fill(r, x, true);
    net.trainRow(x, codes[r], r, rng);
  }
  const t0 = performance.now();
  for (let r = 0; r < n; r++) {
    const row = order[r % train.nRows];
    adapted.fill(row, x, true);
    net.trainRow(x, codes[row], r, rng);
  }
  return { rps: n / ((performance.now() - t0) / 1000), net };
}

/** Rows/s of the replica pool with `threads` workers, iterations of `perIteration` rows. */
async function pool(
  spec: NetworkSpec,
  threads: number,
  n: number,
  perIteration: number,
  scheme: ParallelScheme = DEFAULT_SCHEME,
) {
  const net = new Network({ ...spec, units }, { backend: 'wasm' });
  net.initWeights(1);
  const p = ReplicaPool.start({
    threads,
    network: net,
    info,
    frame: train,
    packed,
    rows,
    targets: { kind: 'class', codes },
    sampleWeights: null,
    seed: 1,
    shuffle: true,
    scheme,
  });
  await p.iterate(net, 1000, 0, 1); // start-up and warm-up, not timed
  let done = 0;
  const t0 = performance.now();
  for (let it = 2; done < n; it++) done += await p.iterate(net, perIteration, done, it);
  const rps = done / ((performance.now() - t0) / 1000);
  await p.close();
  return { rps, net };
}

/** Test-set probabilities: blocks of rows through the batched forward pass, as score-rows does. */
function predictTest(net: Network, threads: 1 | 2): Float64Array {
  const a = new AdaptedRows(info, test);
  const probs = new Float64Array(test.nRows * 10);
  const forward = blockForward(net, a, 10);
  const range = (k0: number, m: number, out: Float64Array) => forward(null, k0, m, out);
  if (threads === 1 || !scoreParallel(net, a, undefined, test.nRows, probs, range))
    range(0, test.nRows, probs);
  return probs;
}

function testError(net: Network, threads: 1 | 2 = 2): number {
  const probs = predictTest(net, threads);
  let wrong = 0;
  for (let r = 0; r < test.nRows; r++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (probs[r * 10 + c] > probs[r * 10 + best]) best = c;
    if (best !== testCodes[r]) wrong++;
  }
  return wrong / test.nRows;
}

/** Prediction rows/s over the test set (best of 5 passes after 3 warm-up passes: the helper JITs too). */
function predictRate(net: Network, threads: 1 | 2): number {
  for (let k = 0; k < 3; k++) predictTest(net, threads);
  let best = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    predictTest(net, threads);
    best = Math.max(best, test.nRows / ((performance.now() - t0) / 1000));
  }
  return best;
}

const perIt = quick ? 6000 : 20000;
const ada1 = oneThread(ADADELTA, nTrain);
print('adadelta_rows_per_s_1t', ada1.rps.toFixed(0));
// Both ways of sharing the model across 2 threads; the default one is also printed as ..._2t.
const adaRep = await pool(ADADELTA, 2, nTrain, perIt, 'replicas');
const adaHog = await pool(ADADELTA, 2, nTrain, perIt, 'hogwild');
const ada2 = DEFAULT_SCHEME === 'hogwild' ? adaHog : adaRep;
print('parallel_scheme', DEFAULT_SCHEME);
print('adadelta_rows_per_s_2t', ada2.rps.toFixed(0));
print('adadelta_speedup_2t', (ada2.rps / ada1.rps).toFixed(2));
const adaExact1 = oneThread(ADADELTA_NOFAST, nTrain);
print('adadelta_nofast_rows_per_s_1t', adaExact1.rps.toFixed(0));
const adaExact2 = await pool(ADADELTA_NOFAST, 2, nTrain, perIt, 'replicas');
print('adadelta_nofast_rows_per_s_2t', adaExact2.rps.toFixed(0));
print('adadelta_rows_per_s_2t_replicas', adaRep.rps.toFixed(0));
print('adadelta_rows_per_s_2t_hogwild', adaHog.rps.toFixed(0));
const sgd1 = oneThread(SGD, nTrain);
print('sgd_rows_per_s_1t', sgd1.rps.toFixed(0));
const sgdRep = await pool(SGD, 2, nTrain, perIt, 'replicas');
const sgdHog = await pool(SGD, 2, nTrain, perIt, 'hogwild');
print('sgd_rows_per_s_2t', (DEFAULT_SCHEME === 'hogwild' ? sgdHog : sgdRep).rps.toFixed(0));
print('sgd_rows_per_s_2t_replicas', sgdRep.rps.toFixed(0));
print('sgd_rows_per_s_2t_hogwild', sgdHog.rps.toFixed(0));

// Prediction over the test set: batched forward, on this thread and with the scoring helper (2 cores).
const scoreThreads = await scorePoolReady();
print('predict_rows_per_s_1t', predictRate(ada1.net, 1).toFixed(0));
print('predict_rows_per_s', predictRate(ada1.net, 2).toFixed(0));
print('predict_threads', scoreThreads);
// Accuracy at equal rows (the bench's rows from the same initial weights): 1 thread and both schemes.
print('adadelta_test_error_after_bench_rows_1t', testError(ada1.net).toFixed(4));
print('adadelta_test_error_after_bench_rows_replicas', testError(adaRep.net).toFixed(4));
print('adadelta_test_error_after_bench_rows_hogwild', testError(adaHog.net).toFixed(4));

// Mini-batch path (mini_batch_size=128, SGD + Nesterov momentum 0.9, rate 0.1): one thread, per update
// of 128 rows, and 2 replica workers.
const MINI: NetworkSpec = {
  ...ADADELTA,
  adaptive_rate: false,
  rate: 0.1,
  momentum_start: 0.9,
  momentum_stable: 0.9,
  mini_batch_size: 128,
};
{
  const net = new Network({ ...MINI, units }, { backend: 'wasm' });
  net.initWeights(1);
  const x = new Float32Array(128 * info.fullN);
  const y = new Float64Array(128);
  const t0 = performance.now();
  for (let r0 = 0; r0 < nTrain; r0 += 128) {
    adapted.fillBlock(null, r0 % 59904, 128, x, true);
    for (let r = 0; r < 128; r++) y[r] = codes[(r0 % 59904) + r];
    net.trainBatch(x, y, 128, r0);
  }
  print('minibatch128_rows_per_s_1t', (nTrain / ((performance.now() - t0) / 1000)).toFixed(0));
  print('minibatch128_rows_per_s_2t', (await pool(MINI, 2, nTrain, perIt)).rps.toFixed(0));
}

/** Seconds of training (scoring the test set after each epoch excluded) until test error <= 2.0 %. */
async function timeTo2pct(spec: NetworkSpec, label: string, maxEpochs: number): Promise<void> {
  const net = new Network({ ...spec, units }, { backend: 'wasm' });
  net.initWeights(1);
  const p = ReplicaPool.start({
    threads: 2,
    network: net,
    info,
    frame: train,
    packed,
    rows,
    targets: { kind: 'class', codes },
    sampleWeights: null,
    seed: 1,
    shuffle: true,
  });
  await p.iterate(net, 2, 0, 0); // worker start-up, not timed
  let trainS = 0;
  let seen = 0;
  let reached = Number.NaN;
  let last = 1;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const t0 = performance.now();
    for (let k = 0; k < 3; k++) seen += await p.iterate(net, 20000, seen, epoch * 3 + k);
    trainS += (performance.now() - t0) / 1000;
    last = testError(net);
    print(`${label}_test_error_epoch_${epoch}`, last.toFixed(4));
    if (last <= 0.02) {
      reached = trainS;
      break;
    }
  }
  await p.close();
  print(`${label}_time_to_2pct_s`, reached.toFixed(1));
  print(`${label}_train_s`, trainS.toFixed(1));
  print(`${label}_best_test_error`, last.toFixed(4));
}

if (!quick) {
  // Time to 2.0 % test error on 2 replica workers (3 iterations of 20,000 rows per epoch).
  await timeTo2pct(ADADELTA, 'ours_adadelta', 15);
  await timeTo2pct(MINI, 'ours_minibatch128', 15);
}

// PyTorch: the same data as uint8 pixels / 255 (ours standardises; both are common practice).
mkdirSync(out, { recursive: true });
const dump = (f: typeof train, name: string) => {
  const n = f.nRows;
  const xs = new Uint8Array(n * 784);
  for (let j = 0; j < 784; j++) {
    const v = f.col(names[j]);
    for (let i = 0; i < n; i++) xs[i * 784 + j] = v.at(i);
  }
  writeFileSync(join(out, `${name}-x.u8`), xs);
  writeFileSync(join(out, `${name}-y.u8`), Uint8Array.from(labelOf(f)));
};
dump(train, 'train');
dump(test, 'test');
// Debian's OpenBLAS picks a slow generic kernel on this CPU unless told its core type.
const env = { ...process.env, OPENBLAS_CORETYPE: process.env.OPENBLAS_CORETYPE ?? 'SKYLAKEX' };
const py = spawnSync(
  '/usr/bin/python3',
  [
    join(import.meta.dirname, 'speed-torch.py'),
    out,
    String(nTrain),
    String(test.nRows),
    '1',
    quick ? '0' : '1',
  ],
  { env, encoding: 'utf8' },
);
if (py.status !== 0) {
  print('torch', `"unavailable: ${(py.stderr || py.error?.message || '').trim().split('\n').pop()}"`);
} else {
  process.stdout.write(py.stdout);
  const torchAda = Number(/torch_adadelta_bs1_rows_per_s=(\d+)/.exec(py.stdout)?.[1]);
  const torchSgd = Number(/torch_sgd_bs1_rows_per_s=(\d+)/.exec(py.stdout)?.[1]);
  const torch128 = Number(/torch_sgd_momentum_bs128_rows_per_s=(\d+)/.exec(py.stdout)?.[1]);
  print('ratio_adadelta_vs_torch_bs1', (ada1.rps / torchAda).toFixed(2));
  print('ratio_adadelta_nofast_vs_torch_bs1', (adaExact1.rps / torchAda).toFixed(2));
  print('ratio_sgd_vs_torch_bs1', (sgd1.rps / torchSgd).toFixed(2));
  print('ratio_adadelta_2t_vs_torch_bs128', (ada2.rps / torch128).toFixed(3));
}
