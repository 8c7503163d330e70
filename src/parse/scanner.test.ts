import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../core/index.ts';
import { CsvScanner, fieldText } from './scanner.ts';

/** Rows as text, feeding `text` to the scanner in chunks of `chunk` bytes. */
function scan(text: string, sep = ',', chunk = 1 << 20): string[][] {
  const rows: string[][] = [];
  const sc = new CsvScanner(sep, 'test.csv', (buf, st, en, fl, nf) => {
    rows.push(Array.from({ length: nf }, (_, k) => fieldText(buf, st[k], en[k], fl[k])));
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let p = 0; p < bytes.length; p += chunk) sc.push(bytes.subarray(p, p + chunk));
  sc.finish();
  return rows;
}

/** Deliberately naive RFC 4180 reader, character by character, for the fuzz test. */
function naive(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let i = 0;
  let inQ = false;
  let fieldStarted = false;
  const endRow = () => {
    if (fieldStarted || row.length > 0) {
      row.push(f);
      rows.push(row);
    }
    row = [];
    f = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (inQ) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQ = false;
      else f += c;
      i++;
      continue;
    }
    if (c === '"') {
      inQ = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(f);
      f = '';
      fieldStarted = true;
    } else if (c === '\n') endRow();
    else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else {
      f += c;
      fieldStarted = true;
    }
    i++;
  }
  endRow();
  return rows;
}

describe('CsvScanner', () => {
  it('splits quoted fields holding separators, newlines and doubled quotes', () => {
    assert.deepEqual(scan('a,"b,c","say ""hi""\nthere"\n1,2,3\n'), [
      ['a', 'b,c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts CRLF and lone CR line ends, skips empty lines and a UTF-8 BOM', () => {
    assert.deepEqual(scan('\uFEFFx,y\r\n\r\n1,2\r3,4\n\n'), [
      ['x', 'y'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('treats runs of spaces as one separator when the separator is a space', () => {
    assert.deepEqual(scan('  1   2 3  \n4 5 6\n', ' '), [
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads the last row without a final newline and keeps a trailing empty field', () => {
    assert.deepEqual(scan('a,b,\n1,2,'), [
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
  });

  it('reports an unterminated quote with file, line and column', () => {
    assert.throws(
      () => scan('a,b\n1,"oops\n2,3\n'),
      /test\.csv, line 2, column 3: unterminated quoted field/,
    );
  });

  it('reports text after a closing quote with its line and column', () => {
    assert.throws(
      () => scan('x\n"ab"c,1\n'),
      /test\.csv, line 2, column 5: unexpected 'c' after a closing quote/,
    );
  });

  it('agrees with a naive reader on random quoted CSV cut into random chunks', () => {
    const rng = new Rng(2024);
    const alphabet = ['a', 'b', '1', ' ', ',', '"', '\n', '\r\n', 'é', '€'];
    for (let trial = 0; trial < 300; trial++) {
      const nRows = 1 + rng.nextInt(6);
      const lines: string[] = [];
      for (let r = 0; r < nRows; r++) {
        const nf = 1 + rng.nextInt(5);
        const cells: string[] = [];
        for (let k = 0; k < nf; k++) {
          let s = '';
          const len = rng.nextInt(6);
          for (let q = 0; q < len; q++) s += alphabet[rng.nextInt(alphabet.length)];
          const mustQuote = /[",\r\n]/.test(s) || s === '';
          cells.push(mustQuote || rng.nextDouble() < 0.3 ? `"${s.replaceAll('"', '""')}"` : s);
        }
        lines.push(cells.join(','));
      }
      const text = lines.join(rng.nextDouble() < 0.5 ? '\n' : '\r\n') + (rng.nextDouble() < 0.5 ? '\n' : '');
      const chunk = 1 + rng.nextInt(12);
      assert.deepEqual(
        scan(text, ',', chunk),
        naive(text),
        `trial ${trial}: ${JSON.stringify(text)} in chunks of ${chunk}`,
      );
    }
  });
});
