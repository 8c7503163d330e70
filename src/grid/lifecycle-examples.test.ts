// Runs the lifecycle examples (examples/ecg-anomaly.ts, stacked-autoencoder.ts,
// grid-and-cross-validation.ts) with tiny epochs; each must finish and print its headline lines.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

const EXAMPLES: [file: string, epochs: string, expect: RegExp[]][] = [
  [
    'examples/ecg-anomaly.ts',
    '20',
    [/three largest reconstruction errors: rows 21, 22, 23/, /reconstruction: 210 columns/],
  ],
  [
    'examples/stacked-autoencoder.ts',
    '1',
    [/stacked features: DF\.L1\.C1/, /fine-tuned from a pretrained autoencoder: validation logloss \d/],
  ],
  [
    'examples/grid-and-cross-validation.ts',
    '1',
    [
      /Stratified \(3 folds\): pooled logloss \d/,
      /grid: 4 models, 0 failed/,
      /checkpoint: [\d.]+ -> [\d.]+ epochs/,
      /exported scorer predicts Iris-/,
    ],
  ],
];

describe('lifecycle examples', () => {
  for (const [file, epochs, expect] of EXAMPLES) {
    it(`runs ${file}`, async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
        cwd: root,
        env: { ...process.env, H2O_EXAMPLE_EPOCHS: epochs },
      });
      for (const re of expect) assert.match(stdout, re);
    });
  }
});
