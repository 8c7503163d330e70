import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

// Each engine example runs with tiny epochs and must print its headline line.
const EXAMPLES: [file: string, epochs: string, expect: RegExp][] = [
  ['examples/deep-learning-iris.ts', '2', /validation mean per-class error \d/],
  ['examples/mnist-trial-run.ts', '0.02', /test classification error: 0\.\d{4}/],
  [
    'examples/quantile-regression.ts',
    '5',
    /fraction of rows at or under the 0.8-quantile prediction: [01]\.\d{3}/,
  ],
];

describe('examples', () => {
  for (const [file, epochs, expect] of EXAMPLES) {
    it(`runs ${file}`, async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
        cwd: root,
        env: { ...process.env, H2O_EXAMPLE_EPOCHS: epochs },
      });
      assert.match(stdout, expect);
    });
  }
});
