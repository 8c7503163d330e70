// The acceptance flows through ./bin/h2o-ts, each command in its own process: save/load,
// ECG anomaly ranking, grid JSON, POJO and JS exports against the engine's predictions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATA = new URL('../../../shared/data/smalldata/', import.meta.url).pathname;
const IRIS = join(DATA, 'iris/iris_wheader.csv');
const tmp = mkdtempSync(join(tmpdir(), 'h2o-ts-lifecycle-'));

function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(join(ROOT, 'bin/h2o-ts'), args, { encoding: 'utf8', input, cwd: ROOT });
}
function ok(args: string[]): string {
  const r = cli(args);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
/** CSV lines split into cells (our writers never put commas inside values here). */
function csv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

describe('model lifecycle through the CLI', () => {
  const model = join(tmp, 'iris-model');
  const a = join(tmp, 'a.csv');

  it('train --save --predict and predict in a new process write identical CSV', () => {
    ok([
      'train',
      '--train',
      IRIS,
      '--y',
      'class',
      '--hidden',
      '8,8',
      '--epochs',
      '5',
      '--seed',
      '3',
      '--save',
      model,
      '--predict',
      IRIS,
      '--out',
      a,
    ]);
    const b = join(tmp, 'b.csv');
    ok(['predict', '--model', model, '--data', IRIS, '--out', b]);
    assert.equal(readFileSync(b, 'utf8'), readFileSync(a, 'utf8'));
  });

  it('rejects a corrupt model file with a one-line error', () => {
    const bad = join(tmp, 'bad-model');
    writeFileSync(bad, readFileSync(model).subarray(0, 200));
    const r = cli(['predict', '--model', bad, '--data', IRIS]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^error: .*bad-model: not a valid h2o-ts model file/);
  });

  it('continues a saved model with --checkpoint and names a parameter that may not change', () => {
    const out = ok([
      'train',
      '--train',
      IRIS,
      '--y',
      'class',
      '--hidden',
      '8,8',
      '--epochs',
      '8',
      '--seed',
      '3',
      '--checkpoint',
      model,
    ]);
    assert.match(out, /— 8\.\d+ epochs/);
    const r = cli([
      'train',
      '--train',
      IRIS,
      '--y',
      'class',
      '--hidden',
      '8,8',
      '--epochs',
      '8',
      '--checkpoint',
      model,
      '--activation',
      'Tanh',
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Cannot change parameter: 'activation': Rectifier -> Tanh/);
  });

  it('POJO compiled with javac and the JS module reproduce the probabilities to 1e-6', {
    skip: spawnSync('javac', ['-version']).status !== 0 && 'no javac',
  }, () => {
    const expected = csv(readFileSync(a, 'utf8'));
    const irisCsv = readFileSync(IRIS, 'utf8');
    const dir = join(tmp, 'pojo');
    const file = ok(['export', '--model', model, '--format', 'pojo', '--out', dir]).trim();
    const className = file
      .split('/')
      .pop()!
      .replace(/\.java$/, '');
    const javac = spawnSync('javac', ['-d', dir, file], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const java = spawnSync('java', ['-cp', dir, className], { encoding: 'utf8', input: irisCsv });
    assert.equal(java.status, 0, java.stderr);
    const js = ok(['export', '--model', model, '--format', 'js', '--out', join(tmp, 'js')]).trim();
    const node = spawnSync(process.execPath, [js], { encoding: 'utf8', input: irisCsv });
    assert.equal(node.status, 0, node.stderr);
    for (const got of [csv(java.stdout), csv(node.stdout)]) {
      assert.deepEqual(got[0], expected[0]);
      assert.equal(got.length, expected.length);
      for (let i = 1; i < expected.length; i++) {
        for (let c = 1; c < expected[i].length; c++)
          assert.ok(
            Math.abs(Number(got[i][c]) - Number(expected[i][c])) <= 1e-6,
            `row ${i} col ${c}: ${got[i][c]} vs ${expected[i][c]}`,
          );
      }
    }
  });

  it('ranks the three anomalous ECG heartbeats (test rows 21-23) highest by Reconstruction.MSE', () => {
    const ae = join(tmp, 'ecg-model');
    const train = join(DATA, 'anomaly/ecg_discord_train.csv');
    ok([
      'train',
      '--train',
      train,
      '--autoencoder',
      'true',
      '--activation',
      'Tanh',
      '--hidden',
      '50,20,50',
      '--epochs',
      '100',
      '--save',
      ae,
    ]);
    const out = join(tmp, 'ecg.csv');
    ok(['anomaly', '--model', ae, '--data', join(DATA, 'anomaly/ecg_discord_test.csv'), '--out', out]);
    const rows = csv(readFileSync(out, 'utf8'));
    assert.deepEqual(rows[0], ['"Reconstruction.MSE"']);
    const errors = rows.slice(1).map((r, i) => ({ row: i + 1, mse: Number(r[0]) }));
    assert.equal(errors.length, 23);
    const top3 = [...errors]
      .sort((x, y) => y.mse - x.mse)
      .slice(0, 3)
      .map((e) => e.row);
    assert.deepEqual(
      top3.sort((x, y) => x - y),
      [21, 22, 23],
    );
  });

  it('grid --json lists 6 models with their hyper-parameters, sorted by the metric', () => {
    const out = ok([
      'grid',
      '--train',
      IRIS,
      '--y',
      'class',
      '--epochs',
      '2',
      '--hyper_params',
      '{"hidden":[[32,32],[32,16,8],[100]],"l1":[1e-4,1e-3]}',
      '--json',
    ]);
    const g = JSON.parse(out);
    assert.equal(g.models.length, 6);
    assert.equal(g.sort_by, 'logloss');
    const seen = new Set(g.models.map((m: { hyper_params: unknown }) => JSON.stringify(m.hyper_params)));
    assert.equal(seen.size, 6);
    const values = g.models.map((m: { logloss: number }) => m.logloss);
    assert.deepEqual(
      values,
      [...values].sort((x: number, y: number) => x - y),
    );
  });
});
