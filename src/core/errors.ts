// The two kinds of failure: the user's input was wrong (ValidationError, H2OInputError) or we have a
// bug (AssertionError from assert). They are never converted into each other.

/** One problem with one parameter, as H2O's validation messages report it. */
export interface FieldMessage {
  /** H2O's parameter name, e.g. `hidden_dropout_ratios`. */
  field: string;
  /** 'ERROR' rejects the model; 'WARN' is reported but training goes on. */
  level: 'ERROR' | 'WARN';
  message: string;
}

/** Thrown once with every validation problem collected (semantics doc §1.3). */
export class ValidationError extends Error {
  readonly messages: FieldMessage[];
  constructor(messages: FieldMessage[], what = 'parameters') {
    const errors = messages.filter((m) => m.level === 'ERROR');
    super(`Illegal ${what}: ${errors.map((m) => `${m.field}: ${m.message}`).join('; ')}`);
    this.name = 'ValidationError';
    this.messages = messages;
  }
}

/** Bad user input other than model parameters: a file, a frame, a column, a request. */
export class H2OInputError extends Error {
  /** HTTP status the server answers with (4xx). */
  readonly status: number;
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'H2OInputError';
    this.status = options.status ?? 400;
  }
}

/** Input could not be parsed; the message names the source, line and column where known. */
export class ParseError extends H2OInputError {
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
  constructor(source: string, message: string, where: { line?: number; column?: number } = {}) {
    const at =
      where.line === undefined
        ? ''
        : `, line ${where.line}${where.column === undefined ? '' : `, column ${where.column}`}`;
    super(`${source}${at}: ${message}`);
    this.name = 'ParseError';
    this.source = source;
    this.line = where.line;
    this.column = where.column;
  }
}

/** Internal invariant; failing it is our bug, never the user's. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`internal error: ${message}`);
}
