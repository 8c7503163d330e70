// Public surface of server: the app factory and the pieces tests and the CLI use.

export { H2O_VERSION } from './api/cloud.ts';
export { createServer, type H2OServer } from './app.ts';
export { Catalog } from './catalog.ts';
export { embeddedTransport } from './embedded.ts';
export { Jobs } from './jobs.ts';
export type { AuthOptions, ServerOptions, ServerState } from './state.ts';
