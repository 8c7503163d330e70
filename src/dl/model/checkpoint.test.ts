// Checkpoint restarts (semantics §9.6): what may change, what may not, and the must-match facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKPOINT_CHANGEABLE, CHECKPOINT_FIXED, checkpointConflicts } from './checkpoint.ts';
import { type DeepLearningParameters, defaultParameters } from './parameters.ts';

const base = (over: Partial<DeepLearningParameters> = {}): DeepLearningParameters => ({
  ...defaultParameters(),
  response_column: 'y',
  ...over,
});

describe('checkpointConflicts', () => {
  it('accepts a restart that changes only changeable parameters (epochs, seed, l1, dropout, stopping)', () => {
    const msgs = checkpointConflicts(
      base(),
      base({
        epochs: 20,
        seed: 7,
        l1: 1e-4,
        input_dropout_ratio: 0.2,
        stopping_rounds: 0,
        reproducible: true,
      }),
      { epochsTrained: 10 },
    );
    assert.deepEqual(msgs, []);
  });

  it("refuses each fixed parameter with H2O's 'Cannot change parameter' message showing old and new", () => {
    const msgs = checkpointConflicts(base(), base({ activation: 'Tanh', rho: 0.95 }));
    assert.deepEqual(
      msgs.map((m) => [m.field, m.message]),
      [
        [
          'activation',
          `Cannot change parameter: 'activation': Rectifier -> Tanh; it must stay as in the checkpoint.`,
        ],
        ['rho', `Cannot change parameter: 'rho': 0.99 -> 0.95; it must stay as in the checkpoint.`],
      ],
    );
  });

  it('treats every §9.6 fixed parameter as fixed', () => {
    const changed: Record<string, unknown> = {
      response_column: 'z',
      activation: 'Tanh',
      use_all_factor_levels: false,
      standardize: false,
      adaptive_rate: false,
      autoencoder: true,
      rho: 0.5,
      epsilon: 1e-6,
      sparse: true,
      sparsity_beta: 0.1,
      col_major: true,
      rate: 0.1,
      rate_annealing: 0,
      rate_decay: 0.5,
      momentum_start: 0.1,
      momentum_ramp: 10,
      momentum_stable: 0.2,
      nesterov_accelerated_gradient: false,
      ignore_const_cols: false,
      max_categorical_features: 10,
      nfolds: 3,
      distribution: 'laplace',
      quantile_alpha: 0.1,
      huber_alpha: 0.5,
      tweedie_power: 1.2,
    };
    assert.deepEqual(Object.keys(changed).sort(), [...CHECKPOINT_FIXED].sort());
    for (const [f, v] of Object.entries(changed)) {
      const msgs = checkpointConflicts(base(), base({ [f]: v }));
      assert.ok(
        msgs.some((m) => m.field === f && m.message.startsWith(`Cannot change parameter: '${f}'`)),
        f,
      );
    }
  });

  it('lets every §9.6 changeable parameter change', () => {
    const d = defaultParameters() as unknown as Record<string, unknown>;
    for (const f of CHECKPOINT_CHANGEABLE) {
      const v = d[f];
      const other =
        typeof v === 'boolean'
          ? !v
          : typeof v === 'number'
            ? v + 1
            : v === null
              ? f === 'pretrained_autoencoder'
                ? 'ae'
                : [0.1, 0.1]
              : v;
      const msgs = checkpointConflicts(base(), base({ [f]: other }), { epochsTrained: 0 });
      assert.deepEqual(msgs, [], f);
    }
  });

  it('requires the same hidden layers and ignored columns', () => {
    const msgs = checkpointConflicts(base(), base({ hidden: [200, 100], ignored_columns: ['a'] }));
    assert.deepEqual(
      msgs.map((m) => m.field),
      ['hidden', 'ignored_columns'],
    );
    assert.match(msgs[0].message, /\[200,200\] -> \[200,100\]/);
  });

  it('requires epochs above those already trained, since epochs is the total', () => {
    const msgs = checkpointConflicts(base(), base({ epochs: 10 }), { epochsTrained: 10.2 });
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0].field, 'epochs');
    assert.match(msgs[0].message, /larger than the number of epochs already trained .*\(10\.2\); got 10/);
  });

  it('refuses initial weights or biases with a checkpoint', () => {
    const msgs = checkpointConflicts(base(), base({ initial_biases: [null, null, null] }));
    assert.deepEqual(
      msgs.map((m) => m.field),
      ['initial_biases'],
    );
  });

  it('compares the kind of model, the validation frame and the input layout when given', () => {
    const old = {
      isClassifier: true,
      isAutoencoder: false,
      hasValidation: true,
      nColsExpanded: 10,
      columnNames: ['a', 'b'],
    };
    const msgs = checkpointConflicts(base(), base(), {
      old,
      new: {
        isClassifier: false,
        isAutoencoder: false,
        hasValidation: false,
        nColsExpanded: 12,
        columnNames: ['a', 'c'],
      },
    });
    assert.deepEqual(
      msgs.map((m) => m.field),
      ['response_column', 'validation_frame', 'training_frame', 'training_frame'],
    );
    assert.match(msgs[0].message, /classifier.*regressor/);
    assert.deepEqual(checkpointConflicts(base(), base(), { old, new: { ...old } }), []);
  });
});
