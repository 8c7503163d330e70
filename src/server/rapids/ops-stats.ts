// Rapids ops on column types and statistics: as.factor, as.numeric, as.character, is.factor,
// is.numeric, is.character, levels, nlevels, unique, table, quantile, and the reductions: mean (a
// one-row frame), sum/min/max (one number over the frame), sd/var/median (one number per column).
import { asfactor, categoricalFromLabels, compareLevels, Frame, Vec } from '../../frame/index.ts';
import { arity, type Ctx, defineOps, describe, type RVal } from './eval.ts';
import { frameVal } from './ops-frame.ts';
import type { Ast } from './parser.ts';

function mapCols(ctx: Ctx, a: Ast, fn: (v: Vec, name: string) => Vec): RVal {
  const f = ctx.frame(a);
  return frameVal(
    new Frame(
      f.names,
      f.vecs.map((v, j) => fn(v, f.names[j])),
    ),
  );
}

defineOps('as.factor', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(as.factor frame)');
  return mapCols(ctx, args[0], (v) => asfactor(v));
});

defineOps('as.numeric', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(as.numeric frame)');
  // Categorical columns become their codes and strings their parsed numbers, as H2O does.
  return mapCols(ctx, args[0], (v) =>
    v.type === 'string'
      ? Vec.numeric(v.strings!.map((s) => (s === null || s.trim() === '' ? Number.NaN : Number(s))))
      : Vec.numeric(v.toFloat64()),
  );
});

defineOps('as.character', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(as.character frame)');
  return mapCols(ctx, args[0], (v) => Vec.string(Array.from({ length: v.length }, (_, i) => v.label(i))));
});

const typeTest = (name: string, types: string[]) =>
  defineOps(name, (ctx, args, call) => {
    arity(ctx, call, 1, 1, `(${name} frame)`);
    const f = ctx.frame(args[0]);
    // Always a list, one entry per column: the python client iterates over it.
    return { t: 'nums', v: f.vecs.map((vec) => (types.includes(vec.type) ? 1 : 0)) };
  });
typeTest('is.factor', ['enum']);
typeTest('is.numeric', ['int', 'real']);
typeTest('is.character', ['string']);

defineOps('nlevels', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(nlevels frame)');
  const f = ctx.frame(args[0]);
  const v = f.vecs.map((vec) => vec.domain?.length ?? 0);
  return v.length === 1 ? { t: 'num', v: v[0] } : { t: 'nums', v };
});

// (levels frame): one categorical column per input column listing its levels (padded with NA).
defineOps('levels', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(levels frame)');
  const f = ctx.frame(args[0]);
  const n = Math.max(0, ...f.vecs.map((v) => v.domain?.length ?? 0));
  const vecs = f.vecs.map((v) => {
    const d = v.domain ?? [];
    return Vec.categorical(
      Array.from({ length: n }, (_, i) => (i < d.length ? i : -1)),
      d,
    );
  });
  return frameVal(new Frame(f.names, vecs));
});

// (unique frame [include_nas]): the distinct values of one column, sorted.
defineOps('unique', (ctx, args, call) => {
  arity(ctx, call, 1, 2, '(unique frame include_nas)');
  const f = ctx.frame(args[0]);
  if (f.nCols !== 1) ctx.fail(`unique expects one column, got ${f.nCols}`, args[0]);
  const includeNA = args.length > 1 && ctx.num(args[1]) !== 0;
  const v = f.vecs[0];
  let hasNA = false;
  if (v.type === 'enum' || v.type === 'string') {
    const seen = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      const l = v.label(i);
      if (l === null) hasNA = true;
      else seen.add(l);
    }
    const labels: (string | null)[] = [...seen].sort(compareLevels);
    if (includeNA && hasNA) labels.push(null);
    const out =
      v.type === 'enum'
        ? Vec.categorical(
            labels.map((l) => (l === null ? -1 : v.domain!.indexOf(l))),
            v.domain!,
          )
        : Vec.string(labels);
    return frameVal(new Frame(f.names, [out]));
  }
  const seen = new Set<number>();
  for (let i = 0; i < v.length; i++) {
    const x = v.at(i);
    if (Number.isNaN(x)) hasNA = true;
    else seen.add(x);
  }
  const vals = [...seen].sort((a, b) => a - b);
  if (includeNA && hasNA) vals.push(Number.NaN);
  return frameVal(new Frame(f.names, [Vec.numeric(vals, v.type)]));
});

