// End to end in a real browser: the booklet's workflow through the UI against a real server.
// Screenshots of the main views go to test-output/web/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, type Session, skipReason, startSession } from './browser.ts';

const IRIS = join(ROOT, '../shared/data/smalldata/iris/iris_wheader.csv');
const skip = skipReason();

describe('web UI in chromium', { skip, timeout: 120_000 }, () => {
  let s: Session;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.close();
  });

  it('shows the cluster and becomes interactive within 1 s of navigation', async () => {
    const { page } = s;
    const t0 = Date.now();
    await page.goto(s.url);
    await page.getByRole('link', { name: 'Import' }).waitFor();
    const interactiveMs = Date.now() - t0;
    await page.getByText('Cores').waitFor();
    assert.ok(interactiveMs < 1000, `navigation to a clickable UI took ${interactiveMs} ms`);
    console.log(`# UI interactive ${interactiveMs} ms after navigation`);
    await s.shot('cluster');
  });

  it('imports iris with a parse-setup preview, parses it and shows column summaries', async () => {
    const { page } = s;
    // Keyboard only: Tab order reaches the navigation, Enter follows the link.
    await page.getByRole('link', { name: 'Import' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Path, folder or URL on the server').fill(IRIS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Parse setup' }).waitFor();
    assert.equal(await page.getByLabel('name of column 5').inputValue(), 'class');
    assert.equal(await page.getByLabel('type of column 5').inputValue(), 'Enum');
    assert.equal(await page.getByLabel('type of column 1').inputValue(), 'Numeric');
    // The first preview row is iris' first data line.
    assert.match(
      await page.locator('table.preview tbody tr').first().innerText(),
      /5\.1\s+3\.5\s+1\.4\s+0\.2\s+Iris-setosa/,
    );
    await s.shot('import-parse-setup');
    await page.getByRole('button', { name: 'Parse' }).click();
    await page.getByRole('link', { name: 'iris_wheader.hex' }).click();
    await page.getByRole('heading', { name: 'Frame iris_wheader.hex' }).waitFor();
    await page.getByText('150 rows, 5 columns').waitFor();
    // sepal_len: min 4.3, max 7.9 (iris, well known); one histogram per column.
    const sepal = page.locator('table.columns tbody tr').first();
    assert.match(await sepal.innerText(), /sepal_len\s+real\s+4\.3\s+7\.9/);
    assert.equal(await page.locator('table.columns .chart svg').count(), 5);
    await s.shot('frame-summary');
  });

  it('converts a column to a factor and splits the frame', async () => {
    const { page } = s;
    const petalWid = page.locator('table.columns tbody tr', { hasText: 'petal_wid' });
    await petalWid.getByRole('button', { name: 'To factor' }).click();
    await page.locator('table.columns tbody tr', { hasText: 'petal_wid' }).getByText('enum').waitFor();
    // petal_wid has 22 distinct values in iris.
    assert.match(
      await page.locator('table.columns tbody tr', { hasText: 'petal_wid' }).innerText(),
      /enum[\s\S]*\b22\b/,
    );
    await page.getByRole('button', { name: 'Split' }).click();
    await page.getByRole('link', { name: 'iris_wheader_valid.hex' }).waitFor();
    await page.getByRole('link', { name: 'Frames', exact: true }).click();
    const rows = page.locator('table tbody tr');
    await page.getByRole('link', { name: 'iris_wheader_train.hex' }).waitFor();
    const text = await rows.allInnerTexts();
    const count = (k: string) => Number(text.find((t) => t.startsWith(k))?.split('\t')[1]);
    assert.equal(count('iris_wheader_train.hex') + count('iris_wheader_valid.hex'), 150);
    await s.shot('frames');
  });

  it('shows a server error next to the import field that caused it', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Path, folder or URL on the server').fill('/no/such/file.csv');
    await page.getByRole('button', { name: 'Import' }).click();
    const err = page.getByRole('alert');
    await err.waitFor();
    assert.match(await err.innerText(), /no\/such\/file\.csv/);
    await s.shot('import-error');
  });

  it('logs no console errors along the way', () => {
    // A failed fetch logs "Failed to load resource"; the import error above was a 200 with `fails`
    // or a 4xx, so only 4xx resource lines from that step are allowed.
    const unexpected = s.consoleErrors.filter(
      (e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e),
    );
    assert.deepEqual(unexpected, []);
  });
});
