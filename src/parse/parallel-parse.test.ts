import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Rng } from '../core/index.ts';
import type { Frame } from '../frame/index.ts';
import { BlockSplitter } from './block-splitter.ts';
import { parseWithSetup } from './import-files.ts';
import { DEFAULT_TUNING, type ParseTuning } from './parse-pool.ts';
import { parseSetup } from './parse-setup.ts';
import { AMBIGUOUS, findRowBoundary } from './row-boundary.ts';
import type { ParseSetupOptions } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'h2o-parallel-'));
const SERIAL: ParseTuning = { ...DEFAULT_TUNING, threads: 0 };
// Tiny blocks, two workers, and no parsing on this thread while they start: every block goes to a worker.
const PARALLEL: ParseTuning = {
  threads: 2,
  blockBytes: 300,
  minStoredBytes: 0,
  minTextBytes: 0,
  localWhileStarting: false,
};

/** Random CSV with byte ints, reals, NA, categoricals holding separators, quotes and newlines, CRLF. */
function randomCsv(rng: Rng, nRows: number): string {
  const levels = ['a', 'b,c', '"quoted"', 'two\nlines', 'x""y', 'NA', '', 'crlf\r\ninside'];
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = ['px,val,cat,word'];
  for (let i = 0; i < nRows; i++) {
    const px = rng.nextFloat() < 0.05 ? '' : String(rng.nextInt(256));
    const val = rng.nextFloat() < 0.05 ? 'NA' : (rng.nextGaussian() * 100).toFixed(2);
    const lv = levels[rng.nextInt(levels.length)];
    const cat = /[",\n\r]/.test(lv) || rng.nextFloat() < 0.2 ? quote(lv) : lv;
    const word = rng.nextFloat() < 0.1 ? 'oops' : String(rng.nextInt(1000));
    const row = [px, val, cat, word];
    // Now and then a short row, a long row or an empty line, so the warnings have something to say.
    const r = rng.nextFloat();
    if (r < 0.02) row.pop();
    else if (r < 0.04) row.push('extra');
    lines.push(row.join(','));
    if (r > 0.98) lines.push('');
  }
  return lines.join(rng.nextFloat() < 0.5 ? '\n' : '\r\n');
}

async function parse(path: string, tuning: ParseTuning, overrides: Partial<ParseSetupOptions> = {}) {
  const warnings: string[] = [];
  const setup = await parseSetup([path], overrides);
  const frame = await parseWithSetup(setup, { onWarning: (w) => warnings.push(w) }, tuning);
  return { frame, warnings };
}

/** Everything a Frame holds, cell by cell, with each column's type, storage and domain. */
function contents(f: Frame) {
  return f.vecs.map((v, j) => ({
    name: f.names[j],
    type: v.type,
    storage: v.isConstant ? 'constant' : v.data.constructor.name,
    domain: v.domain,
    cells: Array.from({ length: v.length }, (_, i) =>
      v.isNA(i) ? 'NA' : v.type === 'string' ? v.strings![i] : v.at(i),
    ),
  }));
}

describe('parallel parse (worker threads)', () => {
  it('gives the same Frame and warnings as the one-thread parse on random CSV with quoted newlines', async () => {
    const rng = new Rng(7);
    for (let k = 0; k < 2; k++) {
      const path = join(dir, `random${k}.csv`);
      writeFileSync(path, randomCsv(rng, 300));
      const types: ParseSetupOptions['columnTypes'] = ['int', 'real', 'enum', k === 0 ? 'int' : 'string'];
      const one = await parse(path, SERIAL, { columnTypes: types });
      const two = await parse(path, PARALLEL, { columnTypes: types });
      assert.equal(one.frame.nRows, 300);
      assert.deepEqual(contents(two.frame), contents(one.frame));
      assert.deepEqual(two.warnings, one.warnings);
      assert.ok(one.warnings.length >= 2, `expected ragged and invalid-cell warnings, got ${one.warnings}`);
    }
  });

  it('parses a gzipped file with a BOM in blocks, the header skipped once', async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `${i % 256},${(i * 7) % 256},${i % 3 === 0 ? 'x' : 'y'}`,
    );
    const path = join(dir, 'bom.csv.gz');
    writeFileSync(path, gzipSync(`\ufeffa,b,c\n${rows.join('\n')}\n`));
    const { frame } = await parse(path, PARALLEL);
    assert.deepEqual([frame.nRows, frame.names], [500, ['a', 'b', 'c']]);
    // Row 499: a = 499 % 256 = 243, b = 3493 % 256 = 165, c = 'y' (499 % 3 = 1).
    assert.deepEqual(
      [frame.col('a').at(499), frame.col('b').at(499), frame.col('c').label(499)],
      [243, 165, 'y'],
    );
    assert.equal(frame.col('a').data.constructor.name, 'Uint8Array');
  });

  it('reports a parse error in a later block with its line in the file', async () => {
    const body = Array.from({ length: 200 }, (_, i) => `${i},"t${i}"`);
    body[150] = '150,"t150"x';
    const path = join(dir, 'bad.csv');
    writeFileSync(path, `n,t\n${body.join('\n')}\n`);
    // Line 152 = header line + 151 rows; the 'x' is column 11 of `150,"t150"x`.
    await assert.rejects(parse(path, SERIAL), /bad\.csv, line 152, column 11: unexpected 'x'/);
    await assert.rejects(parse(path, PARALLEL), /bad\.csv, line 152, column 11: unexpected 'x'/);
  });
});

describe('findRowBoundary', () => {
  const cut = (s: string, sep = ',') => findRowBoundary(Buffer.from(s), sep);
  it('cuts after the last line end outside quotes', () => {
    assert.equal(cut('a,b\nc,d\ne'), 8);
    assert.equal(cut('a,"x\ny"\nc,"open\nmore'), 8);
    assert.equal(cut('a,"x""\ny"\nb'), 10);
    assert.equal(cut('"only\nquoted'), -1);
  });
  it('refuses quotes the scanner would not read as field quotes', () => {
    assert.equal(cut('a,b"c\nd\n'), AMBIGUOUS);
    assert.equal(cut('a,"b"c\nd\n'), AMBIGUOUS);
    assert.equal(cut('a, "b"\nd\n'), AMBIGUOUS);
    // With a space separator, spaces before an opening quote are separators.
    assert.equal(cut('a  "b c"\nd\n', ' '), 11);
  });
});

describe('BlockSplitter', () => {
  it('hands out blocks that are whole rows and add up to the input, for any chunking', () => {
    const rng = new Rng(3);
    const text = Buffer.from(randomCsv(rng, 200));
    for (const chunk of [1, 7, 64, 1000]) {
      const sp = new BlockSplitter(',', 100);
      const blocks: Buffer[] = [];
      for (let p = 0; p < text.length; p += chunk)
        for (let b = sp.push(text.subarray(p, p + chunk)); b !== null; b = sp.next())
          blocks.push(Buffer.from(b));
      blocks.push(Buffer.from(sp.rest()));
      assert.ok(Buffer.concat(blocks).equals(text));
      assert.ok(blocks.length > 10, `only ${blocks.length} blocks`);
      // Each block but the last ends with a line end and leaves no quote open (even count of quotes).
      for (const b of blocks.slice(0, -1)) {
        assert.equal(b[b.length - 1], 10);
        assert.equal(b.toString('latin1').split('"').length % 2, 1);
      }
    }
  });
});
