// A network's learned arrays as plain data (save/load, best-model tracking, replicas) and model
// averaging over those arrays. The order of STATE_KEYS is the order of Network's internal buffers.
import type { NetworkSpec } from './spec.ts';

/** Plain-data snapshot of a network: JSON-able after converting the typed arrays. */
export interface NetworkState {
  spec: NetworkSpec;
  weights: Float32Array;
  biases: Float64Array;
  eg2W: Float32Array | null;
  edx2W: Float32Array | null;
  eg2B: Float64Array | null;
  edx2B: Float64Array | null;
  velW: Float32Array | null;
  velB: Float64Array | null;
  meanActivation: Float64Array | null;
}

/** Names of the state buffers, in the order Network lists them. */
export const STATE_KEYS = [
  'weights',
  'biases',
  'eg2W',
  'edx2W',
  'eg2B',
  'edx2B',
  'velW',
  'velB',
  'meanActivation',
] as const;

/** The state's buffers in STATE_KEYS order. */
export function stateBuffers(s: NetworkState): (Float32Array | Float64Array | null)[] {
  return STATE_KEYS.map((k) => s[k]);
}

/**
 * Element-wise mean, written into `mine`, of `mine` and every list in `theirs` (same order and
 * lengths; null entries are skipped). Float32 buffers are summed in float64, then rounded once.
 */
export function averageBuffers(
  mine: (Float32Array | Float64Array | null)[],
  theirs: (Float32Array | Float64Array | null)[][],
): void {
  const count = theirs.length + 1;
  for (let k = 0; k < mine.length; k++) {
    const a = mine[k];
    if (a === null) continue;
    for (const t of theirs)
      if (t[k]?.length !== a.length)
        throw new Error(`internal error: averaging networks of different layouts (${STATE_KEYS[k]})`);
    for (let i = 0; i < a.length; i++) {
      let sum = a[i];
      for (let j = 0; j < theirs.length; j++) sum += (theirs[j][k] as Float32Array | Float64Array)[i];
      a[i] = sum / count;
    }
  }
}
