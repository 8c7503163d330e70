// Turns a ModelBuilders/deeplearning request (form values in Python/R spelling, ~80 keys as the
// python client sends them) into a training request: frames and models looked up in the catalog,
// enum values matched case-insensitively, numbers and lists typed. Every problem is collected and
// reported at once as a ValidationError (412 with per-field messages), as H2O's builder does.
import { type FieldMessage, ValidationError } from '../../core/index.ts';
import type { DeepLearningModel } from '../../dl/index.ts';
import {
  coerceValue,
  defaultParameters,
  PARAMETER_SPEC_BY_NAME,
  type ParameterSpec,
} from '../../dl/model/index.ts';
import type { Frame } from '../../frame/index.ts';
import type { Catalog } from '../catalog.ts';
import type { Literal } from '../literal.ts';
import { isModelRecord } from './model-record.ts';

/** A resolved build request. */
export interface BuildRequest {
  /** Typed values for the engine (only the parameters it knows). */
  params: Record<string, unknown>;
  /** Every value the user sent, typed, for echoing as `input_value`. */
  input: Record<string, Literal>;
  trainingFrameKey: string;
  trainingFrame: Frame;
  validationFrameKey: string | null;
  validationFrame: Frame | null;
  y: string | null;
  checkpoint: DeepLearningModel | null;
  pretrainedAutoencoder: DeepLearningModel | null;
  modelId: string | null;
  nfolds: number;
  /** Non-fatal notes (parameters accepted but without effect here). */
  warnings: FieldMessage[];
}

// Request keys that are not model parameters (the python client adds some of them to every call).
const TRANSPORT = new Set(['_exclude_fields', 'session_id', 'algo', '__http_request']);
// Accepted for compatibility; they tune H2O's distributed execution and have no meaning on one process.
const NO_EFFECT = new Set([
  'target_ratio_comm_to_comp',
  'diagnostics',
  'force_load_balance',
  'replicate_training_data',
  'single_node_mode',
  'quiet_mode',
  'col_major',
  'elastic_averaging',
  'elastic_averaging_moving_rate',
  'elastic_averaging_regularization',
  'auc_type',
  'gainslift_bins',
  'keep_cross_validation_models',
  'keep_cross_validation_predictions',
  'keep_cross_validation_fold_assignment',
  'fold_assignment',
  'export_checkpoints_dir',
]);

/**
 * Converts one form value to its parameter's type with dl/model's coercion (enum spellings matched
 * loosely, as H2O's REST layer does for the clients: `tanh_with_dropout` is TanhWithDropout).
 * Returns an error text instead of throwing.
 */
export function typedValue(spec: ParameterSpec, raw: unknown): { value: Literal } | { error: string } {
  const r = coerceValue(spec, raw, 'loose');
  if ('error' in r) return r;
  // The R client sends an empty vector as [""]: no names, not a column called "".
  if (spec.type === 'string[]' && Array.isArray(r.value))
    return { value: (r.value as Literal[]).filter((x) => x !== '') };
  return { value: r.value as Literal };
}

