// Rapids element-wise ops: arithmetic (+ - * / ^ %% %/% intDiv), comparisons (== != < <= > >=),
// logic (& | && || ! not), math functions (abs sqrt log exp floor ceiling round ...), is.na and
// ifelse. Frames combine column by column; a one-column frame or a scalar broadcasts. A categorical
// column compared with a string compares its level labels.
import { Frame, Vec } from '../../frame/index.ts';
import { arity, type Ctx, defineOps, describe, type RVal } from './eval.ts';
import { frameVal } from './ops-frame.ts';
import type { Ast } from './parser.ts';

type Bin = (a: number, b: number) => number;

const NA = Number.NaN;
const bool = (x: boolean) => (x ? 1 : 0);
/** Comparisons with NA give NA, as in R and H2O. */
const cmp =
  (f: (a: number, b: number) => boolean): Bin =>
  (a, b) =>
    Number.isNaN(a) || Number.isNaN(b) ? NA : bool(f(a, b));

const BINARY: Record<string, Bin> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  '%%': (a, b) => a - b * Math.floor(a / b),
  '%/%': (a, b) => Math.floor(a / b),
  intDiv: (a, b) => Math.floor(a / b),
  '==': cmp((a, b) => a === b),
  '!=': cmp((a, b) => a !== b),
  '<': cmp((a, b) => a < b),
  '<=': cmp((a, b) => a <= b),
  '>': cmp((a, b) => a > b),
  '>=': cmp((a, b) => a >= b),
  // R's three-valued logic: FALSE & NA = FALSE, TRUE | NA = TRUE.
  '&': (a, b) => (a === 0 || b === 0 ? 0 : Number.isNaN(a) || Number.isNaN(b) ? NA : 1),
  '&&': (a, b) => (a === 0 || b === 0 ? 0 : Number.isNaN(a) || Number.isNaN(b) ? NA : 1),
  '|': (a, b) => (isTrue(a) || isTrue(b) ? 1 : Number.isNaN(a) || Number.isNaN(b) ? NA : 0),
  '||': (a, b) => (isTrue(a) || isTrue(b) ? 1 : Number.isNaN(a) || Number.isNaN(b) ? NA : 0),
};

function isTrue(x: number): boolean {
  return !Number.isNaN(x) && x !== 0;
}

const UNARY: Record<string, (a: number) => number> = {
  '!': (a) => (Number.isNaN(a) ? NA : bool(a === 0)),
  not: (a) => (Number.isNaN(a) ? NA : bool(a === 0)),
  abs: Math.abs,
  sqrt: Math.sqrt,
  log: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  log1p: Math.log1p,
  exp: Math.exp,
  expm1: Math.expm1,
  floor: Math.floor,
  ceiling: Math.ceil,
  trunc: Math.trunc,
  sign: Math.sign,
  cos: Math.cos,
  sin: Math.sin,
  tan: Math.tan,
  tanh: Math.tanh,
};

/** Numeric view of column j of a frame operand (categorical codes as numbers, NA as NaN). */
function colValues(f: Frame, j: number): Float64Array {
  return f.vecs[f.nCols === 1 ? 0 : j].toFloat64();
}

/** A string compared with a categorical column becomes that level's code (or no match). */
function stringOperand(vec: Vec, s: string): number {
  if (vec.type !== 'enum') return NA;
  const code = vec.domain!.indexOf(s);
  return code < 0 ? -2 : code; // -2 matches no row and is not NA
}

function binary(ctx: Ctx, name: string, fn: Bin, a: RVal, b: RVal, at: Ast): RVal {
  const num = (v: RVal) => (v.t === 'num' ? v.v : null);
  if (a.t === 'num' && b.t === 'num') return { t: 'num', v: fn(a.v, b.v) };
  const fa = a.t === 'frame' ? a.f : null;
  const fb = b.t === 'frame' ? b.f : null;
  if (fa === null && fb === null) ctx.fail(`'${name}' cannot combine ${describe(a)} and ${describe(b)}`, at);
  const shape = (fa ?? fb)!;
  if (fa !== null && fb !== null) {
    if (fa.nRows !== fb.nRows) ctx.fail(`'${name}': frames have ${fa.nRows} and ${fb.nRows} rows`, at);
    if (fa.nCols !== fb.nCols && fa.nCols !== 1 && fb.nCols !== 1) {
      ctx.fail(`'${name}': frames have ${fa.nCols} and ${fb.nCols} columns`, at);
    }
  }
  const wide = fa !== null && fb !== null && fb.nCols > fa.nCols ? fb : shape;
  const vecs: Vec[] = [];
  for (let j = 0; j < wide.nCols; j++) {
    const operand = (v: RVal, f: Frame | null, other: Frame | null): Float64Array | number => {
      if (f !== null) return colValues(f, j);
      if (v.t === 'str' && other !== null) return stringOperand(other.vecs[other.nCols === 1 ? 0 : j], v.v);
      const n = num(v);
      if (n === null) return ctx.fail(`'${name}' cannot use ${describe(v)} with a frame`, at);
      return n;
    };
    const x = operand(a, fa, fb);
    const y = operand(b, fb, fa);
    const out = new Float64Array(wide.nRows);
    for (let i = 0; i < out.length; i++) {
      out[i] = fn(typeof x === 'number' ? x : x[i], typeof y === 'number' ? y : y[i]);
    }
    vecs.push(Vec.numeric(out));
  }
  return frameVal(new Frame(wide.names, vecs));
}

