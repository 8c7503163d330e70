// Turns user input (CLI flags, REST form values, JSON) into typed Deep Learning parameters, and grid
// hyper_params into typed value lists. Every problem is collected and thrown once as a
// ValidationError naming each field, the value received and what is allowed.
import { type FieldMessage, ValidationError } from '../../core/index.ts';
import { coerceValue, describeType, type EnumMatch, shown } from './coerce-value.ts';
import { isList, parseListLiteral } from './list-literal.ts';
import { type DeepLearningParameters, PARAMETER_SPEC_BY_NAME, PARAMETER_SPECS } from './parameters.ts';
import { suggest } from './suggest.ts';

/** Options of {@link coerceParameters}. */
export interface CoerceOptions {
  /**
   * 'exact' (default) takes enum values only in H2O's spelling; 'loose' also takes case and
   * underscore variants, as H2O's REST layer does for the Python client (`rectifier_with_dropout`).
   */
  enumMatch?: EnumMatch;
}

/**
 * The R/Python clients' own arguments from the booklet's parameter list: `y` is the response column;
 * `x` lists the predictors (the clients turn it into ignored_columns, which needs the frame's names,
 * so it is passed through for the trainer).
 */
export const CLIENT_ARGUMENTS = {
  x: 'Names of the predictor columns; every other column except the response and special columns is ignored.',
  y: 'Name of the response column (same as response_column).',
} as const;

/** Typed parameters as given (no defaults filled in), plus the client argument `x` when given. */
export type CoercedParameters = Partial<DeepLearningParameters> & { x?: string[] };

const ALL_NAMES = [...PARAMETER_SPECS.map((s) => s.name), ...Object.keys(CLIENT_ARGUMENTS)];

function unknownParameter(name: string): FieldMessage {
  const guess = suggest(name, ALL_NAMES);
  return {
    field: name,
    level: 'ERROR',
    message: `unknown parameter '${name}' for deeplearning.${guess === undefined ? '' : ` Did you mean '${guess}'?`}`,
  };
}

/**
 * Types every entry of `raw` per PARAMETER_SPECS; `undefined` entries are skipped. Throws one
 * ValidationError listing every unknown name (with a suggestion) and every badly typed value.
 * Does not fill defaults and does not check ranges or combinations (see validateParameters).
 */
export function coerceParameters(
  raw: Record<string, unknown>,
  options: CoerceOptions = {},
): CoercedParameters {
  const match = options.enumMatch ?? 'exact';
  const out: Record<string, unknown> = {};
  const errors: FieldMessage[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (name === 'x' || name === 'y') {
      const r = coerceValue(
        {
          ...PARAMETER_SPEC_BY_NAME.get(name === 'x' ? 'ignored_columns' : 'response_column')!,
          name: name as never,
        },
        value,
        match,
      );
      if ('error' in r) errors.push({ field: name, level: 'ERROR', message: r.error });
      else out[name] = r.value;
      continue;
    }
    const spec = PARAMETER_SPEC_BY_NAME.get(name);
    if (spec === undefined) {
      errors.push(unknownParameter(name));
      continue;
    }
    const r = coerceValue(spec, value, match);
    if ('error' in r) errors.push({ field: name, level: 'ERROR', message: r.error });
    else out[name] = r.value;
  }
  // y is the clients' name for response_column; both may be given only if they agree.
  if ('y' in out) {
    if ('response_column' in out && out.response_column !== out.y)
      errors.push({
        field: 'y',
        level: 'ERROR',
        message: `'${out.y}' differs from response_column '${out.response_column}'; give one of them`,
      });
    out.response_column = out.y;
    delete out.y;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return out as CoercedParameters;
}

/** One hyper-parameter's candidate values as a list: JS arrays as given, text through the list parser. */
function candidatesOf(raw: unknown): unknown[] | string {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') return [raw];
  try {
    const nodes = parseListLiteral(raw);
    const plain = (n: (typeof nodes)[number]): unknown => (isList(n) ? n.map(plain) : n.text);
    return nodes.map(plain);
  } catch (e) {
    return `malformed list: ${(e as Error).message}`;
  }
}

/**
 * Types a grid's hyper_params: each gridable parameter maps to a non-empty list of candidate values,
 * e.g. `{ hidden: '[[32,32],[64]]', activation: ['Tanh', 'Rectifier'], epochs: 'c(1,2)' }`
 * (R's `list(c(10,10), c(20,20))` works too). Throws one ValidationError with every problem.
 */
export function coerceHyperParameters(
  raw: Record<string, unknown>,
  options: CoerceOptions = {},
): Partial<{ [K in keyof DeepLearningParameters]: DeepLearningParameters[K][] }> {
  const match = options.enumMatch ?? 'exact';
  const out: Record<string, unknown[]> = {};
  const errors: FieldMessage[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const spec = PARAMETER_SPEC_BY_NAME.get(name);
    if (spec === undefined) {
      errors.push(unknownParameter(name));
      continue;
    }
    if (!spec.gridable) {
      const gridable = PARAMETER_SPECS.filter((s) => s.gridable).map((s) => s.name);
      errors.push({
        field: name,
        level: 'ERROR',
        message: `is not gridable. Gridable: ${gridable.join(', ')}.`,
      });
      continue;
    }
    const candidates = candidatesOf(value);
    if (typeof candidates === 'string') {
      errors.push({ field: name, level: 'ERROR', message: candidates });
      continue;
    }
    if (candidates.length === 0) {
      errors.push({ field: name, level: 'ERROR', message: `needs at least one value, got ${shown(value)}` });
      continue;
    }
    const isArrayType = spec.type.endsWith('[]');
    const typed: unknown[] = [];
    for (const c of candidates) {
      // A list parameter's candidates are lists themselves: [[32,32],[64]], not [32,64].
      if (isArrayType && !Array.isArray(c) && !(typeof c === 'string' && /[,[(]/.test(c))) {
        errors.push({
          field: name,
          level: 'ERROR',
          message: `each grid value must be ${describeType(spec)}; got ${shown(c)} in ${shown(value)} (write [[32,32],[64]] for two choices)`,
        });
        break;
      }
      const r = coerceValue(spec, c, match);
      if ('error' in r) {
        errors.push({ field: name, level: 'ERROR', message: `${r.error} (grid value ${typed.length + 1})` });
        break;
      }
      typed.push(r.value);
    }
    if (typed.length === candidates.length) out[name] = typed;
  }
  if (errors.length > 0) throw new ValidationError(errors, 'hyper-parameters');
  return out as ReturnType<typeof coerceHyperParameters>;
}
