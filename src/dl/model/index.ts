// Public surface of dl/model: the Deep Learning parameters (names, defaults, metadata), turning user
// input into typed parameters, validation (§1.3, §9.6) and the effective parameters (§1.2).
export {
  CHECKPOINT_CHANGEABLE,
  CHECKPOINT_FIXED,
  type CheckpointFacts,
  checkpointConflicts,
} from './checkpoint.ts';
export {
  CLIENT_ARGUMENTS,
  type CoercedParameters,
  type CoerceOptions,
  coerceHyperParameters,
  coerceParameters,
} from './coerce.ts';
export { type Coerced, coerceValue, describeType, type EnumMatch } from './coerce-value.ts';
export * from './enums.ts';
export {
  type DeepLearningParameters,
  defaultParameters,
  PARAMETER_SPEC_BY_NAME,
  PARAMETER_SPECS,
  type ParameterLevel,
  type ParameterName,
  type ParameterSpec,
  type ParameterType,
} from './parameters.ts';
export { effectiveParameters, type Rewrite, type SanitizeContext, sanitizeParameters } from './sanitize.ts';
export { MAX_MODEL_PARAMETERS, type ValidationContext, validateParameters } from './validate.ts';
