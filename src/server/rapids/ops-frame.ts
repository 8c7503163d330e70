// Rapids ops on frame structure: assignment (tmp=, assign, rm, :=, append), column and row selection
// (cols, cols_py, rows), names (colnames, colnames=), shape (nrow, ncol, dim), binding (cbind,
// rbind), h2o.runif and the time-zone setters.
import { Rng, randomSeed } from '../../core/index.ts';
import { categoricalFromLabels, Frame, Vec } from '../../frame/index.ts';
import { arity, type Ctx, defineOps, describe, type RVal } from './eval.ts';
import type { Ast } from './parser.ts';

/** Column indices selected by a value: index, name, lists of either; negative indices drop. */
export function columnIndices(ctx: Ctx, f: Frame, sel: RVal, at: Ast): number[] {
  const byName = (n: string) => {
    const j = f.names.indexOf(n);
    if (j < 0) ctx.fail(`column '${n}' not found; the frame has: ${f.names.slice(0, 20).join(', ')}`, at);
    return j;
  };
  let idx: number[];
  if (sel.t === 'num') idx = [sel.v];
  else if (sel.t === 'nums') idx = sel.v;
  else if (sel.t === 'str') return [byName(sel.v)];
  else if (sel.t === 'strs') return sel.v.map(byName);
  else if (sel.t === 'frame' && sel.f.nCols === 1) idx = Array.from(sel.f.vecs[0].toFloat64());
  else return ctx.fail(`expected column indices or names, got ${describe(sel)}`, at);
  if (idx.length > 0 && idx.every((j) => j < 0)) {
    const drop = new Set(idx.map((j) => -j - 1));
    return f.names.map((_, j) => j).filter((j) => !drop.has(j));
  }
  for (const j of idx) {
    if (!Number.isInteger(j) || j < 0 || j >= f.nCols) {
      ctx.fail(`column index ${j} out of range: the frame has ${f.nCols} columns (0-based)`, at);
    }
  }
  return idx;
}

/** Row indices selected by a value: indices/slices, a 0/1 frame column, negative indices drop. */
export function rowIndices(ctx: Ctx, f: Frame, sel: RVal, at: Ast): Int32Array | null {
  if (sel.t === 'nums' && sel.v.length === 0) return null; // [] = all rows
  if (sel.t === 'frame') {
    if (sel.f.nCols !== 1 || sel.f.nRows !== f.nRows) {
      ctx.fail(`a row selector frame must have 1 column and ${f.nRows} rows, got ${describe(sel)}`, at);
    }
    const v = sel.f.vecs[0];
    const out: number[] = [];
    for (let i = 0; i < f.nRows; i++) if (!v.isNA(i) && v.at(i) !== 0) out.push(i);
    return Int32Array.from(out);
  }
  const idx = sel.t === 'num' ? [sel.v] : sel.t === 'nums' ? sel.v : null;
  if (idx === null) return ctx.fail(`expected row indices or a boolean frame, got ${describe(sel)}`, at);
  if (idx.length > 0 && idx.every((i) => i < 0)) {
    const drop = new Set(idx.map((i) => -i - 1));
    const out: number[] = [];
    for (let i = 0; i < f.nRows; i++) if (!drop.has(i)) out.push(i);
    return Int32Array.from(out);
  }
  // Slices past the end are clipped, as `head()` asks for [0:10] without knowing the row count.
  return Int32Array.from(idx.filter((i) => Number.isInteger(i) && i >= 0 && i < f.nRows));
}

/** A frame value, remembering its key when it was stored. */
export function frameVal(f: Frame, key?: string): RVal {
  return key === undefined ? { t: 'frame', f } : { t: 'frame', f, key };
}

function assignOp(ctx: Ctx, args: Ast[], call: Ast & { t: 'call' }): RVal {
  arity(ctx, call, 2, 2, '(tmp= key expression)');
  const id = args[0];
  if (id.t !== 'id' && id.t !== 'str') ctx.fail('expected a key to assign to', id);
  const v = ctx.eval(args[1]);
  if (v.t !== 'frame') return v; // scalars are returned, not stored (as H2O does)
  ctx.env.catalog.put('frame', id.v, v.f);
  return frameVal(v.f, id.v);
}
defineOps(['tmp=', 'assign'], assignOp);

defineOps('rm', (ctx, args) => {
  for (const a of args) {
    const key = a.t === 'id' || a.t === 'str' ? a.v : ctx.fail('expected a key to remove', a);
    ctx.env.catalog.remove(key);
  }
  return { t: 'null' };
});

defineOps('setTimeZone', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(setTimeZone "zone")');
  const tz = ctx.str(args[0]);
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    ctx.fail(`unknown time zone '${tz}'`, args[0]);
  }
  ctx.env.timeZone = tz;
  return { t: 'str', v: tz };
});
defineOps('getTimeZone', (ctx) => ({ t: 'str', v: ctx.env.timeZone }));

