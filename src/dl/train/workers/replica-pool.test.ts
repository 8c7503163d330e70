// The replica pool against a naive reference: two replicas trained one after the other on this thread
// (same shards, same per-worker seeds, same iteration code) and averaged must equal what two worker
// threads produce, bit for bit — each replica's training is deterministic, only the threads differ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../../core/index.ts';
import { Frame, Vec } from '../../../frame/index.ts';
import { AdaptedRows, buildDataInfo } from '../../data/data-info.ts';
import { Network, type NetworkSpec } from '../../network/index.ts';
import { softmaxSpec } from '../../network/naive-mlp.test-helper.ts';
import { runIteration } from '../iteration.ts';
import { ReplicaPool } from './replica-pool.ts';

const SPEC = softmaxSpec({ units: [3, 8, 2], distribution: 'bernoulli', rate: 0 });

function dataset(n: number) {
  const rng = new Rng(3);
  const a = Array.from({ length: n }, () => rng.nextGaussian());
  const b = Array.from({ length: n }, () => rng.nextGaussian());
  const c = Array.from({ length: n }, () => rng.nextInt(4));
  const frame = new Frame(['a', 'b', 'c'], [Vec.numeric(a), Vec.numeric(b), Vec.numeric(c)]);
  const info = buildDataInfo(frame, ['a', 'b', 'c'], null, {
    use_all_factor_levels: true,
    standardize: true,
    autoencoder: false,
    sparse: false,
    missing_values_handling: 'MeanImputation',
    standardizeResponse: false,
  });
  // Class 1 when a + b > 0: learnable by the tiny net.
  const codes = Int32Array.from(a, (v, i) => (v + b[i] > 0 ? 1 : 0));
  return { frame, info, codes, rows: Int32Array.from({ length: n }, (_, i) => i) };
}

describe('ReplicaPool', () => {
  it('averages two worker replicas exactly as a sequential reference does', async () => {
    const { frame, info, codes, rows } = dataset(400);
    const net = new Network(SPEC, { backend: 'wasm' });
    net.initWeights(7);
    const reference = net.clone({ backend: 'wasm' });
    const targets = { kind: 'class' as const, codes };
    const pool = ReplicaPool.start({
      threads: 2,
      network: net,
      info,
      frame,
      rows,
      targets,
      sampleWeights: null,
      seed: 42,
      shuffle: true,
    });
    try {
      let nSeen = 0;
      for (let it = 1; it <= 6; it++) {
        const done = await pool.iterate(net, 400, nSeen, it);
        let expectedDone = 0;
        // Reference: each shard (rows k with k mod 2 = w) trained from the same start, then averaged.
        const replicas = [0, 1].map((w) => {
          const r = reference.clone({ backend: 'wasm' });
          expectedDone += runIteration(
            {
              network: r,
              adapted: new AdaptedRows(info, frame),
              rows: rows.filter((_, k) => k % 2 === w),
              targets,
              sampleWeights: null,
              tspi: 200,
              shuffle: true,
              seed: 42 + w * 7919,
            },
            { nSeen, iterations: it },
          );
          return r;
        });
        // Half an epoch per shard is Bernoulli-sampled (§5.2), so the count is about, not exactly, 400.
        assert.equal(done, expectedDone);
        replicas[0].average([replicas[1]]);
        reference.weightBuffer.set(replicas[0].weightBuffer);
        reference.biasBuffer.set(replicas[0].biasBuffer);
        reference.eg2W?.set(replicas[0].eg2W as Float32Array);
        reference.edx2W?.set(replicas[0].edx2W as Float32Array);
        reference.eg2B?.set(replicas[0].eg2B as Float64Array);
        reference.edx2B?.set(replicas[0].edx2B as Float64Array);
        nSeen += done;
        assert.deepEqual([...net.weightBuffer], [...reference.weightBuffer], `weights after iteration ${it}`);
        assert.deepEqual([...net.edx2B!], [...reference.edx2B!], `bias accumulators after iteration ${it}`);
      }
      // And it learned: accuracy on the training rows well above chance (0.5).
      const x = new Float32Array(info.fullN);
      const p = new Float64Array(2);
      const adapted = new AdaptedRows(info, frame);
      let right = 0;
      for (let r = 0; r < rows.length; r++) {
        adapted.fill(r, x, false);
        net.predictRow(x, p);
        if ((p[1] > p[0] ? 1 : 0) === codes[r]) right++;
      }
      assert.ok(right / rows.length > 0.8, `accuracy ${right / rows.length}`);
    } finally {
      await pool.close();
    }
  });
});

