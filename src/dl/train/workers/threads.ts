// How many threads training and scoring use by default.
import { availableParallelism } from 'node:os';

/** Threads to use by default: H2O_TS_THREADS, else the cores Node sees. */
export function defaultThreads(): number {
  const env = Number(process.env.H2O_TS_THREADS);
  return Number.isInteger(env) && env >= 1 ? env : availableParallelism();
}
