import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const BIN = new URL('../../bin/h2o-ts', import.meta.url).pathname;
const IRIS = new URL('../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('h2o-ts describe', () => {
  it('prints iris as JSON: 150 rows, class an enum with 3 levels', () => {
    const r = run('describe', IRIS, '--json');
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.rows, 150);
    const cls = j.columns.find((c: { name: string }) => c.name === 'class');
    assert.equal(cls.type, 'enum');
    assert.equal(cls.cardinality, 3);
    for (const k of ['name', 'type', 'min', 'max', 'mean', 'sigma', 'missing', 'cardinality'])
      assert.ok(k in cls, k);
    // sepal_len min/max read straight from the file: 4.3 and 7.9.
    assert.deepEqual([j.columns[0].min, j.columns[0].max], [4.3, 7.9]);
  });

  it('prints a table for people', () => {
    const r = run('describe', IRIS);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Rows: 150 {2}Columns: 5/);
    assert.match(r.stdout, /class\s+enum/);
  });

  it('fails with one line naming the file for malformed input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'h2o-cli-'));
    const gz = gzipSync('1,2\n'.repeat(10000));
    const cases = {
      'quote.csv': 'a,b\n1,"2\n',
      'garbage.csv': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]),
      'cut.csv.gz': gz.subarray(0, gz.length - 20),
    };
    for (const [name, body] of Object.entries(cases)) {
      writeFileSync(join(dir, name), body);
      const r = run('describe', join(dir, name), '--json');
      assert.equal(r.status, 1, `${name}: exit ${r.status}`);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], new RegExp(`^error: .*${name.replace('.', '\\.')}`));
    }
  });
});
