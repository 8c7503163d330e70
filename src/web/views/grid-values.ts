// Grid search in the builder form, without JSX (Node tests import it): which parameters can be
// searched over, a field's `;`-separated values parsed as the single-value field parses one, and
// search_criteria from its form fields. Problems come back as lists naming the field, never thrown.
import { fromText, type ParamMeta } from './param-text.ts';

/** One problem found before submitting: the field it belongs to and a message naming it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Whether `p` can be a hyper-parameter: this server's `gridable` flag when the metadata has it;
 * otherwise Flow's rule, anything but frames, columns and model keys.
 */
export function isGridable(p: ParamMeta): boolean {
  if (typeof p.gridable === 'boolean') return p.gridable;
  if (p.type.startsWith('Key') || p.type === 'VecSpecifier') return false;
  return !['ignored_columns', 'response_column', 'weights_column', 'offset_column', 'fold_column'].includes(
    p.name,
  );
}

/** An example of what to type in a parameter's grid field, for its placeholder. */
export function gridExample(p: ParamMeta): string {
  if (p.type.endsWith('[]')) return '[32,32]; [64]';
  if (p.type === 'boolean') return 'true; false';
  if (p.values !== null && p.values.length > 1) return `${p.values[0]}; ${p.values[1]}`;
  if (p.type === 'int' || p.type === 'long') return '1; 2; 5';
  if (p.type === 'double' || p.type === 'float') return '0; 1e-4';
  return 'a; b';
}

/** One grid value: `[a,b]` (brackets optional) for lists, true/false, an allowed enum value, a number. */
function parseOne(p: ParamMeta, raw: string): unknown {
  if (p.type.endsWith('[]')) {
    const inner = raw.replace(/^\[/, '').replace(/\]$/, '').trim();
    if (/[[\]]/.test(inner)) throw new Error(`'${raw}' has unbalanced brackets`);
    return inner === '' ? [] : fromText(p, inner);
  }
  if (p.type === 'boolean') {
    if (/^true$/i.test(raw)) return true;
    if (/^false$/i.test(raw)) return false;
    throw new Error(`'${raw}' is not true or false`);
  }
  if (p.values !== null && p.values.length > 0) {
    // The server matches enums loosely (case), as for a single model; send its own spelling.
    const found = p.values.find((v) => v.toLowerCase() === raw.toLowerCase());
    if (found === undefined) throw new Error(`unknown value '${raw}'. Allowed: ${p.values.join(', ')}`);
    return found;
  }
  return fromText(p, raw);
}

/**
 * Parses a grid field's text: values separated by `;`, each parsed like the single-value field
 * (`[32,32]; [64]` for hidden, `0; 1e-4` for l1). Reports every bad value, an empty list and a
 * repeated value (which would train the same model twice), each message naming the parameter.
 */
export function parseGridValues(p: ParamMeta, text: string): { values: unknown[]; problems: FieldProblem[] } {
  const values: unknown[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0)
    problems.push({ field: p.name, message: `${p.name}: enter one or more values separated by ';'` });
  parts.forEach((raw, i) => {
    try {
      const v = parseOne(p, raw);
      if (v === undefined) throw new Error(`'${raw}' is empty`);
      const k = JSON.stringify(v);
      if (seen.has(k)) throw new Error(`'${raw}' is repeated`);
      seen.add(k);
      values.push(v);
    } catch (e) {
      // fromText's messages start with the parameter name already.
      const detail = (e as Error).message.replace(new RegExp(`^${p.name}: `), '');
      problems.push({ field: p.name, message: `${p.name}: grid value ${i + 1} ${detail}` });
    }
  });
  return { values, problems };
}

/** The grid fields of the form: which parameters are ticked and the text typed for each. */
export type GridFields = Record<string, { on: boolean; text: string }>;

/** `hyper_parameters` from the ticked fields, with every problem found in them. */
export function hyperParameters(
  params: ParamMeta[],
  fields: GridFields,
): { hyper: Record<string, unknown[]>; problems: FieldProblem[] } {
  const hyper: Record<string, unknown[]> = {};
  const problems: FieldProblem[] = [];
  for (const p of params) {
    const f = fields[p.name];
    if (!f?.on || !isGridable(p)) continue;
    const r = parseGridValues(p, f.text);
    problems.push(...r.problems);
    if (r.problems.length === 0) hyper[p.name] = r.values;
  }
  if (Object.keys(hyper).length === 0 && problems.length === 0)
    problems.push({ field: '', message: "Tick 'grid' on at least one parameter and enter its values." });
  return { hyper, problems };
}

/** The search-criteria form as typed (empty = the server's default). */
export interface CriteriaFields {
  strategy: 'Cartesian' | 'RandomDiscrete';
  max_models: string;
  max_runtime_secs: string;
  seed: string;
  stopping_rounds: string;
  stopping_metric: string;
  stopping_tolerance: string;
}

/** An empty criteria form: Cartesian, everything else left to the server. */
export const NO_CRITERIA: CriteriaFields = {
  strategy: 'Cartesian',
  max_models: '',
  max_runtime_secs: '',
  seed: '',
  stopping_rounds: '',
  stopping_metric: '',
  stopping_tolerance: '',
};

const NUMBER_RULES: [keyof CriteriaFields, 'whole' | 'any', number][] = [
  ['max_models', 'whole', 0],
  ['max_runtime_secs', 'any', 0],
  ['seed', 'whole', Number.NEGATIVE_INFINITY],
  ['stopping_rounds', 'whole', 0],
  ['stopping_tolerance', 'any', 0],
];

/**
 * `search_criteria` as H2O spells it. Cartesian sends only its strategy (every combination, as
 * Flow does); RandomDiscrete adds the limits that are filled in. Field names in problems are
 * `search_criteria.<name>`, as the server names them.
 */
export function searchCriteria(c: CriteriaFields): {
  criteria: Record<string, unknown>;
  problems: FieldProblem[];
} {
  const criteria: Record<string, unknown> = { strategy: c.strategy };
  const problems: FieldProblem[] = [];
  if (c.strategy === 'Cartesian') return { criteria, problems };
  for (const [name, kind, min] of NUMBER_RULES) {
    const t = c[name].trim();
    if (t === '') continue;
    const n = Number(t);
    const field = `search_criteria.${name}`;
    if (Number.isNaN(n)) problems.push({ field, message: `${name}: '${t}' is not a number` });
    else if (kind === 'whole' && !Number.isInteger(n))
      problems.push({ field, message: `${name}: '${t}' is not a whole number` });
    else if (n < min) problems.push({ field, message: `${name}: must be >= ${min}, got ${t}` });
    else criteria[name] = n;
  }
  if (c.stopping_metric !== '') criteria.stopping_metric = c.stopping_metric;
  return { criteria, problems };
}
