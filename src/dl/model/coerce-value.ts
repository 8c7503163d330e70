// Types one raw value (a CLI/form string or a JSON value) according to its parameter's spec. Returns
// the typed value or an error text that names the value received and what is allowed; never throws.
import { CATEGORICAL_ENCODING_ALIASES } from './enums.ts';
import { type Atom, isList, type ListNode, parseListLiteral } from './list-literal.ts';
import type { ParameterSpec } from './parameters.ts';
import { suggest } from './suggest.ts';

/** How enum values are matched. */
export type EnumMatch = 'exact' | 'loose';

/** Result of typing one value. */
export type Coerced = { value: unknown } | { error: string };

const INT32_MAX = 2147483647;
// Java longs reach 2^63; beyond 2^53 a JS number keeps only the nearest double (fine for seeds).
const LONG_LIMIT = 2 ** 63;
const NULL_WORDS = new Set(['None', 'null', 'NULL', 'NA']);

/** Shows a received value in a message: strings quoted as typed, everything else as JSON. */
export function shown(raw: unknown): string {
  return typeof raw === 'string' ? `'${raw}'` : (JSON.stringify(raw) ?? String(raw));
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
  if (typeof raw !== 'string') return undefined;
  const t = raw.trim();
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  // Number('') is 0 and Number('0x10') is 16: accept decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function numberOf(
  spec: ParameterSpec,
  raw: unknown,
  integer: boolean,
): { value: number } | { error: string } {
  const n = parseNumber(raw);
  const what = integer ? 'an integer' : 'a number';
  if (n === undefined) return { error: `expected ${what}, got ${shown(raw)}` };
  if (integer) {
    const limit = spec.h2oType === 'long' ? LONG_LIMIT : INT32_MAX;
    if (!Number.isInteger(n)) return { error: `expected ${what}, got ${shown(raw)}` };
    if (Math.abs(n) > limit) return { error: `expected ${what} within ±${limit}, got ${shown(raw)}` };
  }
  return { value: n };
}

function booleanOf(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return { value: raw };
  if (raw === 1 || raw === 0) return { value: raw === 1 };
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (/^(true|1)$/i.test(t)) return { value: true };
    if (/^(false|0)$/i.test(t)) return { value: false };
  }
  return { error: `expected true or false (True, TRUE, 1 and 0 also accepted), got ${shown(raw)}` };
}

const loose = (s: string): string => s.replace(/_/g, '').toLowerCase();

function enumOf(spec: ParameterSpec, raw: unknown, match: EnumMatch): Coerced {
  const allowed = spec.values ?? [];
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (text !== undefined) {
    if (allowed.includes(text)) return { value: text };
    // The booklet documents the clients' snake_case spellings of categorical_encoding.
    if (spec.name === 'categorical_encoding' && text in CATEGORICAL_ENCODING_ALIASES)
      return { value: CATEGORICAL_ENCODING_ALIASES[text] };
  }
  const guess = text === undefined ? undefined : suggest(text, allowed);
  if (match === 'loose' && guess !== undefined && text !== undefined && loose(guess) === loose(text))
    return { value: guess };
  const hint = guess === undefined ? '' : ` Did you mean '${guess}'?`;
  return { error: `unknown value ${shown(raw)}. Allowed: ${allowed.join(', ')}.${hint}` };
}

/** Items of a list value: JS arrays as they are, text through the list parser, a scalar as one item. */
function itemsOf(raw: unknown): { items: unknown[] } | { error: string } {
  if (Array.isArray(raw)) return { items: raw };
  if (typeof raw === 'number') return { items: [raw] };
  if (typeof raw !== 'string') return { error: `expected a list, got ${shown(raw)}` };
  try {
    return { items: parseListLiteral(raw).map(unwrapAtom) };
  } catch (e) {
    return { error: `malformed list: ${(e as Error).message}` };
  }
}

// Atoms become their text (quoted ones keep a marker so '1' stays a string); lists stay lists.
function unwrapAtom(n: ListNode): unknown {
  if (isList(n)) return n.map(unwrapAtom);
  return (n as Atom).quoted ? { quotedText: n.text } : n.text;
}

const textOf = (x: unknown): unknown =>
  typeof x === 'object' && x !== null && 'quotedText' in x ? (x as { quotedText: string }).quotedText : x;

function listOf(spec: ParameterSpec, raw: unknown, match: EnumMatch): Coerced {
  const r = itemsOf(raw);
  if ('error' in r) return r;
  const elementType = spec.type.slice(0, -2);
  const out: unknown[] = [];
  for (const item of r.items) {
    if (Array.isArray(item))
      return {
        error: `expected a flat list, got the nested list ${shown(raw)}; several lists are grid values (hyper_params)`,
      };
    const one = scalarOf(
      { ...spec, type: elementType as ParameterSpec['type'], nullable: spec.type === 'key[]' },
      textOf(item),
      match,
    );
    if ('error' in one) return { error: `${one.error} in the list ${shown(raw)}` };
    out.push(one.value);
  }
  return { value: out };
}

function scalarOf(spec: ParameterSpec, raw: unknown, match: EnumMatch): Coerced {
  if (raw === null || (typeof raw === 'string' && NULL_WORDS.has(raw.trim()))) {
    if (spec.nullable) return { value: null };
    if (raw === null) return { error: `may not be null; expected ${describeType(spec)}` };
  }
  switch (spec.type) {
    case 'int':
    case 'double':
      return numberOf(spec, raw, spec.type === 'int');
    case 'boolean':
      return booleanOf(raw);
    case 'enum':
      return enumOf(spec, raw, match);
    case 'string':
    case 'key': {
      // H2O's key schema is {name: ...}; a number is taken as the name it spells.
      const v =
        typeof raw === 'object' && raw !== null && 'name' in raw ? (raw as { name: unknown }).name : raw;
      if (typeof v === 'number') return { value: String(v) };
      if (typeof v !== 'string') return { error: `expected ${describeType(spec)}, got ${shown(raw)}` };
      return { value: v.trim() === '' && spec.nullable ? null : v };
    }
    default:
      return listOf(spec, raw, match);
  }
}

/** What a parameter accepts, in words, for error messages. */
export function describeType(spec: ParameterSpec): string {
  switch (spec.type) {
    case 'int':
      return 'an integer';
    case 'double':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values?.join(', ')}`;
    case 'string':
      return spec.h2oType === 'VecSpecifier' ? 'a column name' : 'a text';
    case 'key':
      return `a ${spec.h2oType === 'Key<Model>' ? 'model' : 'frame'} key`;
    case 'int[]':
      return 'a list of integers, e.g. 200,200 or [200, 200]';
    case 'double[]':
      return 'a list of numbers, e.g. 0.5,0.5 or [0.5, 0.5]';
    case 'string[]':
      return 'a list of names, e.g. a,b or ["a", "b"]';
    case 'key[]':
      return 'a list of frame keys (entries may be null)';
  }
}

/**
 * Types `raw` per `spec`: numbers from text (`1e-5`), booleans (`true`, `True`, `TRUE`, `1`), lists
 * (`32,32`, `[32, 32]`, `c(32,32)`), enum names (exact; `loose` also accepts case/underscore variants
 * such as the Python client's `rectifier_with_dropout`). `None`/`null`/`NA` unset a nullable one.
 */
export function coerceValue(spec: ParameterSpec, raw: unknown, match: EnumMatch = 'exact'): Coerced {
  return scalarOf(spec, raw, match);
}
