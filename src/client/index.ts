// Public surface of client: the TypeScript SDK over the H2O v3 REST API (remote or embedded back-end).
export { encodeForm, encodeValue } from './encode.ts';
export { H2OResponseError } from './errors.ts';
export { H2O, H2OConnection, type TrainArgs } from './h2o.ts';
export { type ColumnData, FrameHandle, ModelHandle } from './handles.ts';
export { type RemoteOptions, remoteTransport } from './remote.ts';
