import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { H2OInputError, Rng } from '../../core/index.ts';
import { Frame } from '../../frame/index.ts';
import { Catalog } from '../catalog.ts';
import { evaluate, parseRapids, RapidsError, type RVal } from './index.ts';

function envWith(frames: Record<string, Frame>) {
  const catalog = new Catalog();
  for (const [k, f] of Object.entries(frames)) catalog.put('frame', k, f);
  return { catalog, timeZone: 'UTC' };
}

function run(expr: string, env: ReturnType<typeof envWith>): RVal {
  return evaluate(parseRapids(expr), env, expr);
}

function frameOf(v: RVal): Frame {
  assert.equal(v.t, 'frame');
  return (v as { f: Frame }).f;
}

const col = (f: Frame, j: number | string) => Array.from(f.col(j).toFloat64());

// a small fixture: x = 1..6, y = [2, NA, 6, 8, 10, 12], g = categorical
const fixture = () =>
  Frame.fromColumns({
    x: [1, 2, 3, 4, 5, 6],
    y: [2, Number.NaN, 6, 8, 10, 12],
    g: ['b', 'a', 'b', 'c', 'a', 'b'],
  });

describe('parseRapids', () => {
  it('parses calls, numbers, strings, ids, number lists and slices with positions', () => {
    const a = parseRapids("(tmp= py_1 (cols_py fr 'C785'))");
    assert.equal(a.t, 'call');
    if (a.t !== 'call') return;
    assert.equal(a.fn, 'tmp=');
    assert.deepEqual(a.args[0], { t: 'id', v: 'py_1', pos: 6 });
    const inner = a.args[1];
    assert.ok(inner.t === 'call' && inner.pos === 11);
    assert.deepEqual(parseRapids('[0:10]'), { t: 'nums', v: [{ start: 0, count: 10, stride: 1 }], pos: 0 });
    assert.deepEqual(parseRapids('[1 2.5 -3]'), { t: 'nums', v: [1, 2.5, -3], pos: 0 });
    assert.deepEqual(parseRapids('["a" \'b\']'), { t: 'strs', v: ['a', 'b'], pos: 0 });
    assert.deepEqual(parseRapids('NaN'), { t: 'num', v: Number.NaN, pos: 0 });
  });

  it('names the position of syntax errors', () => {
    const cases: [string, number, RegExp][] = [
      ['(cols fr 1', 10, /missing '\)' to close '\(cols' opened at position 0/],
      ['(rows fr [0:10)', 14, /unexpected '\)'/],
      ['()', 1, /empty call/],
      ["(x 'abc", 3, /unterminated string/],
      ['(f 1))', 5, /unexpected '\)' after the end/],
      ['[1:x]', 1, /'1:x' is not a number or a slice/],
    ];
    for (const [expr, pos, msg] of cases) {
      assert.throws(
        () => parseRapids(expr),
        (e: unknown) => e instanceof RapidsError && e.position === pos && msg.test(e.message),
        expr,
      );
    }
  });

  it('never throws anything but an H2OInputError on random input (fuzz)', () => {
    const rng = new Rng(7);
    const pieces = [
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ' ',
      "'",
      '"',
      'cols',
      'fr',
      '1',
      ':',
      '-',
      '.',
      'tmp=',
      'x',
      '\\',
      '#',
    ];
    const env = envWith({ fr: fixture() });
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const n = rng.nextInt(14);
      for (let i = 0; i < n; i++) s += pieces[rng.nextInt(pieces.length)];
      try {
        run(s, env);
      } catch (e) {
        assert.ok(e instanceof H2OInputError, `non-input error for ${JSON.stringify(s)}: ${e}`);
      }
    }
  });
});

