// Parser for the Python/R literals the h2o clients put in form-encoded values: `True`, `[a,b]`,
// `[[32,32],[100]]`, `["C1","C2"]`, `{"hidden": [[17,32]],"strategy": RandomDiscrete}`. A small
// recursive-descent parser (never eval); errors name the parameter, the position and the text seen.
import { H2OInputError } from '../core/index.ts';

/** A parsed value: strings stay strings (numbers are converted by the reader that wants a number). */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/**
 * Parse one form value. A value that does not start with `[`, `{` or a quote is returned as-is (a
 * bare string such as a path may contain any character). `param` names the field in errors.
 */
export function parseLiteral(text: string, param = 'value'): Literal {
  const t = text.trim();
  if (t === '') return '';
  const c = t[0];
  if (c !== '[' && c !== '{' && c !== '"' && c !== "'") return text;
  const p = new LiteralParser(t, param);
  const v = p.value(true);
  p.skipSpace();
  if (p.pos < t.length) p.fail(`unexpected '${t[p.pos]}' after the value`);
  return v;
}

class LiteralParser {
  pos = 0;
  constructor(
    readonly text: string,
    readonly param: string,
  ) {}

  fail(what: string): never {
    const shown = this.text.length > 80 ? `${this.text.slice(0, 77)}...` : this.text;
    throw new H2OInputError(
      `parameter '${this.param}': ${what} at position ${this.pos} in ${JSON.stringify(shown)}`,
    );
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  value(topLevel = false): Literal {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('missing value');
    const c = this.text[this.pos];
    if (c === '[') return this.list();
    if (c === '{') return this.dict();
    if (c === '"' || c === "'") return this.quoted();
    if (c === ']' || c === '}' || c === ',' || c === ':') this.fail(`unexpected '${c}'`);
    return this.bare(topLevel);
  }

  list(): Literal[] {
    this.pos++; // '['
    const out: Literal[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return out;
      }
      this.fail(c === undefined ? "missing ']'" : `expected ',' or ']' but found '${c}'`);
    }
  }

  dict(): { [key: string]: Literal } {
    this.pos++; // '{'
    const out: { [key: string]: Literal } = {};
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const c0 = this.text[this.pos];
      const key = c0 === '"' || c0 === "'" ? this.quoted() : this.bareKey();
      this.skipSpace();
      // Python sends {"k": v}; the R client sends {"k"=v} (search_criteria of h2o.grid).
      if (this.text[this.pos] !== ':' && this.text[this.pos] !== '=')
        this.fail(`expected ':' or '=' after key '${key}'`);
      this.pos++;
      out[key] = this.value();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return out;
      }
      this.fail(c === undefined ? "missing '}'" : `expected ',' or '}' but found '${c}'`);
    }
  }

  /** A quoted string; a backslash escapes only a quote or a backslash (Windows paths stay intact). */
  quoted(): string {
    const q = this.text[this.pos];
    const start = this.pos;
    this.pos++;
    let s = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\' && (this.text[this.pos + 1] === q || this.text[this.pos + 1] === '\\')) {
        s += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === q) {
        this.pos++;
        return s;
      }
      s += c;
      this.pos++;
    }
    this.pos = start;
    return this.fail(`unterminated string starting with ${q}`);
  }

  bareKey(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !':=,}'.includes(this.text[this.pos])) this.pos++;
    const k = this.text.slice(start, this.pos).trim();
    if (k === '') this.fail('missing key');
    return k;
  }

  /** A bare token inside a list or dict: up to the next `,` `]` `}`; Python's None/True/False mapped. */
  bare(topLevel: boolean): Literal {
    const start = this.pos;
    while (this.pos < this.text.length && (topLevel || !',]}'.includes(this.text[this.pos]))) this.pos++;
    const tok = this.text.slice(start, this.pos).trim();
    if (tok === 'None' || tok === 'null' || tok === 'NULL') return null;
    return tok;
  }
}
