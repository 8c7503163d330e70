import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importThroughApi, type TestClient, testClient } from '../test-util.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// A tiny CSV written by the test, so every expected number is checkable by hand.
const CSV = 'a,b,c\n1,2.5,x\n2,,y\n3,4.5,x\n0,6.5,z\n';

describe('import, parse, frames and DKV endpoints (protocol §2, §4)', () => {
  let c: TestClient;
  let dir: string;
  let csv: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'h2o-ts-frames-'));
    csv = join(dir, 'small-data.csv');
    await writeFile(csv, CSV);
    c = await testClient({ roots: [dir, join(SHARED, 'data')] });
  });
  after(() => c.close());

  it('imports a file as a raw key and reports a missing path in fails', async () => {
    const r = await c.post('/3/ImportFilesMulti', { paths: `[${csv},${join(dir, 'missing.csv')}]` });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.files, [csv]);
    assert.deepEqual(r.json.destination_frames, [`nfs:/${csv}`]);
    assert.deepEqual(r.json.fails, [join(dir, 'missing.csv')]);
    const g = await c.get(`/3/ImportFiles?path=${encodeURIComponent(csv)}&pattern=`);
    assert.deepEqual(g.json.destination_frames, [`nfs:/${csv}`]);
  });

  it('refuses a path outside the configured roots with 403', async () => {
    const r = await c.post('/3/ImportFilesMulti', { paths: '[/etc/passwd]' });
    assert.equal(r.status, 403);
    assert.match(r.json.msg, /outside the allowed roots/);
  });

  it('guesses the setup with H2O spellings and names the frame as H2O does', async () => {
    await c.post('/3/ImportFilesMulti', { paths: `[${csv}]` });
    const r = await c.post('/3/ParseSetup', { source_frames: `["nfs:/${csv}"]`, check_header: '0' });
    assert.equal(r.status, 200);
    const j = r.json;
    assert.equal(j.separator, 44); // ','
    assert.equal(j.check_header, 1);
    assert.deepEqual(j.column_names, ['a', 'b', 'c']);
    assert.deepEqual(j.column_types, ['Numeric', 'Numeric', 'Enum']);
    assert.equal(j.number_columns, 3);
    assert.equal(j.destination_frame, 'small_data.hex');
    assert.deepEqual(
      j.source_frames.map((s: { name: string }) => s.name),
      [`nfs:/${csv}`],
    );
  });

  it('rejects a ParseSetup of a key that was never imported, and a bad check_header', async () => {
    const r = await c.post('/3/ParseSetup', { source_frames: '["nfs://nope.csv"]' });
    assert.equal(r.status, 404);
    assert.match(r.json.msg, /'nfs:\/\/nope.csv' is not an imported file/);
    await c.post('/3/ImportFilesMulti', { paths: `[${csv}]` });
    const h = await c.post('/3/ParseSetup', { source_frames: `["nfs:/${csv}"]`, check_header: '2' });
    assert.equal(h.status, 400);
    assert.match(h.json.msg, /'check_header': got 2/);
  });

  it('parses as a job and serves the frame window with rollups', async () => {
    const key = await importThroughApi(c, csv);
    assert.equal(key, 'small_data.hex');
    const r = await c.get(
      `/3/Frames/${key}?row_count=2&row_offset=1&column_offset=0&column_count=-1&full_column_count=-1`,
    );
    assert.equal(r.status, 200);
    const f = r.json.frames[0];
    assert.equal(f.rows, 4);
    assert.equal(f.total_column_count, 3);
    assert.equal(f.row_offset, 1);
    const [a, b, cc] = f.columns;
    for (const k of ['__meta', 'domain_cardinality', 'string_data', 'label', 'type', 'data', 'domain'])
      assert.ok(k in a, k);
    assert.equal(a.__meta.schema_name, 'ColV3');
    assert.deepEqual(a.data, [2, 3]); // rows 1..2 of a
    assert.deepEqual(b.data, ['NaN', 4.5]);
    // a = 1,2,3,0: mean 1.5, min 0, max 3, one zero
    assert.equal(a.mean, 1.5);
    assert.deepEqual([a.mins[0], a.maxs[0], a.zero_count, a.missing_count], [0, 3, 1, 0]);
    // b = 2.5, NA, 4.5, 6.5: mean (2.5+4.5+6.5)/3 = 4.5, one missing
    assert.equal(b.mean, 4.5);
    assert.equal(b.missing_count, 1);
    assert.equal(cc.type, 'enum');
    assert.deepEqual(cc.domain, ['x', 'y', 'z']);
    assert.deepEqual(cc.data, [1, 0]); // y, x as level indices
    assert.equal(cc.domain_cardinality, 3);
  });

  it('answers /summary with histograms and percentiles, and lists frames', async () => {
    const key = await importThroughApi(c, csv);
    const s = await c.get(`/3/Frames/${key}/summary`);
    const a = s.json.frames[0].columns[0];
    assert.ok(
      Array.isArray(a.histogram_bins) && a.histogram_bins.reduce((x: number, y: number) => x + y, 0) === 4,
    );
    // median (p = 0.5) of 0,1,2,3 = 1.5
    const p50 = s.json.frames[0].default_percentiles.indexOf(0.5);
    assert.equal(a.percentiles[p50], 1.5);
    const list = await c.get('/3/Frames');
    assert.ok(list.json.frames.some((f: { frame_id: { name: string } }) => f.frame_id.name === key));
  });

  it('exports a frame as a job and downloads it as CSV', async () => {
    const key = await importThroughApi(c, csv);
    const out = join(dir, 'out.csv');
    const r = await c.post(`/3/Frames/${key}/export`, { path: out, force: 'True' });
    const job = await c.waitJob(r.json.job.key.name);
    assert.equal(job.status, 'DONE');
    const text = await readFile(out, 'utf8');
    assert.equal(text.split('\n')[0], '"a","b","c"');
    assert.equal(text.trim().split('\n').length, 5);
    const again = await c.post(`/3/Frames/${key}/export`, { path: out, force: 'False' });
    const failed = await c.waitJob(again.json.job.key.name);
    assert.equal(failed.status, 'FAILED');
    assert.match(failed.exception, /already exists/);
    const d = await c.get(`/3/DownloadDataset?frame_id=${key}&hex_string=false`);
    assert.match(d.contentType, /text\/csv/);
    assert.equal(d.json, text);
  });

  it('deletes frames and keys, keeping retained_keys', async () => {
    const key = await importThroughApi(c, csv);
    await c.post('/99/Rapids', { ast: `(tmp= keep (cols_py ${key} 'a'))` });
    await c.post('/99/Rapids', { ast: `(tmp= gone (cols_py ${key} 'b'))` });
    assert.equal((await c.del('/3/DKV/gone')).status, 200);
    assert.equal((await c.get('/3/Frames/gone')).status, 404);
    assert.equal((await c.del('/3/DKV/gone')).status, 404);
    const r = await c.del('/3/DKV?retained_keys=%5B%22keep%22%5D');
    assert.equal(r.status, 200);
    assert.equal((await c.get('/3/Frames/keep')).status, 200);
    assert.equal((await c.get(`/3/Frames/${key}`)).status, 404);
    assert.equal((await c.del('/3/Frames/keep')).status, 200);
    assert.equal((await c.get('/3/Frames')).json.frames.length, 0);
  });

  it('answers Rapids results by shape and malformed Rapids with a 400 naming the position', async () => {
    const key = await importThroughApi(c, csv);
    const fr = await c.post('/99/Rapids', {
      ast: `(tmp= py_1_sid (rows ${key} [0:2]))`,
      session_id: '_sid_x',
    });
    assert.deepEqual(fr.json.key, { name: 'py_1_sid' });
    assert.deepEqual([fr.json.num_rows, fr.json.num_cols], [2, 3]);
    assert.equal((await c.post('/99/Rapids', { ast: `(nrow ${key})` })).json.scalar, 4);
    assert.deepEqual((await c.post('/99/Rapids', { ast: `(names ${key})` })).json.string, ['a', 'b', 'c']);
    const bad = await c.post('/99/Rapids', { ast: `(cols_py ${key} 'a'` });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.__meta.schema_name, 'H2OErrorV3');
    assert.match(bad.json.msg, /position \d+/);
    assert.equal((await c.get('/3/Cloud')).status, 200); // still up
  });

  it('accepts an upload through PostFile and parses it', async () => {
    const boundary = 'XyZ';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="u.csv"\r\n\r\n${CSV}\r\n--${boundary}--\r\n`;
    const r = await c.server.app.inject({
      method: 'POST',
      url: '/3/PostFile.bin?destination_frame=upload.csv',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().destination_frame, 'upload.csv');
    const p = await c.post('/3/Parse', {
      source_frames: '["upload.csv"]',
      destination_frame: 'up.hex',
      blocking: 'True',
    });
    assert.equal(p.json.job.status, 'DONE');
    assert.equal((await c.get('/3/Frames/up.hex')).json.frames[0].rows, 4);
  });
});
