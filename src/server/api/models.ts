// /3/Models (list, get, delete) with H2O's DeepLearningModelV3 JSON, and /99/Models.bin save/load
// (the model file format of src/dl/persist; paths confined to the server's roots when set).
import type { FastifyInstance } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import type { DeepLearningModel } from '../../dl/index.ts';
import { PARAMETER_SPECS } from '../../dl/model/index.ts';
import { loadModel, saveModel } from '../../dl/persist/model-file.ts';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import { confinePath } from '../files.ts';
import type { Literal } from '../literal.ts';
import { keyOf, meta } from '../meta.ts';
import { modelJson } from '../model/model-json.ts';
import { isModelRecord, type ModelRecord } from '../model/model-record.ts';
import type { Params } from '../params.ts';
import type { ServerState } from '../state.ts';

/** The ModelRecord under `key`; 404 naming the key when there is none. */
export function modelRecord(state: ServerState, key: string): ModelRecord {
  const v = state.catalog.find('model', key);
  if (!isModelRecord(v)) throw notFound('Model', key);
  return v;
}

function modelsAnswer(records: ModelRecord[]) {
  return {
    __meta: meta('ModelsV3', 'Models'),
    model_id: null,
    models: records.map(modelJson),
    compatible_frames: null,
  };
}

/**
 * The catalog entry of a model read from a file. The file keeps the model's parameters (defaults
 * filled in, frame keys as they were at training) but not which ones the user typed, so every value
 * that differs from H2O's default is shown as an input value.
 */
export function loadedRecord(model: DeepLearningModel, now: number): ModelRecord {
  const params = model.params as unknown as Record<string, unknown>;
  const input: Record<string, Literal> = {};
  for (const spec of PARAMETER_SPECS) {
    const v = params[spec.name];
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(spec.default))
      input[spec.name] = v as Literal;
  }
  const key = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    model,
    input,
    trainingFrame: key(params.training_frame),
    validationFrame: key(params.validation_frame),
    startTime: now,
    endTime: now,
  };
}

/** Registers the model endpoints. */
export function registerModels(app: FastifyInstance, state: ServerState): void {
  const all = () => state.catalog.keys('model').map((k) => modelRecord(state, k));
  route(app, state, 'GET', '/3/Models', 'All models', () => modelsAnswer(all()));
  route(app, state, 'GET', '/3/Models/:model_id', 'One model', (p) =>
    modelsAnswer([modelRecord(state, p.required('model_id'))]),
  );
  route(app, state, 'DELETE', '/3/Models', 'Remove all models', () => {
    for (const k of state.catalog.keys('model')) state.catalog.remove(k);
    return { __meta: meta('ModelsV3', 'Models'), model_id: null, models: [] };
  });
  route(app, state, 'DELETE', '/3/Models/:model_id', 'Remove one model', (p) => {
    const key = p.required('model_id');
    modelRecord(state, key);
    state.catalog.remove(key);
    return { __meta: meta('ModelsV3', 'Models'), model_id: keyOf('model', key), models: [] };
  });

  const save = (p: Params) => {
    const key = p.required('model_id');
    const rec = modelRecord(state, key);
    const dir = p.string('dir', '') || p.string('path', '');
    if (dir === '')
      throw new H2OInputError("parameter 'dir' is required: the server-side path to save the model to");
    const path = confinePath(dir, state.options.roots, 'dir');
    const written = saveModel(rec.model, path, { force: p.bool('force', false) });
    return { __meta: meta('ModelExportV3', 'ModelExport'), model_id: keyOf('model', key), dir: written };
  };
  route(app, state, 'GET', '/99/Models.bin/:model_id', 'Save a model to a server-side file', save);
  // The python client POSTs an empty id with `dir`; H2O routes the load through the same path.
  const load = (p: Params) => {
    const dir = p.required('dir');
    const model = loadModel(confinePath(dir, state.options.roots, 'dir'));
    const rec = loadedRecord(model, Date.now());
    state.catalog.put('model', model.modelId, rec);
    return { __meta: meta('ModelsV3', 'Models'), model_id: null, models: [modelJson(rec)] };
  };
  route(app, state, 'POST', '/99/Models.bin/:model_id', 'Load a model from a server-side file', load);
  route(app, state, 'POST', '/99/Models.bin/', 'Load a model from a server-side file', load);
}
