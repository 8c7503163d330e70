// Saved models: one self-describing, versioned binary file — magic, a JSON header, then the network's
// typed arrays, each 8-byte aligned. Written to a temporary name and renamed, so a crash never
// leaves a half-written model; read back with every size checked, so a corrupt file is an error.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { H2OInputError } from '../../core/index.ts';
import { DeepLearningModel, type ModelOutput } from '../deep-learning-model.ts';
import { Network, type NetworkState } from '../network/index.ts';

const MAGIC = 'H2OTS-DL';
const FORMAT_VERSION = 1;
const BUFFER_KEYS = [
  'weights',
  'biases',
  'eg2W',
  'edx2W',
  'eg2B',
  'edx2B',
  'velW',
  'velB',
  'meanActivation',
] as const;
type BufferKey = (typeof BUFFER_KEYS)[number];

interface BufferEntry {
  key: BufferKey;
  dtype: 'f32' | 'f64';
  byteOffset: number;
  length: number;
}

/** Serialises a model to bytes (see file header for the layout). */
export function modelToBytes(model: DeepLearningModel): Uint8Array {
  const state = model.network.state();
  const entries: BufferEntry[] = [];
  const arrays: (Float32Array | Float64Array)[] = [];
  let offset = 0;
  for (const key of BUFFER_KEYS) {
    const a = state[key];
    if (a === null) continue;
    entries.push({
      key,
      dtype: a instanceof Float32Array ? 'f32' : 'f64',
      byteOffset: offset,
      length: a.length,
    });
    arrays.push(a);
    offset += align8(a.byteLength);
  }
  const header = {
    format: MAGIC,
    version: FORMAT_VERSION,
    algo: 'deeplearning',
    modelId: model.modelId,
    setup: {
      params: model.params,
      effective: model.effective,
      category: model.category,
      response: model.response,
      responseDomain: model.responseDomain,
      predictors: model.predictors,
      dataInfo: model.dataInfo,
    },
    spec: state.spec,
    // The kernel backend the model scored with (wasm keeps float32 activations): a loaded model uses
    // the same one, so its predictions equal the in-memory model's.
    backend: model.network.backend,
    priorDistribution: model.priorDistribution,
    modelDistribution: model.modelDistribution,
    defaultThreshold: model.defaultThreshold,
    output: model.output,
    buffers: entries,
  };
  const json = new TextEncoder().encode(JSON.stringify(header, jsonReplacer));
  const headerLen = align8(json.length);
  const start = 8 + 4 + 4 + headerLen;
  const bytes = new Uint8Array(start + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, json.length, true);
  bytes.set(json, 16);
  entries.forEach((e, i) => {
    bytes.set(
      new Uint8Array(arrays[i].buffer, arrays[i].byteOffset, arrays[i].byteLength),
      start + e.byteOffset,
    );
  });
  return bytes;
}

/** Rebuilds a model from bytes; `source` names the file in errors. */
export function modelFromBytes(bytes: Uint8Array, source: string): DeepLearningModel {
  const fail = (what: string): never => {
    throw new H2OInputError(`${source}: not a valid h2o-ts model file (${what})`);
  };
  if (bytes.length < 16) fail(`${bytes.length} bytes is too short`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== MAGIC) fail(`starts with ${JSON.stringify(magic)}, expected ${MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== FORMAT_VERSION)
    fail(`format version ${version}; this build reads version ${FORMAT_VERSION}`);
  const jsonLen = view.getUint32(12, true);
  if (16 + jsonLen > bytes.length) fail(`header of ${jsonLen} bytes runs past the end of the file`);
  // biome-ignore lint/suspicious/noExplicitAny: the header is checked field by field below
  let header: any;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLen)), jsonReviver);
  } catch (e) {
    fail(`header is not JSON: ${(e as Error).message}`);
  }
  if (header?.algo !== 'deeplearning' || !Array.isArray(header.buffers) || !header.setup)
    fail('header lacks model fields');
  const start = 16 + align8(jsonLen);
  const state: Record<string, unknown> = { spec: header.spec };
  for (const key of BUFFER_KEYS) state[key] = null;
  for (const e of header.buffers as BufferEntry[]) {
    const size = e.length * (e.dtype === 'f32' ? 4 : 8);
    if (!BUFFER_KEYS.includes(e.key) || start + e.byteOffset + size > bytes.length)
      fail(`buffer ${e.key} is truncated`);
    const copy = bytes.slice(start + e.byteOffset, start + e.byteOffset + size);
    state[e.key] = e.dtype === 'f32' ? new Float32Array(copy.buffer) : new Float64Array(copy.buffer);
  }
  let network: Network;
  try {
    network = Network.fromState(state as unknown as NetworkState, {
      backend: header.backend === 'wasm' ? 'wasm' : 'js',
    });
  } catch (e) {
    return fail(`network does not match its description: ${(e as Error).message}`);
  }
  const model = new DeepLearningModel({
    modelId: header.modelId,
    setup: header.setup,
    network,
    priorDistribution: header.priorDistribution,
    modelDistribution: header.modelDistribution,
    output: header.output as ModelOutput,
  });
  model.defaultThreshold = header.defaultThreshold;
  return model;
}

/**
 * Saves `model` as `<dir>/<modelId>` (or to `path` itself when it names a file that is not a
 * folder); refuses to overwrite unless `force`. Returns the path written.
 */
export function saveModel(model: DeepLearningModel, path: string, options: { force?: boolean } = {}): string {
  const isDir = path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory());
  const file = isDir ? join(path, model.modelId) : path;
  if (existsSync(file) && !options.force) {
    throw new H2OInputError(`${file} already exists; pass force to overwrite it`, { status: 409 });
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, modelToBytes(model));
    renameSync(tmp, file);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new H2OInputError(`cannot save model to ${file}: ${(e as Error).message}`, { cause: e });
  }
  return file;
}

/** Loads a model saved by {@link saveModel}. */
export function loadModel(path: string): DeepLearningModel {
  let bytes: Uint8Array;
  try {
    // A plain Uint8Array: Buffer.slice() returns views, and modelFromBytes needs copies it can re-type.
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new H2OInputError(
      `cannot read model file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        status: 404,
      },
    );
  }
  return modelFromBytes(bytes, path);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

// JSON has no NaN or Infinity; metrics have both.
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

function jsonReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$num' in value && Object.keys(value).length === 1) {
    return Number((value as { $num: string }).$num);
  }
  return value;
}
