import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer, type H2OServer } from '../app.ts';
import { formatLatency, latencySummary, socketClient } from '../test-util.ts';

// Over a real socket: /3/Cloud and /3/Jobs/{id} keep answering while a parse job runs. The bound
// only catches a blocked event loop (calls waiting for the whole parse); speed goals live in
// bench/server-latency.ts, not in tests that share two busy cores.
const BLOCKED_MS = 1000;

describe('responsiveness while a job runs', () => {
  let s: H2OServer;
  let url: string;
  before(async () => {
    s = await createServer({ port: 0 });
    url = await s.listen();
  });
  after(() => s.close());

  it('answers /3/Cloud and /3/Jobs within a second (p99) during a parse', async () => {
    const c = socketClient(url);
    const imp = await c.post('/3/ImportFilesMulti', {
      paths: '[/work/shared/data/smalldata/covtype/covtype.20k.data]',
    });
    const parse = await c.post('/3/Parse', {
      source_frames: JSON.stringify(imp.destination_frames),
      destination_frame: 'cov.hex',
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
});
