// The SDK's one error type: an H2O error answer (H2OErrorV3 / H2OModelBuilderErrorV3) or a failed job.
import type { ValidationMessageV3 } from '../schema/index.ts';

/** A request the server refused, or a job that failed; `messages` holds per-field validation messages. */
export class H2OResponseError extends Error {
  readonly status: number;
  readonly messages: ValidationMessageV3[];
  constructor(message: string, status: number, messages: ValidationMessageV3[] = []) {
    super(message);
    this.name = 'H2OResponseError';
    this.status = status;
    this.messages = messages;
  }
}
