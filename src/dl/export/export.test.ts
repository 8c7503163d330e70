// Exported scorers against the engine: the ES module and the Java POJO (compiled with javac) must
// give the engine's predictions to 1e-6 (relative above 1). The exports compute in float64 like the
// engine's JS path; the engine's WASM path keeps float32 activations, hence not bit-for-bit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Frame, frameToCsv, Vec } from '../../frame/index.ts';
import { importFiles } from '../../parse/index.ts';
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { trainDeepLearning } from '../train/train.ts';
import { exportModel } from './index.ts';

const IRIS = new URL('../../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'h2o-ts-export-'));

/** A small mixed frame: a categorical with 3 levels (one NA), two numerics (one NA), a response. */
function mixedFrame(n: number, response: 'enum' | 'real'): Frame {
  const color = Int32Array.from({ length: n }, (_, i) => (i % 7 === 3 ? -1 : i % 3));
  const a = Float64Array.from({ length: n }, (_, i) => (i % 11 === 5 ? Number.NaN : Math.sin(i) * 3));
  const b = Float64Array.from({ length: n }, (_, i) => (i * 37) % 17);
  const y = Float64Array.from({ length: n }, (_, i) => a[i % n] * 0 + b[i] / 4 + (i % 3));
  return new Frame(
    ['color', 'a', 'b', 'y'],
    [
      Vec.categorical(color, ['red', 'green', 'blue']),
      Vec.numeric(a, 'real'),
      Vec.numeric(b, 'real'),
      response === 'enum'
        ? Vec.categorical(
            Int32Array.from(y, (v) => (v > 3 ? 1 : 0)),
            ['no', 'yes'],
          )
        : Vec.numeric(y, 'real'),
    ],
  );
}

/** The model's predictions as numbers, row-major (labels as their domain index). */
function enginePredictions(model: DeepLearningModel, frame: Frame): number[][] {
  const p = model.predict(frame);
  return Array.from({ length: frame.nRows }, (_, i) => p.vecs.map((v) => v.at(i)));
}

async function jsPredictions(model: DeepLearningModel, frame: Frame): Promise<number[][]> {
  const file = exportModel(model, { format: 'js', out: join(tmp, `${model.modelId}.mjs`) });
  const mod = await import(pathToFileURL(file).href);
  return Array.from({ length: frame.nRows }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of mod.columns as string[]) {
      const v = frame.col(name);
      row[name] = v.domain ? v.label(i) : v.at(i);
    }
    return mod.score(row) as number[];
  });
}

/**
 * Element-wise comparison. For binomial rows (3 values) whose p1 lies within `tol` of the label
 * threshold, the label may legitimately differ (the max-F1 threshold is itself a training-row p1).
 */
function assertClose(actual: number[][], expected: number[][], tol: number, threshold?: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.equal(actual[i].length, expected[i].length, `row ${i} width`);
    const nearThreshold = threshold !== undefined && Math.abs(expected[i][2] - threshold) <= tol;
    for (let j = nearThreshold ? 1 : 0; j < expected[i].length; j++)
      assert.ok(
        Math.abs(actual[i][j] - expected[i][j]) <= tol * Math.max(1, Math.abs(expected[i][j])),
        `row ${i} col ${j}: ${actual[i][j]} vs ${expected[i][j]}`,
      );
  }
}

const CASES: { name: string; params: Record<string, unknown>; response: 'enum' | 'real' | null }[] = [
  {
    name: 'binomial, RectifierWithDropout',
    params: { hidden: [6, 5], activation: 'RectifierWithDropout', hidden_dropout_ratios: [0.3, 0.2] },
    response: 'enum',
  },
  {
    name: 'regression, Maxout',
    params: { hidden: [4], activation: 'Maxout', variable_importances: false },
    response: 'real',
  },
  {
    name: 'poisson regression, ExpRectifier',
    params: { hidden: [5], activation: 'ExpRectifier', distribution: 'poisson' },
    response: 'real',
  },
  {
    name: 'autoencoder, Tanh',
    params: { hidden: [3], activation: 'Tanh', autoencoder: true },
    response: null,
  },
];

