// The TypeScript SDK: `H2O.connect({ url })` talks to a server over HTTP; `H2O.connect({ transport })`
// to any back-end (the embedded one runs the server in this process). One API for both: import,
// Rapids, train (jobs polled to the end), models, grids. Errors arrive as H2OResponseError.
import type { JobV3, Transport } from '../schema/index.ts';
import { encodeForm } from './encode.ts';
import { H2OResponseError } from './errors.ts';
import { FrameHandle, ModelHandle } from './handles.ts';
import { type RemoteOptions, remoteTransport } from './remote.ts';

const seg = encodeURIComponent;

/** Training arguments: H2O parameter names, plus `x` (predictors) and `y` (response) as h2o-py takes them. */
export type TrainArgs = Record<string, unknown> & {
  training_frame: FrameHandle | string;
  validation_frame?: FrameHandle | string | null;
  x?: string[];
  y?: string;
};

/** A connection to an H2O v3 REST API. */
export class H2OConnection {
  /** How often jobs are polled (ms). */
  pollMs = 50;

  constructor(readonly transport: Transport) {}

  /** One REST call; H2O error answers become H2OResponseError with the server's message. */
  // biome-ignore lint/suspicious/noExplicitAny: REST JSON
  async call(method: 'GET' | 'POST' | 'DELETE', path: string, form?: Record<string, string>): Promise<any> {
    const r = await this.transport.request(method, path, form);
    if (r.status >= 200 && r.status < 300) return r.json;
    const j = r.json;
    const msg =
      typeof j === 'object' && j !== null && typeof j.msg === 'string' ? j.msg : String(j).slice(0, 300);
    throw new H2OResponseError(`${method} ${path}: ${msg}`, r.status, j?.messages ?? []);
  }

