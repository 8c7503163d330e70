// The seam between the TypeScript SDK and a server: one request in H2O's REST vocabulary, one JSON
// answer. Remote (HTTP) and embedded (in-process) back-ends implement it; types only.

/** A JSON answer with its HTTP status. */
export interface TransportAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: REST JSON of any endpoint
  json: any;
}

/** Sends requests to an H2O v3 REST API. `form` values are already encoded as the clients spell them. */
export interface Transport {
  request(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    form?: Record<string, string>,
  ): Promise<TransportAnswer>;
  /** Releases what the back-end holds (an embedded server); a remote connection has nothing to close. */
  close(): Promise<void>;
}
