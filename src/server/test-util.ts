// Helpers for the server's contract tests: a server answered through fastify's inject (no socket),
// form-encoded POSTs as the clients send them, and a job poller.
import { createServer, type H2OServer } from './app.ts';
import type { ServerOptions } from './state.ts';

/** A JSON answer. */
export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary JSON shapes
  json: any;
  contentType: string;
}

/** A test client over fastify's inject. */
export interface TestClient {
  server: H2OServer;
  get(url: string): Promise<Answer>;
  post(url: string, form?: Record<string, string>): Promise<Answer>;
  del(url: string): Promise<Answer>;
  /** Polls /3/Jobs/{key} until the job leaves RUNNING; returns the final JobV3. */
  // biome-ignore lint/suspicious/noExplicitAny: JobV3 as JSON
  waitJob(key: string): Promise<any>;
  close(): Promise<void>;
}

/** Starts a server (not listening) for inject-based tests. */
export async function testClient(options: ServerOptions = {}): Promise<TestClient> {
  const server = await createServer(options);
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, form?: Record<string, string>) => {
    const r = await server.app.inject({
      method,
      url,
      ...(form === undefined
        ? {}
        : {
            payload: new URLSearchParams(form).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
    });
    const ct = String(r.headers['content-type'] ?? '');
    return { status: r.statusCode, json: ct.includes('json') ? r.json() : r.body, contentType: ct };
  };
  const client: TestClient = {
    server,
    get: (url) => call('GET', url),
    post: (url, form = {}) => call('POST', url, form),
    del: (url) => call('DELETE', url),
    async waitJob(key) {
      for (;;) {
        const r = await call('GET', `/3/Jobs/${key}`);
        const job = r.json.jobs[0];
        if (job.status !== 'RUNNING' && job.status !== 'CREATED') return job;
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    close: () => server.close(),
  };
  return client;
}

/** Imports and parses a file through ImportFilesMulti, ParseSetup and Parse; returns the frame key. */
export async function importThroughApi(c: TestClient, path: string): Promise<string> {
  const imp = await c.post('/3/ImportFilesMulti', { paths: `[${path}]` });
  const src = `[${imp.json.destination_frames.map((k: string) => `"${k}"`).join(',')}]`;
  const setup = await c.post('/3/ParseSetup', { source_frames: src, check_header: '0' });
  const parse = await c.post('/3/Parse', {
    source_frames: src,
    destination_frame: setup.json.destination_frame,
    column_types: `[${setup.json.column_types.map((t: string) => `"${t}"`).join(',')}]`,
    check_header: String(setup.json.check_header),
    delete_on_done: 'True',
    blocking: 'False',
  });
  const job = await c.waitJob(parse.json.job.key.name);
  if (job.status !== 'DONE') throw new Error(`parse failed: ${job.exception}`);
  return setup.json.destination_frame;
}

/** p50, p99 and max of a list of milliseconds (nearest-rank percentiles). */
export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `ms` (not modified). */
export function latencySummary(ms: readonly number[]): LatencySummary {
  const s = [...ms].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.max(0, Math.ceil(s.length * q) - 1)];
  return { n: s.length, p50: rank(0.5), p99: rank(0.99), max: s[s.length - 1] };
}

/** "p50 1.6 ms, p99 14.7 ms, max 29.1 ms" */
export function formatLatency(l: LatencySummary): string {
  return `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms (${l.n} calls)`;
}

/** A client over a real socket (the latency tests and bench/server-latency.ts need one). */
export function socketClient(url: string) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers
    async post(path: string, form: Record<string, string> = {}): Promise<any> {
      return (await fetch(url + path, { method: 'POST', body: new URLSearchParams(form) })).json();
    },
    /** GETs `path` and returns the JSON with the round-trip time in milliseconds. */
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers
    async timedGet(path: string): Promise<{ json: any; ms: number }> {
      const t0 = performance.now();
      const json = await (await fetch(url + path)).json();
      return { json, ms: performance.now() - t0 };
    },
  };
}

/** Imports and parses a server-side file over the socket (blocking parse); returns the frame key. */
export async function importOverSocket(url: string, path: string, dest: string): Promise<string> {
  const c = socketClient(url);
  const imp = await c.post('/3/ImportFilesMulti', { paths: `[${path}]` });
  const src = JSON.stringify(imp.destination_frames);
  const setup = await c.post('/3/ParseSetup', { source_frames: src });
  const parse = await c.post('/3/Parse', {
    source_frames: src,
    destination_frame: dest,
    column_types: JSON.stringify(setup.column_types),
    check_header: String(setup.check_header),
    blocking: 'True',
  });
  if (parse.job?.status !== 'DONE') throw new Error(`parse of ${path} failed: ${JSON.stringify(parse)}`);
  return dest;
}
