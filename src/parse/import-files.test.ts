import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { ParseError } from '../core/index.ts';
import { importFiles } from './import-files.ts';
import { listSources } from './list-sources.ts';
import { parseSetup } from './parse-setup.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'h2o-import-'));
const csv = 'a,b\n1,x\n2,y\n';
const put = (name: string, body: string | Uint8Array) => {
  writeFileSync(join(dir, name), body);
  return join(dir, name);
};

describe('importFiles sources', () => {
  it('reads gzip and zip by their content, not their name', async () => {
    const gz = await importFiles(put('plain-name.dat', gzipSync(csv)));
    assert.deepEqual([gz.nRows, gz.names], [2, ['a', 'b']]);
    const zip = await importFiles(put('data.zip', zipSync({ 'inner.csv': Buffer.from(csv) })));
    assert.equal(zip.col('b').label(1), 'y');
  });

  it('concatenates the files of a folder and of a glob, skipping each header', async () => {
    const sub = join(dir, 'parts');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    writeFileSync(join(sub, 'p1.csv'), csv);
    writeFileSync(join(sub, 'p2.csv'), 'a,b\n3,z\n');
    assert.equal((await importFiles(sub)).nRows, 3);
    assert.deepEqual(await listSources(join(sub, 'p*.csv')), [join(sub, 'p1.csv'), join(sub, 'p2.csv')]);
    const f = await importFiles(join(sub, '*2.csv'));
    assert.deepEqual([f.nRows, f.col('a').at(0)], [1, 3]);
  });

  describe('over http', () => {
    let base = '';
    const server = createServer((req, res) => {
      if (req.url === '/d.csv.gz') res.end(gzipSync(csv));
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    before(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    it('streams a gzipped URL from a local server', async () => {
      const f = await importFiles(`${base}/d.csv.gz`);
      assert.deepEqual([f.nRows, f.col('a').at(1)], [2, 2]);
    });

    it('names the URL and the HTTP status when the download fails', async () => {
      await assert.rejects(importFiles(`${base}/missing.csv`), /missing\.csv: cannot download: HTTP 404/);
    });
  });

  it('reports progress up to 1 and stops when aborted', async () => {
    const seen: number[] = [];
    await importFiles(put('p.csv', csv), { onProgress: (x) => seen.push(x) });
    assert.equal(seen.at(-1), 1);
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await assert.rejects(importFiles(join(dir, 'p.csv'), { signal: ac.signal }), /stop/);
  });
});

describe('importFiles errors name the file', () => {
  const isParse = (re: RegExp) => (e: Error) => e instanceof ParseError && re.test(e.message);

  it('empty file', async () => {
    await assert.rejects(importFiles(put('empty.csv', '')), isParse(/empty\.csv: the file is empty/));
  });
  it('binary garbage', async () => {
    await assert.rejects(
      importFiles(put('bin.csv', Buffer.from([1, 2, 0, 255, 3]))),
      isParse(/bin\.csv, line 1, column 3: binary data/),
    );
  });
  it('truncated gzip', async () => {
    const gz = gzipSync('x,y\n'.repeat(5000));
    await assert.rejects(
      importFiles(put('cut.csv.gz', gz.subarray(0, gz.length - 30))),
      isParse(/cut\.csv\.gz: truncated gzip/),
    );
  });
  it('corrupt gzip', async () => {
    const gz = gzipSync(csv);
    gz.fill(7, 10, 20);
    await assert.rejects(importFiles(put('bad.gz', gz)), isParse(/bad\.gz: corrupt gzip/));
  });
  it('unterminated quote, with line and column', async () => {
    await assert.rejects(
      importFiles(put('q.csv', 'a,b\n1,2\n3,"open\n')),
      isParse(/q\.csv, line 3, column 3: unterminated quoted field/),
    );
  });
  it('missing file', async () => {
    await assert.rejects(importFiles(join(dir, 'nope.csv')), /nope\.csv: file or folder not found/);
  });
});

describe('booklet data files', () => {
  it('iris_wheader.csv: 150 x 5, class categorical with 3 levels', async () => {
    const f = await importFiles(join(DATA, 'smalldata/iris/iris_wheader.csv'));
    assert.deepEqual([f.nRows, f.nCols], [150, 5]);
    assert.equal(f.col('class').type, 'enum');
    assert.deepEqual(f.col('class').domain, ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica']);
  });

  it('ECG discord files: 20 x 210 and 23 x 210, no header', async () => {
    const train = await parseSetup([join(DATA, 'smalldata/anomaly/ecg_discord_train.csv')]);
    assert.equal(train.header, false);
    const a = await importFiles(join(DATA, 'smalldata/anomaly/ecg_discord_train.csv'));
    const b = await importFiles(join(DATA, 'smalldata/anomaly/ecg_discord_test.csv'));
    assert.deepEqual([a.nRows, a.nCols, b.nRows, b.nCols], [20, 210, 23, 210]);
    assert.ok(a.types.every((t) => t === 'real'));
  });

  it('MNIST test.csv.gz: 10,000 x 785 in byte columns, published label counts', async () => {
    const f = await importFiles(join(DATA, 'mnist/test.csv.gz'));
    assert.deepEqual([f.nRows, f.nCols], [10000, 785]);
    const label = f.col('C785');
    const counts = new Array(10).fill(0);
    for (let i = 0; i < f.nRows; i++) counts[label.at(i)]++;
    // From mnist/README.md (the published MNIST test counts).
    assert.deepEqual(counts, [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    assert.ok(f.byteSize() <= 10000 * 785, `frame holds ${f.byteSize()} bytes`);
  });
});
