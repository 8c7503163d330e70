import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/index.ts';
import { stopEarly } from './stop-early.ts';

const less = { moreIsBetter: false, boundedBelowByZero: true };
const more = { moreIsBetter: true, boundedBelowByZero: true };

describe('stopEarly', () => {
  // Semantics doc §6.4 worked example (logloss, k = 2): entry 0 is the empty first row.
  const history = [Number.NaN, 0.6, 0.5, 0.45, 0.44, 0.445, 0.443];

  it('continues on the worked example with tolerance 0', () => {
    // last 4: .45 .44 .445 .443 → MA = [.445, .4425, .444]; best/ref = .4425/.445 = 0.99438 < 1
    assert.equal(stopEarly(history, { stopping_rounds: 2, stopping_tolerance: 0, ...less }), false);
  });

  it('stops on the worked example with tolerance 0.01', () => {
    // 0.99438 ≥ 1 − 0.01
    assert.equal(stopEarly(history, { stopping_rounds: 2, stopping_tolerance: 0.01, ...less }), true);
  });

  it('needs 2k events after entry 0 and is off for k = 0', () => {
    assert.equal(
      stopEarly(history.slice(0, 4), { stopping_rounds: 2, stopping_tolerance: 1, ...less }),
      false,
    );
    assert.equal(stopEarly(history, { stopping_rounds: 0, stopping_tolerance: 1, ...less }), false);
  });

  it('uses the maximum for more-is-better metrics', () => {
    // k = 1: MA = [.81, .805]; best = .805; .805/.81 = 0.9938 ≤ 1 → stop
    assert.equal(
      stopEarly([Number.NaN, 0.7, 0.81, 0.805], { stopping_rounds: 1, stopping_tolerance: 0, ...more }),
      true,
    );
    // MA = [.7, .8]; 1.1429 > 1 → go on; with τ = 0.2, ≤ 1.2 → stop
    assert.equal(
      stopEarly([Number.NaN, 0.7, 0.8], { stopping_rounds: 1, stopping_tolerance: 0, ...more }),
      false,
    );
    assert.equal(
      stopEarly([Number.NaN, 0.7, 0.8], { stopping_rounds: 1, stopping_tolerance: 0.2, ...more }),
      true,
    );
  });

  it('stops at once when a metric bounded by zero has a zero reference average', () => {
    assert.equal(
      stopEarly([Number.NaN, 0, 0.1], { stopping_rounds: 1, stopping_tolerance: 0, ...less }),
      true,
    );
    const unbounded = { moreIsBetter: false, boundedBelowByZero: false };
    // ref 0, best 0.1: sign differs → never stop
    assert.equal(
      stopEarly([Number.NaN, 0, 0.1], { stopping_rounds: 1, stopping_tolerance: 0, ...unbounded }),
      false,
    );
  });

  it('never stops on NaN averages or sign changes', () => {
    assert.equal(
      stopEarly([0, Number.NaN, 0.5, 0.5], { stopping_rounds: 1, stopping_tolerance: 1, ...less }),
      true,
    );
    assert.equal(
      stopEarly([0, 0.5, Number.NaN], { stopping_rounds: 1, stopping_tolerance: 1, ...less }),
      false,
    );
    const dev = { moreIsBetter: false, boundedBelowByZero: false };
    assert.equal(stopEarly([0, -1, 1], { stopping_rounds: 1, stopping_tolerance: 5, ...dev }), false);
  });

  it('rejects bad options by name', () => {
    assert.throws(
      () => stopEarly(history, { stopping_rounds: -1, stopping_tolerance: 0, ...less }),
      (e: unknown) => e instanceof ValidationError && /stopping_rounds: got -1/.test(e.message),
    );
    assert.throws(
      () => stopEarly(history, { stopping_rounds: 1, stopping_tolerance: -0.1, ...less }),
      /stopping_tolerance/,
    );
  });
});
