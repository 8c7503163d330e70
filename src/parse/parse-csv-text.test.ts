import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { parseCsvText } from './parse-csv-text.ts';

describe('parseCsvText', () => {
  it('guesses header, numeric, categorical and time columns', () => {
    const f = parseCsvText(
      'id,score,color,day\n1,0.5,red,2014-03-01\n2,1.5,blue,2014-03-02\n3,,red,2014-03-03 12:00:00\n',
    );
    assert.deepEqual(f.names, ['id', 'score', 'color', 'day']);
    assert.deepEqual(f.types, ['int', 'real', 'enum', 'time']);
    assert.deepEqual(f.col('color').domain, ['blue', 'red']);
    assert.ok(Number.isNaN(f.col('score').at(2)));
    assert.equal(f.col('day').at(2), Date.UTC(2014, 2, 3, 12)); // epoch ms, UTC
  });

  it('names columns C1..Cn when the first line is data', () => {
    const f = parseCsvText('1,2\n3,4\n');
    assert.deepEqual(f.names, ['C1', 'C2']);
    assert.equal(f.nRows, 2);
  });

  it('guesses tab, semicolon, pipe and space separators', () => {
    for (const sep of ['\t', ';', '|', ' ']) {
      const f = parseCsvText(
        ['a', 'b', 'c'].join(sep) +
          '\n' +
          ['1', '2', '3'].join(sep) +
          '\n' +
          ['4', '5', '6'].join(sep) +
          '\n',
      );
      assert.deepEqual(f.names, ['a', 'b', 'c'], `separator ${JSON.stringify(sep)}`);
      assert.equal(f.col('c').at(1), 6);
    }
  });

  it('reads 1e-5, -.5, NaN, Inf and -Inf as numbers', () => {
    const f = parseCsvText('x\n1e-5\n-.5\nNaN\nInf\n-Inf\n');
    const v = Array.from(f.col('x').toFloat64());
    assert.equal(v[0], 0.00001);
    assert.equal(v[1], -0.5);
    assert.ok(Number.isNaN(v[2]));
    assert.deepEqual(v.slice(3), [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });

  it('treats empty cells and NA strings as missing in every column type', () => {
    const f = parseCsvText('n,c\n1,a\nNA,\n,NA\n3,b\n');
    assert.equal(f.col('n').isNA(1), true);
    assert.equal(f.col('n').isNA(2), true);
    assert.equal(f.col('c').isNA(1), true);
    assert.equal(f.col('c').isNA(2), true);
    assert.deepEqual(f.col('c').domain, ['a', 'b']);
  });

  it('pads short rows with NA and warns with the count', () => {
    const warnings: string[] = [];
    const f = parseCsvText('a,b,c\n1,2,3\n4\n5,6,7\n', { onWarning: (w) => warnings.push(w) });
    assert.equal(f.nRows, 3);
    assert.equal(f.col('c').isNA(1), true);
    assert.equal(f.col('c').at(2), 7);
    assert.ok(
      warnings.some((w) => /1 rows do not have 3 fields/.test(w)),
      warnings.join('|'),
    );
  });

  it('honours separator, header, names, types and NA-string overrides', () => {
    const f = parseCsvText('1;x;-\n2;y;5\n', {
      separator: ';',
      header: false,
      columnNames: ['a', 'b', 'c'],
      columnTypes: ['enum', 'string', 'real'],
      naStrings: ['-'],
    });
    assert.deepEqual(f.types, ['enum', 'string', 'real']);
    assert.deepEqual(f.col('a').domain, ['1', '2']);
    assert.equal(f.col('b').label(1), 'y');
    assert.equal(f.col('c').isNA(0), true);
  });

  it('rejects bad overrides with every problem named', () => {
    assert.throws(
      () => parseCsvText('1,2\n', { separator: ',,', columnTypes: ['int', 'Bogus' as 'int'] }),
      (e: Error) =>
        e instanceof ValidationError &&
        /separator: expected one character/.test(e.message) &&
        /column_types: unknown type 'Bogus'/.test(e.message),
    );
  });

  it('reads numbers that do not fit a numeric column as NA and says where', () => {
    const warnings: string[] = [];
    // The type guess sees only the sample; a later stray word must not crash the parse.
    const rows = Array.from({ length: 50 }, (_, i) => String(i));
    const f = parseCsvText(`v\n${rows.join('\n')}\noops\n`, {
      onWarning: (w) => warnings.push(w),
      columnTypes: ['int'],
    });
    assert.equal(f.nRows, 51);
    assert.equal(f.col('v').isNA(50), true);
    assert.ok(
      warnings.some((w) => /column 'v' \(int\): 1 cells were not numbers .*line 52: 'oops'/.test(w)),
      warnings.join('|'),
    );
  });
});
