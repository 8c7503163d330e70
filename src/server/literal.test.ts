import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { H2OInputError, Rng } from '../core/index.ts';
import { parseLiteral } from './literal.ts';
import { Params, toBool, toNumber } from './params.ts';

describe('parseLiteral', () => {
  it('returns bare values unchanged, including paths with commas and spaces', () => {
    assert.equal(parseLiteral('/tmp/a b,c.csv'), '/tmp/a b,c.csv');
    assert.equal(parseLiteral('True'), 'True');
  });

  it('parses the lists the python client sends', () => {
    assert.deepEqual(parseLiteral('[/tmp/x.csv]'), ['/tmp/x.csv']);
    assert.deepEqual(parseLiteral('[[32,32],[100]]'), [['32', '32'], ['100']]);
    assert.deepEqual(parseLiteral('["C1","C2"]'), ['C1', 'C2']);
    assert.deepEqual(parseLiteral('[]'), []);
    assert.deepEqual(parseLiteral("['a', None]"), ['a', null]);
  });

  it('parses dicts with quoted keys and unquoted string values', () => {
    assert.deepEqual(
      parseLiteral('{"strategy": RandomDiscrete,"max_models": 10,"seed": 123456}', 'search_criteria'),
      { strategy: 'RandomDiscrete', max_models: '10', seed: '123456' },
    );
    assert.deepEqual(parseLiteral('{"hidden": [[17,32],[8,19]],"l1": [1e-06,2e-06]}'), {
      hidden: [
        ['17', '32'],
        ['8', '19'],
      ],
      l1: ['1e-06', '2e-06'],
    });
  });

  it("parses the R client's dicts, which separate keys and values with '='", () => {
    assert.deepEqual(
      parseLiteral('{"strategy"="RandomDiscrete","max_models"=10,seed=1}', 'search_criteria'),
      {
        strategy: 'RandomDiscrete',
        max_models: '10',
        seed: '1',
      },
    );
  });

  it('keeps backslashes of windows paths and unescapes quotes', () => {
    assert.deepEqual(parseLiteral('["nfs:\\tmp\\x.csv"]'), ['nfs:\\tmp\\x.csv']);
    assert.equal(parseLiteral('"say \\"hi\\""'), 'say "hi"');
  });

  it('names the parameter and position of a syntax error', () => {
    assert.throws(
      () => parseLiteral('[a,b', 'paths'),
      (e: unknown) => e instanceof H2OInputError && /'paths'.*missing '\]' at position 4/.test(e.message),
    );
    assert.throws(() => parseLiteral('{"a" 1}', 'hp'), /expected ':' or '=' after key 'a'/);
    assert.throws(() => parseLiteral('"abc', 'x'), /unterminated string/);
    assert.throws(() => parseLiteral('[1] x', 'x'), /unexpected 'x' after the value/);
  });

  it('never throws anything but H2OInputError on random input (fuzz)', () => {
    const rng = new Rng(42);
    const alphabet = '[]{}"\',: a1\\.-eTN';
    for (let k = 0; k < 5000; k++) {
      const n = rng.nextInt(20);
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[rng.nextInt(alphabet.length)];
      try {
        parseLiteral(s, 'fuzz');
      } catch (e) {
        assert.ok(e instanceof H2OInputError, `non-input error for ${JSON.stringify(s)}: ${e}`);
      }
    }
  });
});

describe('Params', () => {
  it('converts python spellings of booleans and numbers', () => {
    const p = new Params({ a: 'True', b: 'False', c: '1e-05', d: '3.4028235e+38', e: '-1', f: 'None' });
    assert.equal(p.bool('a', false), true);
    assert.equal(p.bool('b', true), false);
    assert.equal(p.number('c', 0), 0.00001);
    assert.equal(p.number('d', 0), 3.4028235e38);
    assert.equal(p.int('e', 0), -1);
    assert.equal(p.int('f', 7), 7);
    assert.equal(toNumber('abc'), undefined);
    assert.equal(toBool('maybe'), undefined);
  });

  it('rejects a bad value naming the parameter, the value and what is allowed', () => {
    const p = new Params({ row_count: 'ten' });
    assert.throws(() => p.int('row_count', 10), /parameter 'row_count': got 'ten', expected a number/);
  });

  it('reads lists and unquotes single values', () => {
    const p = new Params({ paths: '[/a.csv,/b.csv]', one: '/c.csv', key: '"train.hex"' });
    assert.deepEqual(p.stringList('paths'), ['/a.csv', '/b.csv']);
    assert.deepEqual(p.stringList('one'), ['/c.csv']);
    assert.equal(p.string('key'), 'train.hex');
  });
});
