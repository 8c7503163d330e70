// End to end in chromium: upload a file (PostFile), train a binomial model and check its ROC curve
// against a naive AUC computed here, download the POJO and JS module, save the model, delete it and
// load it back. Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type JobJson, ROOT, rest, type Session, skipReason, startSession, waitJob } from './browser.ts';

const PROSTATE = join(ROOT, '../shared/data/smalldata/logreg/prostate.csv');
const skip = skipReason();

/** prostate.csv as objects keyed by header name (all columns are numeric). */
function prostateRows(): Record<string, number>[] {
  const [head, ...lines] = readFileSync(PROSTATE, 'utf8').trim().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], Number(v)])));
}

/**
 * Deliberately naive AUC: the share of (positive, negative) pairs the score orders correctly, ties
 * counting one half (the Mann-Whitney form of the area under the ROC curve).
 */
function naiveAuc(scores: number[], labels: number[]): number {
  let good = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      good += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return good / pairs;
}

describe('web UI: upload, ROC, exports, save and load', { skip, timeout: 120_000 }, () => {
  let s: Session;
  let modelKey = '';
  let auc = Number.NaN;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.close();
  });

  it('shows an upload that cannot be parsed next to the upload field', async () => {
    const { page } = s;
    await page.goto(`${s.url}/#/import`);
    const upload = page.locator('input[type="file"][name="upload"]');
    await upload.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    const err = page.locator('label', { has: upload }).locator('+ [role="alert"]');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /empty\.csv/);
    await s.shot('upload-error');
  });

  it('uploads prostate.csv, makes CAPSULE a factor in the parse setup and parses it', async () => {
    const { page } = s;
    await page.locator('input[type="file"][name="upload"]').setInputFiles(PROSTATE);
    await page.getByRole('heading', { name: 'Parse setup' }).waitFor();
    assert.equal(await page.getByLabel('name of column 2').inputValue(), 'CAPSULE');
    // CAPSULE holds 0/1, so the guess is Numeric; a classifier needs it as a factor.
    assert.equal(await page.getByLabel('type of column 2').inputValue(), 'Numeric');
    await page.getByLabel('type of column 2').selectOption('Enum');
    await page.locator('input[name="destination_frame"]').fill('prostate.hex');
    await s.shot('upload-parse-setup');
    await page.getByRole('button', { name: 'Parse' }).click();
    await page.getByRole('link', { name: 'prostate.hex' }).click();
    await page.getByText('380 rows, 9 columns').waitFor();
    const capsule = page.locator('table.columns tbody tr', { hasText: 'CAPSULE' });
    assert.match((await capsule.textContent()) ?? '', /CAPSULE\s*enum/);
  });

  it('trains a binomial model whose ROC curve has the AUC of a naive pairwise count', async () => {
    const { page } = s;
    await page.goto(`${s.url}/#/build?training_frame=prostate.hex`);
    await page.locator('#param-response_column').selectOption('CAPSULE');
    await page.locator('#param-hidden').fill('8');
    await page.locator('#param-epochs').fill('10');
    await page.locator('#param-seed').fill('42');
    // reproducible is an expert parameter, folded away until opened.
    await page.getByText('Expert parameters').click();
    await page.locator('#param-reproducible').check();
    await page.locator('.field.invalid').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Build model' }).click();
    await page.waitForURL(/#\/models\//);
    await page.locator('.status-done').waitFor({ timeout: 60_000 });
    modelKey = decodeURIComponent(/#\/models\/([^?]+)/.exec(page.url())?.[1] ?? '');
    const roc = page.locator('[aria-label="Training ROC ROC curve"] svg');
    await roc.waitFor();
    // The page shows the model while it trains and fetches it again once the job is done: the chart
    // may still hold an earlier scoring for a moment after the job bar says done.
    const chartAuc = async () => {
      const shown = /AUC (\d\.\d{4})/.exec((await roc.textContent()) ?? '');
      assert.ok(shown, 'the ROC chart states its AUC');
      return Number(shown[1]);
    };

    // The same model's p1 on the training frame, scored through the REST API.
    const job = await rest<JobJson>(
      s.url,
      `/4/Predictions/models/${encodeURIComponent(modelKey)}/frames/prostate.hex`,
      { method: 'POST' },
    );
    const done = await waitJob(s.url, job.key.name);
    assert.equal(done.status, 'DONE');
    const csv = await rest<string>(
      s.url,
      `/3/DownloadDataset?frame_id=${encodeURIComponent(done.dest?.name ?? '')}`,
    );
    const [head, ...lines] = csv.trim().split('\n');
    // H2O names integer levels' columns p0, p1; ours are named after the levels ('0', '1') for now.
    const p1Col = head.split(',').findIndex((h) => ['p1', '1'].includes(h.replace(/"/g, '')));
    assert.ok(p1Col > 0, `a p1 column in the prediction CSV header: ${head}`);
    const p1 = lines.map((l) => Number(l.split(',')[p1Col]));
    const labels = prostateRows().map((r) => r.CAPSULE);
    assert.equal(p1.length, labels.length);
    const expected = naiveAuc(p1, labels);
    // The chart rounds to 4 decimals; float32 scores may tie or split differently in the last bits.
    // Up to 10 s for the final model's fetch (see above); a chart that never agrees fails.
    for (let t = Date.now(); ; ) {
      auc = await chartAuc();
      if (Math.abs(auc - expected) < 2e-3 || Date.now() - t > 10_000) break;
      await page.waitForTimeout(200);
    }
    assert.ok(Math.abs(auc - expected) < 2e-3, `ROC chart AUC ${auc}, naive pairwise AUC ${expected}`);
    // The curve itself: a path from (0,0) to (1,1) through the model's thresholds.
    // Plot draws one `line` group per mark: the chance diagonal first, then the curve.
    const curve = roc.locator('g[aria-label="line"]').last().locator('path');
    const d = (await curve.getAttribute('d')) ?? '';
    assert.ok(d.split(/[ML]/).length > 20, `ROC path has ${d.split(/[ML]/).length} vertices`);
    // Sent by the form: training_frame, response_column, hidden, seed, reproducible = 5 (epochs 10
    // is H2O's default, so the form leaves it out, as the clients do).
    assert.match(
      (await page.locator('summary', { hasText: 'Parameters' }).textContent()) ?? '',
      /Parameters \(5 set\b/,
    );
    await s.shot('model-binomial-roc');
  });

  it('downloads the POJO and a JS module that scores like the server', async () => {
    const { page } = s;
    const pojoLink = page.getByRole('link', { name: 'Download POJO' });
    const [pojo] = await Promise.all([page.waitForEvent('download'), pojoLink.click()]);
    const dir = mkdtempSync(join(tmpdir(), 'h2o-ts-web-export-'));
    const javaPath = join(dir, pojo.suggestedFilename());
    await pojo.saveAs(javaPath);
    assert.match(pojo.suggestedFilename(), /\.java$/);
    const java = readFileSync(javaPath, 'utf8');
    const cls = pojo.suggestedFilename().replace(/\.java$/, '');
    assert.match(java, new RegExp(`public class ${cls}\\b`));
    assert.match(java, /score0\(double\[\] data, double\[\] preds\)/);

    const [js] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JS module' }).click(),
    ]);
    const jsPath = join(dir, js.suggestedFilename());
    await js.saveAs(jsPath);
    assert.match(jsPath, /\.mjs$/);
    const mod = (await import(pathToFileURL(jsPath).href)) as {
      predict(row: Record<string, unknown>): Record<string, unknown>;
    };
    // The server's prediction of the first prostate row, through the UI's predict table.
    await page.locator('select[name="predict_frame"]').selectOption('prostate.hex');
    await page.getByRole('button', { name: 'Predict' }).click();
    const first = page.locator('table.predictions tbody tr').first();
    await first.waitFor();
    const cells = (await first.locator('td').allTextContents()).map((t) => t.trim());
    const headers = await page.locator('table.predictions thead th').allTextContents();
    assert.equal(headers.length, 3);
    assert.equal(headers[0], 'predict');
    // predict() keys probabilities by class level ('0', '1'; CAPSULE's domain).
    const out = mod.predict(prostateRows()[0]);
    assert.equal(String(out.predict), cells[0]);
    // Four significant digits shown in the table.
    const p1 = Number(out['1']);
    assert.ok(Math.abs(p1 - Number(cells[2])) < 5e-4, `JS p1 ${p1} vs server ${cells[2]}`);
  });

  it('saves the model, deletes it and loads it back from the saved file', async () => {
    const { page } = s;
    const dir = mkdtempSync(join(tmpdir(), 'h2o-ts-web-save-'));
    await page.locator('input[name="save_dir"]').fill(dir);
    await page.getByRole('button', { name: 'Save model' }).click();
    const saved = page.getByText(/^Saved to /);
    await saved.waitFor();
    const path = ((await saved.textContent()) ?? '').replace(/^Saved to /, '');
    assert.equal(path, join(dir, modelKey));
    await s.shot('model-saved');

    await page.getByRole('link', { name: 'Models', exact: true }).click();
    const row = page.locator('table tbody tr', { hasText: modelKey });
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });

    // A wrong path first: the error sits beside the load form and names the path.
    await page.locator('input[name="load_dir"]').fill(join(dir, 'no-such-model'));
    await page.getByRole('button', { name: 'Load' }).click();
    const err = page.locator('form', { has: page.locator('input[name="load_dir"]') }).getByRole('alert');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /no-such-model/);
    await s.shot('models-load-error');

    await page.locator('input[name="load_dir"]').fill(path);
    await page.getByRole('button', { name: 'Load' }).click();
    await page.waitForURL(new RegExp(`#/models/${encodeURIComponent(modelKey)}`));
    const roc = page.locator('[aria-label="Training ROC ROC curve"] svg');
    await roc.waitFor();
    assert.match((await roc.textContent()) ?? '', new RegExp(`AUC ${auc.toFixed(4)}`));
    await s.shot('model-loaded');
  });

  it('logs no console errors along the way beyond the two provoked above', () => {
    // The failed resource loads are exactly the empty upload's ParseSetup and the wrong load path.
    const provoked = [/^400 POST .*\/3\/ParseSetup$/, /^404 POST .*\/99\/Models\.bin\/$/];
    assert.deepEqual(
      s.failedRequests.filter((r) => !provoked.some((p) => p.test(r))),
      [],
    );
    const unexpected = s.consoleErrors.filter(
      (e) => !/^Failed to load resource: the server responded/.test(e),
    );
    assert.deepEqual(unexpected, []);
  });
});
