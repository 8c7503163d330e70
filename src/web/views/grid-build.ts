// Grid search from the builder: each grid value checked by the server's /parameters validation (the
// grid route itself only types the values, so a value such as hidden=[0] would otherwise surface as a
// failed model), and the POST to /99/Grid/deeplearning, form-encoded as the python client sends it.
import type { JobV3, ValidationMessageV3 } from '../../schema/index.ts';
import { ApiError, literal, post } from '../api.ts';
import type { FieldProblem } from './grid-values.ts';

const MESSAGE_META = {
  schema_version: 3,
  schema_name: 'ValidationMessageV3',
  schema_type: 'ValidationMessage',
};

/** Client-side problems as validation messages (errors), so they sit where the server's would. */
export function problemMessages(problems: FieldProblem[]): ValidationMessageV3[] {
  return problems.map((p) => ({
    __meta: MESSAGE_META,
    message_type: 'ERRR',
    field_name: p.field,
    message: p.message,
  }));
}

/**
 * The server's messages about each grid value: `fixed` with that one value set, validated through
 * `/parameters`; only messages about the gridded parameter itself are kept (others depend on the
 * combination) and each is prefixed with the value it is about. One request per value.
 */
export async function validateGridValues(
  fixed: Record<string, unknown>,
  hyper: Record<string, unknown[]>,
  fieldOf: (m: ValidationMessageV3) => string,
): Promise<ValidationMessageV3[]> {
  const checks = Object.entries(hyper).flatMap(([name, values]) =>
    values.map(async (v) => {
      let messages: ValidationMessageV3[];
      try {
        const r = await post<{ messages: ValidationMessageV3[] | null }>(
          '/3/ModelBuilders/deeplearning/parameters',
          { ...fixed, [name]: v },
        );
        messages = r.messages ?? [];
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        messages = e.messages;
      }
      return messages
        .filter((m) => fieldOf(m) === name && (m.message_type === 'ERRR' || m.message_type === 'WARN'))
        .map((m) => ({ ...m, message: `${literal(v)}: ${m.message}` }));
    }),
  );
  const all = (await Promise.all(checks)).flat();
  // The same message for the same value can come from nowhere else, but keep the list unique anyway.
  return all.filter((m, i) => all.findIndex((x) => x.message === m.message) === i);
}

/** Starts the grid job: fixed parameters as usual, `hyper_parameters` and `search_criteria` as dicts. */
export async function submitGrid(
  fixed: Record<string, unknown>,
  hyper: Record<string, unknown[]>,
  criteria: Record<string, unknown>,
  gridId: string,
): Promise<{ job: JobV3; messages: ValidationMessageV3[] }> {
  const r = await post<JobV3 & { job?: JobV3; messages?: ValidationMessageV3[] | null }>(
    '/99/Grid/deeplearning',
    {
      ...fixed,
      // JSON text rather than form literals: strings inside a dict must stay quoted.
      hyper_parameters: JSON.stringify(hyper),
      search_criteria: JSON.stringify(criteria),
      grid_id: gridId.trim() === '' ? undefined : gridId.trim(),
    },
  );
  return { job: r.job ?? r, messages: r.messages ?? [] };
}
