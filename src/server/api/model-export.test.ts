// Contract tests of the scorer downloads: /3/Models.java/{id} (H2O's POJO route) and /3/Models.js/{id}.
// What the generated code computes is tested in src/dl/export; here: routes, headers, errors.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importThroughApi, type TestClient, testClient } from '../test-util.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

const IRIS = join(SHARED, 'data/smalldata/iris/iris_wheader.csv');

describe('/3/Models.java and /3/Models.js', () => {
  let c: TestClient;
  before(async () => {
    c = await testClient();
    const iris = await importThroughApi(c, IRIS);
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: iris,
      response_column: 'class',
      hidden: '[3]',
      epochs: '1',
      model_id: 'iris-dl.1',
    });
    assert.equal((await c.waitJob(r.json.job.key.name)).status, 'DONE');
  });
  after(async () => {
    await c?.close();
  });

  it('answers the POJO as Java source named after its class', async () => {
    const r = await c.get('/3/Models.java/iris-dl.1');
    assert.equal(r.status, 200);
    assert.match(r.contentType, /^text\/plain/);
    // 'iris-dl.1' is no Java identifier: '-' and '.' become '_' (safeIdentifier).
    assert.match(r.json, /public class iris_dl_1\b/);
    const disposition = await c.server.app.inject({ method: 'GET', url: '/3/Models.java/iris-dl.1' });
    assert.equal(disposition.headers['content-disposition'], 'attachment; filename="iris_dl_1.java"');
  });

  it('answers the JS module as an .mjs download exporting score and predict', async () => {
    const r = await c.get('/3/Models.js/iris-dl.1');
    assert.equal(r.status, 200);
    assert.match(r.contentType, /^text\/javascript/);
    assert.match(r.json, /export function score\(row\)/);
    assert.match(r.json, /export function predict\(row\)/);
  });

  it('answers 404 naming the model for an unknown id, on both routes', async () => {
    for (const url of ['/3/Models.java/nope', '/3/Models.js/nope']) {
      const r = await c.get(url);
      assert.equal(r.status, 404, url);
      assert.match(JSON.stringify(r.json), /nope/);
    }
  });

  it('are listed in /3/Metadata/endpoints, which the UI checks before linking', async () => {
    const r = await c.get('/3/Metadata/endpoints');
    const patterns = r.json.routes.map((x: { url_pattern: string }) => x.url_pattern);
    assert.ok(patterns.includes('/3/Models.java/{model_id}'));
    assert.ok(patterns.includes('/3/Models.js/{model_id}'));
  });
});
