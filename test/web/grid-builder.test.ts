// End to end in chromium: a grid built in the model-builder form (Flow's "Grid?" mode) over hidden
// and l1, followed through its job to the grid view that lists the four models ranked; bad grid
// values flagged beside their fields before anything is posted; no console errors.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importFrame, ROOT, rest, type Session, skipReason, startSession } from './browser.ts';

const DATA = join(ROOT, '../shared/data/smalldata');
const skip = skipReason();

interface ModelParam {
  name: string;
  actual_value: unknown;
}

describe('web UI: grid search from the model builder', { skip, timeout: 120_000 }, () => {
  let s: Session;
  const gridPosts: string[] = [];
  before(async () => {
    s = await startSession();
    s.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/99/Grid/')) gridPosts.push(r.postData() ?? '');
    });
    await importFrame(s.url, join(DATA, 'iris/iris_wheader.csv'), 'iris.hex');
  });
  after(async () => {
    await s?.close();
  });

  /** The builder on iris in grid mode, predicting class with one small epoch per model. */
  async function openGridBuilder(): Promise<void> {
    const { page } = s;
    // From another route, so the form starts afresh (the same hash would keep the form's state).
    await page.goto(`${s.url}/#/frames`);
    await page.goto(`${s.url}/#/build?training_frame=iris.hex`);
    await page.locator('#param-response_column').selectOption('class');
    await page.getByLabel('Grid search').check();
    await page.locator('#param-epochs').fill('1');
    await page.locator('#param-seed').fill('7');
  }

  it('grids over hidden and l1 in the form and lands on the grid with its 4 models ranked', async () => {
    const { page } = s;
    await openGridBuilder();
    await page.locator('input[name="grid-hidden"]').check();
    await page.locator('#param-hidden').fill('[4,4]; [8]');
    await page.locator('input[name="grid-l1"]').check();
    await page.locator('#param-l1').fill('0; 1e-4');
    await page.locator('#grid-grid_id').fill('iris_ui_grid');
    // Live validation (each grid value through /parameters) finds nothing wrong.
    await page.waitForTimeout(600);
    assert.equal(await page.locator('.field.invalid').count(), 0);
    await s.shot('grid-builder');
    await page.getByRole('button', { name: 'Build grid' }).click();
    await page.waitForURL(/#\/grids\/iris_ui_grid\?job=/);
    await page.locator('.status-done').waitFor({ timeout: 60_000 });

    // What reached the server: the two lists as a JSON dict, Cartesian criteria, the fixed epochs.
    assert.equal(gridPosts.length, 1);
    const sent = new URLSearchParams(gridPosts[0]);
    assert.deepEqual(JSON.parse(sent.get('hyper_parameters') ?? ''), {
      hidden: [[4, 4], [8]],
      l1: [0, 1e-4],
    });
    assert.deepEqual(JSON.parse(sent.get('search_criteria') ?? ''), { strategy: 'Cartesian' });
    assert.equal(sent.get('epochs'), '1');
    assert.equal(sent.get('hidden'), null);

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Models by' }) });
    // The view reloads the grid once the job is DONE; a fourth row appears then at the latest.
    await table.locator('tbody tr').nth(3).waitFor({ timeout: 10_000 });
    assert.equal(await table.locator('tbody tr').count(), 4);
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const col = (name: string) => headers.indexOf(name);
    const metricCol = headers.length - 1;
    assert.ok(col('hidden') >= 0 && col('l1') >= 0 && col('model_ids') >= 0, headers.join(' | '));
    const rows = await Promise.all(
      (await table.locator('tbody tr').all()).map(async (r) =>
        (await r.locator('td').allTextContents()).map((t) => t.trim()),
      ),
    );
    // Every combination exactly once, each model trained with the values its row shows.
    const combos = rows.map((r) => `${r[col('hidden')]} / ${Number(r[col('l1')])}`).sort();
    assert.deepEqual(combos, ['[4, 4] / 0', '[4, 4] / 0.0001', '[8] / 0', '[8] / 0.0001']);
    for (const r of rows) {
      const m = await rest<{ models: { parameters: ModelParam[] }[] }>(
        s.url,
        `/3/Models/${r[col('model_ids')]}`,
      );
      const actual = (n: string) => m.models[0].parameters.find((p) => p.name === n)?.actual_value;
      assert.equal(`[${(actual('hidden') as number[]).join(', ')}]`, r[col('hidden')]);
      assert.equal(actual('l1'), Number(r[col('l1')]));
      assert.equal(actual('epochs'), 1);
    }
    // Ranked: the metric column (the grid's sort_by, lower is better for iris's default) never decreases.
    const grid = await rest<{ sort_by: string; decreasing: boolean }>(s.url, '/99/Grids/iris_ui_grid');
    assert.equal(headers[metricCol], grid.sort_by);
    assert.equal(grid.decreasing, false);
    const metric = rows.map((r) => Number(r[metricCol]));
    for (let i = 1; i < metric.length; i++)
      assert.ok(metric[i - 1] <= metric[i], `${grid.sort_by}: ${metric.join(', ')}`);
    await s.shot('grid-built');
  });

  it('runs a RandomDiscrete search that stops at max_models', async () => {
    const { page } = s;
    await openGridBuilder();
    await page.locator('input[name="grid-hidden"]').check();
    await page.locator('#param-hidden').fill('[2]; [3]; [5]');
    await page.locator('#grid-strategy').selectOption('RandomDiscrete');
    await page.locator('#grid-max_models').fill('2');
    await page.locator('#grid-seed').fill('3');
    await page.locator('#grid-grid_id').fill('iris_random');
    await page.getByRole('button', { name: 'Build grid' }).click();
    await page.waitForURL(/#\/grids\/iris_random\?job=/);
    await page.locator('.status-done').waitFor({ timeout: 60_000 });
    const sent = new URLSearchParams(gridPosts[gridPosts.length - 1]);
    assert.deepEqual(JSON.parse(sent.get('search_criteria') ?? ''), {
      strategy: 'RandomDiscrete',
      max_models: 2,
      seed: 3,
    });
    const grid = await rest<{ model_ids: unknown[] }>(s.url, '/99/Grids/iris_random');
    assert.equal(grid.model_ids.length, 2);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Models by' }) });
    await table.locator('tbody tr').nth(1).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 2);
  });

  it('flags a grid value that does not parse beside its field and posts nothing', async () => {
    const { page } = s;
    const before = gridPosts.length;
    await openGridBuilder();
    await page.locator('input[name="grid-hidden"]').check();
    await page.locator('#param-hidden').fill('[4,x]; [8]');
    const msg = page.locator('#param-hidden-msg');
    await msg.waitFor();
    assert.match((await msg.textContent()) ?? '', /hidden: grid value 1 'x' is not a number/);
    assert.equal(await page.locator('.field.invalid #param-hidden').count(), 1);
    // A repeated value is flagged too (it would train the same model twice).
    await page.locator('#param-hidden').fill('[8]; 8');
    await page.locator('#param-hidden-msg', { hasText: "grid value 2 '8' is repeated" }).waitFor();
    // A RandomDiscrete limit that is not a whole number sits beside its own field.
    await page.locator('#grid-strategy').selectOption('RandomDiscrete');
    await page.locator('#grid-max_models').fill('2.5');
    await page
      .locator('#grid-max_models-msg', { hasText: "max_models: '2.5' is not a whole number" })
      .waitFor();
    await page.getByRole('button', { name: 'Build grid' }).click();
    await page.getByText('fix the highlighted parameters first').waitFor();
    assert.match(page.url(), /#\/build/);
    assert.equal(gridPosts.length, before);
    await s.shot('grid-builder-errors');
  });

  it('shows the server’s validation of a grid value beside its field', async () => {
    const { page } = s;
    await openGridBuilder();
    await page.locator('input[name="grid-hidden"]').check();
    // Parses, but the server's /parameters refuses a layer of 0 units: the message names the value.
    await page.locator('#param-hidden').fill('[8]; [0]');
    const msg = page.locator('#param-hidden-msg', { hasText: '[0]' });
    await msg.waitFor();
    assert.match((await msg.textContent()) ?? '', /^\[0\]: Hidden layer size must be positive.*got \[0\]/);
    assert.doesNotMatch((await msg.textContent()) ?? '', /\[8\]:/);
  });

  it('logs no console errors and no failed requests', () => {
    assert.deepEqual(s.failedRequests, []);
    assert.deepEqual(s.consoleErrors, []);
  });
});
