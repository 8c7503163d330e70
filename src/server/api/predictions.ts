// Predictions and metrics on frames: POST /4/Predictions (a job whose dest is the prediction frame),
// POST /3/Predictions (synchronous, with reconstruction_error, reconstruction_error_per_feature and
// deep_features_hidden_layer options) and /3/ModelMetrics (metrics of a model on a frame).
import type { FastifyInstance } from 'fastify';
import { H2OInputError } from '../../core/index.ts';
import type { Frame } from '../../frame/index.ts';
import { route } from '../app.ts';
import { frameJson } from '../frame-json.ts';
import { jobJson } from '../jobs.ts';
import { keyOf, meta } from '../meta.ts';
import { deepFeatures } from '../model/deep-features.ts';
import { metricsJson } from '../model/metrics-json.ts';
import type { ModelRecord } from '../model/model-record.ts';
import type { Params } from '../params.ts';
import type { ServerState } from '../state.ts';
import { modelRecord } from './models.ts';

function target(state: ServerState, p: Params): { rec: ModelRecord; frameKey: string; frame: Frame } {
  const rec = modelRecord(state, p.required('model_id'));
  const frameKey = p.required('frame_id');
  return { rec, frameKey, frame: state.catalog.get('frame', frameKey) };
}

/** Metrics need the response column; H2O skips them (no error) when the frame lacks it. */
function hasResponse(rec: ModelRecord, frame: Frame): boolean {
  return (
    rec.model.category === 'AutoEncoder' || (rec.model.response !== null && frame.has(rec.model.response))
  );
}

function metricsOn(rec: ModelRecord, frameKey: string, frame: Frame, predictions: unknown = null) {
  const m = rec.model;
  if (!hasResponse(rec, frame)) return null;
  return metricsJson(m.modelPerformance(frame), {
    model: m.modelId,
    frame: frameKey,
    domain: m.responseDomain,
    predictions,
  });
}

/** What a synchronous prediction computes, by the request's options. */
function predictFrame(rec: ModelRecord, frame: Frame, p: Params): { frame: Frame; kind: string } {
  const m = rec.model;
  if (p.bool('reconstruction_error', false) || p.bool('reconstruction_error_per_feature', false)) {
    if (m.category !== 'AutoEncoder')
      throw new H2OInputError(
        `parameter 'reconstruction_error': model '${m.modelId}' is not an autoencoder (autoencoder=True)`,
      );
    const perFeature = p.bool('reconstruction_error_per_feature', false);
    return { frame: m.anomaly(frame, { perFeature }), kind: 'reconstruction_error' };
  }
  const layer = p.int('deep_features_hidden_layer', -1);
  if (layer >= 0) return { frame: deepFeatures(m, frame, layer), kind: 'deep_features' };
  if (p.has('deep_features_hidden_layer_name'))
    throw new H2OInputError(
      "parameter 'deep_features_hidden_layer_name': Deep Learning layers have no names; use deep_features_hidden_layer",
    );
  return { frame: m.predict(frame), kind: 'predictions' };
}

function destName(p: Params, kind: string, model: string, frame: string): string {
  return p.string('predictions_frame', '') || `${kind}_${model}_on_${frame}`;
}

/** Registers the prediction and metrics endpoints. */
export function registerPredictions(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'POST', '/4/Predictions/models/:model_id/frames/:frame_id', 'Predict (job)', (p) => {
    const { rec, frameKey, frame } = target(state, p);
    const dest = destName(p, 'predictions', rec.model.modelId, frameKey);
    const job = state.jobs.start(
      `Predict ${rec.model.modelId} on ${frameKey}`,
      { kind: 'frame', name: dest },
      (ctx) => {
        ctx.progress(0, 'Scoring');
        state.catalog.put('frame', dest, predictFrame(rec, frame, p).frame);
      },
    );
    const j = jobJson(job);
    return { ...j, __meta: meta('JobV4', 'Job', 4), job: j };
  });

  route(
    app,
    state,
    'POST',
    '/3/Predictions/models/:model_id/frames/:frame_id',
    'Predict (synchronous)',
    (p) => {
      const { rec, frameKey, frame } = target(state, p);
      const out = predictFrame(rec, frame, p);
      const dest = destName(p, out.kind, rec.model.modelId, frameKey);
      state.catalog.put('frame', dest, out.frame);
      const window = { rowOffset: 0, rowCount: 10, columnOffset: 0, columnCount: -1, fullSummary: false };
      const predictions = frameJson(dest, out.frame, window);
      const metrics = out.kind === 'predictions' ? metricsOn(rec, frameKey, frame, predictions) : null;
      // Reconstruction errors and deep features carry no metrics but the clients still read
      // model_metrics[0].predictions, so a metrics stub with the frame is answered.
      const entry = metrics ?? {
        __meta: meta('ModelMetricsBaseV3', 'ModelMetrics'),
        model: keyOf('model', rec.model.modelId),
        frame: keyOf('frame', frameKey),
        predictions,
      };
      return {
        __meta: meta('ModelMetricsListSchemaV3', 'ModelMetricsList'),
        model: keyOf('model', rec.model.modelId),
        frame: keyOf('frame', frameKey),
        predictions_frame: keyOf('frame', dest),
        model_metrics: [entry],
      };
    },
  );

  const metricsList = (p: Params) => {
    const { rec, frameKey, frame } = target(state, p);
    if (!hasResponse(rec, frame))
      throw new H2OInputError(
        `frame '${frameKey}' has no response column '${rec.model.response}'; metrics need the actual values`,
      );
    return {
      __meta: meta('ModelMetricsListSchemaV3', 'ModelMetricsList'),
      model: keyOf('model', rec.model.modelId),
      frame: keyOf('frame', frameKey),
      predictions_frame: null,
      model_metrics: [metricsOn(rec, frameKey, frame)],
    };
  };
  route(
    app,
    state,
    'POST',
    '/3/ModelMetrics/models/:model_id/frames/:frame_id',
    'Metrics on a frame',
    metricsList,
  );
  route(
    app,
    state,
    'GET',
    '/3/ModelMetrics/models/:model_id/frames/:frame_id',
    'Metrics on a frame',
    metricsList,
  );
  route(app, state, 'GET', '/3/ModelMetrics/models/:model_id', 'Stored metrics of a model', (p) => {
    const rec = modelRecord(state, p.required('model_id'));
    const m = rec.model;
    const src = (f: string | null) => ({ model: m.modelId, frame: f, domain: m.responseDomain });
    return {
      __meta: meta('ModelMetricsListSchemaV3', 'ModelMetricsList'),
      model: keyOf('model', m.modelId),
      frame: null,
      predictions_frame: null,
      model_metrics: [
        metricsJson(m.output.trainingMetrics, src(rec.trainingFrame)),
        metricsJson(m.output.validationMetrics, src(rec.validationFrame)),
      ].filter((x) => x !== null),
    };
  });
}
