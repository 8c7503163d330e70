// One test per rule of semantics §1.3: the offending field is named and the message says what is
// allowed; warnings stay warnings; H2O's defaults raise nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldMessage } from '../../core/index.ts';
import { type DeepLearningParameters, defaultParameters } from './parameters.ts';
import { type ValidationContext, validateParameters } from './validate.ts';

const REG: ValidationContext = { isClassifier: false, nClasses: 1, isAutoencoder: false };
const BIN: ValidationContext = { isClassifier: true, nClasses: 2, isAutoencoder: false };
const MULTI: ValidationContext = { isClassifier: true, nClasses: 3, isAutoencoder: false };
const AE: ValidationContext = { isClassifier: false, nClasses: 1, isAutoencoder: true };

function check(over: Partial<DeepLearningParameters>, ctx: ValidationContext): FieldMessage[] {
  const p = { ...defaultParameters(), ...over };
  if (ctx.isAutoencoder) p.autoencoder = true;
  return validateParameters(p, ctx);
}

// [rule, overrides, context, field, level, text fragments that must appear]
type Case = [string, Partial<DeepLearningParameters>, ValidationContext, string, 'ERROR' | 'WARN', string[]];

const CASES: Case[] = [
  [
    'loss=ModifiedHuber is not supported',
    { loss: 'ModifiedHuber' },
    BIN,
    'loss',
    'ERROR',
    ['not supported', 'Allowed: Automatic'],
  ],
  [
    'a hidden size <= 0',
    { hidden: [10, 0] },
    REG,
    'hidden',
    'ERROR',
    ['must be positive', '>= 1', '[10, 0]'],
  ],
  ['mini_batch_size < 1', { mini_batch_size: 0 }, REG, 'mini_batch_size', 'ERROR', ['>= 1', 'got 0']],
  [
    'mini_batch_size > 1 only warns',
    { mini_batch_size: 8 },
    REG,
    'mini_batch_size',
    'WARN',
    ['8 trains on mini-batches', 'H2O resets it to 1'],
  ],
  [
    'autoencoder with nfolds > 1',
    { nfolds: 3 },
    AE,
    'nfolds',
    'ERROR',
    ['not supported for Autoencoder', 'nfolds=0'],
  ],
  [
    'autoencoder with a custom metric',
    { custom_metric_func: 'python:m' },
    AE,
    'custom_metric_func',
    'ERROR',
    ['not supported for an autoencoder'],
  ],
  [
    'categorical_encoding=Enum',
    { categorical_encoding: 'Enum' },
    REG,
    'categorical_encoding',
    'ERROR',
    ['numbers', 'Allowed: AUTO, OneHotInternal'],
  ],
  [
    'categorical_encoding=OneHotExplicit',
    { categorical_encoding: 'OneHotExplicit' },
    REG,
    'categorical_encoding',
    'ERROR',
    ['use OneHotInternal', 'Allowed:'],
  ],
  [
    'hidden_dropout_ratios of the wrong length',
    { activation: 'TanhWithDropout', hidden_dropout_ratios: [0.1, 0.2, 0.3] },
    REG,
    'hidden_dropout_ratios',
    'ERROR',
    ['Must have 2 hidden layer dropout ratios', 'got 3'],
  ],
  [
    'hidden_dropout_ratios with a non-dropout activation',
    { hidden_dropout_ratios: [0.1, 0.1] },
    REG,
    'hidden_dropout_ratios',
    'ERROR',
    ['non-dropout activation', 'RectifierWithDropout'],
  ],
  [
    'a hidden dropout ratio >= 1',
    { activation: 'MaxoutWithDropout', hidden_dropout_ratios: [0.5, 1] },
    REG,
    'hidden_dropout_ratios',
    'ERROR',
    ['>= 0 and < 1', '[0.5, 1]'],
  ],
  [
    'a negative hidden dropout ratio',
    { activation: 'RectifierWithDropout', hidden_dropout_ratios: [-0.1, 0] },
    REG,
    'hidden_dropout_ratios',
    'ERROR',
    ['>= 0 and < 1'],
  ],
  [
    'input_dropout_ratio = 1',
    { input_dropout_ratio: 1 },
    REG,
    'input_dropout_ratio',
    'ERROR',
    ['>= 0 and < 1', 'got 1'],
  ],
  [
    'score_duty_cycle > 1',
    { score_duty_cycle: 1.5 },
    REG,
    'score_duty_cycle',
    'ERROR',
    ['between 0 and 1', '1.5'],
  ],
  ['l1 < 0', { l1: -1e-5 }, REG, 'l1', 'ERROR', ['>= 0', '-0.00001']],
  ['l2 < 0', { l2: -1 }, REG, 'l2', 'ERROR', ['>= 0', '-1']],
  [
    'initial_weights with a checkpoint',
    { checkpoint: 'm1', initial_weights: ['w0', 'w1', 'w2'] },
    REG,
    'initial_weights',
    'ERROR',
    ['checkpoint'],
  ],
  [
    'initial_biases of the wrong length',
    { initial_biases: ['b0'] },
    REG,
    'initial_biases',
    'ERROR',
    ['len(hidden)+1 = 3', 'some may be null', 'got 1'],
  ],
  [
    'autoencoder with CrossEntropy',
    { loss: 'CrossEntropy' },
    AE,
    'loss',
    'ERROR',
    ['autoencoder', 'Allowed: Automatic, Quadratic'],
  ],
  [
    'regression with CrossEntropy',
    { loss: 'CrossEntropy' },
    REG,
    'loss',
    'ERROR',
    ['categorical response', 'Quadratic'],
  ],
  [
    'classification with Huber loss',
    { loss: 'Huber' },
    BIN,
    'loss',
    'ERROR',
    ['For classification tasks', 'Automatic, CrossEntropy, Quadratic'],
  ],
  [
    'classification with a regression distribution',
    { distribution: 'gaussian' },
    MULTI,
    'distribution',
    'ERROR',
    ['not allowed for classification', 'Allowed: AUTO, bernoulli, multinomial'],
  ],
  [
    'bernoulli with 3 classes',
    { distribution: 'bernoulli' },
    MULTI,
    'distribution',
    'ERROR',
    ['2-class', 'multinomial'],
  ],
  [
    'regression with multinomial',
    { distribution: 'multinomial' },
    REG,
    'distribution',
    'ERROR',
    ['not allowed for regression', 'gaussian'],
  ],
  [
    'poisson with a non-Automatic loss',
    { distribution: 'poisson', loss: 'Quadratic' },
    REG,
    'loss',
    'ERROR',
    ['Only Automatic loss (deviance)', 'poisson'],
  ],
  [
    'laplace with Huber loss',
    { distribution: 'laplace', loss: 'Huber' },
    REG,
    'loss',
    'ERROR',
    ['Only Automatic or Absolute loss', 'laplace'],
  ],
  [
    'quantile with Absolute loss',
    { distribution: 'quantile', loss: 'Absolute' },
    REG,
    'loss',
    'ERROR',
    ['Only Automatic or Quantile loss'],
  ],
  [
    'huber with Quadratic loss',
    { distribution: 'huber', loss: 'Quadratic' },
    REG,
    'loss',
    'ERROR',
    ['Only Automatic or Huber loss'],
  ],
  [
    'quasibinomial is not supported',
    { distribution: 'quasibinomial' },
    BIN,
    'distribution',
    'ERROR',
    ['not supported for DeepLearning', 'Allowed: AUTO, bernoulli'],
  ],
  [
    'a distribution outside the DL list (ordinal)',
    { distribution: 'ordinal' },
    MULTI,
    'distribution',
    'ERROR',
    ['not supported for DeepLearning'],
  ],
  [
    'gamma with a negative response',
    { distribution: 'gamma' },
    { ...REG, responseMin: -2 },
    'distribution',
    'ERROR',
    ['non-negative response', '-2'],
  ],
  [
    'tweedie_power outside (1,2)',
    { distribution: 'tweedie', tweedie_power: 2 },
    REG,
    'tweedie_power',
    'ERROR',
    ['> 1 and < 2', 'got 2'],
  ],
  [
    'quantile_alpha outside [0,1]',
    { distribution: 'quantile', quantile_alpha: 1.2 },
    REG,
    'quantile_alpha',
    'ERROR',
    ['between 0 and 1'],
  ],
  [
    'huber_alpha outside [0,1]',
    { distribution: 'huber', huber_alpha: -0.1 },
    REG,
    'huber_alpha',
    'ERROR',
    ['between 0 and 1'],
  ],
  [
    'score_training_samples < 0',
    { score_training_samples: -1 },
    REG,
    'score_training_samples',
    'ERROR',
    ['>= 0', '0 = all rows'],
  ],
  [
    'score_validation_samples < 0',
    { score_validation_samples: -5 },
    REG,
    'score_validation_samples',
    'ERROR',
    ['>= 0'],
  ],
  [
    'sparse Tanh autoencoder with average_activation outside (-1,1)',
    { activation: 'Tanh', sparsity_beta: 0.1, average_activation: 1 },
    AE,
    'average_activation',
    'ERROR',
    ['> -1 and < 1'],
  ],
  [
    'sparse Rectifier autoencoder with average_activation <= 0',
    { sparsity_beta: 0.1, average_activation: 0 },
    AE,
    'average_activation',
    'ERROR',
    ['> 0', 'Rectifier'],
  ],
  [
    'sparsity_beta on a supervised model',
    { sparsity_beta: 0.1 },
    REG,
    'sparsity_beta',
    'ERROR',
    ['only supported for an autoencoder'],
  ],
  [
    'an offset column for classification',
    { offset_column: 'off' },
    BIN,
    'offset_column',
    'ERROR',
    ['only supported for regression'],
  ],
  [
    'autoencoder with Maxout',
    { activation: 'Maxout' },
    AE,
    'activation',
    'ERROR',
    ['not supported for an autoencoder', 'Allowed: Tanh'],
  ],
  [
    'max_categorical_features < 1',
    { max_categorical_features: 0 },
    REG,
    'max_categorical_features',
    'ERROR',
    ['>= 1'],
  ],
  ['col_major=true (deprecated)', { col_major: true }, REG, 'col_major', 'ERROR', ['deprecated', 'false']],
  [
    'sparse with elastic averaging',
    { sparse: true, elastic_averaging: true },
    REG,
    'elastic_averaging',
    'ERROR',
    ['sparse'],
  ],
  ['max_w2 <= 0', { max_w2: 0 }, REG, 'max_w2', 'ERROR', ['> 0']],
  [
    'balance_classes for regression',
    { balance_classes: true },
    REG,
    'balance_classes',
    'ERROR',
    ['only for classification'],
  ],
  [
    'class_sampling_factors without balance_classes',
    { class_sampling_factors: [1, 2] },
    BIN,
    'class_sampling_factors',
    'ERROR',
    ['requires balance_classes=true'],
  ],
  [
    'class_sampling_factors of the wrong length',
    { balance_classes: true, class_sampling_factors: [1, 2] },
    MULTI,
    'class_sampling_factors',
    'ERROR',
    ['3 values', 'one per class', 'got 2'],
  ],
  [
    'elastic_averaging_moving_rate outside [0,1]',
    { elastic_averaging_moving_rate: 2 },
    REG,
    'elastic_averaging_moving_rate',
    'ERROR',
    ['between 0 and 1'],
  ],
  [
    'elastic_averaging_regularization < 0',
    { elastic_averaging_regularization: -1 },
    REG,
    'elastic_averaging_regularization',
    'ERROR',
    ['>= 0'],
  ],
  [
    'autoencoder with stopping_metric logloss',
    { stopping_metric: 'logloss' },
    AE,
    'stopping_metric',
    'ERROR',
    ['AUTO or MSE'],
  ],
  [
    'a model with more than 1e8 weights',
    { hidden: [10000, 10000] },
    { ...REG, nColsExpanded: 784 },
    'hidden',
    'ERROR',
    ['too large', 'reducing the number of neurons'],
  ],
  [
    'Skip leaving no rows',
    { missing_values_handling: 'Skip' },
    { ...REG, nTrainRows: 0 },
    'missing_values_handling',
    'ERROR',
    ['No rows left', 'MeanImputation'],
  ],
  ['rho = 0 with adaptive_rate', { rho: 0 }, REG, 'rho', 'ERROR', ['> 0', 'adaptive_rate']],
  ['epsilon = 0 with adaptive_rate', { epsilon: 0 }, REG, 'epsilon', 'ERROR', ['> 0']],
  [
    'rate given with adaptive_rate only warns',
    { rate: 0.01 },
    REG,
    'rate',
    'WARN',
    ['cannot be specified if adaptive_rate is enabled', 'adaptive_rate=false'],
  ],
  [
    'momentum_stable given with adaptive_rate only warns',
    { momentum_stable: 0.9 },
    REG,
    'momentum_stable',
    'WARN',
    ['adaptive_rate'],
  ],
  ['diagnostics=false only warns', { diagnostics: false }, REG, 'diagnostics', 'WARN', ['deprecated']],
  [
    'offset and weights together only warn',
    { offset_column: 'o', weights_column: 'w' },
    REG,
    'offset_column',
    'WARN',
    ['weights'],
  ],
  // H2O's generic model-builder ranges.
  ['nfolds = 1', { nfolds: 1 }, REG, 'nfolds', 'ERROR', ['0 (no cross-validation) or >= 2']],
  ['nfolds with a fold_column', { nfolds: 3, fold_column: 'f' }, REG, 'fold_column', 'ERROR', ['give one']],
  [
    'nfolds with a checkpoint',
    { nfolds: 3, checkpoint: 'm' },
    REG,
    'checkpoint',
    'ERROR',
    ['nfolds must be 0'],
  ],
  ['epochs <= 0', { epochs: 0 }, REG, 'epochs', 'ERROR', ['> 0']],
  [
    'train_samples_per_iteration < -2',
    { train_samples_per_iteration: -3 },
    REG,
    'train_samples_per_iteration',
    'ERROR',
    ['-2 (auto), -1 (all data), 0 (one epoch)'],
  ],
  ['stopping_rounds < 0', { stopping_rounds: -1 }, REG, 'stopping_rounds', 'ERROR', ['>= 0']],
  [
    'a classification-only stopping metric for regression',
    { stopping_metric: 'AUC' },
    REG,
    'stopping_metric',
    'ERROR',
    ['only defined for classification', 'deviance'],
  ],
  [
    'an enum value typed by hand in the SDK',
    { activation: 'Relu' as never },
    REG,
    'activation',
    'ERROR',
    ["unknown value 'Relu'", 'Allowed: Tanh'],
  ],
];

