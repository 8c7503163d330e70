// Typed readers for request parameters (query string, form body or JSON body, merged). Form values
// are strings in Python/R spelling; JSON bodies may carry native values. Every reader names the
// parameter, the value received and what is allowed when it rejects a value.
import { H2OInputError } from '../core/index.ts';
import { type Literal, parseLiteral } from './literal.ts';

/** Raw parameters of one request: query merged with body (body wins). */
export type RawParams = Record<string, unknown>;

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function bad(name: string, v: unknown, allowed: string): never {
  throw new H2OInputError(`parameter '${name}': got '${shown(v)}', expected ${allowed}`);
}

/** Reads parameters by name with conversions; absent (or `None`) values give the default. */
export class Params {
  constructor(readonly raw: RawParams) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== 'None';
  }

  string(name: string): string | undefined;
  string(name: string, dflt: string): string;
  string(name: string, dflt?: string): string | undefined {
    if (!this.has(name)) return dflt;
    const v = this.raw[name];
    if (typeof v === 'string') return unquote(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return bad(name, v, 'a string');
  }

  /** A required string; the error names the parameter. */
  required(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw new H2OInputError(`parameter '${name}' is required`);
    return v;
  }

  number(name: string, dflt: number): number {
    if (!this.has(name)) return dflt;
    const v = this.raw[name];
    const n = toNumber(v);
    if (n === undefined) return bad(name, v, 'a number');
    return n;
  }

  int(name: string, dflt: number): number {
    const n = this.number(name, dflt);
    if (!Number.isInteger(n)) bad(name, this.raw[name], 'an integer');
    return n;
  }

  bool(name: string, dflt: boolean): boolean {
    if (!this.has(name)) return dflt;
    const v = this.raw[name];
    const b = toBool(v);
    if (b === undefined) return bad(name, v, 'True or False');
    return b;
  }

  /** A parsed literal (list, dict, string); undefined when absent. */
  literal(name: string): Literal | undefined {
    if (!this.has(name)) return undefined;
    const v = this.raw[name];
    return typeof v === 'string' ? parseLiteral(v, name) : (v as Literal);
  }

  /** A list of strings; a single bare value counts as a one-element list. */
  stringList(name: string): string[] | undefined {
    const v = this.literal(name);
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    return items.map((x) => {
      if (x === null) return '';
      if (typeof x === 'object') return bad(name, v, 'a list of strings');
      return String(x);
    });
  }

  numberList(name: string): number[] | undefined {
    const v = this.literal(name);
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    return items.map((x) => {
      const n = toNumber(x);
      if (n === undefined) return bad(name, v, 'a list of numbers');
      return n;
    });
  }
}

/** Strips one pair of matching quotes around a whole value (`"train.hex"` -> `train.hex`). */
export function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) {
    const v = parseLiteral(s);
    if (typeof v === 'string') return v;
  }
  return s;
}

/** Python/R/JSON spellings of a number, incl. NaN and Infinity; undefined if not a number. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '') return undefined;
  if (/^(nan|NaN|NA)$/.test(t)) return Number.NaN;
  if (/^[+]?(inf|Inf|Infinity)$/.test(t)) return Number.POSITIVE_INFINITY;
  if (/^-(inf|Inf|Infinity)$/.test(t)) return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[lLfFdD]?$/.test(t)) return undefined;
  return Number(t.replace(/[lLfFdD]$/, ''));
}

/** Python/R/JSON spellings of a boolean; undefined if not one. */
export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}