for (const [name, fn] of Object.entries(BINARY)) {
  defineOps(name, (ctx, args, call) => {
    if (name === '-' && args.length === 1)
      return binary(ctx, name, fn, { t: 'num', v: 0 }, ctx.eval(args[0]), call);
    arity(ctx, call, 2, 2, `(${name} left right)`);
    return binary(ctx, name, fn, ctx.eval(args[0]), ctx.eval(args[1]), call);
  });
}

function unary(ctx: Ctx, name: string, fn: (a: number) => number, v: RVal, at: Ast): RVal {
  if (v.t === 'num') return { t: 'num', v: fn(v.v) };
  if (v.t !== 'frame') return ctx.fail(`'${name}' expects a frame or a number, got ${describe(v)}`, at);
  const f = v.f;
  const vecs = f.vecs.map((vec, j) => {
    if (vec.type === 'enum' || vec.type === 'string')
      ctx.fail(`'${name}' on non-numeric column '${f.names[j]}'`, at);
    return Vec.numeric(vec.toFloat64().map(fn));
  });
  return frameVal(new Frame(f.names, vecs));
}

for (const [name, fn] of Object.entries(UNARY)) {
  defineOps(name, (ctx, args, call) => {
    arity(ctx, call, 1, 1, `(${name} value)`);
    return unary(ctx, name, fn, ctx.eval(args[0]), call);
  });
}

defineOps('round', (ctx, args, call) => {
  arity(ctx, call, 1, 2, '(round value digits)');
  const d = args.length > 1 ? ctx.num(args[1]) : 0;
  const s = 10 ** d;
  // R rounds half to even; Math.round rounds half up. Keep R's rule for H2O parity.
  const fn = (x: number) => {
    const y = x * s;
    const r = Math.round(y);
    return (Math.abs(y % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r) / s;
  };
  return unary(ctx, 'round', fn, ctx.eval(args[0]), call);
});

defineOps('is.na', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(is.na value)');
  const v = ctx.eval(args[0]);
  if (v.t === 'num') return { t: 'num', v: bool(Number.isNaN(v.v)) };
  if (v.t !== 'frame') return ctx.fail(`'is.na' expects a frame or a number, got ${describe(v)}`, call);
  const vecs = v.f.vecs.map((vec) =>
    Vec.numeric(Float64Array.from({ length: vec.length }, (_, i) => bool(vec.isNA(i)))),
  );
  return frameVal(new Frame(v.f.names, vecs));
});

// (ifelse test yes no): per row, yes where test is true, no where false, NA where test is NA.
defineOps('ifelse', (ctx, args, call) => {
  arity(ctx, call, 3, 3, '(ifelse test yes no)');
  const test = ctx.eval(args[0]);
  const yes = ctx.eval(args[1]);
  const no = ctx.eval(args[2]);
  if (test.t === 'num') return isTrue(test.v) ? yes : Number.isNaN(test.v) ? { t: 'num', v: NA } : no;
  if (test.t !== 'frame')
    return ctx.fail(`ifelse test must be a frame or number, got ${describe(test)}`, args[0]);
  const pick = (v: RVal, j: number, at: Ast): Float64Array | number =>
    v.t === 'num'
      ? v.v
      : v.t === 'frame'
        ? colValues(v.f, j)
        : ctx.fail(`ifelse: unsupported ${describe(v)}`, at);
  const vecs = test.f.vecs.map((tv, j) => {
    const y = pick(yes, j, args[1]);
    const n = pick(no, j, args[2]);
    const out = new Float64Array(tv.length);
    for (let i = 0; i < out.length; i++) {
      const t = tv.isNA(i) ? NA : tv.at(i);
      out[i] = Number.isNaN(t)
        ? NA
        : t !== 0
          ? typeof y === 'number'
            ? y
            : y[i]
          : typeof n === 'number'
            ? n
            : n[i];
    }
    return Vec.numeric(out);
  });
  return frameVal(new Frame(test.f.names, vecs));
});
