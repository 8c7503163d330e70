// Checkpoint restart (semantics §9.6): the parameter rules live in dl/model (checkpointConflicts);
// here they meet the two models' facts (kind, validation frame, input layout, response levels).
import { ValidationError } from '../../core/index.ts';
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { type CheckpointFacts, checkpointConflicts } from '../model/index.ts';
import type { TrainingSetup } from './setup.ts';

/**
 * Throws one ValidationError listing every way the new run cannot continue `checkpoint`: a frozen
 * parameter changed ("Cannot change parameter: 'x': old -> new"), another kind of model, response,
 * hidden layers, input columns or levels, nfolds, initial weights, or too few epochs.
 */
export function checkCheckpoint(
  checkpoint: DeepLearningModel,
  setup: TrainingSetup,
  hasValidation: boolean,
): void {
  const facts = (category: string, coefNames: readonly string[], validation: boolean): CheckpointFacts => ({
    isClassifier: category === 'Binomial' || category === 'Multinomial',
    isAutoencoder: category === 'AutoEncoder',
    hasValidation: validation,
    nColsExpanded: coefNames.length,
    columnNames: coefNames,
  });
  const messages = checkpointConflicts(checkpoint.params, setup.params, {
    epochsTrained: checkpoint.output.epochCounter,
    old: facts(
      checkpoint.category,
      checkpoint.dataInfo.coefNames,
      checkpoint.output.validationMetrics !== null,
    ),
    new: facts(setup.category, setup.dataInfo.coefNames, hasValidation),
  });
  if (String(checkpoint.response) !== String(setup.response)) {
    messages.push({
      field: 'response_column',
      level: 'ERROR',
      message: `Cannot change parameter: 'response_column': ${checkpoint.response} -> ${setup.response}`,
    });
  }
  if (JSON.stringify(checkpoint.responseDomain) !== JSON.stringify(setup.responseDomain)) {
    messages.push({
      field: 'response_column',
      level: 'ERROR',
      message: `the response levels differ from the checkpoint's: ${JSON.stringify(checkpoint.responseDomain)} -> ${JSON.stringify(setup.responseDomain)}`,
    });
  }
  if (messages.some((m) => m.level === 'ERROR')) throw new ValidationError(messages, 'checkpoint restart');
}
