// Which parameters may change when training continues from a checkpoint (semantics §9.6). Compares
// the user-given values of the checkpointed model with the new request, as H2O does.
import type { FieldMessage } from '../../core/index.ts';
import type { DeepLearningParameters } from './parameters.ts';

/** Parameters that must equal the checkpoint's ("Cannot change parameter"), §9.6. */
export const CHECKPOINT_FIXED = [
  'response_column',
  'activation',
  'use_all_factor_levels',
  'standardize',
  'adaptive_rate',
  'autoencoder',
  'rho',
  'epsilon',
  'sparse',
  'sparsity_beta',
  'col_major',
  'rate',
  'rate_annealing',
  'rate_decay',
  'momentum_start',
  'momentum_ramp',
  'momentum_stable',
  'nesterov_accelerated_gradient',
  'ignore_const_cols',
  'max_categorical_features',
  'nfolds',
  'distribution',
  'quantile_alpha',
  'huber_alpha',
  'tweedie_power',
] as const satisfies readonly (keyof DeepLearningParameters)[];

/** Parameters §9.6 lists as changeable on restart (the new value is used). */
export const CHECKPOINT_CHANGEABLE = [
  'seed',
  'epochs',
  'score_interval',
  'train_samples_per_iteration',
  'target_ratio_comm_to_comp',
  'score_duty_cycle',
  'score_training_samples',
  'score_validation_samples',
  'score_validation_sampling',
  'classification_stop',
  'regression_stop',
  'stopping_rounds',
  'stopping_metric',
  'stopping_tolerance',
  'quiet_mode',
  'max_confusion_matrix_size',
  'diagnostics',
  'variable_importances',
  'initial_weight_distribution',
  'initial_weight_scale',
  'force_load_balance',
  'replicate_training_data',
  'shuffle_training_data',
  'single_node_mode',
  'fast_mode',
  'l1',
  'l2',
  'max_w2',
  'input_dropout_ratio',
  'hidden_dropout_ratios',
  'loss',
  'overwrite_with_best_model',
  'missing_values_handling',
  'average_activation',
  'reproducible',
  'export_weights_and_biases',
  'elastic_averaging',
  'elastic_averaging_moving_rate',
  'elastic_averaging_regularization',
  'mini_batch_size',
  'pretrained_autoencoder',
] as const satisfies readonly (keyof DeepLearningParameters)[];

/** Facts of the checkpointed model and of the new request that must agree (§9.6). */
export interface CheckpointFacts {
  isClassifier: boolean;
  isAutoencoder: boolean;
  hasValidation: boolean;
  /** Expanded input width (fullN). */
  nColsExpanded?: number;
  /** Predictor names after adaptation, in order. */
  columnNames?: readonly string[];
}

// H2O compares the values as strings (and prints them unquoted); JSON keeps arrays comparable.
const asText = (v: unknown): string =>
  v === undefined ? 'null' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * Errors for restarting `oldParams` (the checkpoint's user parameters) with `newParams`: a changed
 * fixed parameter ("Cannot change parameter: 'x': old -> new"), a different `hidden` or
 * `ignored_columns`, cross-validation, initial weights, epochs not above those already trained, and
 * (with `facts`) a different kind of model, validation frame presence or input layout.
 */
export function checkpointConflicts(
  oldParams: DeepLearningParameters,
  newParams: DeepLearningParameters,
  extra: { epochsTrained?: number; old?: CheckpointFacts; new?: CheckpointFacts } = {},
): FieldMessage[] {
  const out: FieldMessage[] = [];
  const err = (field: string, message: string) => out.push({ field, level: 'ERROR', message });
  for (const f of CHECKPOINT_FIXED) {
    const a = asText(oldParams[f]);
    const b = asText(newParams[f]);
    if (a !== b) err(f, `Cannot change parameter: '${f}': ${a} -> ${b}; it must stay as in the checkpoint.`);
  }
  // hidden and ignored_columns belong to the network's shape; §9.6 lists them with the must-match facts.
  for (const f of ['hidden', 'ignored_columns'] as const) {
    const a = asText(oldParams[f]);
    const b = asText(newParams[f]);
    if (a !== b) err(f, `Cannot change parameter: '${f}': ${a} -> ${b}; it must match the checkpoint.`);
  }
  if (newParams.nfolds !== 0)
    err('nfolds', `must be 0 when continuing from a checkpoint, got ${newParams.nfolds}.`);
  for (const f of ['initial_weights', 'initial_biases'] as const)
    if (newParams[f] !== null) err(f, `Cannot specify ${f} together with a checkpoint; leave it unset.`);
  if (extra.epochsTrained !== undefined && !(newParams.epochs > extra.epochsTrained))
    err(
      'epochs',
      `Total number of epochs must be larger than the number of epochs already trained for the checkpointed model (${extra.epochsTrained}); got ${newParams.epochs}.`,
    );
  const o = extra.old;
  const n = extra.new;
  if (o !== undefined && n !== undefined) {
    const kind = (f: CheckpointFacts) =>
      f.isAutoencoder ? 'autoencoder' : f.isClassifier ? 'classifier' : 'regressor';
    if (kind(o) !== kind(n))
      err('response_column', `The checkpoint is a ${kind(o)}; this request makes a ${kind(n)}.`);
    if (o.hasValidation !== n.hasValidation)
      err('validation_frame', `must be ${o.hasValidation ? 'given' : 'absent'} as for the checkpoint.`);
    if (o.nColsExpanded !== undefined && n.nColsExpanded !== undefined && o.nColsExpanded !== n.nColsExpanded)
      err(
        'training_frame',
        `expands to ${n.nColsExpanded} inputs; the checkpoint has ${o.nColsExpanded}. Use the same columns and categorical levels.`,
      );
    if (
      o.columnNames !== undefined &&
      n.columnNames !== undefined &&
      asText(o.columnNames) !== asText(n.columnNames)
    )
      err(
        'training_frame',
        `predictor columns differ from the checkpoint's: ${asText(o.columnNames)} -> ${asText(n.columnNames)}.`,
      );
  }
  return out;
}
