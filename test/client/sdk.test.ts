import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { encodeValue, H2O, type H2OConnection, H2OResponseError } from '../../src/client/index.ts';
import { createServer, embeddedTransport } from '../../src/server/index.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// The SDK against both back-ends with one scenario: the same calls must give the same shapes.
const PROSTATE = join(SHARED, 'data/smalldata/logreg/prostate.csv');

async function scenario(h2o: H2OConnection, tag: string): Promise<void> {
  assert.equal((await h2o.cloud()).cloud_healthy, true);
  const frame = await h2o.importFile(PROSTATE, { destinationFrame: `prostate_${tag}` });
  await frame.asfactor('CAPSULE');
  const dim = await frame.dim();
  assert.equal(dim.nRows, 380);
  const model = await h2o.train({
    training_frame: frame,
    x: ['AGE', 'PSA', 'VOL', 'GLEASON'],
    y: 'CAPSULE',
    hidden: [4],
    epochs: 2,
    reproducible: true,
    seed: 11,
    activation: 'Tanh',
  });
  assert.equal(model.category, 'Binomial');
  // 4 predictors -> the input layer has 4 units; ID, RACE, DPROS, DCAPS were ignored.
  assert.deepEqual(model.json.output.model_summary.data[2], [4, 4, 2]);
  const perf = await model.performance(frame);
  assert.ok(Math.abs(perf.MSE - model.mse()) < 1e-12, 'training metrics are on the full frame here');
  const pred = await model.predict(frame);
  const head = await pred.head(3);
  assert.equal(head.length, 3);
  // Integer-like keys sort first in a JS object, so compare as a set.
  assert.deepEqual(Object.keys(head[0]).sort(), ['0', '1', 'predict']);
  assert.ok(head[0].predict === '0' || head[0].predict === '1');
  const dir = `/tmp/h2ots-sdk-${tag}-${process.pid}`;
  const path = await model.save(`${dir}/m`, { force: true });
  await model.remove();
  const loaded = await h2o.loadModel(path);
  assert.equal(loaded.id, model.id);
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(await model.crossValidationModels(), []);
  // A grid with nfolds: every model's fold models are on the server under the keys it lists.
  const grid = await h2o.grid(
    {
      training_frame: frame,
      x: ['AGE', 'PSA'],
      y: 'CAPSULE',
      epochs: 1,
      nfolds: 2,
      reproducible: true,
      seed: 3,
    },
    { hidden: [[2], [3]] },
  );
  assert.equal(grid.models.length, 2);
  for (const m of grid.models) {
    const folds = await m.crossValidationModels();
    assert.deepEqual(
      folds.map((f) => f.id),
      [`${m.id}_cv_1`, `${m.id}_cv_2`],
    );
    assert.equal(folds[0].category, 'Binomial');
  }
  await assert.rejects(
    h2o.train({ training_frame: frame, y: 'CAPSULE', activation: 'relu' }),
    (e: unknown) =>
      e instanceof H2OResponseError && e.status === 412 && e.messages[0].field_name === 'activation',
  );
}

describe('the TypeScript SDK', () => {
  const toClose: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of toClose) await c();
  });

  it('encodes values as the python client does', () => {
    assert.equal(encodeValue(true), 'True');
    assert.equal(encodeValue([32, 32]), '[32,32]');
    assert.equal(encodeValue(['C1', 'a,b']), '["C1","a,b"]');
    assert.equal(
      encodeValue({ hidden: [[3], [4, 2]], strategy: 'Cartesian' }),
      '{"hidden": [[3],[4,2]],"strategy": "Cartesian"}',
    );
  });

  it('imports, converts, trains, predicts, saves and loads against a remote server over HTTP', async () => {
    const server = await createServer({ port: 0 });
    const url = await server.listen();
    toClose.push(() => server.close());
    await scenario(H2O.connect({ url }), 'remote');
  });

  it('does the same with the embedded back-end', async () => {
    const h2o = H2O.connect({ transport: await embeddedTransport() });
    toClose.push(() => h2o.close());
    await scenario(h2o, 'embedded');
  });
});
