// A model-builder parameter's metadata and its text form: how a value is shown in a text field and
// parsed back to the parameter's type. No JSX here, so Node tests can import it.

/** The parameter metadata fields the form reads. */
export interface ParamMeta {
  name: string;
  label: string;
  help: string;
  required: boolean;
  type: string;
  default_value: unknown;
  actual_value?: unknown;
  level: string;
  values: string[] | null;
  is_member_of_frames?: string[] | null;
  /** Sent by this server (not part of H2O's ModelParameterSchemaV3): may the parameter be a grid hyper-parameter. */
  gridable?: boolean;
}

/** The text a value is edited as (arrays as `a, b`). */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(toText).join(', ');
  if (typeof v === 'object')
    return String(
      (v as { name?: string; column_name?: string }).name ??
        (v as { column_name?: string }).column_name ??
        '',
    );
  return String(v);
}

/** Parses the edited text back to the parameter's type; throws naming the parameter. */
export function fromText(p: ParamMeta, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const isArray = p.type.endsWith('[]');
  const base = p.type.replace(/\[\]$/, '');
  const one = (s: string): unknown => {
    if (/^(int|long|double|float)$/.test(base)) {
      const n = Number(s);
      if (s === '' || Number.isNaN(n)) throw new Error(`${p.name}: '${s}' is not a number`);
      if ((base === 'int' || base === 'long') && !Number.isInteger(n))
        throw new Error(`${p.name}: '${s}' is not a whole number`);
      return n;
    }
    return s;
  };
  if (isArray)
    return t
      .split(/[\s,]+/)
      .filter((s) => s !== '')
      .map(one);
  return one(t);
}
