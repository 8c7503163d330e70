// What the catalog keeps under a model key: the trained model plus what the REST layer must echo
// back (the user's input values, the frames it was trained on, times). Cross-validation results travel on the model's output.
import type { DeepLearningModel } from '../../dl/index.ts';
import type { Literal } from '../literal.ts';

/** One model in the catalog. */
export interface ModelRecord {
  model: DeepLearningModel;
  /** Values as the user sent them (after literal parsing), by H2O parameter name. */
  input: Record<string, Literal>;
  trainingFrame: string | null;
  validationFrame: string | null;
  startTime: number;
  endTime: number;
}

/** Narrows a catalog value to a ModelRecord (the catalog stores models opaquely). */
export function isModelRecord(v: unknown): v is ModelRecord {
  return v !== null && typeof v === 'object' && 'model' in v && 'input' in v;
}
