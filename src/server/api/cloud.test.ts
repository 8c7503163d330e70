import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestClient, testClient } from '../test-util.ts';

describe('cluster and metadata endpoints (protocol §1, r-client §3)', () => {
  let c: TestClient;
  before(async () => {
    c = await testClient();
  });
  after(() => c.close());

  it('answers GET / with 200 so the R client sees the server up', async () => {
    const r = await c.get('/');
    assert.equal(r.status, 200);
  });

  it('reports a healthy one-node cloud with a plain dotted version and every field the clients read', async () => {
    const r = await c.get('/3/Cloud?skip_ticks=true');
    assert.equal(r.status, 200);
    assert.match(r.contentType, /^application\/json/);
    const j = r.json;
    assert.equal(j.__meta.schema_name, 'CloudV3');
    assert.match(j.version, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(j.cloud_healthy, true);
    assert.equal(j.consensus, true);
    assert.equal(j.cloud_size, 1);
    assert.equal(j.bad_nodes, 0);
    assert.equal(j.skip_ticks, true);
    assert.equal(typeof j.cloud_uptime_millis, 'number');
    for (const k of [
      'build_too_old',
      'web_ip',
      'internal_security_enabled',
      'is_client',
      'locked',
      'telemetry_enabled',
    ])
      assert.ok(k in j, `missing ${k}`);
    const node = j.nodes[0];
    assert.ok(node.num_cpus > 0 && node.cpus_allowed > 0 && node.nthreads > 0);
    assert.ok(node.free_mem > 0);
    assert.equal(node.healthy, true);
  });

  it('lists in the CloudV3 metadata every field that /3/Cloud sends', async () => {
    const meta = await c.get('/3/Metadata/schemas/CloudV3');
    assert.equal(meta.json.__meta.schema_name, 'MetadataV3');
    const listed = new Set(meta.json.schemas[0].fields.map((f: { name: string }) => f.name));
    const cloud = (await c.get('/3/Cloud')).json;
    for (const k of Object.keys(cloud)) if (k !== '__meta') assert.ok(listed.has(k), `${k} not listed`);
  });

  it('describes the error schemas with the fields the python client reads', async () => {
    const e = await c.get('/3/Metadata/schemas/H2OErrorV3');
    const names = e.json.schemas[0].fields.map((f: { name: string }) => f.name);
    assert.deepEqual(names, [
      'timestamp',
      'error_url',
      'msg',
      'dev_msg',
      'http_status',
      'values',
      'exception_type',
      'exception_msg',
      'stacktrace',
    ]);
    const mb = await c.get('/3/Metadata/schemas/H2OModelBuilderErrorV3');
    const mbNames = mb.json.schemas[0].fields.map((f: { name: string }) => f.name);
    for (const k of ['parameters', 'messages', 'error_count']) assert.ok(mbNames.includes(k));
  });

  it('answers an unknown schema with a 404 H2OErrorV3 naming it', async () => {
    const r = await c.get('/3/Metadata/schemas/NoSuchV3');
    assert.equal(r.status, 404);
    assert.equal(r.json.__meta.schema_name, 'H2OErrorV3');
    assert.match(r.json.msg, /NoSuchV3/);
    assert.equal(r.json.http_status, 404);
  });

  it('lists its own routes under /3/Metadata/endpoints', async () => {
    const r = await c.get('/3/Metadata/endpoints');
    const patterns = r.json.routes.map((x: { url_pattern: string }) => x.url_pattern);
    assert.ok(patterns.includes('/3/Jobs/{job_id}'));
    assert.ok(patterns.includes('/99/Rapids'));
  });

  it('opens and closes sessions (python /4/sessions, R /3/InitID)', async () => {
    const s = await c.post('/4/sessions');
    assert.match(s.json.session_key, /^_sid_/);
    const d = await c.del(`/4/sessions/${s.json.session_key}`);
    assert.equal(d.status, 200);
    const i = await c.get('/3/InitID');
    assert.match(i.json.session_key, /^_sid_/);
    assert.equal(i.json.session_properties_allowed, false);
  });

  it('answers capabilities, About and KillMinus3', async () => {
    const cap = await c.get('/3/Capabilities/API');
    assert.ok(cap.json.capabilities.length > 0 && typeof cap.json.capabilities[0].name === 'string');
    const about = await c.get('/3/About');
    assert.ok(about.json.entries.some((e: { value: string }) => /^\d+\.\d+/.test(e.value)));
    assert.equal((await c.get('/3/KillMinus3')).status, 200);
  });

  it('answers an unknown path with a 404 H2OErrorV3', async () => {
    const r = await c.get('/3/NoSuchThing');
    assert.equal(r.status, 404);
    assert.equal(r.json.__meta.schema_name, 'H2OErrorV3');
    assert.match(r.json.msg, /\/3\/NoSuchThing/);
  });

  it('answers a job poll for an unknown key with 404 and a missing required parameter with 400', async () => {
    const j = await c.get('/3/Jobs/$03017f00000132d4ffffffff$_nope');
    assert.equal(j.status, 404);
    assert.match(j.json.msg, /Job '\$03017f00000132d4ffffffff\$_nope' not found/);
    const r = await c.post('/99/Rapids', {});
    assert.equal(r.status, 400);
    assert.match(r.json.msg, /'ast' is required/);
  });
});

describe('authentication', () => {
  it('requires the bearer token when one is configured', async () => {
    const c = await testClient({ auth: { token: 's3cret' } });
    try {
      const denied = await c.get('/3/Cloud');
      assert.equal(denied.status, 401);
      assert.equal(denied.json.__meta.schema_name, 'H2OErrorV3');
      const ok = await c.server.app.inject({ url: '/3/Cloud', headers: { authorization: 'Bearer s3cret' } });
      assert.equal(ok.statusCode, 200);
      const wrong = await c.server.app.inject({
        url: '/3/Cloud',
        headers: { authorization: 'Bearer s3cre' },
      });
      assert.equal(wrong.statusCode, 401);
    } finally {
      await c.close();
    }
  });

  it('accepts H2O-style basic login', async () => {
    const c = await testClient({ auth: { username: 'ann', password: 'pw' } });
    try {
      const basic = `Basic ${Buffer.from('ann:pw').toString('base64')}`;
      const ok = await c.server.app.inject({ url: '/3/Cloud', headers: { authorization: basic } });
      assert.equal(ok.statusCode, 200);
      const bad = `Basic ${Buffer.from('ann:no').toString('base64')}`;
      assert.equal(
        (await c.server.app.inject({ url: '/3/Cloud', headers: { authorization: bad } })).statusCode,
        401,
      );
    } finally {
      await c.close();
    }
  });
});
