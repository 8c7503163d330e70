// /3/ModelBuilders (metadata of the deeplearning builder, parameters from the DL parameter table),
// POST /3/ModelBuilders/deeplearning (validate, then train as a job under a model key) and
// POST /3/ModelBuilders/deeplearning/parameters (validation only, H2O's messages schema).
import type { FastifyInstance } from 'fastify';
import { type FieldMessage, H2OInputError, ValidationError } from '../../core/index.ts';
import { type DeepLearningModel, type TrainProgress, trainDeepLearning } from '../../dl/index.ts';
import { PARAMETER_SPECS } from '../../dl/model/index.ts';
import { setupTraining } from '../../dl/train/setup.ts';
import { trainWithCrossValidation, wantsCrossValidation } from '../../grid/index.ts';
import { route } from '../app.ts';
import { jobJson } from '../jobs.ts';
import { meta } from '../meta.ts';
import { type BuildRequest, resolveBuildRequest } from '../model/build-request.ts';
import { parameterJson } from '../model/model-json.ts';
import type { ModelRecord } from '../model/model-record.ts';
import type { ServerState } from '../state.ts';

let modelCounter = 0;

/** A fresh model key in H2O's style. */
export function newModelKey(algo = 'DeepLearning'): string {
  modelCounter++;
  return `${algo}_model_${Date.now().toString(36)}_${modelCounter}`;
}

/** ValidationMessageV3 list of field messages (H2O spells the levels ERRR/WARN). */
export function messagesJson(msgs: readonly FieldMessage[]): Record<string, unknown>[] {
  return msgs.map((m) => ({
    __meta: meta('ValidationMessageV3', 'ValidationMessage'),
    message_type: m.level === 'ERROR' ? 'ERRR' : 'WARN',
    field_name: m.field,
    message: m.message,
  }));
}

/** The builder's metadata (ModelBuilderV3). */
function builderJson(): Record<string, unknown> {
  return {
    __meta: meta('ModelBuilderV3', 'ModelBuilder'),
    algo: 'deeplearning',
    algo_full_name: 'Deep Learning',
    can_build: ['Regression', 'Binomial', 'Multinomial', 'AutoEncoder'],
    visibility: 'Stable',
    supervised: true,
    cv_capable: true,
    parameters: PARAMETER_SPECS.map((s) => parameterJson(s, s.default, null)),
  };
}

/** Starts training for a resolved request; stores a ModelRecord under the model key when done. */
export function startTraining(state: ServerState, req: BuildRequest, modelKey: string) {
  if (state.catalog.kindOf(modelKey) === 'model') state.catalog.remove(modelKey);
  return state.jobs.start('DeepLearning', { kind: 'model', name: modelKey }, async (ctx) => {
    const startTime = Date.now();
    for (const w of req.warnings) ctx.warn(`${w.field}: ${w.message}`);
    const trainReq = {
      params: req.params,
      trainingFrame: req.trainingFrame,
      validationFrame: req.validationFrame,
      y: req.y ?? undefined,
    };
    const cv = wantsCrossValidation(req.params);
    const folds = cv ? Number(req.params.nfolds) || 1 : 0;
    const opts = {
      signal: ctx.signal,
      modelId: modelKey,
      checkpoint: req.checkpoint ?? undefined,
      pretrainedAutoencoder: req.pretrainedAutoencoder ?? undefined,
      onProgress: (p: TrainProgress) =>
        ctx.progress(p.progress, `Epoch ${p.epochs.toFixed(2)}, ${p.iterations} iterations`),
      // The model is visible (scoring history growing) while it trains, as in H2O.
      onModel: (m: DeepLearningModel) => state.catalog.put('model', modelKey, record(m, req, startTime)),
    };
    let model: DeepLearningModel;
    if (cv) {
      // nfolds fold models then the main model: report progress per model trained.
      let trained = 0;
      const result = await trainWithCrossValidation(trainReq, {
        ...opts,
        onModel: undefined, // fold models are not the model under this key
        onProgress: (p) => {
          if (p.progress >= 1) trained++;
          ctx.progress(
            Math.min(1, (trained + p.progress) / (folds + 1)),
            `Model ${trained + 1} of ${folds + 1}`,
          );
        },
      });
      model = result.model;
      for (const fm of result.foldModels) state.catalog.put('model', fm.modelId, record(fm, req, startTime));
    } else {
      model = await trainDeepLearning(trainReq, opts);
    }
    for (const w of model.output.warnings) ctx.warn(w);
    state.catalog.put('model', modelKey, record(model, req, startTime));
  });
}

