import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importThroughApi, type TestClient, testClient } from '../test-util.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// Contract tests for the model half of the REST API (protocol §6-§9): request in, JSON shape out.
const IRIS = join(SHARED, 'data/smalldata/iris/iris_wheader.csv');
const PROSTATE = join(SHARED, 'data/smalldata/logreg/prostate.csv');

// biome-ignore lint/suspicious/noExplicitAny: tests walk JSON
type Json = any;

/** A TwoDimTableV3 is column-major: one data list per column, each `rowcount` long. */
function assertTable(t: Json, name?: string): void {
  assert.equal(t.__meta.schema_name, 'TwoDimTableV3');
  if (name !== undefined) assert.equal(t.name, name);
  assert.equal(t.data.length, t.columns.length);
  for (const col of t.data) assert.equal(col.length, t.rowcount);
}

/** The column `name` of a table as a list. */
function column(t: Json, name: string): unknown[] {
  const j = t.columns.findIndex((c: Json) => c.name === name);
  assert.ok(j >= 0, `table ${t.name} has no column ${name}`);
  return t.data[j];
}

describe('ModelBuilders, Models, Predictions, ModelMetrics over REST', () => {
  let c: TestClient;
  let iris: string;
  let modelId: string;
  before(async () => {
    c = await testClient();
    iris = await importThroughApi(c, IRIS);
    // As the python client sends it: lower-case enums, Python literals, every value a string.
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: iris,
      response_column: 'class',
      ignored_columns: '["sepal_wid"]',
      hidden: '[5]',
      epochs: '2.0',
      activation: 'tanh',
      initial_weight_distribution: 'uniform_adaptive',
      missing_values_handling: 'mean_imputation',
      seed: '42',
      reproducible: 'True',
      model_id: 'iris_dl',
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual(r.json.messages, []);
    assert.equal(r.json.job.dest.name, 'iris_dl');
    assert.equal(r.json.job.dest.type, 'Key<Model>');
    const job = await c.waitJob(r.json.job.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    modelId = job.dest.name;
  });
  after(() => c.close());

  it('describes the deeplearning builder with every parameter and its default', async () => {
    const r = await c.get('/3/ModelBuilders/deeplearning');
    const b = r.json.model_builders.deeplearning;
    assert.equal(b.algo, 'deeplearning');
    const byName = new Map(b.parameters.map((p: Json) => [p.name, p]));
    const hidden: Json = byName.get('hidden');
    assert.deepEqual(hidden.default_value, [200, 200]);
    assert.equal(hidden.type, 'int[]');
    const act: Json = byName.get('activation');
    assert.ok(act.values.includes('RectifierWithDropout'));
    // H2O's REST type names from its DeepLearningV3 schema (Java field types: long seed, float max_w2,
    // Key<Frame>[] initial_weights), which the R client dispatches on when it checks arguments.
    const h2oTypes: Record<string, string> = {
      seed: 'long',
      train_samples_per_iteration: 'long',
      max_w2: 'float',
      training_frame: 'Key<Frame>',
      checkpoint: 'Key<Model>',
      response_column: 'VecSpecifier',
      ignored_columns: 'string[]',
      initial_weights: 'Key<Frame>[]',
      hidden_dropout_ratios: 'double[]',
    };
    for (const [name, type] of Object.entries(h2oTypes))
      assert.equal((byName.get(name) as Json).type, type, name);
    assert.deepEqual((byName.get('response_column') as Json).is_member_of_frames, ['training_frame']);
    for (const p of b.parameters)
      for (const k of [
        'name',
        'label',
        'help',
        'type',
        'default_value',
        'actual_value',
        'level',
        'values',
        'gridable',
      ])
        assert.ok(k in p, `parameter ${p.name} lacks ${k}`);
  });

  it('answers a bad build with 412 and one message per bad field, naming the allowed values', async () => {
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: iris,
      response_column: 'nope',
      activation: 'relu',
      hidden: '[10,x]',
    });
    assert.equal(r.status, 412);
    assert.equal(r.json.__meta.schema_name, 'H2OModelBuilderErrorV3');
    const fields = r.json.messages.map((m: Json) => m.field_name).sort();
    assert.deepEqual(fields, ['activation', 'hidden', 'response_column']);
    assert.equal(r.json.error_count, 3);
    const act = r.json.messages.find((m: Json) => m.field_name === 'activation');
    assert.equal(act.message_type, 'ERRR');
    assert.match(act.message, /'relu'.*Allowed: Tanh, TanhWithDropout, Rectifier/);
  });

  it('validates without training at /parameters', async () => {
    const ok = await c.post('/3/ModelBuilders/deeplearning/parameters', {
      training_frame: iris,
      response_column: 'class',
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.error_count, 0);
    const bad = await c.post('/3/ModelBuilders/deeplearning/parameters', {
      training_frame: 'no_such_frame',
      epochs: 'ten',
    });
    assert.equal(bad.status, 200);
    assert.equal(bad.json.error_count, 2);
    // The clients' spellings: python's snake_case enums, R's empty vector [""] for no columns.
    const spelled = await c.post('/3/ModelBuilders/deeplearning/parameters', {
      training_frame: iris,
      response_column: 'class',
      activation: 'tanh_with_dropout',
      categorical_encoding: 'one_hot_internal',
      ignored_columns: '[""]',
    });
    assert.equal(spelled.json.error_count, 0, JSON.stringify(spelled.json.messages));
    assert.deepEqual(bad.json.messages.map((m: Json) => m.field_name).sort(), ['epochs', 'training_frame']);
  });

  it('serves the model JSON with every output key, __meta blocks and column-major tables', async () => {
    const r = await c.get(`/3/Models/${modelId}`);
    assert.equal(r.status, 200);
    const m = r.json.models[0];
    assert.equal(m.__meta.schema_name, 'DeepLearningModelV3');
    assert.equal(m.algo, 'deeplearning');
    assert.equal(m.model_id.name, 'iris_dl');
    assert.equal(m.response_column_name, 'class');
    const o = m.output;
    for (const k of [
      'model_category',
      'training_metrics',
      'validation_metrics',
      'cross_validation_metrics',
      'cross_validation_metrics_summary',
      'cross_validation_models',
      'model_summary',
      'scoring_history',
      'variable_importances',
      'names',
      'domains',
    ])
      assert.ok(k in o, `output lacks ${k}`);
    assert.equal(o.model_category, 'Multinomial');
    assert.equal(o.validation_metrics, null);
    assert.equal(o.training_metrics.__meta.schema_name, 'ModelMetricsMultinomialV3');
    assertTable(o.model_summary, 'Status of Neuron Layers');
    // 3 predictors (sepal_wid ignored) -> 5 tanh units -> 3 classes.
    assert.deepEqual(column(o.model_summary, 'Units'), [3, 5, 3]);
    assertTable(o.scoring_history, 'Scoring History');
    assertTable(o.variable_importances, 'Variable Importances');
    assert.deepEqual([...column(o.variable_importances, 'Variable')].sort(), [
      'petal_len',
      'petal_wid',
      'sepal_len',
    ]);
    assertTable(o.training_metrics.cm.table);
    const hidden = m.parameters.find((p: Json) => p.name === 'hidden');
    assert.deepEqual([hidden.default_value, hidden.actual_value, hidden.input_value], [[200, 200], [5], [5]]);
    const act = m.parameters.find((p: Json) => p.name === 'activation');
    assert.equal(act.actual_value, 'Tanh');
    const train = m.parameters.find((p: Json) => p.name === 'training_frame');
    assert.equal(train.actual_value.name, iris);
  });

  it('predicts as a job and its metrics agree with a naive MSE and logloss of the prediction frame', async () => {
    const j = await c.post(`/4/Predictions/models/${modelId}/frames/${iris}`);
    const job = await c.waitJob(j.json.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    const f = (await c.get(`/3/Frames/${job.dest.name}?row_count=-1`)).json.frames[0];
    assert.deepEqual(
      f.columns.map((col: Json) => col.label),
      ['predict', 'Iris-setosa', 'Iris-versicolor', 'Iris-virginica'],
    );
    const actual = (await c.get(`/3/Frames/${iris}?row_count=-1`)).json.frames[0].columns.find(
      (col: Json) => col.label === 'class',
    );
    // H2O's multinomial MSE is the mean of (1 - p_true)^2; logloss the mean of -log p_true.
    let se = 0;
    let ll = 0;
    const n = f.rows;
    for (let i = 0; i < n; i++) {
      const p = f.columns[1 + actual.data[i]].data[i];
      se += (1 - p) ** 2;
      ll -= Math.log(Math.max(p, 1e-15));
    }
    const mm = await c.post(`/3/ModelMetrics/models/${modelId}/frames/${iris}`);
    const metrics = mm.json.model_metrics[0];
    assert.equal(metrics.frame.name, iris);
    assert.ok(Math.abs(metrics.MSE - se / n) < 1e-9, `${metrics.MSE} vs ${se / n}`);
    assert.ok(Math.abs(metrics.logloss - ll / n) < 1e-9, `${metrics.logloss} vs ${ll / n}`);
  });

  it('computes reconstruction errors and deep features synchronously', async () => {
    const ae = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: iris,
      autoencoder: 'True',
      ignored_columns: '["class"]',
      hidden: '[2]',
      epochs: '1',
      reproducible: 'True',
      seed: '7',
    });
    const job = await c.waitJob(ae.json.job.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    const r = await c.post(`/3/Predictions/models/${job.dest.name}/frames/${iris}`, {
      reconstruction_error: 'True',
      reconstruction_error_per_feature: 'False',
    });
    assert.equal(r.status, 200);
    const key = r.json.model_metrics[0].predictions.frame_id.name;
    const f = (await c.get(`/3/Frames/${key}`)).json.frames[0];
    assert.deepEqual(
      f.columns.map((col: Json) => col.label),
      ['Reconstruction.MSE'],
    );
    assert.equal(f.rows, 150);
    const df = await c.post(`/3/Predictions/models/${job.dest.name}/frames/${iris}`, {
      deep_features_hidden_layer: '0',
    });
    assert.deepEqual(
      df.json.model_metrics[0].predictions.columns.map((col: Json) => col.label),
      ['DF.L1.C1', 'DF.L1.C2'],
    );
    const notAe = await c.post(`/3/Predictions/models/${modelId}/frames/${iris}`, {
      reconstruction_error: 'True',
    });
    assert.equal(notAe.status, 400);
    assert.match(notAe.json.msg, /not an autoencoder/);
  });

  it('saves and loads a model through /99/Models.bin, and deletes models', async () => {
    const root = `/tmp/h2ots-models-test-${process.pid}`;
    const dir = `${root}/iris_dl`;
    const saved = await c.get(`/99/Models.bin/${modelId}?dir=${encodeURIComponent(dir)}&force=True`);
    assert.equal(saved.status, 200, JSON.stringify(saved.json));
    assert.equal(saved.json.dir, dir);
    assert.equal((await c.del(`/3/Models/${modelId}`)).status, 200);
    assert.equal((await c.get(`/3/Models/${modelId}`)).status, 404);
    const loaded = await c.post('/99/Models.bin/', { dir });
    assert.equal(loaded.status, 200, JSON.stringify(loaded.json));
    assert.equal(loaded.json.models[0].model_id.name, 'iris_dl');
    // The file knows the model's parameters: the non-default ones come back as input values, and
    // the training frame as the model's data frame.
    const m = loaded.json.models[0];
    const param = (n: string) => m.parameters.find((p: Json) => p.name === n);
    assert.deepEqual(param('hidden').input_value, [5]);
    assert.equal(param('activation').input_value, 'Tanh');
    assert.deepEqual(param('ignored_columns').input_value, ['sepal_wid']);
    assert.equal(param('l1').input_value, null, 'l1 was left at its default');
    assert.equal(param('training_frame').actual_value.name, iris);
    assert.equal(m.data_frame.name, iris);
    const again = await c.get('/3/Models');
    assert.deepEqual(
      again.json.models.map((m: Json) => m.model_id.name).filter((n: string) => n === 'iris_dl'),
      ['iris_dl'],
    );
    rmSync(root, { recursive: true, force: true });
  });

  it('runs a Cartesian grid and lists its models in the summary table', async () => {
    const r = await c.post('/99/Grid/deeplearning', {
      training_frame: iris,
      response_column: 'class',
      epochs: '1',
      reproducible: 'True',
      seed: '1',
      hidden: '[200,200]',
      hyper_parameters: '{"hidden": [[3],[4,2]],"l1": [0.0,0.001]}',
      grid_id: 'g1',
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.job.dest.name, 'g1');
    const job = await c.waitJob(r.json.job.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    const g = (await c.get('/99/Grids/g1')).json;
    assert.equal(g.__meta.schema_name, 'GridSchemaV99');
    assert.equal(g.model_ids.length, 4);
    assert.deepEqual(g.hyper_names.sort(), ['hidden', 'l1']);
    assert.deepEqual(g.failure_details, []);
    assert.ok('export_checkpoints_dir' in g);
    assertTable(g.summary_table);
    assert.equal(g.summary_table.rowcount, 4);
    for (const k of g.model_ids) assert.equal((await c.get(`/3/Models/${k.name}`)).status, 200);
  });
});

describe('cross-validation and checkpoints over REST', () => {
  let c: TestClient;
  let prostate: string;
  before(async () => {
    c = await testClient();
    prostate = await importThroughApi(c, PROSTATE);
    // The python client's asfactor(): Rapids := with as.factor, then a binomial model.
    const r = await c.post('/99/Rapids', {
      ast: `(tmp= prostate2 (:= ${prostate} (as.factor (cols_py ${prostate} 'CAPSULE')) 1 []))`,
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    prostate = 'prostate2';
  });
  after(() => c.close());

  it('reports cross-validation metrics, fold models and the summary with nfolds=3', async () => {
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: prostate,
      response_column: 'CAPSULE',
      ignored_columns: '["ID"]',
      hidden: '[4]',
      epochs: '1',
      nfolds: '3',
      fold_assignment: 'modulo',
      reproducible: 'True',
      seed: '3',
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const job = await c.waitJob(r.json.job.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    const o = (await c.get(`/3/Models/${job.dest.name}`)).json.models[0].output;
    assert.equal(o.model_category, 'Binomial');
    assert.equal(o.cross_validation_metrics.__meta.schema_name, 'ModelMetricsBinomialV3');
    assert.equal(o.cross_validation_models.length, 3);
    assertTable(o.cross_validation_metrics_summary);
    assert.deepEqual(
      o.cross_validation_metrics_summary.columns.map((col: Json) => col.name),
      ['', 'mean', 'sd', 'cv_1_valid', 'cv_2_valid', 'cv_3_valid'],
    );
    for (const k of o.cross_validation_models) assert.equal((await c.get(`/3/Models/${k.name}`)).status, 200);
  });

  it("fills a grid's cross-validation metrics from its models trained with nfolds", async () => {
    const r = await c.post('/99/Grid/deeplearning', {
      training_frame: prostate,
      response_column: 'CAPSULE',
      ignored_columns: '["ID"]',
      epochs: '1',
      nfolds: '2',
      reproducible: 'True',
      seed: '7',
      hyper_parameters: '{"hidden": [[3],[2]]}',
      grid_id: 'gcv',
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal((await c.waitJob(r.json.job.key.name)).status, 'DONE');
    const g = (await c.get('/99/Grids/gcv')).json;
    assert.equal(g.cross_validation_metrics.length, 2);
    for (let i = 0; i < 2; i++) {
      const cv = g.cross_validation_metrics[i];
      assert.equal(cv.__meta.schema_name, 'ModelMetricsBinomialV3');
      // The same holdout metrics as the model's own JSON reports.
      const own = (await c.get(`/3/Models/${g.model_ids[i].name}`)).json.models[0].output;
      assert.equal(cv.AUC, own.cross_validation_metrics.AUC);
      assertTable(g.cross_validation_metrics_summary[i]);
      // Its fold models are published under the keys the model lists.
      assert.equal(own.cross_validation_models.length, 2);
      for (const k of own.cross_validation_models)
        assert.equal((await c.get(`/3/Models/${k.name}`)).status, 200);
    }
  });

  it('continues a model from a checkpoint and refuses fewer epochs than it already has', async () => {
    const base = {
      training_frame: prostate,
      response_column: 'CAPSULE',
      hidden: '[4]',
      seed: '5',
      reproducible: 'True',
    };
    const first = await c.post('/3/ModelBuilders/deeplearning', { ...base, epochs: '1', model_id: 'ck1' });
    assert.equal((await c.waitJob(first.json.job.key.name)).status, 'DONE');
    const bad = await c.post('/3/ModelBuilders/deeplearning', { ...base, epochs: '0.5', checkpoint: 'ck1' });
    assert.equal(bad.status, 412);
    assert.equal(bad.json.messages[0].field_name, 'epochs');
    const more = await c.post('/3/ModelBuilders/deeplearning', {
      ...base,
      epochs: '3',
      checkpoint: 'ck1',
      model_id: 'ck2',
    });
    const job = await c.waitJob(more.json.job.key.name);
    assert.equal(job.status, 'DONE', job.exception);
    const o = (await c.get('/3/Models/ck2')).json.models[0].output;
    assert.ok(o.epoch_counter >= 3 - 1e-9, `epochs ${o.epoch_counter}`);
  });

  it('cancels a training job', async () => {
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: prostate,
      response_column: 'CAPSULE',
      hidden: '[50,50]',
      epochs: '100000',
    });
    await c.post(`/3/Jobs/${r.json.job.key.name}/cancel`);
    const job = await c.waitJob(r.json.job.key.name);
    assert.equal(job.status, 'CANCELLED');
  });

  it('shows the model with its growing scoring history while it trains', async () => {
    const r = await c.post('/3/ModelBuilders/deeplearning', {
      training_frame: prostate,
      response_column: 'CAPSULE',
      hidden: '[20]',
      epochs: '100000',
      score_each_iteration: 'True',
      train_samples_per_iteration: '100',
      model_id: 'live_dl',
    });
    const jobKey = r.json.job.key.name;
    let rows = 0;
    for (let tries = 0; tries < 200 && rows < 3; tries++) {
      await new Promise((res) => setTimeout(res, 25));
      const m = await c.get('/3/Models/live_dl');
      if (m.status === 200) rows = m.json.models[0].output.scoring_history.rowcount;
    }
    const running = (await c.get(`/3/Jobs/${jobKey}`)).json.jobs[0].status;
    await c.post(`/3/Jobs/${jobKey}/cancel`);
    await c.waitJob(jobKey);
    assert.equal(running, 'RUNNING');
    assert.ok(rows >= 3, `scoring history rows seen while training: ${rows}`);
  });
});
