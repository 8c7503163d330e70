// Rapids evaluator: walks the parsed expression over values (frames, numbers, strings, lists).
// Functions live in a registry filled by the ops-* files; an unknown function is an error naming it
// and its position. Never uses eval: every operation is a plain TypeScript function.
import type { Frame } from '../../frame/index.ts';
import type { Catalog } from '../catalog.ts';
import { type Ast, type NumItem, RapidsError } from './parser.ts';

/** A Rapids value. Frames remember the key they were read from or stored under. */
export type RVal =
  | { t: 'frame'; f: Frame; key?: string }
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'nums'; v: number[] }
  | { t: 'strs'; v: string[] }
  | { t: 'null' };

/** What evaluation may read and change outside the expression. */
export interface RapidsEnv {
  catalog: Catalog;
  timeZone: string;
}

/** The evaluation context an op receives. */
export interface Ctx {
  env: RapidsEnv;
  expr: string;
  eval(a: Ast): RVal;
  frame(a: Ast): Frame;
  num(a: Ast): number;
  str(a: Ast): string;
  fail(message: string, at: Ast | number): never;
}

/** An op: receives the call node (for positions) and its unevaluated arguments. */
export type Op = (ctx: Ctx, args: Ast[], call: Ast & { t: 'call' }) => RVal;

const OPS = new Map<string, Op>();

/** Registers ops under one or more names (`['cols', 'cols_py']`). */
export function defineOps(names: string | string[], op: Op): void {
  for (const n of Array.isArray(names) ? names : [names]) OPS.set(n, op);
}

/** Names of every registered Rapids function. */
export function rapidsFunctions(): string[] {
  return [...OPS.keys()].sort();
}

/** Expands a number list with slices (`[0:10]` = start 0, count 10) into plain numbers. */
export function expandNums(items: readonly NumItem[]): number[] {
  const out: number[] = [];
  for (const it of items) {
    if (typeof it === 'number') out.push(it);
    else for (let k = 0; k < it.count; k++) out.push(it.start + k * it.stride);
  }
  return out;
}

const NAMED_VALUES: Record<string, RVal> = {
  TRUE: { t: 'num', v: 1 },
  True: { t: 'num', v: 1 },
  true: { t: 'num', v: 1 },
  FALSE: { t: 'num', v: 0 },
  False: { t: 'num', v: 0 },
  false: { t: 'num', v: 0 },
  NA: { t: 'num', v: Number.NaN },
  _: { t: 'null' },
  null: { t: 'null' },
  None: { t: 'null' },
};

/** Evaluates a parsed expression. */
export function evaluate(ast: Ast, env: RapidsEnv, expr: string): RVal {
  const ctx: Ctx = {
    env,
    expr,
    fail(message, at) {
      throw new RapidsError(message, typeof at === 'number' ? at : at.pos, expr);
    },
    eval(a) {
      switch (a.t) {
        case 'num':
          return { t: 'num', v: a.v };
        case 'str':
          return { t: 'str', v: a.v };
        case 'nums':
          return { t: 'nums', v: expandNums(a.v) };
        case 'strs':
          return { t: 'strs', v: [...a.v] };
        case 'fun':
          return ctx.fail('function literals are not supported here', a);
        case 'id': {
          const f = env.catalog.find('frame', a.v);
          if (f !== undefined) return { t: 'frame', f, key: a.v };
          if (a.v in NAMED_VALUES) return NAMED_VALUES[a.v];
          return ctx.fail(`unknown frame key or name '${a.v}'`, a);
        }
        case 'call': {
          const op = OPS.get(a.fn);
          if (op === undefined) return ctx.fail(`unknown function '${a.fn}'`, a);
          return op(ctx, a.args, a);
        }
      }
    },
    frame(a) {
      const v = ctx.eval(a);
      if (v.t !== 'frame') ctx.fail(`expected a frame, got ${describe(v)}`, a);
      return v.f;
    },
    num(a) {
      const v = ctx.eval(a);
      if (v.t === 'num') return v.v;
      if (v.t === 'nums' && v.v.length === 1) return v.v[0];
      if (v.t === 'frame' && v.f.nRows === 1 && v.f.nCols === 1) return v.f.vecs[0].at(0);
      return ctx.fail(`expected a number, got ${describe(v)}`, a);
    },
    str(a) {
      const v = ctx.eval(a);
      if (v.t === 'str') return v.v;
      if (v.t === 'strs' && v.v.length === 1) return v.v[0];
      return ctx.fail(`expected a string, got ${describe(v)}`, a);
    },
  };
  return ctx.eval(ast);
}

/** A short description of a value for error messages. */
export function describe(v: RVal): string {
  switch (v.t) {
    case 'frame':
      return `a frame of ${v.f.nRows} rows x ${v.f.nCols} columns`;
    case 'num':
      return `the number ${v.v}`;
    case 'str':
      return `the string '${v.v}'`;
    case 'nums':
      return `a list of ${v.v.length} numbers`;
    case 'strs':
      return `a list of ${v.v.length} strings`;
    case 'null':
      return 'nothing';
  }
}

/** Checks the argument count of a call, naming the function and its expected arguments. */
export function arity(ctx: Ctx, call: Ast & { t: 'call' }, min: number, max: number, usage: string): void {
  const n = call.args.length;
  if (n < min || n > max)
    ctx.fail(`'${call.fn}' takes ${usage}, got ${n} argument${n === 1 ? '' : 's'}`, call);
}