// (table frame [dense]): counts of each value (one column) or value pair (two columns), NA skipped.
defineOps('table', (ctx, args, call) => {
  arity(ctx, call, 1, 2, '(table frame dense)');
  const f = ctx.frame(args[0]);
  if (f.nCols < 1 || f.nCols > 2) ctx.fail(`table expects one or two columns, got ${f.nCols}`, args[0]);
  const counts = new Map<string, { key: (string | number)[]; n: number }>();
  for (let i = 0; i < f.nRows; i++) {
    if (f.vecs.some((v) => v.isNA(i))) continue;
    const key = f.vecs.map((v) => (v.type === 'enum' || v.type === 'string' ? v.label(i)! : v.at(i)));
    const k = JSON.stringify(key);
    const e = counts.get(k);
    if (e) e.n++;
    else counts.set(k, { key, n: 1 });
  }
  const rows = [...counts.values()].sort((a, b) => {
    for (let j = 0; j < a.key.length; j++) {
      const x = a.key[j];
      const y = b.key[j];
      const c = typeof x === 'number' ? x - (y as number) : compareLevels(x, y as string);
      if (c !== 0) return c;
    }
    return 0;
  });
  const vecs = f.vecs.map((v, j) =>
    v.type === 'enum' || v.type === 'string'
      ? categoricalFromLabels(rows.map((r) => r.key[j] as string))
      : Vec.numeric(rows.map((r) => r.key[j] as number)),
  );
  return frameVal(new Frame([...f.names, 'Count'], [...vecs, Vec.numeric(rows.map((r) => r.n))]));
});

/** Sorted non-NA values of a numeric column; null if it has NA and NAs are not skipped. */
function values(v: Vec, naRm: boolean): Float64Array | null {
  const all = v.toFloat64();
  const kept = all.filter((x) => !Number.isNaN(x));
  if (!naRm && kept.length !== all.length) return null;
  return kept;
}

/** R's type-7 quantile (H2O's "interpolate"), and the "low", "high", "average" variants. */
export function quantileOf(sorted: Float64Array, p: number, method: string): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, Math.ceil(h));
  if (method === 'low') return sorted[lo];
  if (method === 'high') return sorted[hi];
  if (method === 'average') return (sorted[lo] + sorted[hi]) / 2;
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const DEFAULT_PROBS = [0.001, 0.01, 0.1, 0.25, 0.333, 0.5, 0.667, 0.75, 0.9, 0.99, 0.999];
const METHODS = ['interpolate', 'average', 'low', 'high'];

// (quantile frame probs method weights): column Probs then `<name>Quantiles` per column.
defineOps('quantile', (ctx, args, call) => {
  arity(ctx, call, 1, 4, '(quantile frame probs method weights)');
  const f = ctx.frame(args[0]);
  const pv = args.length > 1 ? ctx.eval(args[1]) : ({ t: 'null' } as RVal);
  const probs =
    pv.t === 'nums'
      ? pv.v
      : pv.t === 'num'
        ? [pv.v]
        : pv.t === 'null'
          ? DEFAULT_PROBS
          : ctx.fail(`expected probabilities, got ${describe(pv)}`, args[1]);
  for (const p of probs) if (!(p >= 0 && p <= 1)) ctx.fail(`probability ${p} outside [0, 1]`, args[1]);
  const method = args.length > 2 && ctx.eval(args[2]).t !== 'null' ? ctx.str(args[2]) : 'interpolate';
  if (!METHODS.includes(method))
    ctx.fail(`unknown combine method '${method}'; allowed: ${METHODS.join(', ')}`, args[2]);
  // The python client sends weights as '_' (a string) when there are none.
  const w = args.length > 3 ? ctx.eval(args[3]) : ({ t: 'null' } as RVal);
  if (w.t !== 'null' && !(w.t === 'str' && (w.v === '_' || w.v === ''))) {
    ctx.fail('weighted quantiles are not supported', args[3]);
  }
  const names = ['Probs'];
  const vecs = [Vec.numeric(probs, 'real')];
  f.vecs.forEach((v, j) => {
    names.push(`${f.names[j]}Quantiles`);
    // Non-numeric columns get NaN quantiles, as H2O reports them.
    if (v.type === 'enum' || v.type === 'string') {
      vecs.push(
        Vec.numeric(
          probs.map(() => Number.NaN),
          'real',
        ),
      );
      return;
    }
    const s = values(v, true)!.sort();
    vecs.push(
      Vec.numeric(
        probs.map((p) => quantileOf(s, p, method)),
        'real',
      ),
    );
  });
  return frameVal(new Frame(names, vecs));
});

