// The §1.2 rewrites of the effective parameters, one test per rule, and that the user's copy is untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DeepLearningParameters, defaultParameters } from './parameters.ts';
import { effectiveParameters, type SanitizeContext, sanitizeParameters } from './sanitize.ts';

const REG: SanitizeContext = { isClassifier: false, nClasses: 1, isAutoencoder: false };
const BIN: SanitizeContext = { isClassifier: true, nClasses: 2, isAutoencoder: false };
const MULTI: SanitizeContext = { isClassifier: true, nClasses: 4, isAutoencoder: false };
const AE: SanitizeContext = { isClassifier: false, nClasses: 1, isAutoencoder: true };

function eff(over: Partial<DeepLearningParameters>, ctx: SanitizeContext): DeepLearningParameters {
  return effectiveParameters({ ...defaultParameters(), ...over }, ctx);
}

describe('effectiveParameters (§1.2)', () => {
  it('rule 1: fills 0.5 per hidden layer for a *WithDropout activation only, and keeps given ratios', () => {
    assert.deepEqual(
      eff({ activation: 'RectifierWithDropout', hidden: [5, 6, 7] }, REG).hidden_dropout_ratios,
      [0.5, 0.5, 0.5],
    );
    assert.equal(eff({ activation: 'Tanh' }, REG).hidden_dropout_ratios, null);
    assert.deepEqual(
      eff({ activation: 'TanhWithDropout', hidden_dropout_ratios: [0.1, 0.2] }, REG).hidden_dropout_ratios,
      [0.1, 0.2],
    );
  });

  it('rule 2: one node turns replicate_training_data and single_node_mode off', () => {
    const e = eff({ single_node_mode: true }, REG);
    assert.equal(e.replicate_training_data, false);
    assert.equal(e.single_node_mode, false);
    // With several nodes and replication both stay as given.
    const multi = eff({ single_node_mode: true }, { ...REG, nNodes: 3 });
    assert.equal(multi.replicate_training_data, true);
    assert.equal(multi.single_node_mode, true);
  });

  it('rule 3: an autoencoder uses all factor levels', () => {
    assert.equal(eff({ use_all_factor_levels: false }, AE).use_all_factor_levels, true);
    assert.equal(eff({ use_all_factor_levels: false }, REG).use_all_factor_levels, false);
  });

  it('rule 4: cross-validation turns overwrite_with_best_model off for the main model', () => {
    assert.equal(eff({ nfolds: 5 }, REG).overwrite_with_best_model, false);
    assert.equal(eff({}, REG).overwrite_with_best_model, true);
  });

  it('rule 5: categorical_encoding AUTO is OneHotInternal; others are kept', () => {
    assert.equal(eff({}, REG).categorical_encoding, 'OneHotInternal');
    assert.equal(eff({ categorical_encoding: 'Binary' }, REG).categorical_encoding, 'Binary');
  });

  it('keeps mini_batch_size > 1 (an h2o-ts extension; H2O rule 6 would reset it to 1)', () => {
    assert.equal(eff({ mini_batch_size: 32 }, REG).mini_batch_size, 32);
  });

  it('rule 7: adaptive_rate zeroes rate, decay, annealing and momentum; manual rate zeroes rho and epsilon', () => {
    const a = eff({ rate: 0.1, momentum_start: 0.5, momentum_stable: 0.9 }, REG);
    for (const f of [
      'rate',
      'rate_decay',
      'rate_annealing',
      'momentum_start',
      'momentum_ramp',
      'momentum_stable',
    ] as const)
      assert.equal(a[f], 0, f);
    assert.equal(a.rho, 0.99);
    assert.equal(a.epsilon, 1e-8);
    const m = eff({ adaptive_rate: false, rate: 0.1, momentum_start: 0.5 }, REG);
    assert.equal(m.rho, 0);
    assert.equal(m.epsilon, 0);
    assert.equal(m.rate, 0.1);
    assert.equal(m.momentum_start, 0.5);
    assert.equal(m.rate_annealing, 1e-6);
  });

  it('rule 8 [code≠docs]: max_w2 stays unbounded for Rectifier, as the booklet documents', () => {
    assert.equal(eff({ max_w2: Infinity }, REG).max_w2, Infinity);
    assert.equal(eff({}, REG).max_w2, 3.4028235e38);
  });

  it('rules 9 and 13: stopping_metric AUTO is MSE (autoencoder), logloss (classification), deviance (regression)', () => {
    assert.equal(eff({}, AE).stopping_metric, 'MSE');
    assert.equal(eff({}, BIN).stopping_metric, 'logloss');
    assert.equal(eff({}, MULTI).stopping_metric, 'logloss');
    assert.equal(eff({}, REG).stopping_metric, 'deviance');
    assert.equal(eff({ stopping_metric: 'AUC' }, BIN).stopping_metric, 'AUC');
  });

  it('rule 10: distribution AUTO from the class count, or for regression from the loss', () => {
    assert.equal(eff({}, BIN).distribution, 'bernoulli');
    assert.equal(eff({}, MULTI).distribution, 'multinomial');
    assert.equal(eff({}, REG).distribution, 'gaussian');
    assert.equal(eff({ loss: 'Quadratic' }, REG).distribution, 'gaussian');
    assert.equal(eff({ loss: 'Absolute' }, REG).distribution, 'laplace');
    assert.equal(eff({ loss: 'Quantile' }, REG).distribution, 'quantile');
    assert.equal(eff({ loss: 'Huber' }, REG).distribution, 'huber');
    assert.equal(eff({}, AE).distribution, 'gaussian');
  });

  it('rule 11: loss Automatic from the distribution; poisson, gamma and tweedie keep Automatic', () => {
    assert.equal(eff({}, BIN).loss, 'CrossEntropy');
    assert.equal(eff({}, MULTI).loss, 'CrossEntropy');
    assert.equal(eff({}, REG).loss, 'Quadratic');
    assert.equal(eff({ distribution: 'laplace' }, REG).loss, 'Absolute');
    assert.equal(eff({ distribution: 'quantile' }, REG).loss, 'Quantile');
    assert.equal(eff({ distribution: 'huber' }, REG).loss, 'Huber');
    for (const d of ['poisson', 'gamma', 'tweedie'] as const)
      assert.equal(eff({ distribution: d }, REG).loss, 'Automatic', d);
    // An explicit loss is kept as given.
    assert.equal(eff({ loss: 'Quadratic' }, BIN).loss, 'Quadratic');
  });

  it('rule 12: reproducible forces load balance and per-iteration scoring, no replication, and tspi -2 -> -1', () => {
    const e = eff({ reproducible: true, force_load_balance: false }, REG);
    assert.equal(e.force_load_balance, true);
    assert.equal(e.score_each_iteration, true);
    assert.equal(e.replicate_training_data, false);
    assert.equal(e.train_samples_per_iteration, -1);
    assert.equal(
      eff({ reproducible: true, train_samples_per_iteration: 500 }, REG).train_samples_per_iteration,
      500,
    );
  });

  it('leaves train_samples_per_iteration=-2 to the trainer when not reproducible', () => {
    assert.equal(eff({}, REG).train_samples_per_iteration, -2);
  });

  it("never modifies the user's parameters, and lists each change with its rule", () => {
    const user = { ...defaultParameters(), activation: 'RectifierWithDropout' as const };
    const before = structuredClone(user);
    const { effective, rewrites } = sanitizeParameters(user, BIN);
    assert.deepEqual(user, before);
    assert.notEqual(effective.hidden, user.hidden);
    const byField = new Map(rewrites.map((r) => [r.field, r]));
    assert.match(byField.get('hidden_dropout_ratios')?.reason ?? '', /^§1\.2\.1/);
    assert.match(byField.get('distribution')?.reason ?? '', /^§1\.2\.10/);
    // Values already equal to their rewrite are not listed.
    assert.equal(byField.has('use_all_factor_levels'), false);
  });
});