describe('validateParameters', () => {
  for (const ctx of [REG, BIN, MULTI, AE])
    it(`raises nothing for H2O's defaults (${ctx.isAutoencoder ? 'autoencoder' : ctx.isClassifier ? `${ctx.nClasses} classes` : 'regression'})`, () => {
      assert.deepEqual(check({}, ctx), []);
    });

  for (const [rule, over, ctx, field, level, fragments] of CASES)
    it(`${level === 'ERROR' ? 'rejects' : 'warns about'} ${rule}, naming ${field}`, () => {
      const msgs = check(over, ctx);
      const m = msgs.find((x) => x.field === field && x.level === level);
      assert.ok(m, `no ${level} for ${field}; got ${JSON.stringify(msgs)}`);
      for (const f of fragments) assert.ok(m.message.includes(f), `'${m.message}' lacks '${f}'`);
      if (level === 'WARN')
        assert.equal(msgs.filter((x) => x.level === 'ERROR').length, 0, JSON.stringify(msgs));
    });

  it('accepts what the rules allow: dropout ratios that fit, Huber with huber, a sparse Tanh autoencoder', () => {
    assert.deepEqual(check({ activation: 'TanhWithDropout', hidden_dropout_ratios: [0, 0.9] }, REG), []);
    assert.deepEqual(check({ distribution: 'huber', loss: 'Huber' }, REG), []);
    assert.deepEqual(check({ distribution: 'gaussian', loss: 'Absolute' }, REG), []);
    assert.deepEqual(check({ activation: 'Tanh', sparsity_beta: 0.1, average_activation: -0.5 }, AE), []);
    assert.deepEqual(check({ activation: 'MaxoutWithDropout' }, AE), []);
    assert.deepEqual(check({ hidden: [] }, BIN), []);
  });

  it('counts weights and biases for the size check: 784-10000-10000-1 is over 1e8, 784-200-200-10 is not', () => {
    // 784*10000 + 10000 + 10000*10000 + 10000 + 10000*1 + 1 = 107,860,001 > 1e8
    assert.ok(
      check({ hidden: [10000, 10000] }, { ...REG, nColsExpanded: 784 }).some((m) => m.field === 'hidden'),
    );
    // 784*200 + 200 + 200*200 + 200 + 200*10 + 10 = 199,210
    assert.deepEqual(check({}, { ...MULTI, nClasses: 10, nColsExpanded: 784 }), []);
  });

  it('reports every problem of a request, not only the first', () => {
    const msgs = check({ l1: -1, l2: -1, input_dropout_ratio: 2, hidden: [0] }, REG);
    assert.deepEqual(msgs.map((m) => m.field).sort(), ['hidden', 'input_dropout_ratio', 'l1', 'l2']);
  });
});
