import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import type { ServerState } from '../state.ts';
import { registerWeb } from './web.ts';

function appWith(dir: string) {
  const app = Fastify();
  registerWeb(app, { routes: [] } as unknown as ServerState, dir);
  return app;
}

describe('web UI serving', () => {
  const built = mkdtempSync(join(tmpdir(), 'h2o-ts-web-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');

  it('answers / with the built index.html', async () => {
    const r = await appWith(built).inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.equal(r.body, '<!doctype html><div id="app"></div>');
  });

  it('serves hashed assets with their content type and a long cache lifetime', async () => {
    const r = await appWith(built).inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/javascript/);
    assert.match(String(r.headers['cache-control']), /immutable/);
    assert.equal(r.body, 'console.log(1)');
  });

  it('refuses asset names that climb out of the bundle folder', async () => {
    for (const url of ['/assets/..%2Findex.html', '/assets/../../package.json', '/assets/missing.js']) {
      const r = await appWith(built).inject({ method: 'GET', url });
      assert.notEqual(r.statusCode, 200, url);
    }
  });

  it('answers / with 200 and says how to build the UI when there is no bundle', async () => {
    const r = await appWith(join(built, 'nowhere')).inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /npm run build:web/);
  });
});
