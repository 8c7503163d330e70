// Helpers for the browser end-to-end tests: Debian's chromium driven by playwright-core, a server
// on 127.0.0.1 (any free port), the UI bundle built when missing, and console-error capture.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type H2OServer } from '../../src/server/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'test-output', 'web');

/** Why the browser tests cannot run here, or undefined when they can. */
export function skipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const root = process.getuid?.() === 0;
  // CI runs as root and installs chromium (.ci/run); failing there is right, skipping is not.
  if (root) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  return `browser tests skipped: ${CHROMIUM} is missing and we are not root to install it (apt-get install -y chromium)`;
}

/** Builds dist/web when it is absent (npm test builds it first through `pretest`). */
export function ensureBundle(): void {
  if (existsSync(join(ROOT, 'dist/web/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

/** A running server, a headless browser and a page with console errors collected. */
export interface Session {
  server: H2OServer;
  url: string;
  browser: BrowserContext;
  page: Page;
  consoleErrors: string[];
  /** `STATUS METHOD URL` of every answer >= 400 the page received, to say what a console error was. */
  failedRequests: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server and chromium (1280x800, as the issue asks the UI to be readable at). */
export async function startSession(): Promise<Session> {
  ensureBundle();
  mkdirSync(SHOTS, { recursive: true });
  const server = await createServer({ ip: '127.0.0.1', port: 0 });
  const url = await server.listen();
  let browser: BrowserContext;
  try {
    // A new, empty profile each run (playwright takes it as launchPersistentContext's folder).
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'h2o-ts-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (e) {
    // A listening server would keep the test process alive after the failure.
    await server.close();
    throw e;
  }
  const page = browser.pages()[0] ?? (await browser.newPage());
  // Fail a step in seconds rather than hang the suite.
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const failedRequests: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return {
    server,
    url,
    browser,
    page,
    consoleErrors,
    failedRequests,
    shot: async (name) => {
      // From the top: a full-page capture of a scrolled page paints the sticky header mid-page.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A JSON call to the server's REST API (outside the browser), failing on a non-2xx answer. */
export async function rest<T = Record<string, unknown>>(
  url: string,
  path: string,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<T> {
  const r = await fetch(`${url}${path}`, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    headers: init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${r.status} ${text.slice(0, 300)}`);
  return (r.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
}

/** The parts of a JobV3 the tests read. */
export interface JobJson {
  key: { name: string };
  status: string;
  progress: number;
  dest: { name: string } | null;
}

/** Polls /3/Jobs/{key} until `until` accepts the job (default: it left CREATED/RUNNING). */
export async function waitJob(
  url: string,
  key: string,
  until: (j: JobJson) => boolean = (j) => j.status !== 'RUNNING' && j.status !== 'CREATED',
): Promise<JobJson> {
  for (;;) {
    const j = (await rest<{ jobs: JobJson[] }>(url, `/3/Jobs/${key}`)).jobs[0];
    if (until(j)) return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Imports and parses a file through the REST API (the UI's import is covered by flow.test.ts); throws unless the parse job is DONE. */
export async function importFrame(url: string, path: string, dest: string): Promise<void> {
  const imp = await rest<{ destination_frames: string[] }>(url, '/3/ImportFilesMulti', {
    form: { paths: JSON.stringify([path]) },
  });
  const setup = await rest<{ column_types: string[]; check_header: number; separator: number }>(
    url,
    '/3/ParseSetup',
    { form: { source_frames: JSON.stringify(imp.destination_frames) } },
  );
  const parse = await rest<{ job: JobJson }>(url, '/3/Parse', {
    form: {
      source_frames: JSON.stringify(imp.destination_frames),
      destination_frame: dest,
      separator: String(setup.separator),
      check_header: String(setup.check_header),
      column_types: JSON.stringify(setup.column_types),
      delete_on_done: 'True',
      blocking: 'False',
    },
  });
  const done = await waitJob(url, parse.job.key.name);
  if (done.status !== 'DONE') throw new Error(`parse of ${path}: job ${done.status}`);
}
