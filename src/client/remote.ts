// The remote back-end: HTTP to an h2o-ts (or H2O-3) server with fetch. Form-encoded POSTs, query
// strings for GET/DELETE, optional basic login or bearer token, JSON answers.
import type { Transport, TransportAnswer } from '../schema/index.ts';

/** How to reach a server. */
export interface RemoteOptions {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** HTTP basic login (as `h2o.init(username=, password=)`). */
  username?: string;
  password?: string;
  /** Bearer token (`h2o-ts serve --token`). */
  token?: string;
}

/** A Transport over HTTP. */
export function remoteTransport(opts: RemoteOptions): Transport {
  const base = opts.url.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) throw new TypeError(`url: expected http://host:port, got '${opts.url}'`);
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  else if (opts.username !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')}`;
  return {
    async request(method, path, form): Promise<TransportAnswer> {
      const body = form === undefined ? undefined : new URLSearchParams(form).toString();
      const url = method === 'POST' || body === undefined ? base + path : `${base}${path}?${body}`;
      const r = await fetch(url, {
        method,
        headers:
          method === 'POST' ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
        body: method === 'POST' ? (body ?? '') : undefined,
      });
      const text = await r.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: H2OError below reports the text.
      }
      return { status: r.status, json };
    },
    async close() {},
  };
}