describe('ReplicaPool with scheme hogwild', () => {
  it('with one worker equals the single-threaded iteration exactly (no other writer, no race)', async () => {
    const { frame, info, codes, rows } = dataset(300);
    const net = new Network(SPEC, { backend: 'wasm' });
    net.initWeights(5);
    const reference = net.clone({ backend: 'wasm' });
    const targets = { kind: 'class' as const, codes };
    const pool = ReplicaPool.start({
      threads: 1,
      network: net,
      info,
      frame,
      rows,
      targets,
      sampleWeights: null,
      seed: 42,
      shuffle: true,
      scheme: 'hogwild',
    });
    try {
      let nSeen = 0;
      for (let it = 1; it <= 3; it++) {
        const done = await pool.iterate(net, 300, nSeen, it);
        const expected = runIteration(
          {
            network: reference,
            adapted: new AdaptedRows(info, frame),
            rows,
            targets,
            sampleWeights: null,
            tspi: 300,
            shuffle: true,
            seed: 42,
          },
          { nSeen, iterations: it },
        );
        assert.equal(done, expected);
        nSeen += done;
        assert.deepEqual([...net.weightBuffer], [...reference.weightBuffer], `weights after iteration ${it}`);
        assert.deepEqual([...net.eg2B!], [...reference.eg2B!], `bias accumulators after iteration ${it}`);
      }
    } finally {
      await pool.close();
    }
  });

  it('trains one shared model from two workers (racy, so checked by accuracy, not bits)', async () => {
    const { frame, info, codes, rows } = dataset(400);
    const net = new Network(SPEC, { backend: 'wasm' });
    net.initWeights(7);
    const pool = ReplicaPool.start({
      threads: 2,
      network: net,
      info,
      frame,
      rows,
      targets: { kind: 'class', codes },
      sampleWeights: null,
      seed: 42,
      shuffle: true,
      scheme: 'hogwild',
    });
    try {
      let nSeen = 0;
      for (let it = 1; it <= 6; it++) nSeen += await pool.iterate(net, 400, nSeen, it);
      // Each worker visits about half its 200-row shard per iteration: 6 · 400 rows in all, ± sampling.
      assert.ok(nSeen > 2000 && nSeen < 2800, `rows ${nSeen}`);
      const x = new Float32Array(info.fullN);
      const p = new Float64Array(2);
      const adapted = new AdaptedRows(info, frame);
      let right = 0;
      for (let r = 0; r < rows.length; r++) {
        adapted.fill(r, x, false);
        net.predictRow(x, p);
        if ((p[1] > p[0] ? 1 : 0) === codes[r]) right++;
      }
      assert.ok(right / rows.length > 0.8, `accuracy ${right / rows.length}`);
    } finally {
      await pool.close();
    }
  });

  it('reports the rows trained so far while an iteration runs, and 0 between iterations', async () => {
    const { frame, info, codes, rows } = dataset(200000);
    const net = new Network(SPEC);
    net.initWeights(7);
    const pool = ReplicaPool.start({
      threads: 2,
      network: net,
      info,
      frame,
      rows,
      targets: { kind: 'class', codes },
      sampleWeights: null,
      seed: 42,
      shuffle: true,
    });
    try {
      const seen: number[] = [];
      const timer = setInterval(() => seen.push(pool.rowsInFlight()), 5);
      const done = await pool.iterate(net, 200000, 0, 1);
      clearInterval(timer);
      // Some reading fell strictly inside the iteration (workers add every 1024 rows).
      assert.ok(
        seen.some((r) => r > 0 && r < done),
        `readings ${seen.slice(0, 10).join(',')} of ${done} rows`,
      );
      assert.equal(pool.rowsInFlight(), 0);
    } finally {
      await pool.close();
    }
  });
});
