import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { asfactor } from './asfactor.ts';
import { exportCsv, frameToCsv } from './export-csv.ts';
import { Frame } from './frame.ts';
import { splitFrame } from './split-frame.ts';
import { summary } from './summary.ts';
import { Vec } from './vec.ts';

describe('asfactor', () => {
  it('orders numeric levels numerically and labels them as H2O does', () => {
    const f = asfactor(Vec.numeric([10, 2, Number.NaN, 2, 0]));
    assert.equal(f.type, 'enum');
    assert.deepEqual(f.domain, ['0', '2', '10']); // numeric order, not string order ('10' < '2')
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((i) => f.label(i)),
      ['10', '2', null, '2', '0'],
    );
  });

  it('keeps real levels in shortest form', () => {
    assert.deepEqual(asfactor(Vec.numeric([2.5, -1, 2.5])).domain, ['-1', '2.5']);
  });
});

describe('splitFrame', () => {
  const f = Frame.fromColumns({ x: Float64Array.from({ length: 1000 }, (_, i) => i) });

  it('partitions every row exactly once, deterministically for a seed', () => {
    const a = splitFrame(f, [0.6, 0.2], 42);
    const b = splitFrame(f, [0.6, 0.2], 42);
    assert.equal(a.length, 3);
    assert.equal(a[0].nRows + a[1].nRows + a[2].nRows, 1000);
    const seen = a.flatMap((p) => Array.from(p.col('x').toFloat64())).sort((u, v) => u - v);
    assert.deepEqual(
      seen,
      Array.from({ length: 1000 }, (_, i) => i),
    );
    assert.deepEqual(Array.from(a[1].col('x').toFloat64()), Array.from(b[1].col('x').toFloat64()));
    // 1000 draws at p=0.6: sd = sqrt(1000*0.6*0.4) ~ 15.5, so 600 +- 80 is over 5 sd wide.
    assert.ok(Math.abs(a[0].nRows - 600) < 80, `part 0 has ${a[0].nRows} rows`);
  });

  it('rejects ratios that sum to 1 or more, naming ratios', () => {
    assert.throws(
      () => splitFrame(f, [0.5, 0.5], 1),
      (e: Error) => e instanceof ValidationError && /ratios.*sum/.test(e.message),
    );
    assert.throws(() => splitFrame(f, [-0.1], 1), /ratios: each ratio must be in \(0, 1\), got -0.1/);
  });
});

describe('summary', () => {
  it('computes min, max, mean, sample sigma, zeros and missing by hand-checkable arithmetic', () => {
    // values 0, 2, 4 (NA skipped): mean 2; sample variance ((-2)^2 + 0 + 2^2) / (3 - 1) = 4, sigma 2
    const [s] = summary(Frame.fromColumns({ a: [0, 2, Number.NaN, 4] }));
    assert.deepEqual([s.type, s.min, s.max, s.mean, s.sigma, s.zeros, s.missing], ['int', 0, 4, 2, 2, 1, 1]);
    assert.deepEqual(s.histogram.counts, [1, 0, 1, 0, 1]); // one bin per integer 0..4
  });

  it('gives the same answer for byte storage and float storage', () => {
    const bytes = summary(Frame.fromColumns({ a: [1, 200, 3, 3] }))[0];
    const floats = summary(Frame.fromColumns({ a: [1.5, 200.5, 3.5, 3.5] }))[0];
    // Shifting every value by 0.5 shifts min/max/mean and leaves sigma unchanged.
    assert.equal(bytes.mean! + 0.5, floats.mean);
    assert.ok(Math.abs(bytes.sigma! - floats.sigma!) < 1e-12);
    assert.equal(bytes.type, 'int');
    assert.equal(floats.type, 'real');
  });

  it('counts a long byte column (unrolled counting) as a naive loop over the values does', () => {
    // 1003 values: not a multiple of 4, so the unrolled loop's remainder is exercised too.
    const values = Array.from({ length: 1003 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37) % 256));
    const [s] = summary(Frame.fromColumns({ a: values }));
    let sum = 0;
    let zeros = 0;
    for (const v of values) {
      sum += v;
      if (v === 0) zeros++;
    }
    assert.deepEqual(
      [s.min, s.max, s.zeros, s.missing],
      [Math.min(...values), Math.max(...values), zeros, 0],
    );
    assert.ok(Math.abs(s.mean! - sum / values.length) < 1e-9);
    assert.equal(
      s.histogram.counts.reduce((a, b) => a + b, 0),
      values.length,
    );
  });

  it('reports categorical cardinality, domain and level counts', () => {
    const [s] = summary(Frame.fromColumns({ c: ['b', 'a', null, 'b'] }));
    assert.equal(s.type, 'enum');
    assert.equal(s.cardinality, 2);
    assert.deepEqual(s.domain, ['a', 'b']);
    assert.deepEqual(s.histogram.counts, [1, 2]);
    assert.equal(s.missing, 1);
  });

  it('summarises a constant column stored as one value', () => {
    const [s] = summary(Frame.fromColumns({ k: [7, 7, 7] }));
    assert.deepEqual([s.min, s.max, s.mean, s.sigma, s.zeros], [7, 7, 7, 0, 0]);
  });
});

describe('frameToCsv / exportCsv', () => {
  const f = new Frame(
    ['n', 'c', 's'],
    [Vec.numeric([1.5, Number.NaN]), Vec.categorical([0, -1], ['x"y']), Vec.string(['a,b', null])],
  );

  it('writes a quoted header, doubled quotes and empty NA cells', () => {
    assert.equal(frameToCsv(f), '"n","c","s"\n1.5,"x""y","a,b"\n,,\n');
  });

  it('writes the file atomically and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h2o-export-'));
    const path = join(dir, 'out.csv');
    await exportCsv(f, path);
    assert.equal(readFileSync(path, 'utf8'), frameToCsv(f));
    assert.deepEqual(readdirSync(dir), ['out.csv']);
    await assert.rejects(exportCsv(f, join(dir, 'missing', 'x.csv')), /exportCsv: cannot write/);
  });
});
