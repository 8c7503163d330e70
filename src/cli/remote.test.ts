import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { H2OInputError } from '../core/index.ts';
import { createServer, type H2OServer } from '../server/index.ts';
import { predictRemote, trainRemote } from './remote.ts';

// The booklet's data and docs sit in shared/ beside the checkout (tests run from the repo root).
const SHARED = join(process.cwd(), '..', 'shared');

// `train --url` and `predict --url` against a server on a free port.
const IRIS = join(SHARED, 'data/smalldata/iris/iris_wheader.csv');

describe('CLI commands with --url', () => {
  let server: H2OServer;
  let url: string;
  const out = `/tmp/h2ots-cli-remote-${process.pid}.csv`;
  before(async () => {
    server = await createServer({ port: 0 });
    url = await server.listen();
  });
  after(async () => {
    rmSync(out, { force: true });
    await server.close();
  });

  it('trains on the server, predicts there and writes the CSV here', async () => {
    const own = { train: IRIS, y: 'class', predict: IRIS, out, json: true };
    const write = process.stdout.write;
    // The summary printout is not under test (and would mix with the test reporter's output).
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await trainRemote(url, own, {
        hidden: '[3]',
        epochs: '1',
        seed: '1',
        reproducible: 'True',
        model_id: 'cli_m',
      });
    } finally {
      process.stdout.write = write;
    }
    const model = (await (await fetch(`${url}/3/Models/cli_m`)).json()) as { models: { algo: string }[] };
    assert.equal(model.models[0].algo, 'deeplearning');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 151);
    assert.equal(lines[0], '"predict","Iris-setosa","Iris-versicolor","Iris-virginica"');
    rmSync(out);
    await predictRemote(url, { model: 'cli_m', data: IRIS, out });
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 151);
  });

  it('reports a refused request as a user error naming the parameter', async () => {
    await assert.rejects(
      trainRemote(url, { train: IRIS, y: 'class' }, { activation: 'relu' }),
      (e: unknown) => e instanceof H2OInputError && /activation: unknown value 'relu'/.test(e.message),
    );
    await assert.rejects(
      predictRemote(url, { model: 'nope', data: IRIS }),
      (e: unknown) => e instanceof H2OInputError && /Model 'nope' not found/.test(e.message),
    );
  });
});
