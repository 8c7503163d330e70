// Worker bootstrap when running from the TypeScript sources: loads tsx in this thread (the CLI
// registers it on the main thread only), then the worker. The bundled CLI uses dist/parse-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
