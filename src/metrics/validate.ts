// Input checks shared by the metric builders: array lengths, weights, domains. Problems are collected
// and thrown once as a ValidationError naming each argument, the value received and what is allowed.

import { type FieldMessage, ValidationError } from '../core/index.ts';

/** Collects problems with metric inputs; `throwIfAny` fails once with all of them. */
export class InputChecks {
  readonly messages: FieldMessage[] = [];

  error(field: string, message: string): void {
    this.messages.push({ field, level: 'ERROR', message });
  }

  /** `arr` must hold exactly `n` values. */
  length(field: string, arr: { length: number } | undefined, n: number, what = 'values'): void {
    if (arr !== undefined && arr.length !== n) {
      this.error(field, `expected ${n} ${what} (one per row of 'actual'), got ${arr.length}.`);
    }
  }

  /** A number in [lo, hi] (inclusive unless `open`); NaN and non-numbers are rejected. */
  range(field: string, value: number, lo: number, hi: number, open = false): void {
    const ok = typeof value === 'number' && (open ? value > lo && value < hi : value >= lo && value <= hi);
    if (!ok) {
      const allowed = open ? `between ${lo} and ${hi} (exclusive)` : `between ${lo} and ${hi}`;
      this.error(field, `got ${String(value)}; allowed: a number ${allowed}.`);
    }
  }

  throwIfAny(what: string): void {
    if (this.messages.length > 0) throw new ValidationError(this.messages, what);
  }
}

/** Weight of row i: 1 without a weights array. Rows with weight 0 or NaN are skipped by callers. */
export function weightAt(weights: Float64Array | undefined, i: number): number {
  return weights === undefined ? 1 : weights[i];
}

/** Checks that class codes lie in [-1, nClasses) (-1 = NA) and reports the first bad row. */
export function checkCodes(checks: InputChecks, field: string, codes: Int32Array, nClasses: number): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < -1 || c >= nClasses) {
      checks.error(
        field,
        `row ${i}: class code ${c} is outside the domain; allowed: -1 (NA) or 0..${nClasses - 1}.`,
      );
      return;
    }
  }
}

/** Negative weights make no sense for metrics; H2O rejects them when the frame is set up. */
export function checkWeights(checks: InputChecks, weights: Float64Array | undefined): void {
  if (weights === undefined) return;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0) {
      checks.error(
        'weights',
        `row ${i}: weight ${weights[i]} is negative; allowed: >= 0 (NaN or 0 skips the row).`,
      );
      return;
    }
  }
}