defineOps(['cols', 'cols_py'], (ctx, args, call) => {
  arity(ctx, call, 2, 2, '(cols frame columns)');
  const f = ctx.frame(args[0]);
  return frameVal(f.select(columnIndices(ctx, f, ctx.eval(args[1]), args[1])));
});

defineOps('rows', (ctx, args, call) => {
  arity(ctx, call, 2, 2, '(rows frame rows)');
  const f = ctx.frame(args[0]);
  const idx = rowIndices(ctx, f, ctx.eval(args[1]), args[1]);
  return frameVal(idx === null ? f : f.rows(idx));
});

defineOps('nrow', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(nrow frame)');
  return { t: 'num', v: ctx.frame(args[0]).nRows };
});
defineOps('ncol', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(ncol frame)');
  return { t: 'num', v: ctx.frame(args[0]).nCols };
});
defineOps('dim', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(dim frame)');
  const f = ctx.frame(args[0]);
  return { t: 'nums', v: [f.nRows, f.nCols] };
});
defineOps(['colnames', 'names'], (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(names frame)');
  return { t: 'strs', v: [...ctx.frame(args[0]).names] };
});

defineOps('colnames=', (ctx, args, call) => {
  arity(ctx, call, 3, 3, '(colnames= frame columns names)');
  const f = ctx.frame(args[0]);
  const idx = columnIndices(ctx, f, ctx.eval(args[1]), args[1]);
  const nv = ctx.eval(args[2]);
  const names = nv.t === 'str' ? [nv.v] : nv.t === 'strs' ? nv.v : ctx.fail('expected new names', args[2]);
  if (names.length !== idx.length) ctx.fail(`${idx.length} columns but ${names.length} names`, args[2]);
  const all = [...f.names];
  idx.forEach((j, k) => {
    all[j] = names[k];
  });
  return frameVal(new Frame(all, f.vecs));
});

/** A column of `n` copies of a scalar value (number or string level). */
function constantVec(v: RVal, n: number, ctx: Ctx, at: Ast): Vec {
  if (v.t === 'num') return Vec.numeric(new Float64Array(n).fill(v.v));
  if (v.t === 'str') return categoricalFromLabels(new Array<string>(n).fill(v.v));
  return ctx.fail(`expected a frame, number or string to assign, got ${describe(v)}`, at);
}

/** Row-wise merge of `src` into `dst` at rows `idx` (numeric unless both are the same categorical). */
function mergeRows(dst: Vec, src: Vec, idx: Int32Array): Vec {
  const sameEnum =
    dst.type === 'enum' && src.type === 'enum' && dst.domain!.join('\u0000') === src.domain!.join('\u0000');
  const vals = sameEnum
    ? Array.from({ length: dst.length }, (_, i) => dst.at(i))
    : Array.from(dst.toFloat64());
  const srcOne = src.length === 1;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const s = srcOne ? 0 : i;
    vals[i] = sameEnum ? src.at(s) : src.isNA(s) ? Number.NaN : src.at(s);
  }
  return sameEnum ? Vec.categorical(vals, dst.domain!) : Vec.numeric(vals);
}

// (:= dst src cols rows): a copy of dst with columns `cols` (rows `rows`, [] = all) set from src.
defineOps(':=', (ctx, args, call) => {
  arity(ctx, call, 4, 4, '(:= frame value columns rows)');
  const dst = ctx.frame(args[0]);
  const src = ctx.eval(args[1]);
  const colSel = ctx.eval(args[2]);
  const cols =
    (colSel.t === 'num' && colSel.v === dst.nCols) || (colSel.t === 'nums' && colSel.v.every((j) => j >= 0))
      ? colSel.t === 'num'
        ? [colSel.v]
        : colSel.v
      : columnIndices(ctx, dst, colSel, args[2]);
  const rows = rowIndices(ctx, dst, ctx.eval(args[3]), args[3]);
  if (src.t === 'frame' && src.f.nCols !== cols.length && src.f.nCols !== 1) {
    ctx.fail(`cannot assign ${src.f.nCols} columns into ${cols.length}`, args[1]);
  }
  let out = dst;
  cols.forEach((j, k) => {
    if (!Number.isInteger(j) || j < 0 || j > out.nCols) ctx.fail(`column index ${j} out of range`, args[2]);
    let value: Vec;
    if (src.t === 'frame') {
      value = src.f.vecs[src.f.nCols === 1 ? 0 : k];
      if (value.length !== dst.nRows && !(rows !== null && value.length === 1)) {
        ctx.fail(`the value has ${value.length} rows, the frame ${dst.nRows}`, args[1]);
      }
    } else value = constantVec(src, rows === null ? dst.nRows : 1, ctx, args[1]);
    const name = j < out.nCols ? out.names[j] : `C${j + 1}`;
    if (rows !== null && j < out.nCols) value = mergeRows(out.vecs[j], value, rows);
    else if (rows !== null)
      value = mergeRows(Vec.numeric(new Float64Array(dst.nRows).fill(Number.NaN)), value, rows);
    out = out.withColumn(name, value);
  });
  return frameVal(out);
});

