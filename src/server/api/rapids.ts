// POST /99/Rapids: parse and evaluate one Rapids expression. Frame results are stored (under the
// `tmp=` key, or a fresh one) and answered as RapidsFrameV3; numbers as {scalar}, strings as
// {string}; nothing as {}. Syntax and evaluation errors are 400s naming the position.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import { route } from '../app.ts';
import { meta } from '../meta.ts';
import { evaluate, parseRapids, type RVal } from '../rapids/index.ts';
import type { ServerState } from '../state.ts';

/** Evaluates `ast` against the server's catalog and answers the JSON the clients expect. */
export function runRapids(state: ServerState, ast: string): Record<string, unknown> {
  const env = { catalog: state.catalog, timeZone: state.timeZone };
  const v: RVal = evaluate(parseRapids(ast), env, ast);
  state.timeZone = env.timeZone;
  switch (v.t) {
    case 'frame': {
      let key = v.key;
      if (key === undefined) {
        key = `rapids_${randomBytes(6).toString('hex')}`;
        state.catalog.put('frame', key, v.f);
      }
      return { __meta: meta('RapidsFrameV3'), key: { name: key }, num_rows: v.f.nRows, num_cols: v.f.nCols };
    }
    case 'num':
      return { __meta: meta('RapidsNumberV3'), scalar: Number.isFinite(v.v) ? v.v : String(v.v) };
    case 'nums':
      return {
        __meta: meta('RapidsNumbersV3'),
        scalar: v.v.map((x) => (Number.isFinite(x) ? x : String(x))),
      };
    case 'str':
      return { __meta: meta('RapidsStringV3'), string: v.v };
    case 'strs':
      return { __meta: meta('RapidsStringsV3'), string: v.v };
    case 'null':
      return { __meta: meta('RapidsSchemaV3') };
  }
}

/** Registers /99/Rapids. */
export function registerRapids(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'POST', '/99/Rapids', 'Evaluate a Rapids expression', (p) => {
    const ast = p.raw.ast;
    if (typeof ast !== 'string' || ast.trim() === '') throw new H2OInputError("parameter 'ast' is required");
    return runRapids(state, ast);
  });
}
