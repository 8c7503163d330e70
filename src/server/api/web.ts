// Serves the web UI (H2O Flow's role): GET / answers dist/web/index.html (built by
// `npm run build:web`), /assets/* the hashed bundle files. Without a build, / still answers 200
// (the R client only checks that) with a page saying how to build the UI.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import type { ServerState } from '../state.ts';

/** Where `npm run build:web` writes the bundle (repository root /dist/web). */
export const WEB_DIR = resolve(fileURLToPath(new URL('../../../dist/web', import.meta.url)));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>h2o-ts</title>
<h1>h2o-ts</h1><p>The H2O v3 REST API is running (see <a href="/3/Cloud">/3/Cloud</a>).</p>
<p>The web UI is not built: run <code>npm run build:web</code> and reload this page.</p></html>`;

/** Registers `/` and `/assets/*`; `dir` overrides the bundle folder (tests). */
export function registerWeb(app: FastifyInstance, state: ServerState, dir = WEB_DIR): void {
  route(
    app,
    state,
    'GET',
    '/',
    'The web UI (and a 200 for the R client, which asks / first)',
    async (_p, _req, reply) => {
      const index = join(dir, 'index.html');
      void reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
      return existsSync(index) ? readFile(index) : NOT_BUILT;
    },
  );
  route(app, state, 'GET', '/assets/*', 'Files of the web UI bundle', async (_p, req, reply) => {
    const name = (req.params as { '*': string })['*'];
    // Vite names assets `name-hash.ext` in one flat folder: anything else (.., slashes) is refused.
    if (!/^[\w.-]+$/.test(name) || name.includes('..')) throw notFound('Asset', name);
    const file = join(dir, 'assets', name);
    if (!existsSync(file)) throw notFound('Asset', name);
    void reply
      .type(TYPES[extname(name)] ?? 'application/octet-stream')
      // Hashed names change with their content, so browsers may keep them for good.
      .header('Cache-Control', 'public, max-age=31536000, immutable');
    return readFile(file);
  });
}