// (append frame value "name"): a copy of frame with a new column.
defineOps('append', (ctx, args, call) => {
  arity(ctx, call, 3, 3, '(append frame value name)');
  const f = ctx.frame(args[0]);
  const v = ctx.eval(args[1]);
  const name = ctx.str(args[2]);
  const vec = v.t === 'frame' ? v.f.vecs[0] : constantVec(v, f.nRows, ctx, args[1]);
  if (vec.length !== f.nRows) ctx.fail(`the value has ${vec.length} rows, the frame ${f.nRows}`, args[1]);
  return frameVal(f.withColumn(name, vec));
});

defineOps('cbind', (ctx, args) => {
  const names: string[] = [];
  const vecs: Vec[] = [];
  let n = -1;
  for (const a of args) {
    const v = ctx.eval(a);
    const f = v.t === 'frame' ? v.f : null;
    if (f === null) {
      if (n < 0) ctx.fail('cbind needs a frame before a scalar', a);
      names.push(`C${names.length + 1}`);
      vecs.push(constantVec(v, n, ctx, a));
      continue;
    }
    if (n >= 0 && f.nRows !== n) ctx.fail(`cbind: frames have ${n} and ${f.nRows} rows`, a);
    n = f.nRows;
    f.names.forEach((nm, j) => {
      let u = nm;
      for (let k = 0; names.includes(u); k++) u = `${nm}${k}`;
      names.push(u);
      vecs.push(f.vecs[j]);
    });
  }
  return frameVal(new Frame(names, vecs));
});

defineOps('rbind', (ctx, args) => {
  const frames = args.map((a) => ctx.frame(a));
  if (frames.length === 0) ctx.fail('rbind needs at least one frame', args.length);
  const first = frames[0];
  frames.forEach((f, k) => {
    if (f.nCols !== first.nCols) ctx.fail(`rbind: ${first.nCols} columns and ${f.nCols} columns`, args[k]);
  });
  const vecs = first.vecs.map((v0, j) => {
    const parts = frames.map((f) => f.vecs[j]);
    if (parts.every((p) => p.type === 'enum') || parts.every((p) => p.type === 'string')) {
      const labels = parts.flatMap((p) => Array.from({ length: p.length }, (_, i) => p.label(i)));
      return v0.type === 'string' ? Vec.string(labels) : categoricalFromLabels(labels);
    }
    if (parts.some((p) => p.type === 'enum' || p.type === 'string')) {
      ctx.fail(`rbind: column '${first.names[j]}' mixes categorical and numeric types`, args[0]);
    }
    const out: number[] = [];
    for (const p of parts) out.push(...p.toFloat64());
    return Vec.numeric(out, v0.type === 'time' ? 'time' : 'auto');
  });
  return frameVal(new Frame(first.names, vecs));
});

// (h2o.runif frame seed): one column `rnd` of uniform [0,1) draws, seed -1 = random.
defineOps('h2o.runif', (ctx, args, call) => {
  arity(ctx, call, 1, 2, '(h2o.runif frame seed)');
  const f = ctx.frame(args[0]);
  const seed = args.length > 1 ? ctx.num(args[1]) : -1;
  const rng = new Rng(seed === -1 ? randomSeed() : seed);
  const v = new Float64Array(f.nRows);
  for (let i = 0; i < v.length; i++) v[i] = rng.nextDouble();
  return frameVal(new Frame(['rnd'], [Vec.numeric(v, 'real')]));
});

// (getrow frame): the single row of a one-row frame as numbers (python reads mean() this way).
defineOps('getrow', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(getrow frame)');
  const f = ctx.frame(args[0]);
  if (f.nRows !== 1) ctx.fail(`getrow expects a frame with one row, got ${f.nRows} rows`, args[0]);
  return {
    t: 'nums',
    v: f.vecs.map((v) => (v.type === 'enum' || v.type === 'string' ? Number.NaN : v.at(0))),
  };
});

// (flatten frame): the value of a 1x1 frame (a number, or the level/string).
defineOps('flatten', (ctx, args, call) => {
  arity(ctx, call, 1, 1, '(flatten frame)');
  const v = ctx.eval(args[0]);
  if (v.t !== 'frame' || v.f.nRows !== 1 || v.f.nCols !== 1) return v;
  const vec = v.f.vecs[0];
  if (vec.type === 'enum' || vec.type === 'string') return { t: 'str', v: vec.label(0) ?? 'NA' };
  return { t: 'num', v: vec.at(0) };
});

// (ls): the keys of every frame, as a one-column frame `key` (h2o.ls()).
defineOps('ls', (ctx) => {
  const keys = ctx.env.catalog.keys();
  return frameVal(new Frame(['key'], [Vec.string(keys)]));
});