describe('JS module export', () => {
  for (const c of CASES) {
    it(`scores every row as the engine does (${c.name})`, async () => {
      const frame = mixedFrame(60, c.response ?? 'real');
      const model = await trainDeepLearning({
        params: { epochs: 3, seed: 7, reproducible: true, ...c.params },
        trainingFrame: c.response ? frame : frame.drop(['y']),
        y: c.response ? 'y' : undefined,
      });
      const threshold = model.category === 'Binomial' ? model.defaultThreshold : undefined;
      assertClose(await jsPredictions(model, frame), enginePredictions(model, frame), 1e-6, threshold);
    });
  }

  it('treats unseen levels and missing values like the engine', async () => {
    const frame = mixedFrame(40, 'enum');
    const model = await trainDeepLearning({
      params: { hidden: [4], epochs: 2, seed: 3 },
      trainingFrame: frame,
      y: 'y',
    });
    const test = new Frame(
      ['color', 'a', 'b'],
      [
        Vec.categorical([0, 1, 2], ['purple', 'green', 'red']),
        Vec.numeric([Number.NaN, 1, 2], 'real'),
        Vec.numeric([1, Number.NaN, 3], 'real'),
      ],
    );
    assertClose(
      await jsPredictions(model, test),
      enginePredictions(model, test),
      1e-6,
      model.defaultThreshold,
    );
  });
});

describe('exported scorers as CSV filters', () => {
  it('score a headerless CSV (columns C1..Cn, as h2o-ts names them) under node', async () => {
    const n = 30;
    const cols = [0, 1, 2].map((k) => Float64Array.from({ length: n }, (_, i) => Math.cos(i * (k + 1))));
    const frame = new Frame(
      ['C1', 'C2', 'C3'],
      cols.map((c) => Vec.numeric(c, 'real')),
    );
    const model = await trainDeepLearning({
      params: { hidden: [4], epochs: 2, seed: 2 },
      trainingFrame: frame,
      y: 'C3',
    });
    const file = exportModel(model, { format: 'js', out: join(tmp, 'headerless.mjs') });
    const lines = Array.from({ length: n }, (_, i) => `${cols[0][i]},${cols[1][i]},${cols[2][i]}`);
    const run = spawnSync(process.execPath, [file], { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout.trim().split('\n');
    assert.equal(out[0], '"predict"');
    assert.equal(out.length, n + 1, 'the first line is scored as data');
    const engine = model.predict(frame).col('predict');
    for (let i = 0; i < n; i++)
      assert.ok(Math.abs(Number(out[i + 1]) - engine.at(i)) <= 1e-6 * Math.max(1, Math.abs(engine.at(i))));
  });
});

const hasJavac = spawnSync('javac', ['-version']).status === 0;

describe('Java POJO export', () => {
  it('compiles with javac and reproduces the iris probabilities to 1e-6', {
    skip: !hasJavac && 'no javac',
  }, async () => {
    const iris = await importFiles(IRIS);
    const model = await trainDeepLearning({
      params: { hidden: [8, 8], epochs: 5, seed: 1, reproducible: true },
      trainingFrame: iris,
      y: 'class',
    });
    const dir = join(tmp, 'pojo');
    const file = exportModel(model, { format: 'pojo', out: dir, className: 'IrisModel' });
    const javac = spawnSync('javac', ['-d', dir, file], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const csvFile = join(tmp, 'iris-in.csv');
    writeFileSync(csvFile, frameToCsv(iris));
    const run = spawnSync('java', ['-cp', dir, 'IrisModel'], { input: frameToCsv(iris), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines[0], '"predict","Iris-setosa","Iris-versicolor","Iris-virginica"');
    const engine = model.predict(iris);
    assert.equal(lines.length, 151);
    for (let i = 0; i < 150; i++) {
      const f = lines[i + 1].split(',');
      assert.equal(f[0], `"${engine.col('predict').label(i)}"`);
      for (let c = 1; c <= 3; c++)
        assert.ok(Math.abs(Number(f[c]) - engine.vecs[c].at(i)) <= 1e-6, `row ${i} class ${c}: ${f[c]}`);
    }
  });
});
