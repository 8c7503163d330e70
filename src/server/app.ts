// fastify app factory for the H2O v3 REST API: body parsing (form-encoded with Python/R literals,
// JSON, raw uploads), optional auth, one error handler for every route, and the endpoint groups.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { H2OInputError } from '../core/index.ts';
import { registerCloud } from './api/cloud.ts';
import { registerDkv } from './api/dkv.ts';
import { registerFrames } from './api/frames.ts';
import { registerGrids } from './api/grids.ts';
import { registerImport } from './api/import.ts';
import { registerJobs } from './api/jobs.ts';
import { registerMetadata } from './api/metadata.ts';
import { registerModelBuilders } from './api/model-builders.ts';
import { registerModelExport } from './api/model-export.ts';
import { registerModels } from './api/models.ts';
import { registerParse } from './api/parse.ts';
import { registerPredictions } from './api/predictions.ts';
import { registerRapids } from './api/rapids.ts';
import { registerWeb } from './api/web.ts';
import { authorized } from './auth.ts';
import { Catalog } from './catalog.ts';
import { toH2OError } from './errors.ts';
import { Jobs } from './jobs.ts';
import { Params } from './params.ts';
import type { ServerOptions, ServerState } from './state.ts';

/** A created (not yet listening) server. */
export interface H2OServer {
  app: FastifyInstance;
  state: ServerState;
  /** Starts listening; resolves with the base URL (`http://127.0.0.1:54321`). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Handler of a route: gets the merged parameters (query + body) and answers JSON. */
export type Handler = (p: Params, req: FastifyRequest, reply: FastifyReply) => unknown | Promise<unknown>;

/** Registers a route and records it for /3/Metadata/endpoints. */
export function route(
  app: FastifyInstance,
  state: ServerState,
  method: 'GET' | 'POST' | 'DELETE' | 'PUT',
  url: string,
  summary: string,
  handler: Handler,
): void {
  state.routes.push({ method, url, summary });
  app.route({
    method,
    url,
    handler: async (req, reply) => {
      const body =
        req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
      const p = new Params({ ...(req.query as object), ...(body as object), ...(req.params as object) });
      return handler(p, req, reply);
    },
  });
}

/** Creates the server; call `listen()` to bind (default 127.0.0.1:54321). */
export async function createServer(options: ServerOptions = {}): Promise<H2OServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 256 * 1024 * 1024,
    // Job keys contain '$' and frame keys may contain almost anything: keep paths as sent.
    routerOptions: { maxParamLength: 2000, ignoreDuplicateSlashes: true },
  });
  const state: ServerState = {
    options: { ip: '127.0.0.1', port: 54321, cloudName: 'h2o-ts', ...options },
    catalog: new Catalog(),
    jobs: new Jobs(),
    startedAt: Date.now(),
    sessions: new Set(),
    routes: [],
    timeZone: 'UTC',
    address: '',
    shutdown: () => {
      state.jobs.cancelAll();
      setTimeout(() => void app.close(), 50);
    },
  };

  await app.register(formbody);
  // Uploads (PostFile) and anything else arrive raw; the endpoint decides what they mean.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  if (options.auth !== undefined) {
    const auth = options.auth;
    app.addHook('onRequest', async (req, reply) => {
      if (authorized(auth, req.headers.authorization)) return;
      reply.header('WWW-Authenticate', 'Basic realm="h2o-ts"');
      throw new H2OInputError('authentication required: send HTTP basic credentials or a bearer token', {
        status: 401,
      });
    });
  }

  app.setErrorHandler((err, req, reply) => {
    const a = toH2OError(err, req.url);
    if (a.status >= 500) req.log.error(err);
    void reply.code(a.status).type('application/json').send(a.body);
  });
  app.setNotFoundHandler((req, reply) => {
    const a = toH2OError(
      new H2OInputError(`Resource ${req.method} ${req.url.split('?')[0]} not found`, { status: 404 }),
      req.url,
    );
    void reply.code(404).type('application/json').send(a.body);
  });

  registerCloud(app, state);
  registerMetadata(app, state);
  registerJobs(app, state);
  registerDkv(app, state);
  registerImport(app, state);
  registerParse(app, state);
  registerFrames(app, state);
  registerRapids(app, state);
  registerModelBuilders(app, state);
  registerModels(app, state);
  registerModelExport(app, state);
  registerPredictions(app, state);
  registerGrids(app, state);
  registerWeb(app, state);

  return {
    app,
    state,
    async listen() {
      const url = await app.listen({ host: state.options.ip, port: state.options.port });
      const addr = app.server.address();
      state.address =
        addr !== null && typeof addr === 'object'
          ? `${state.options.ip}:${addr.port}`
          : url.replace(/^https?:\/\//, '');
      return `http://${state.address}`;
    },
    async close() {
      state.jobs.cancelAll();
      await app.close();
    },
  };
}