/** Resolves and type-checks a build request; throws one ValidationError with every problem. */
export function resolveBuildRequest(raw: Record<string, unknown>, catalog: Catalog): BuildRequest {
  const errors: FieldMessage[] = [];
  const warnings: FieldMessage[] = [];
  const input: Record<string, Literal> = {};
  const engine = defaultParameters() as unknown as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (TRANSPORT.has(name) || v === undefined || v === null || v === 'None') continue;
    const spec = PARAMETER_SPEC_BY_NAME.get(name);
    if (spec === undefined) {
      errors.push({ field: name, level: 'ERROR', message: `unknown parameter '${name}' for deeplearning` });
      continue;
    }
    const t = typedValue(spec, v);
    if ('error' in t) {
      errors.push({ field: name, level: 'ERROR', message: t.error });
      continue;
    }
    input[name] = t.value;
    // Model keys stay here (the engine takes the models themselves); frame keys travel with the
    // parameters so a saved model still knows which frames it was trained on.
    if (name in engine && spec.h2oType !== 'Key<Model>') params[name] = t.value;
    if (NO_EFFECT.has(name) && JSON.stringify(t.value) !== JSON.stringify(spec.default)) {
      warnings.push({
        field: name,
        level: 'WARN',
        message: `has no effect in h2o-ts (single process); ignored`,
      });
    }
  }
  const frameOf = (field: string, required: boolean): { key: string | null; frame: Frame | null } => {
    const key = typeof input[field] === 'string' ? (input[field] as string) : null;
    if (key === null) {
      if (required)
        errors.push({ field, level: 'ERROR', message: 'Required field training_frame not found.' });
      return { key: null, frame: null };
    }
    const frame = catalog.find('frame', key) ?? null;
    if (frame === null) errors.push({ field, level: 'ERROR', message: `frame '${key}' not found` });
    return { key, frame };
  };
  const modelOf = (field: string): DeepLearningModel | null => {
    const key = input[field];
    if (typeof key !== 'string' || key === '') return null;
    const rec = catalog.find('model', key);
    if (!isModelRecord(rec)) {
      errors.push({ field, level: 'ERROR', message: `model '${key}' not found` });
      return null;
    }
    return rec.model;
  };
  const train = frameOf('training_frame', true);
  const valid = frameOf('validation_frame', false);
  const checkpoint = modelOf('checkpoint');
  const pretrained = modelOf('pretrained_autoencoder');
  const autoencoder = input.autoencoder === true;
  const y = typeof input.response_column === 'string' ? input.response_column : null;
  if (train.frame !== null) {
    const cols = ['response_column', 'weights_column', 'offset_column', 'fold_column'];
    for (const c of cols) {
      const name = input[c];
      if (typeof name === 'string' && name !== '' && !train.frame.has(name))
        errors.push({
          field: c,
          level: 'ERROR',
          message: `column '${name}' not found in frame '${train.key}'`,
        });
    }
    if (!autoencoder && y === null)
      errors.push({
        field: 'response_column',
        level: 'ERROR',
        message: 'Response column parameter not set.',
      });
  }
  if (
    checkpoint !== null &&
    typeof input.epochs === 'number' &&
    input.epochs <= checkpoint.output.epochCounter
  ) {
    errors.push({
      field: 'epochs',
      level: 'ERROR',
      message: `If checkpoint is specified, epochs needs to be greater than the epochs of the checkpointed model (${checkpoint.output.epochCounter}), got ${input.epochs}.`,
    });
  }
  const nfolds = typeof input.nfolds === 'number' ? input.nfolds : 0;
  if (nfolds === 1 || nfolds < 0)
    errors.push({
      field: 'nfolds',
      level: 'ERROR',
      message: `nfolds must be either 0 or >1, got ${nfolds}.`,
    });
  if (errors.length > 0) throw new ValidationError([...errors, ...warnings]);
  delete params.nfolds;
  delete params.model_id;
  // Cross-validation parameters go to src/grid, which strips them before each training.
  if (nfolds > 1 || (typeof input.fold_column === 'string' && input.fold_column !== '')) {
    params.nfolds = nfolds;
    for (const k of [
      'fold_assignment',
      'keep_cross_validation_models',
      'keep_cross_validation_fold_assignment',
      'keep_cross_validation_predictions',
    ])
      if (k in input) params[k] = input[k];
  }
  return {
    params,
    input,
    trainingFrameKey: train.key!,
    trainingFrame: train.frame!,
    validationFrameKey: valid.key,
    validationFrame: valid.frame,
    y: autoencoder ? null : y,
    checkpoint,
    pretrainedAutoencoder: pretrained,
    modelId: typeof input.model_id === 'string' && input.model_id !== '' ? input.model_id : null,
    nfolds,
    warnings,
  };
}
