// The booklet's estimator API: `new H2ODeepLearningEstimator({ hidden: [32, 32, 32] }).train({...})`.
// It sits above dl and grid so that nfolds/fold_column train with cross-validation, as in H2O.
import type { DeepLearningModel, TrainOptions } from '../dl/index.ts';
import type { DeepLearningParameters } from '../dl/model/index.ts';
import type { Frame } from '../frame/index.ts';
import { trainModelAndFolds } from '../grid/index.ts';

/** Parameters as a user passes them: any subset, values typed or as strings. */
export type DeepLearningInput = Partial<DeepLearningParameters> | Record<string, unknown>;

/** Builds Deep Learning models with fixed parameters, as h2o-py's H2ODeepLearningEstimator. */
export class H2ODeepLearningEstimator {
  readonly params: DeepLearningInput;
  /** The last model trained. */
  model: DeepLearningModel | null = null;
  /** Its cross-validation fold models (h2o-py's cross_validation_models()); empty without nfolds. */
  crossValidationModels: DeepLearningModel[] = [];

  constructor(params: DeepLearningInput = {}) {
    this.params = { ...params };
  }

  /** Trains on `trainingFrame` (and scores `validationFrame`); resolves to the model. */
  async train(
    args: {
      x?: readonly string[];
      y?: string;
      trainingFrame: Frame;
      validationFrame?: Frame | null;
    } & TrainOptions,
  ): Promise<DeepLearningModel> {
    const { x, y, trainingFrame, validationFrame, ...opts } = args;
    const r = await trainModelAndFolds({ params: this.params, x, y, trainingFrame, validationFrame }, opts);
    this.model = r.model;
    this.crossValidationModels = r.foldModels;
    return r.model;
  }
}