/** The catalog entry of a model trained from `req`. */
export function record(model: DeepLearningModel, req: BuildRequest, startTime: number): ModelRecord {
  return {
    model,
    input: req.input,
    trainingFrame: req.trainingFrameKey,
    validationFrame: req.validationFrameKey,
    startTime,
    endTime: Date.now(),
  };
}

/** Registers the model-builder endpoints. */
export function registerModelBuilders(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'GET', '/3/ModelBuilders', 'Model builders and their parameters', () => ({
    __meta: meta('ModelBuildersV3', 'ModelBuilders'),
    algo: null,
    model_builders: { deeplearning: builderJson() },
  }));
  route(app, state, 'GET', '/3/ModelBuilders/:algo', 'One model builder and its parameters', (p) => {
    const algo = p.required('algo');
    if (algo !== 'deeplearning') throw unknownAlgo(algo);
    return {
      __meta: meta('ModelBuildersV3', 'ModelBuilders'),
      algo,
      model_builders: { deeplearning: builderJson() },
    };
  });

  route(app, state, 'POST', '/3/ModelBuilders/:algo/parameters', 'Validate parameters', (p) => {
    const algo = p.required('algo');
    if (algo !== 'deeplearning') throw unknownAlgo(algo);
    const { algo: _a, ...raw } = p.raw;
    let msgs: FieldMessage[];
    try {
      const req = resolveBuildRequest(raw, state.catalog);
      msgs = [...req.warnings];
      // The engine's own checks (column roles, response type, parameter ranges) without training.
      const setup = setupTraining({
        params: req.params,
        trainingFrame: req.trainingFrame,
        validationFrame: req.validationFrame,
        y: req.y,
      });
      for (const w of setup.warnings) msgs.push({ field: w.split(':')[0], level: 'WARN', message: w });
    } catch (e) {
      if (e instanceof ValidationError) msgs = e.messages;
      else if (e instanceof H2OInputError)
        msgs = [{ field: 'training_frame', level: 'ERROR', message: e.message }];
      else throw e;
    }
    return {
      __meta: meta('DeepLearningV3', 'DeepLearning'),
      algo: 'deeplearning',
      messages: messagesJson(msgs),
      error_count: msgs.filter((m) => m.level === 'ERROR').length,
      parameters: null,
    };
  });

  for (const version of ['3', '99']) {
    route(app, state, 'POST', `/${version}/ModelBuilders/:algo`, 'Train a model (job)', (p) => {
      const algo = p.required('algo');
      if (algo !== 'deeplearning') throw unknownAlgo(algo);
      const { algo: _a, ...raw } = p.raw;
      const req = resolveBuildRequest(raw, state.catalog);
      const key = req.modelId ?? newModelKey();
      const job = startTraining(state, req, key);
      const j = jobJson(job);
      return {
        ...j,
        __meta: meta('DeepLearningV3', 'DeepLearning'),
        algo: 'deeplearning',
        job: j,
        messages: messagesJson(req.warnings),
        error_count: 0,
        parameters: null,
      };
    });
  }
}

function unknownAlgo(algo: string): H2OInputError {
  return new H2OInputError(`Unknown algo '${algo}': h2o-ts builds deeplearning models only`, { status: 404 });
}