type Reduce = (x: Float64Array) => number;
const mean: Reduce = (x) => x.reduce((s, v) => s + v, 0) / x.length;
const variance: Reduce = (x) => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};
const sum: Reduce = (x) => x.reduce((s, v) => s + v, 0);
const min: Reduce = (x) => (x.length === 0 ? Number.POSITIVE_INFINITY : x.reduce((s, v) => Math.min(s, v)));
const max: Reduce = (x) => (x.length === 0 ? Number.NEGATIVE_INFINITY : x.reduce((s, v) => Math.max(s, v)));

/** Per-column reduction; non-numeric columns give NaN, as H2O reports them. */
function perColumn(ctx: Ctx, name: string, args: Ast[], fn: Reduce, naRm: boolean): number[] {
  const v = ctx.eval(args[0]);
  if (v.t === 'num') return [v.v];
  if (v.t === 'nums') return [fn(Float64Array.from(v.v))];
  if (v.t !== 'frame') return ctx.fail(`'${name}' expects a frame, got ${describe(v)}`, args[0]);
  return v.f.vecs.map((vec) => {
    if (vec.type === 'string' || vec.type === 'enum') return Number.NaN;
    const x = values(vec, naRm);
    return x === null ? Number.NaN : fn(x);
  });
}

// (mean frame na_rm axis): a one-row frame of column means (the python client reads it with getrow).
defineOps('mean', (ctx, args, call) => {
  arity(ctx, call, 1, 3, '(mean frame na_rm axis)');
  const naRm = args.length > 1 ? ctx.num(args[1]) !== 0 : true;
  if (args.length > 2 && ctx.num(args[2]) !== 0)
    ctx.fail("'mean' over rows (axis=1) is not supported", args[2]);
  const v = ctx.eval(args[0]);
  if (v.t !== 'frame') return { t: 'num', v: perColumn(ctx, 'mean', args, mean, naRm)[0] };
  const means = perColumn(ctx, 'mean', args, mean, naRm);
  return frameVal(
    new Frame(
      v.f.names,
      means.map((m) => Vec.numeric([m], 'real')),
    ),
  );
});

// (sum frame), (sumNA frame), (min frame), (max frame)...: one number over every cell of the frame.
const WHOLE: [string, Reduce, boolean][] = [
  ['sum', sum, false],
  ['sumNA', sum, true],
  ['min', min, false],
  ['minNA', min, true],
  ['max', max, false],
  ['maxNA', max, true],
];
for (const [name, fn, skipNA] of WHOLE) {
  defineOps(name, (ctx, args, call) => {
    arity(ctx, call, 1, 3, `(${name} frame)`);
    const naRm = skipNA || (args.length > 1 && ctx.num(args[1]) !== 0);
    const v = ctx.eval(args[0]);
    if (v.t === 'frame') {
      for (let j = 0; j < v.f.nCols; j++) {
        const t = v.f.vecs[j].type;
        if (t === 'string' || (t === 'enum' && name.startsWith('sum'))) {
          ctx.fail(`'${name}' of non-numeric column '${v.f.names[j]}'`, args[0]);
        }
      }
    }
    return { t: 'num', v: fn(Float64Array.from(perColumn(ctx, name, args, fn, naRm))) };
  });
}

// (sd frame na_rm), (median frame na_rm), (var frame na_rm): one number per column (always a list).
const PER_COLUMN: [string, Reduce][] = [
  ['sd', (x) => Math.sqrt(variance(x))],
  ['var', variance],
  ['median', (x) => quantileOf(x.sort(), 0.5, 'interpolate')],
];
for (const [name, fn] of PER_COLUMN) {
  defineOps(name, (ctx, args, call) => {
    arity(ctx, call, 1, 2, `(${name} frame na_rm)`);
    const naRm = args.length > 1 ? ctx.num(args[1]) !== 0 : false;
    return { t: 'nums', v: perColumn(ctx, name, args, fn, naRm) };
  });
}
