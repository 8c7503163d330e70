// Defaults against semantics §1.1 (typed here from the doc, not copied from the table), the booklet's
// parameter list against PARAMETER_SPECS, and the table's internal consistency.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLIENT_ARGUMENTS } from './coerce.ts';
import { defaultParameters, PARAMETER_SPEC_BY_NAME, PARAMETER_SPECS } from './parameters.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// Semantics doc §1.1, row by row. Unset entries ("unset") are null.
const SECTION_1_1: Record<string, unknown> = {
  hidden: [200, 200],
  epochs: 10,
  activation: 'Rectifier',
  adaptive_rate: true,
  rho: 0.99,
  epsilon: 1e-8,
  rate: 0.005,
  rate_annealing: 1e-6,
  rate_decay: 1.0,
  momentum_start: 0,
  momentum_ramp: 1e6,
  momentum_stable: 0,
  nesterov_accelerated_gradient: true,
  input_dropout_ratio: 0,
  hidden_dropout_ratios: null,
  l1: 0,
  l2: 0,
  max_w2: 3.4028235e38,
  initial_weight_distribution: 'UniformAdaptive',
  initial_weight_scale: 1.0,
  initial_weights: null,
  initial_biases: null,
  loss: 'Automatic',
  distribution: 'AUTO',
  tweedie_power: 1.5,
  quantile_alpha: 0.5,
  huber_alpha: 0.9,
  score_interval: 5,
  score_training_samples: 10000,
  score_validation_samples: 0,
  score_duty_cycle: 0.1,
  score_each_iteration: false,
  classification_stop: 0,
  regression_stop: 1e-6,
  stopping_rounds: 5,
  stopping_metric: 'AUTO',
  stopping_tolerance: 0,
  max_runtime_secs: 0,
  score_validation_sampling: 'Uniform',
  overwrite_with_best_model: true,
  autoencoder: false,
  use_all_factor_levels: true,
  standardize: true,
  train_samples_per_iteration: -2,
  target_ratio_comm_to_comp: 0.05,
  shuffle_training_data: false,
  replicate_training_data: true,
  single_node_mode: false,
  force_load_balance: true,
  missing_values_handling: 'MeanImputation',
  sparse: false,
  max_categorical_features: 2147483647,
  categorical_encoding: 'AUTO',
  reproducible: false,
  seed: -1,
  fast_mode: true,
  variable_importances: true,
  diagnostics: true,
  export_weights_and_biases: false,
  mini_batch_size: 1,
  average_activation: 0,
  sparsity_beta: 0,
  elastic_averaging: false,
  elastic_averaging_moving_rate: 0.9,
  elastic_averaging_regularization: 1e-3,
  balance_classes: false,
  class_sampling_factors: null,
  max_after_balance_size: 5.0,
  max_confusion_matrix_size: 20,
  nfolds: 0,
  fold_assignment: 'AUTO',
  keep_cross_validation_predictions: false,
  keep_cross_validation_models: true,
  keep_cross_validation_fold_assignment: false,
  ignore_const_cols: true,
  weights_column: null,
  offset_column: null,
  fold_column: null,
  pretrained_autoencoder: null,
  checkpoint: null,
};

const BOOKLET = join(SHARED, 'docs/booklet-deep-learning-with-h2o.txt');

describe('defaultParameters', () => {
  it('matches every default of semantics §1.1, including the DL overrides of stopping_rounds and stopping_tolerance', () => {
    const d = defaultParameters() as unknown as Record<string, unknown>;
    for (const [name, expected] of Object.entries(SECTION_1_1)) assert.deepEqual(d[name], expected, name);
  });

  it('returns a fresh copy each time, so callers may mutate it', () => {
    const a = defaultParameters();
    a.hidden.push(7);
    assert.deepEqual(defaultParameters().hidden, [200, 200]);
    assert.deepEqual(PARAMETER_SPEC_BY_NAME.get('hidden')?.default, [200, 200]);
  });

  it('has one value per spec and nothing else', () => {
    assert.deepEqual(Object.keys(defaultParameters()).sort(), PARAMETER_SPECS.map((s) => s.name).sort());
  });
});

describe('PARAMETER_SPECS', () => {
  it('lists every parameter of the booklet (section 8) under its exact name', {
    skip: !existsSync(BOOKLET),
  }, () => {
    const text = readFileSync(BOOKLET, 'utf8');
    const section = text.slice(text.indexOf('\n8 Parameters'), text.indexOf('\n9 Common R Commands'));
    const names = [...section.matchAll(/^- `([a-z_0-9]+)`:/gm)].map((m) => m[1]);
    assert.ok(names.length > 60, `found only ${names.length} booklet parameters`);
    const missing = names.filter((n) => !PARAMETER_SPEC_BY_NAME.has(n) && !(n in CLIENT_ARGUMENTS));
    assert.deepEqual(missing, []);
  });

  it('includes the parameters the clients send beyond the booklet', () => {
    for (const n of [
      'model_id',
      'training_frame',
      'validation_frame',
      'response_column',
      'ignored_columns',
      'weights_column',
      'offset_column',
      'fold_column',
      'nfolds',
      'fold_assignment',
      'keep_cross_validation_models',
      'keep_cross_validation_predictions',
      'keep_cross_validation_fold_assignment',
      'checkpoint',
      'pretrained_autoencoder',
      'categorical_encoding',
      'mini_batch_size',
      'max_runtime_secs',
      'stopping_rounds',
      'stopping_metric',
      'stopping_tolerance',
      'export_weights_and_biases',
      'elastic_averaging',
      'elastic_averaging_moving_rate',
      'elastic_averaging_regularization',
      'score_each_iteration',
      'max_hit_ratio_k',
      'max_confusion_matrix_size',
      'auc_type',
      'initial_weights',
      'initial_biases',
    ])
      assert.ok(PARAMETER_SPEC_BY_NAME.has(n), n);
  });

  it('gives every enum its allowed values with the default among them', () => {
    for (const s of PARAMETER_SPECS) {
      if (s.type !== 'enum') continue;
      assert.ok(s.values && s.values.length > 1, s.name);
      assert.ok(s.values.includes(s.default as string), `${s.name} default ${s.default}`);
    }
  });

  it('has help text, a level and a default of the declared type for every parameter', () => {
    const kinds: Record<string, (v: unknown) => boolean> = {
      int: (v) => Number.isInteger(v),
      double: (v) => typeof v === 'number',
      boolean: (v) => typeof v === 'boolean',
      enum: (v) => typeof v === 'string',
      'int[]': (v) => Array.isArray(v) && v.every(Number.isInteger),
    };
    for (const s of PARAMETER_SPECS) {
      assert.ok(s.help.length > 10 && !s.help.includes('\n'), `${s.name} help`);
      assert.ok(['critical', 'secondary', 'expert'].includes(s.level), s.name);
      if (s.default !== null && kinds[s.type]) assert.ok(kinds[s.type](s.default), `${s.name} default`);
      assert.equal(s.nullable, s.default === null, s.name);
    }
  });

  it('marks the usual grid knobs gridable and the model identity not', () => {
    for (const n of ['hidden', 'activation', 'epochs', 'l1', 'l2', 'input_dropout_ratio', 'rho', 'epsilon'])
      assert.equal(PARAMETER_SPEC_BY_NAME.get(n)?.gridable, true, n);
    for (const n of ['model_id', 'training_frame', 'response_column', 'checkpoint', 'nfolds'])
      assert.equal(PARAMETER_SPEC_BY_NAME.get(n)?.gridable, false, n);
  });
});
