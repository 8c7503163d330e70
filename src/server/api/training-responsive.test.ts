import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer, type H2OServer } from '../app.ts';

// Over a real socket: /3/Cloud and /3/Jobs/{id} keep answering quickly while a Deep Learning job
// trains a [200,200] network (the acceptance check uses MNIST; covtype 20k keeps this test short).
describe('responsiveness while a model trains', () => {
  let s: H2OServer;
  let url: string;
  before(async () => {
    s = await createServer({ port: 0 });
    url = await s.listen();
  });
  after(() => s.close());

  it('answers 200 sequential /3/Jobs and /3/Cloud calls with p99 under 100 ms', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers
    const post = async (p: string, b: Record<string, string>): Promise<any> =>
      (await fetch(url + p, { method: 'POST', body: new URLSearchParams(b) })).json();
    const imp = await post('/3/ImportFilesMulti', {
      paths: '[/work/shared/data/smalldata/covtype/covtype.20k.data]',
    });
    const parse = await post('/3/Parse', {
      source_frames: JSON.stringify(imp.destination_frames),
      destination_frame: 'cov.hex',
      blocking: 'True',
    });
    assert.equal(parse.job.status, 'DONE');
    const build = await post('/3/ModelBuilders/deeplearning', {
      training_frame: 'cov.hex',
      response_column: 'C55',
      hidden: '[200,200]',
      epochs: '1000',
    });
    const key = build.job.key.name;
    const lat: number[] = [];
    let running = 0;
    for (let i = 0; i < 100; i++) {
      // Spaced out so the 200 calls span several training iterations (about 3 s), as a client polls.
      await new Promise((r) => setTimeout(r, 15));
      for (const p of [`/3/Jobs/${key}`, '/3/Cloud']) {
        const t = performance.now();
        const j = (await (await fetch(url + p)).json()) as { jobs?: { status: string; progress: number }[] };
        lat.push(performance.now() - t);
        if (j.jobs?.[0].status === 'RUNNING' && j.jobs[0].progress > 0) running++;
      }
    }
    await post(`/3/Jobs/${key}/cancel`, {});
    lat.sort((a, b) => a - b);
    const p99 = lat[Math.ceil(lat.length * 0.99) - 1];
    assert.ok(
      running > 20,
      `training was seen running in only ${running} polls; the test measured too little`,
    );
    assert.ok(p99 < 100, `p99 ${p99.toFixed(1)} ms (p50 ${lat[lat.length >> 1].toFixed(1)} ms)`);
  });
});
