// Scoring-helper bootstrap: makes sure TypeScript loads in this thread, then runs the score worker.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
