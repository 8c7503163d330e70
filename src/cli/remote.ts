// `--url`: the train and predict commands against a running server through the SDK. Paths name
// files on the server's side (it imports and saves them); models are named by their keys there.
import { writeFileSync } from 'node:fs';
import { H2O, type H2OConnection, H2OResponseError } from '../client/index.ts';
import { H2OInputError } from '../core/index.ts';

const HEADLINE = [
  'MSE',
  'RMSE',
  'logloss',
  'AUC',
  'mean_per_class_error',
  'MAE',
  'mae',
  'mean_residual_deviance',
  'r2',
];

/** A connection from `--url` (plus H2O_TS_TOKEN, as `serve --token` reads it). */
export function connectUrl(url: string): H2OConnection {
  const token = process.env.H2O_TS_TOKEN;
  return H2O.connect(token ? { url, token } : { url });
}

/** Imports a server-side file and converts the --factors columns it has. */
async function importWithFactors(h2o: H2OConnection, path: string, factors: string | undefined) {
  const frame = await h2o.importFile(path);
  const names = new Set((await frame.dim()).names);
  for (const f of (factors ?? '').split(',').map((s) => s.trim()))
    if (f && names.has(f)) await frame.asfactor(f);
  return frame;
}

/** CSV text of a server frame (GET /3/DownloadDataset). */
async function download(h2o: H2OConnection, key: string): Promise<string> {
  const r = await h2o.transport.request('GET', '/3/DownloadDataset', { frame_id: key });
  if (r.status !== 200) throw new H2OInputError(`download of '${key}' failed: ${r.json?.msg ?? r.status}`);
  return typeof r.json === 'string' ? r.json : String(r.json);
}

/** The server refused (4xx) or a job failed: a user error for the CLI (exit 1, one line), not our bug. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    // The server's message already lists every field for 412s.
    if (e instanceof H2OResponseError && e.status < 500)
      throw new H2OInputError(e.message, { status: e.status });
    if (e instanceof TypeError && /fetch failed/.test(e.message))
      throw new H2OInputError(
        `cannot reach the server: ${(e.cause as Error | undefined)?.message ?? e.message}`,
      );
    throw e;
  }
}

/** `train --url`: the same options as local training; --checkpoint names a model key on the server. */
export async function trainRemote(
  url: string,
  own: Record<string, string | boolean>,
  params: Record<string, string>,
): Promise<void> {
  return asUserError(() => trainOn(url, own, params));
}

async function trainOn(
  url: string,
  own: Record<string, string | boolean>,
  params: Record<string, string>,
): Promise<void> {
  const h2o = connectUrl(url);
  const factors = typeof own.factors === 'string' ? own.factors : undefined;
  const train = await importWithFactors(h2o, own.train as string, factors);
  const valid = typeof own.valid === 'string' ? await importWithFactors(h2o, own.valid, factors) : null;
  const model = await h2o.train({
    ...params,
    ...(typeof own.checkpoint === 'string' ? { checkpoint: own.checkpoint } : {}),
    ...(typeof own.pretrained_autoencoder === 'string'
      ? { pretrained_autoencoder: own.pretrained_autoencoder }
      : {}),
    training_frame: train,
    validation_frame: valid,
    x: typeof own.x === 'string' ? own.x.split(',').map((s) => s.trim()) : undefined,
    y: typeof own.y === 'string' ? own.y : undefined,
  });
  if (typeof own.save === 'string') {
    const path = await model.save(own.save, { force: own.force === true });
    if (!own.json) process.stdout.write(`model saved on the server to ${path}\n`);
  }
  if (typeof own.predict === 'string') {
    if (typeof own.out !== 'string') throw new H2OInputError('--predict needs --out CSV');
    const data = await importWithFactors(h2o, own.predict, factors);
    writeFileSync(own.out, await download(h2o, (await model.predict(data)).key));
  }
  if (own.json) {
    process.stdout.write(`${JSON.stringify(model.json, null, 2)}\n`);
    return;
  }
  process.stdout.write(`model ${model.id} (${model.category}) on ${url}\n`);
  for (const [label, which] of [
    ['training', {}],
    ['validation', { valid: true }],
    ['cross-validation', { xval: true }],
  ] as const) {
    const m = model.metrics(which);
    if (!m) continue;
    const shown = HEADLINE.filter((k) => typeof m[k] === 'number').map(
      (k) => `${k}=${(m[k] as number).toFixed(5)}`,
    );
    process.stdout.write(`  ${label}: ${shown.join('  ')}\n`);
  }
}

/** `predict --url`: scores a server-side file with a model key; CSV to --out or stdout. */
export function predictRemote(
  url: string,
  opts: { model: string; data: string; out?: string },
): Promise<void> {
  return asUserError(() => predictOn(url, opts));
}

async function predictOn(url: string, opts: { model: string; data: string; out?: string }): Promise<void> {
  const h2o = connectUrl(url);
  const model = await h2o.model(opts.model);
  const frame = await h2o.importFile(opts.data);
  // As local predict: the response column is read as categorical when the model is a classifier.
  const response = model.json.response_column_name as string | null;
  if (response && model.category !== 'Regression' && (await frame.dim()).names.includes(response))
    await frame.asfactor(response);
  const csv = await download(h2o, (await model.predict(frame)).key);
  if (opts.out) writeFileSync(opts.out, csv);
  else process.stdout.write(csv);
}
