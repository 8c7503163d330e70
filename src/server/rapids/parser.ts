// Rapids parser: H2O's s-expression language that the clients use for frame work, e.g.
// `(tmp= py_2 (rows iris.hex (<= (h2o.runif iris.hex 1234) 0.75)))`. Tokens: ( ) [ ] { },
// numbers, '...' and "..." strings, and bare identifiers (`tmp=`, `:=`, `h2o.runif`, frame keys).
// Every error names the position (0-based character offset) and what was found there.
import { H2OInputError } from '../../core/index.ts';

/** A Rapids syntax or evaluation error at a position of the expression. */
export class RapidsError extends H2OInputError {
  readonly position: number;
  constructor(message: string, position: number, expr: string) {
    const near = expr.slice(Math.max(0, position - 20), position + 20);
    super(`Rapids error at position ${position}: ${message} (near ${JSON.stringify(near)})`);
    this.name = 'RapidsError';
    this.position = position;
  }
}

/** One element of a number list: a number, or a slice `start:count[:stride]`. */
export type NumItem = number | { start: number; count: number; stride: number };

/** A parsed Rapids expression; `pos` is the offset of its first character. */
export type Ast =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'nums'; v: NumItem[]; pos: number }
  | { t: 'strs'; v: string[]; pos: number }
  | { t: 'call'; fn: string; args: Ast[]; pos: number }
  | { t: 'fun'; params: string[]; body: Ast; pos: number };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: Number.NaN,
  nan: Number.NaN,
  Inf: Number.POSITIVE_INFINITY,
  '-Inf': Number.NEGATIVE_INFINITY,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
const DELIMS = '()[]{}\'"';

/** Parses one Rapids expression; throws RapidsError with the position of the first problem. */
export function parseRapids(expr: string): Ast {
  const p = new RapidsParser(expr);
  p.skipSpace();
  if (p.pos >= expr.length) p.fail('empty expression');
  const ast = p.expr();
  p.skipSpace();
  if (p.pos < expr.length) p.fail(`unexpected '${expr[p.pos]}' after the end of the expression`);
  return ast;
}

class RapidsParser {
  pos = 0;
  constructor(readonly s: string) {}

  fail(message: string, at = this.pos): never {
    throw new RapidsError(message, at, this.s);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && /[\s,]/.test(this.s[this.pos])) this.pos++;
  }

  expr(): Ast {
    this.skipSpace();
    const start = this.pos;
    const c = this.s[this.pos];
    if (c === undefined) this.fail('unexpected end of expression');
    if (c === '(') return this.call();
    if (c === '[') return this.list();
    if (c === '{') return this.fun();
    if (c === '"' || c === "'") return { t: 'str', v: this.string(), pos: start };
    if (c === ')' || c === ']' || c === '}') this.fail(`unexpected '${c}'`);
    const tok = this.token();
    return tokenAst(tok, start);
  }

  token(): string {
    const start = this.pos;
    while (this.pos < this.s.length && !/\s/.test(this.s[this.pos]) && !DELIMS.includes(this.s[this.pos])) {
      this.pos++;
    }
    if (this.pos === start) this.fail(`unexpected '${this.s[this.pos]}'`);
    return this.s.slice(start, this.pos);
  }

  string(): string {
    const q = this.s[this.pos];
    const start = this.pos++;
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length) {
        const n = this.s[this.pos + 1];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        this.pos += 2;
        continue;
      }
      if (c === q) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    return this.fail('unterminated string', start);
  }

  call(): Ast {
    const start = this.pos++;
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === undefined) this.fail("expected a function name after '('");
    if (c === ')') this.fail('empty call: expected a function name', this.pos);
    if (DELIMS.includes(c)) this.fail(`expected a function name after '(' but found '${c}'`);
    const fn = this.token();
    const args: Ast[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.s.length) this.fail(`missing ')' to close '(${fn}' opened at position ${start}`);
      if (this.s[this.pos] === ')') {
        this.pos++;
        return { t: 'call', fn, args, pos: start };
      }
      args.push(this.expr());
    }
  }

  /** `[1 2 3]`, `[0:10]` (start:count), `['a' 'b']`, `[]`. */
  list(): Ast {
    const start = this.pos++;
    const nums: NumItem[] = [];
    const strs: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.s[this.pos];
      if (c === undefined) this.fail(`missing ']' to close the list opened at position ${start}`);
      if (c === ']') {
        this.pos++;
        if (strs.length > 0 && nums.length > 0) this.fail('a list mixes numbers and strings', start);
        return strs.length > 0 ? { t: 'strs', v: strs, pos: start } : { t: 'nums', v: nums, pos: start };
      }
      if (c === '"' || c === "'") {
        strs.push(this.string());
        continue;
      }
      const at = this.pos;
      const tok = this.token();
      nums.push(this.numItem(tok, at));
    }
  }

  numItem(tok: string, at: number): NumItem {
    const parts = tok.split(':');
    const nums = parts.map((p) => toNum(p));
    if (nums.some((n) => n === undefined) || parts.length > 3)
      this.fail(`'${tok}' is not a number or a slice start:count`, at);
    if (parts.length === 1) return nums[0]!;
    const [start, count, stride = 1] = nums as number[];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(count) ||
      count < 0 ||
      !Number.isInteger(stride) ||
      stride < 1
    ) {
      this.fail(`bad slice '${tok}': expected start:count with integers, count >= 0`, at);
    }
    return { start, count, stride };
  }

  /** `{ x y . body }`: a lambda (used by apply/sapply). */
  fun(): Ast {
    const start = this.pos++;
    const params: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.s[this.pos];
      if (c === undefined) this.fail("missing '.' in a function literal", start);
      if (c === '.') {
        this.pos++;
        break;
      }
      params.push(this.token());
    }
    const body = this.expr();
    this.skipSpace();
    if (this.s[this.pos] !== '}') this.fail("missing '}' to close the function literal");
    this.pos++;
    return { t: 'fun', params, body, pos: start };
  }
}

function toNum(tok: string): number | undefined {
  if (NUMBER.test(tok)) return Number(tok);
  if (tok in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[tok];
  return undefined;
}

function tokenAst(tok: string, pos: number): Ast {
  // `#5` is an older Rapids spelling of a number.
  const n = toNum(tok.startsWith('#') ? tok.slice(1) : tok);
  if (n !== undefined) return { t: 'num', v: n, pos };
  return { t: 'id', v: tok, pos };
}
