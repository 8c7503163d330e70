// Public surface of schema: the v3 REST JSON types (types only).

export type * from './transport.ts';
export type * from './v3.ts';