  /** Polls a job until it leaves RUNNING; a FAILED or CANCELLED job rejects with its exception. */
  async waitJob(key: string): Promise<JobV3> {
    for (;;) {
      const job: JobV3 = (await this.call('GET', `/3/Jobs/${seg(key)}`)).jobs[0];
      if (job.status === 'DONE') return job;
      if (job.status === 'FAILED' || job.status === 'CANCELLED')
        throw new H2OResponseError(
          `job ${job.description}: ${job.status}${job.exception ? `: ${job.exception}` : ''}`,
          500,
        );
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  /** /3/Cloud: version, health, nodes. */
  // biome-ignore lint/suspicious/noExplicitAny: CloudV3 JSON
  cloud(): Promise<any> {
    return this.call('GET', '/3/Cloud');
  }

  /** Imports and parses a server-side file or URL (ImportFilesMulti, ParseSetup, Parse). */
  async importFile(path: string, opts: { destinationFrame?: string } = {}): Promise<FrameHandle> {
    const imp = await this.call('POST', '/3/ImportFilesMulti', encodeForm({ paths: [path] }));
    if (imp.destination_frames.length === 0)
      throw new H2OResponseError(`import ${path}: ${imp.fails?.join(', ') || 'nothing imported'}`, 404);
    const sources = encodeForm({ source_frames: imp.destination_frames });
    const setup = await this.call('POST', '/3/ParseSetup', sources);
    const dest = opts.destinationFrame ?? setup.destination_frame;
    const parse = await this.call('POST', '/3/Parse', {
      ...sources,
      ...encodeForm({
        destination_frame: dest,
        column_types: setup.column_types,
        check_header: setup.check_header,
        delete_on_done: true,
      }),
    });
    await this.waitJob(parse.job.key.name);
    return new FrameHandle(this, dest);
  }

  /** A handle on an existing frame. */
  frame(key: string): FrameHandle {
    return new FrameHandle(this, key);
  }

  async frames(): Promise<string[]> {
    return (await this.call('GET', '/3/Frames')).frames.map(
      (f: { frame_id: { name: string } }) => f.frame_id.name,
    );
  }

  /** Evaluates a Rapids expression; answers the server's JSON (`{key}`, `{scalar}`, `{string}`). */
  // biome-ignore lint/suspicious/noExplicitAny: Rapids JSON
  rapids(ast: string): Promise<any> {
    return this.call('POST', '/99/Rapids', { ast });
  }

  /** Request parameters of a build from h2o-py-style arguments. */
  private buildForm(args: TrainArgs): Record<string, string> {
    const { x, y, training_frame, validation_frame, ...rest } = args;
    const params: Record<string, unknown> = { ...rest };
    params.training_frame = typeof training_frame === 'string' ? training_frame : training_frame.key;
    if (validation_frame)
      params.validation_frame =
        typeof validation_frame === 'string' ? validation_frame : validation_frame.key;
    if (y !== undefined) params.response_column = y;
    return encodeForm(params);
  }

  /** `x` becomes ignored_columns (all names but x, y and the special columns), as h2o-py sends it. */
  private async withIgnored(args: TrainArgs): Promise<TrainArgs> {
    if (args.x === undefined) return args;
    const frame =
      typeof args.training_frame === 'string' ? this.frame(args.training_frame) : args.training_frame;
    const { names } = await frame.dim();
    const keep = new Set([...args.x, args.y, args.weights_column, args.offset_column, args.fold_column]);
    const ignored = names.filter((n) => !keep.has(n));
    return { ...args, ignored_columns: ignored.length > 0 ? ignored : undefined };
  }

  /** Trains a Deep Learning model and waits for it (POST /3/ModelBuilders/deeplearning, job, GET model). */
  async train(args: TrainArgs): Promise<ModelHandle> {
    const form = this.buildForm(await this.withIgnored(args));
    const r = await this.call('POST', '/3/ModelBuilders/deeplearning', form);
    const job = await this.waitJob(r.job.key.name);
    return this.model(job.dest!.name);
  }

  /** A grid search; resolves to the GridSchemaV99 JSON and the models, best first. */
  async grid(
    args: TrainArgs,
    hyperParams: Record<string, unknown[]>,
    searchCriteria?: Record<string, unknown>,
    // biome-ignore lint/suspicious/noExplicitAny: GridSchemaV99 JSON
  ): Promise<{ json: any; models: ModelHandle[] }> {
    const form = this.buildForm(await this.withIgnored(args));
    const r = await this.call('POST', '/99/Grid/deeplearning', {
      ...form,
      ...encodeForm({ hyper_parameters: hyperParams, search_criteria: searchCriteria }),
    });
    const job = await this.waitJob(r.job.key.name);
    const json = await this.call('GET', `/99/Grids/${seg(job.dest!.name)}`);
    const models = await Promise.all(json.model_ids.map((k: { name: string }) => this.model(k.name)));
    return { json, models };
  }

  /** The model under `id` (GET /3/Models/{id}). */
  async model(id: string): Promise<ModelHandle> {
    return new ModelHandle(this, (await this.call('GET', `/3/Models/${seg(id)}`)).models[0]);
  }

  async models(): Promise<string[]> {
    return (await this.call('GET', '/3/Models')).models.map(
      (m: { model_id: { name: string } }) => m.model_id.name,
    );
  }

  /** Loads a model saved on the server's side (POST /99/Models.bin/). */
  async loadModel(path: string): Promise<ModelHandle> {
    const r = await this.call('POST', '/99/Models.bin/', { dir: path });
    return new ModelHandle(this, r.models[0]);
  }

  /** Removes every key but `retained` (DELETE /3/DKV). */
  async removeAll(retained: string[] = []): Promise<void> {
    await this.call('DELETE', '/3/DKV', encodeForm({ retained_keys: retained }));
  }

  /** Releases the back-end (stops an embedded server; nothing for a remote one). */
  close(): Promise<void> {
    return this.transport.close();
  }
}

/** Entry points, as `h2o.connect()` in the python client. */
export const H2O = {
  /** Connects to a running server (`{ url }`) or any other back-end (`{ transport }`). */
  connect(opts: RemoteOptions | { transport: Transport }): H2OConnection {
    return new H2OConnection('transport' in opts ? opts.transport : remoteTransport(opts));
  },
};
