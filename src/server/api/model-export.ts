// Standalone scorers of a model over HTTP: GET /3/Models.java/{id} (H2O's POJO download, Java
// source as text) and GET /3/Models.js/{id} (ours: the ES module of `h2o-ts export --format js`).
// Both are generated on request from src/dl/export; nothing is cached or written to disk.
import type { FastifyInstance } from 'fastify';
import { jsModuleSource, pojoSource, safeIdentifier } from '../../dl/export/index.ts';
import { route } from '../app.ts';
import type { ServerState } from '../state.ts';
import { modelRecord } from './models.ts';

/** Registers the POJO and JS module downloads. */
export function registerModelExport(app: FastifyInstance, state: ServerState): void {
  route(
    app,
    state,
    'GET',
    '/3/Models.java/:model_id',
    'A model as a Java POJO (source)',
    (p, _req, reply) => {
      const { model } = modelRecord(state, p.required('model_id'));
      const { className, source } = pojoSource(model);
      // javac wants the file named after its public class, so the download suggests that name.
      void reply
        .type('text/plain; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${className}.java"`);
      return source;
    },
  );
  route(app, state, 'GET', '/3/Models.js/:model_id', 'A model as an ES module scorer', (p, _req, reply) => {
    const { model } = modelRecord(state, p.required('model_id'));
    void reply
      .type('text/javascript; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${safeIdentifier(model.modelId)}.mjs"`);
    return jsModuleSource(model);
  });
}
