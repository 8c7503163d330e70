// Form values as the official clients spell them (protocol §0): True/False, [a,b] lists with
// quoted strings, {"k": v} dicts, numbers as text. The server parses these with its literal parser.

/** One parameter value as a form string; `undefined`/`null` are left out by the caller. */
export function encodeValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number')
    return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(inner).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${inner(x)}`)
      .join(',')}}`;
  throw new TypeError(`cannot send ${String(v)} as a parameter value`);
}

/** Inside lists and dicts strings are quoted, so a comma or bracket in a name stays part of it. */
function inner(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : encodeValue(v);
}

/** A whole parameter object as form fields (null and undefined dropped, as the clients do). */
export function encodeForm(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = encodeValue(v);
  return out;
}
