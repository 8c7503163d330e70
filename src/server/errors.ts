// The one place that turns any exception into H2O's error schema: user errors (H2OInputError,
// ValidationError) become 4xx with their messages; anything else is our bug and becomes a 500 whose
// developer message names the internal error. The clients raise H2OResponseError from these bodies.
import { H2OInputError, ValidationError } from '../core/index.ts';
import type { H2OErrorV3, H2OModelBuilderErrorV3 } from '../schema/index.ts';
import { meta } from './meta.ts';

/** An HTTP answer: status code and JSON body. */
export interface ErrorAnswer {
  status: number;
  body: H2OErrorV3 | H2OModelBuilderErrorV3;
}

/** Maps an exception thrown while serving `url` to H2O's error JSON. */
export function toH2OError(err: unknown, url: string): ErrorAnswer {
  const e = err instanceof Error ? err : new Error(String(err));
  const stack = (e.stack ?? '')
    .split('\n')
    .slice(1, 12)
    .map((s) => s.trim());
  // User errors carry no stack trace (it would only show our internals); 500s do, for bug reports.
  const base = (status: number, msg: string, devMsg: string, type: string): H2OErrorV3 => ({
    __meta: meta('H2OErrorV3', 'H2OError'),
    timestamp: Date.now(),
    error_url: url,
    msg,
    dev_msg: devMsg,
    http_status: status,
    values: {},
    exception_type: type,
    exception_msg: msg,
    stacktrace: status >= 500 ? stack : [],
  });
  if (e instanceof ValidationError) {
    // H2O answers model-builder validation failures with 412 and the per-field messages.
    const body: H2OModelBuilderErrorV3 = {
      ...base(412, e.message, e.message, 'water.exceptions.H2OModelBuilderIllegalArgumentException'),
      __meta: meta('H2OModelBuilderErrorV3', 'H2OModelBuilderError'),
      parameters: null,
      messages: e.messages.map((m) => ({
        __meta: meta('ValidationMessageV3', 'ValidationMessage'),
        message_type: m.level === 'ERROR' ? 'ERRR' : 'WARN',
        field_name: m.field,
        message: m.message,
      })),
      error_count: e.messages.filter((m) => m.level === 'ERROR').length,
    };
    return { status: 412, body };
  }
  if (e instanceof H2OInputError) {
    const type =
      e.status === 404
        ? 'water.exceptions.H2ONotFoundArgumentException'
        : 'water.exceptions.H2OIllegalArgumentException';
    return { status: e.status, body: base(e.status, e.message, e.message, type) };
  }
  // fastify's own client errors (bad JSON, body too large, unsupported media type) carry statusCode.
  const sc = (e as { statusCode?: number }).statusCode;
  if (typeof sc === 'number' && sc >= 400 && sc < 500) {
    return {
      status: sc,
      body: base(sc, e.message, e.message, 'water.exceptions.H2OIllegalArgumentException'),
    };
  }
  return {
    status: 500,
    body: base(500, `Internal server error: ${e.message}`, `${e.name}: ${e.message}`, e.name),
  };
}

/** A 404 for an unknown key, naming the kind and the key. */
export function notFound(kind: string, key: string): H2OInputError {
  return new H2OInputError(`${kind} '${key}' not found`, { status: 404 });
}
