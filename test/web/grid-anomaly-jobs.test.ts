// End to end in chromium: a grid built through the REST API, opened and ranked in the UI; an ECG
// autoencoder built through the form whose anomaly view highlights the known discords; a long
// training job cancelled from the cluster view. Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  importFrame,
  type JobJson,
  ROOT,
  rest,
  type Session,
  skipReason,
  startSession,
  waitJob,
} from './browser.ts';

const DATA = join(ROOT, '../shared/data/smalldata');
const skip = skipReason();

describe('web UI: grids, anomaly detection, cancelling a job', { skip, timeout: 120_000 }, () => {
  let s: Session;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.close();
  });

  it('opens a grid built through the REST API and ranks its models by a chosen metric', async () => {
    const { page } = s;
    await importFrame(s.url, join(DATA, 'iris/iris_wheader.csv'), 'iris.hex');
    const job = await rest<JobJson>(s.url, '/99/Grid/deeplearning', {
      form: {
        training_frame: 'iris.hex',
        response_column: 'class',
        grid_id: 'iris_grid',
        epochs: '2',
        seed: '7',
        reproducible: 'True',
        hyper_parameters: '{"hidden": [[3], [8]], "l1": [0, 0.01]}',
      },
    });
    assert.equal((await waitJob(s.url, job.key.name)).status, 'DONE');

    await page.goto(`${s.url}/#/grids`);
    await page.getByRole('link', { name: 'iris_grid' }).click();
    await page.getByRole('heading', { name: 'Grid iris_grid' }).waitFor();
    await page.locator('select[name="sort_by"]').selectOption('MSE');
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Models by MSE' }) });
    await table.waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const idCol = headers.indexOf('model_ids');
    const mseCol = headers.indexOf('MSE');
    assert.ok(idCol >= 0 && mseCol >= 0, `headers ${headers.join(' | ')}`);
    const shownIds = async () =>
      (await table.locator('tbody tr').all()).map((r) => r.locator('td').nth(idCol).textContent());

    // Naive reference: each model's training MSE from /3/Models, sorted ascending here.
    const grid = await rest<{ model_ids: { name: string }[] }>(s.url, '/99/Grids/iris_grid');
    assert.equal(grid.model_ids.length, 4);
    const mse = new Map<string, number>();
    for (const { name } of grid.model_ids) {
      const m = await rest<{ models: { output: { training_metrics: { MSE: number } } }[] }>(
        s.url,
        `/3/Models/${name}`,
      );
      mse.set(name, m.models[0].output.training_metrics.MSE);
    }
    const ascending = [...mse.keys()].sort((a, b) => (mse.get(a) ?? 0) - (mse.get(b) ?? 0));
    assert.deepEqual(await Promise.all(await shownIds()), ascending);

    // A header click re-sorts in the browser: twice on MSE gives the descending order.
    const mseHeader = table.locator('thead th').nth(mseCol).getByRole('button');
    await mseHeader.click();
    await mseHeader.click();
    assert.equal(await table.locator('thead th').nth(mseCol).getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await Promise.all(await shownIds()), [...ascending].reverse());
    await s.shot('grid');
    // A grid key that does not exist: the view says so, naming the key.
    await page.goto(`${s.url}/#/grids/no_such_grid`);
    const err = page.getByRole('alert');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /no_such_grid/);
    await page.goBack();
    // The best model by MSE opens from its cell.
    await table.getByRole('link', { name: ascending[0] }).click();
    await page.getByRole('heading', { name: `Model ${ascending[0]}` }).waitFor();
  });

  it('builds an ECG autoencoder in the form and highlights the three known discords', async () => {
    const { page } = s;
    await importFrame(s.url, join(DATA, 'anomaly/ecg_discord_train.csv'), 'ecg_train.hex');
    await importFrame(s.url, join(DATA, 'anomaly/ecg_discord_test.csv'), 'ecg_test.hex');
    await page.goto(`${s.url}/#/build?training_frame=ecg_train.hex`);
    await page.locator('#param-autoencoder').check();
    await page.locator('#param-activation').selectOption('Tanh');
    await page.locator('#param-hidden').fill('50,20,50');
    await page.locator('#param-epochs').fill('100');
    await page.locator('#param-seed').fill('1');
    await page.locator('.field.invalid').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Build model' }).click();
    await page.waitForURL(/#\/models\//);
    await page.locator('.status-done').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Anomaly scores' }).click();
    await page.locator('select[name="frame"]').selectOption('ecg_test.hex');
    await page.getByRole('button', { name: 'Score' }).click();
    const top = page.locator('table', {
      has: page.locator('caption', { hasText: 'highest reconstruction' }),
    });
    await top.waitFor();
    const rows = (await top.locator('tbody tr td:first-child').allTextContents()).map(Number);
    // ecg_discord_test.csv's lines 21-23 are the discords the booklet finds (H2O's ECG demo).
    assert.deepEqual(
      rows.slice(0, 3).sort((a, b) => a - b),
      [21, 22, 23],
    );
    const chart = page.locator('[aria-label="reconstruction error per row"] svg');
    const labels = await chart.locator('g[aria-label="text"] text').allTextContents();
    assert.equal(labels.length, 10, 'the ten highest errors are labelled');
    for (const r of [21, 22, 23]) assert.ok(labels.includes(`row ${r}`), `row ${r} labelled in ${labels}`);
    await s.shot('anomaly');
  });

  it('cancels a long training job from the cluster view and the server stays healthy', async () => {
    const { page } = s;
    await importFrame(s.url, join(DATA, 'covtype/covtype.20k.data'), 'covtype.hex');
    const job = await rest<JobJson>(s.url, '/3/ModelBuilders/deeplearning', {
      form: {
        training_frame: 'covtype.hex',
        response_column: 'C55',
        hidden: '[200,200]',
        epochs: '1000',
        stopping_rounds: '0',
        model_id: 'covtype_long',
      },
    });
    // Cancel mid-training rather than during setup: wait for the first progress report.
    const t0 = Date.now();
    await waitJob(s.url, job.key.name, (j) => j.progress > 0 || j.status !== 'RUNNING');
    console.log(`# covtype job: first progress after ${Date.now() - t0} ms`);
    await page.goto(`${s.url}/#/`);
    const row = page.locator('table.jobs tbody tr', {
      has: page.locator('code', { hasText: 'covtype_long' }),
    });
    await row.locator('.status-running').waitFor();
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.locator('.status-cancelled').waitFor({ timeout: 10_000 });
    await s.shot('job-cancelled');
    const j = await waitJob(s.url, job.key.name);
    assert.equal(j.status, 'CANCELLED');
    assert.ok(j.progress < 1, `cancelled at ${j.progress}`);
    // Healthy afterwards: the cloud answers, nothing runs, and the UI still navigates.
    const cloud = await rest<{ cloud_healthy: boolean }>(s.url, '/3/Cloud');
    assert.equal(cloud.cloud_healthy, true);
    const jobs = await rest<{ jobs: JobJson[] }>(s.url, '/3/Jobs');
    assert.deepEqual(
      jobs.jobs.filter((x) => x.status === 'RUNNING'),
      [],
    );
    await page.getByRole('link', { name: 'Frames', exact: true }).click();
    await page.getByRole('link', { name: 'covtype.hex' }).waitFor();
    // The model page of the cancelled job shows the status and, as H2O does, the model as far as it
    // was trained (the server publishes models while they train).
    await page.goto(`${s.url}/#/models/covtype_long?job=${encodeURIComponent(job.key.name)}`);
    await page.locator('.status-cancelled').waitFor();
    await page.getByRole('heading', { name: 'Scoring history' }).waitFor();
    await s.shot('model-cancelled');
  });

  it('cancels training from the model page', async () => {
    const { page } = s;
    const job = await rest<JobJson>(s.url, '/3/ModelBuilders/deeplearning', {
      // No early stopping: H2O's defaults stop after 5 scorings without improvement and at 0
      // training error (classification_stop), which iris reaches.
      form: {
        training_frame: 'iris.hex',
        response_column: 'class',
        epochs: '100000',
        stopping_rounds: '0',
        classification_stop: '-1',
        model_id: 'iris_long',
      },
    });
    await page.goto(`${s.url}/#/models/iris_long?job=${encodeURIComponent(job.key.name)}`);
    await page.locator('.status-running').waitFor();
    await s.shot('model-training');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.status-cancelled').waitFor({ timeout: 10_000 });
    assert.equal((await waitJob(s.url, job.key.name)).status, 'CANCELLED');
    assert.equal(await page.getByRole('button', { name: 'Cancel' }).count(), 0);
  });

  it('logs no console errors along the way beyond the one provoked above', () => {
    const provoked = /^404 GET .*\/99\/Grids\/no_such_grid$/;
    assert.deepEqual(
      s.failedRequests.filter((r) => !provoked.test(r)),
      [],
    );
    const unexpected = s.consoleErrors.filter(
      (e) => !/^Failed to load resource: the server responded/.test(e),
    );
    assert.deepEqual(unexpected, []);
  });
});
