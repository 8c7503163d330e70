// DELETE /3/DKV (remove everything, keeping `retained_keys`) and DELETE /3/DKV/{key}.
import type { FastifyInstance } from 'fastify';
import { route } from '../app.ts';
import { notFound } from '../errors.ts';
import { meta } from '../meta.ts';
import type { ServerState } from '../state.ts';

/** Registers the DKV endpoints. */
export function registerDkv(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'DELETE', '/3/DKV', 'Remove all keys but retained_keys', (p) => {
    const retained = new Set(p.stringList('retained_keys') ?? []);
    state.catalog.clear(retained);
    return { __meta: meta('RemoveAllV3'), retained_keys: [...retained] };
  });
  route(app, state, 'DELETE', '/3/DKV/:key', 'Remove one key', (p) => {
    const key = p.required('key');
    if (!state.catalog.remove(key)) throw notFound('Key', key);
    return { __meta: meta('RemoveV3'), key: { name: key } };
  });
}
