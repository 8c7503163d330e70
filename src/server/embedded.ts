// The SDK's embedded back-end: the whole server in this process, answered through fastify's inject
// (no socket). The client only sees the Transport type from schema/, so it never imports the server.
import type { Transport } from '../schema/index.ts';
import { createServer } from './app.ts';
import type { ServerOptions } from './state.ts';

/** Starts an in-process server and returns a Transport to it; `close()` stops the server. */
export async function embeddedTransport(options: ServerOptions = {}): Promise<Transport> {
  const server = await createServer(options);
  await server.app.ready();
  return {
    async request(method, path, form) {
      const payload = form === undefined ? undefined : new URLSearchParams(form).toString();
      const r = await server.app.inject({
        method,
        url: method === 'POST' || payload === undefined ? path : `${path}?${payload}`,
        ...(method === 'POST'
          ? { payload: payload ?? '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : {}),
      });
      let json: unknown = r.body;
      try {
        json = r.json();
      } catch {
        // Not JSON (a download): the caller gets the text.
      }
      return { status: r.statusCode, json };
    },
    close: () => server.close(),
  };
}
