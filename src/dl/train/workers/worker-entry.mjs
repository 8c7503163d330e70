// Worker bootstrap: makes sure TypeScript loads in this thread (the CLI registers tsx on the main
// thread only), then runs the training worker.
import { register } from 'tsx/esm/api';

register();
await import('./train-worker.ts');
