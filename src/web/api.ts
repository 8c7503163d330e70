// The UI's only door to the server: the same v3 REST API the h2o clients use, with form-encoded
// POST bodies spelled as the Python client spells them, and H2O error bodies turned into ApiError.
import type { H2OErrorV3, H2OModelBuilderErrorV3, JobV3, ValidationMessageV3 } from '../schema/index.ts';

/** A failed call: the server's user message, HTTP status and (for 412) per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly url: string;
  readonly messages: ValidationMessageV3[];
  constructor(message: string, status: number, url: string, messages: ValidationMessageV3[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.url = url;
    this.messages = messages;
  }
}

/** A value as a form literal: booleans as True/False, lists as `[a,b]` with strings quoted. */
export function literal(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v))
    return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : literal(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${literal(x)}`)
      .join(',')}}`;
  }
  return String(v);
}

/** Form-encodes parameters, leaving out undefined and null (as the clients omit `None`). */
export function form(params: Record<string, unknown>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) u.set(k, literal(v));
  return u.toString();
}

async function call<T>(method: string, url: string, body?: BodyInit, contentType?: string): Promise<T> {
  let r: Response;
  try {
    r = await fetch(url, {
      method,
      body,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });
  } catch (e) {
    throw new ApiError(`cannot reach the server (${(e as Error).message})`, 0, url);
  }
  const text = await r.text();
  let json: unknown = null;
  if ((r.headers.get('content-type') ?? '').includes('json') && text !== '') json = JSON.parse(text);
  if (!r.ok) {
    const e = json as Partial<H2OModelBuilderErrorV3 & H2OErrorV3> | null;
    const msg = e?.msg ?? (text.slice(0, 300) || r.statusText);
    throw new ApiError(msg, r.status, url, e?.messages ?? []);
  }
  return json as T;
}

/** GET with query parameters. */
export function get<T>(path: string, query: Record<string, unknown> = {}): Promise<T> {
  const q = form(query);
  return call<T>('GET', q === '' ? path : `${path}?${q}`);
}

/** POST a form-encoded body. */
export function post<T>(path: string, params: Record<string, unknown> = {}): Promise<T> {
  return call<T>('POST', path, form(params), 'application/x-www-form-urlencoded');
}

/** DELETE with query parameters. */
export function del<T>(path: string, query: Record<string, unknown> = {}): Promise<T> {
  const q = form(query);
  return call<T>('DELETE', q === '' ? path : `${path}?${q}`);
}

/** Uploads raw bytes (PostFile): the server stores them as a raw key for ParseSetup. */
export function upload<T>(path: string, query: Record<string, unknown>, data: Blob): Promise<T> {
  return call<T>('POST', `${path}?${form(query)}`, data, 'application/octet-stream');
}

/** Path segment for a key: job and frame keys keep `$` raw (as the clients send them). */
export function seg(key: string): string {
  return encodeURIComponent(key).replace(/%24/g, '$');
}

/** Evaluates a Rapids expression. */
export function rapids<T = Record<string, unknown>>(ast: string): Promise<T> {
  return post<T>('/99/Rapids', { ast });
}

/** A frame key as a Rapids identifier (bare, as the Python client sends it); throws on keys Rapids cannot name. */
export function rid(key: string): string {
  if (!/^[^\s()'"[\]{}]+$/.test(key)) {
    throw new Error(
      `frame key '${key}' cannot be used in Rapids: keys may not contain spaces, quotes or brackets`,
    );
  }
  return key;
}

/** Polls a job until it leaves CREATED/RUNNING; `onTick` sees every poll. */
export async function waitJob(key: string, onTick?: (j: JobV3) => void, intervalMs = 250): Promise<JobV3> {
  for (;;) {
    const r = await get<{ jobs: JobV3[] }>(`/3/Jobs/${seg(key)}`);
    const j = r.jobs[0];
    onTick?.(j);
    if (j.status !== 'RUNNING' && j.status !== 'CREATED') return j;
    await new Promise((res) => setTimeout(res, intervalMs));
  }
}
