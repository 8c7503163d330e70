import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const EXAMPLE = new URL('../../examples/import-and-describe.ts', import.meta.url).pathname;

describe('examples/import-and-describe.ts', () => {
  it('runs, splits all 150 iris rows and writes the test part as CSV', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', EXAMPLE], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /imported 150 rows x 5 columns/);
    assert.match(r.stdout, /class \(enum\): 3 levels/);
    const m = /split: (\d+) train rows, (\d+) test rows written to (\S+)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.equal(Number(m[1]) + Number(m[2]), 150);
    // header + one line per test row
    assert.equal(readFileSync(m[3], 'utf8').trim().split('\n').length, Number(m[2]) + 1);
  });
});
