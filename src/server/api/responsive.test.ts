import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type H2OServer } from '../app.ts';
import { formatLatency, importOverSocket, latencySummary, socketClient } from '../test-util.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// Over a real socket: /3/Cloud and /3/Jobs/{id} keep answering while a parse or a training job runs.
// A blocked event loop shows up as calls waiting for the whole parse or a whole training iteration:
// seconds. The bound is loose on purpose (CI shares two busy cores); the strict p99 < 100 ms goal is
// measured by `npm run bench:latency` (bench/server-latency.ts, figures in bench/RESULTS.md).
const BLOCKED_MS = 1000;
const COVTYPE = join(SHARED, 'data/smalldata/covtype/covtype.20k.data');

describe('responsiveness while jobs run', () => {
  let s: H2OServer;
  let url: string;
  let c: ReturnType<typeof socketClient>;
  before(async () => {
    s = await createServer({ port: 0 });
    url = await s.listen();
    c = socketClient(url);
  });
  after(() => s.close());

  it('answers /3/Cloud and /3/Jobs within a second (p99) during a parse', async () => {
    const imp = await c.post('/3/ImportFilesMulti', { paths: `[${COVTYPE}]` });
    const parse = await c.post('/3/Parse', {
      source_frames: JSON.stringify(imp.destination_frames),
      destination_frame: 'parsed.hex',
    });
    const key = parse.job.key.name;
    const lat: number[] = [];
    let sawRunning = false;
    for (let i = 0; i < 100; i++) {
      for (const p of [`/3/Jobs/${key}`, '/3/Cloud']) {
        const { json, ms } = await c.timedGet(p);
        lat.push(ms);
        if (json.jobs?.[0].status === 'RUNNING') sawRunning = true;
      }
    }
    const l = latencySummary(lat);
    assert.ok(sawRunning, 'the parse finished before the first poll; the test measured nothing');
    assert.ok(l.p99 < BLOCKED_MS, `${formatLatency(l)}: the event loop looks blocked`);
  });

  it('answers /3/Jobs and /3/Cloud within a second (p99) while a [200,200] model trains and progresses', async () => {
    await importOverSocket(url, COVTYPE, 'cov.hex');
    const build = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: 'cov.hex',
      response_column: 'C55',
      hidden: '[200,200]',
      epochs: '1000',
      // Short iterations, so progress moves several times while we poll even on a busy machine.
      train_samples_per_iteration: '4000',
    });
    const key = build.job.key.name;
    const lat: number[] = [];
    const progress: number[] = [];
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 15));
      for (const p of [`/3/Jobs/${key}`, '/3/Cloud']) {
        const { json, ms } = await c.timedGet(p);
        lat.push(ms);
        if (json.jobs) {
          assert.equal(json.jobs[0].status, 'RUNNING', json.jobs[0].exception ?? '');
          progress.push(json.jobs[0].progress);
        }
      }
    }
    // Still progressing: wait (bounded by the test's timeout, not by a clock) for progress beyond the
    // first value seen, which a stalled or dead job never reaches.
    let last = progress[progress.length - 1];
    while (last <= progress[0]) {
      await new Promise((r) => setTimeout(r, 200));
      last = (await c.timedGet(`/3/Jobs/${key}`)).json.jobs[0].progress;
    }
    await c.post(`/3/Jobs/${key}/cancel`);
    const l = latencySummary(lat);
    console.log(`# while training: ${formatLatency(l)}; progress ${progress[0]} -> ${last}`);
    assert.ok(l.p99 < BLOCKED_MS, `${formatLatency(l)}: the event loop looks blocked`);
  });
});
