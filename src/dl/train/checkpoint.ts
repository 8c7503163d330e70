// Checkpoint restart rules (semantics §9.6): what must match the checkpoint, which parameters may not
// change, and that `epochs` is the cumulative total. All problems are reported together.
import { type FieldMessage, ValidationError } from '../../core/index.ts';
import type { DeepLearningModel } from '../deep-learning-model.ts';
import type { TrainingSetup } from './setup.ts';

/** Parameters a restart may not change (H2O's list; comparison on the stringified values). */
export const FROZEN_PARAMETERS = [
  'drop_na20_cols',
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
] as const;

function str(v: unknown): string {
  return v === undefined || v === null ? 'null' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/**
 * Throws one ValidationError listing every way the new run cannot continue `checkpoint`: a frozen
 * parameter changed ("Cannot change parameter: 'x': old -> new"), a different model kind, response,
 * hidden layers, input columns or domains, nfolds, initial weights, or too few epochs.
 */
export function checkCheckpoint(
  checkpoint: DeepLearningModel,
  setup: TrainingSetup,
  hasValidation: boolean,
): void {
  const m: FieldMessage[] = [];
  const err = (field: string, message: string) => m.push({ field, level: 'ERROR', message });
  const oldP = checkpoint.params as unknown as Record<string, unknown>;
  const newP = setup.params as unknown as Record<string, unknown>;
  for (const k of FROZEN_PARAMETERS) {
    if (!(k in oldP) && !(k in newP)) continue;
    // The response is compared below, where the CLI's --y and response_column both count.
    if (k === 'response_column') continue;
    if (str(oldP[k]) !== str(newP[k]))
      err(k, `Cannot change parameter: '${k}': ${str(oldP[k])} -> ${str(newP[k])}`);
  }
  if (checkpoint.category !== setup.category)
    err(
      'checkpoint',
      `the checkpoint is a ${checkpoint.category} model, this run would train a ${setup.category} model`,
    );
  if (str(checkpoint.response) !== str(setup.response))
    err(
      'response_column',
      `Cannot change parameter: 'response_column': ${str(checkpoint.response)} -> ${str(setup.response)}`,
    );
  if (str(checkpoint.params.hidden) !== str(setup.params.hidden))
    err(
      'hidden',
      `Cannot change parameter: 'hidden': ${str(checkpoint.params.hidden)} -> ${str(setup.params.hidden)}`,
    );
  if (str(checkpoint.params.ignored_columns) !== str(setup.params.ignored_columns))
    err(
      'ignored_columns',
      `Cannot change parameter: 'ignored_columns': ${str(checkpoint.params.ignored_columns)} -> ${str(setup.params.ignored_columns)}`,
    );
  const hadValidation = checkpoint.output.validationMetrics !== null;
  if (hadValidation !== hasValidation)
    err(
      'validation_frame',
      hadValidation
        ? 'the checkpoint was trained with a validation frame; pass one to continue it'
        : 'the checkpoint was trained without a validation frame; continue it without one',
    );
  const oldInfo = checkpoint.dataInfo;
  const newInfo = setup.dataInfo;
  if (str(oldInfo.coefNames) !== str(newInfo.coefNames))
    err(
      'training_frame',
      `the input columns differ from the checkpoint's (${oldInfo.fullN} inputs: ${oldInfo.coefNames.slice(0, 8).join(', ')}${oldInfo.fullN > 8 ? ', ...' : ''}; now ${newInfo.fullN}: ${newInfo.coefNames.slice(0, 8).join(', ')}${newInfo.fullN > 8 ? ', ...' : ''})`,
    );
  if (str(checkpoint.responseDomain) !== str(setup.responseDomain))
    err(
      'response_column',
      `the response levels differ from the checkpoint's: ${str(checkpoint.responseDomain)} -> ${str(setup.responseDomain)}`,
    );
  if (Number(newP.nfolds ?? 0) > 0)
    err('nfolds', `must be 0 when continuing a checkpoint, got ${newP.nfolds}`);
  if ((newP.initial_weights ?? null) !== null || (newP.initial_biases ?? null) !== null)
    err(
      'initial_weights',
      'cannot be given together with a checkpoint (the checkpoint supplies the weights)',
    );
  const trained = checkpoint.output.epochCounter;
  if (!(setup.params.epochs > trained))
    err(
      'epochs',
      `Total number of epochs must be larger than the number of epochs already trained for the checkpointed model (${trained}); got ${setup.params.epochs}`,
    );
  if (m.length > 0) throw new ValidationError(m, 'checkpoint restart');
}