describe('Rapids evaluation', () => {
  it('names an unknown function and an unknown key with their position', () => {
    const env = envWith({ fr: fixture() });
    assert.throws(() => run('(nrow (frobnicate fr))', env), /position 6: unknown function 'frobnicate'/);
    assert.throws(() => run('(nrow nope)', env), /position 6: unknown frame key or name 'nope'/);
    assert.throws(() => run('(nrow fr fr)', env), /'nrow' takes \(nrow frame\), got 2 arguments/);
  });

  it('stores tmp= results, removes them with rm, and sets the time zone', () => {
    const env = envWith({ fr: fixture() });
    const v = run("(tmp= py_1 (cols_py fr 'x'))", env);
    assert.equal(v.t === 'frame' && v.key, 'py_1');
    assert.deepEqual(env.catalog.get('frame', 'py_1').names, ['x']);
    run('(rm py_1)', env);
    assert.equal(env.catalog.find('frame', 'py_1'), undefined);
    assert.deepEqual(run('(setTimeZone "Europe/Paris")', env), { t: 'str', v: 'Europe/Paris' });
    assert.equal(env.timeZone, 'Europe/Paris');
    assert.throws(() => run('(setTimeZone "Mars/Base")', env), /unknown time zone 'Mars\/Base'/);
  });

  it('selects columns by index, name, list, slice and negative index', () => {
    const env = envWith({ fr: fixture() });
    assert.deepEqual(frameOf(run('(cols_py fr 1)', env)).names, ['y']);
    assert.deepEqual(frameOf(run("(cols fr ['g' 'x'])", env)).names, ['g', 'x']);
    assert.deepEqual(frameOf(run('(cols fr [0:2])', env)).names, ['x', 'y']);
    assert.deepEqual(frameOf(run('(cols fr -2)', env)).names, ['x', 'g']); // -2 drops index 1
    assert.throws(() => run('(cols fr 7)', env), /column index 7 out of range: the frame has 3 columns/);
    assert.throws(() => run("(cols fr 'zz')", env), /column 'zz' not found/);
  });

  it('splits rows the way split_frame does: runif, <= and > give complementary row sets', () => {
    const env = envWith({ fr: fixture() });
    const a = frameOf(run('(rows fr (<= (tmp= r (h2o.runif fr 1234)) 0.5))', env));
    const b = frameOf(run('(rows fr (> r 0.5))', env));
    assert.equal(a.nRows + b.nRows, 6);
    const xs = [...col(a, 'x'), ...col(b, 'x')].sort();
    assert.deepEqual(xs, [1, 2, 3, 4, 5, 6]);
    const u = col(env.catalog.get('frame', 'r'), 0);
    assert.ok(u.every((v) => v >= 0 && v < 1));
    // the same seed gives the same draws
    assert.deepEqual(col(frameOf(run('(h2o.runif fr 1234)', env)), 0), u);
  });

  it('slices rows as head() asks ([0:10] clipped to the row count)', () => {
    const env = envWith({ fr: fixture() });
    assert.deepEqual(col(frameOf(run('(rows fr [0:10])', env)), 'x'), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(col(frameOf(run('(rows fr [1 3])', env)), 'x'), [2, 4]);
  });

  it('converts a column to a factor with := as the python client does for asfactor()', () => {
    const env = envWith({ fr: fixture() });
    const f = frameOf(run("(:= fr (as.factor (cols_py fr 'x')) 0 [])", env));
    assert.equal(f.col('x').type, 'enum');
    assert.deepEqual(f.col('x').domain, ['1', '2', '3', '4', '5', '6']);
    assert.equal(env.catalog.get('frame', 'fr').col('x').type, 'int'); // the source is unchanged
    // assigning a scalar into selected rows: y[0:2] = 0 -> [0, 0, 6, 8, 10, 12]
    const g = frameOf(run('(:= fr 0 1 [0:2])', env));
    assert.deepEqual(col(g, 'y'), [0, 0, 6, 8, 10, 12]);
  });

  it('computes arithmetic and comparisons element-wise with NA propagation', () => {
    const env = envWith({ fr: fixture() });
    // y / x = [2/1, NA, 6/3, 8/4, 10/5, 12/6] = [2, NA, 2, 2, 2, 2]
    assert.deepEqual(col(frameOf(run("(/ (cols fr 'y') (cols fr 'x'))", env)), 0), [
      2,
      Number.NaN,
      2,
      2,
      2,
      2,
    ]);
    // x * 2 + 1 = [3, 5, 7, 9, 11, 13]
    assert.deepEqual(col(frameOf(run("(+ (* (cols fr 'x') 2) 1)", env)), 0), [3, 5, 7, 9, 11, 13]);
    // y >= 8 = [0, NA, 0, 1, 1, 1]
    assert.deepEqual(col(frameOf(run("(>= (cols fr 'y') 8)", env)), 0), [0, Number.NaN, 0, 1, 1, 1]);
    // a categorical compared with a string compares labels: g == 'b' = [1, 0, 1, 0, 0, 1]
    assert.deepEqual(col(frameOf(run("(== (cols fr 'g') 'b')", env)), 0), [1, 0, 1, 0, 0, 1]);
    // (x > 2) & (x < 5) = [0, 0, 1, 1, 0, 0]
    assert.deepEqual(
      col(frameOf(run("(& (> (cols fr 'x') 2) (< (cols fr 'x') 5))", env)), 0),
      [0, 0, 1, 1, 0, 0],
    );
    assert.deepEqual(run('(^ 2 10)', env), { t: 'num', v: 1024 });
    assert.deepEqual(col(frameOf(run("(is.na (cols fr 'y'))", env)), 0), [0, 1, 0, 0, 0, 0]);
  });

  it('computes shape, names, reductions and quantiles (numbers by hand)', () => {
    const env = envWith({ fr: fixture() });
    assert.deepEqual(run('(nrow fr)', env), { t: 'num', v: 6 });
    assert.deepEqual(run('(ncol fr)', env), { t: 'num', v: 3 });
    assert.deepEqual(run('(names fr)', env), { t: 'strs', v: ['x', 'y', 'g'] });
    // mean x = 21/6 = 3.5; mean y skipping NA = 38/5 = 7.6
    const m = frameOf(run('(mean (cols fr [0 1]) True 0)', env));
    assert.deepEqual([m.nRows, col(m, 'x')[0], col(m, 'y')[0]], [1, 3.5, 7.6]);
    // sum over a whole frame skipping NA: 21 + 38 = 59
    assert.deepEqual(run('(sumNA (cols fr [0 1]))', env), { t: 'num', v: 59 });
    // without na.rm the NA poisons y
    assert.deepEqual(run("(sum (cols fr 'y') False 0)", env), { t: 'num', v: Number.NaN });
    assert.deepEqual(run("(sum (cols fr 'x') True 0)", env), { t: 'num', v: 21 });
    // sd of 1..6: var = sum((x-3.5)^2)/5 = 17.5/5 = 3.5
    const sd = run("(sd (cols fr 'x') True)", env);
    assert.ok(sd.t === 'nums' && Math.abs(sd.v[0] - Math.sqrt(3.5)) < 1e-12);
    // type-7 quantile of 1..6: p=0.25 -> h = 5*0.25 = 1.25 -> 2 + 0.25*(3-2) = 2.25; p=0.5 -> 3.5
    const q = frameOf(run('(quantile (cols fr \'x\') [0.25 0.5] "interpolate" _)', env));
    assert.deepEqual(q.names, ['Probs', 'xQuantiles']);
    assert.deepEqual(col(q, 1), [2.25, 3.5]);
    // the python client's spelling of "no weights" is the string '_'; categorical columns give NaN
    const q2 = frameOf(run("(quantile fr [0.5] 'interpolate' '_')", env));
    assert.deepEqual(q2.names, ['Probs', 'xQuantiles', 'yQuantiles', 'gQuantiles']);
    // median of y skipping NA: 2, 6, 8, 10, 12 -> 8
    assert.deepEqual([col(q2, 1)[0], col(q2, 2)[0], col(q2, 3)[0]], [3.5, 8, Number.NaN]);
    // mean() is read back with getrow; a 1x1 frame flattens to its value
    assert.deepEqual(run('(getrow (mean (cols fr [0 1]) True 0))', env), { t: 'nums', v: [3.5, 7.6] });
    assert.deepEqual(run("(flatten (rows (cols fr 'g') [3]))", env), { t: 'str', v: 'c' });
  });

  it('builds unique, table, levels, cbind, rbind, colnames= and ifelse', () => {
    const env = envWith({ fr: fixture() });
    const t = frameOf(run("(table (cols fr 'g'))", env));
    assert.deepEqual(t.names, ['g', 'Count']);
    // g = b a b c a b: a twice, b three times, c once
    assert.deepEqual(
      Array.from({ length: t.nRows }, (_, i) => t.col('g').label(i)),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(col(t, 'Count'), [2, 3, 1]);
    const u = frameOf(run("(unique (cols fr 'g'))", env));
    assert.equal(u.nRows, 3);
    const lv = frameOf(run("(levels (cols fr 'g'))", env));
    assert.deepEqual(lv.col(0).domain, ['a', 'b', 'c']);
    const cb = frameOf(run("(cbind (cols fr 'x') (cols fr 'x'))", env));
    assert.deepEqual(cb.names, ['x', 'x0']);
    const rb = frameOf(run('(rbind fr fr)', env));
    assert.equal(rb.nRows, 12);
    assert.deepEqual(frameOf(run("(colnames= fr 0 'z')", env)).names, ['z', 'y', 'g']);
    // ifelse(x > 3, 1, -1) = [-1, -1, -1, 1, 1, 1]
    assert.deepEqual(col(frameOf(run("(ifelse (> (cols fr 'x') 3) 1 -1)", env)), 0), [-1, -1, -1, 1, 1, 1]);
    assert.deepEqual(run("(is.factor (cols fr 'g'))", env), { t: 'nums', v: [1] });
  });
});
