import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFiles } from '../../parse/index.ts';
import { trainDeepLearning } from '../train/train.ts';

const IRIS = new URL('../../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const iris = await importFiles(IRIS);

describe('deepfeatures and weightsAndBiases', async () => {
  const model = await trainDeepLearning({
    params: { hidden: [3, 2], activation: 'Tanh', epochs: 2, seed: 8, export_weights_and_biases: true },
    trainingFrame: iris,
    y: 'class',
  });

  it('exposes one weight frame per layer, inputs named by coefficient', () => {
    const { weights, biases } = model.weightsAndBiases();
    assert.equal(weights.length, 3);
    assert.deepEqual(weights[0].names, ['sepal_len', 'sepal_wid', 'petal_len', 'petal_wid']);
    assert.equal(weights[0].nRows, 3);
    assert.deepEqual(weights[1].names, ['C1', 'C2', 'C3']);
    assert.equal(weights[2].nRows, 3, 'output layer: one row per class');
    assert.deepEqual(
      biases.map((b) => b.nRows),
      [3, 2, 3],
    );
  });

  it('gives the Tanh activations of a naive forward pass over the exported weights', () => {
    const { weights, biases } = model.weightsAndBiases();
    const info = model.dataInfo;
    const df1 = model.deepfeatures(iris, 0);
    const df2 = model.deepfeatures(iris, 1);
    assert.deepEqual(df2.names, ['DF.L2.C1', 'DF.L2.C2']);
    for (const row of [0, 77, 149]) {
      // Standardised inputs x' = (x − mean)·(1/sd), then a = tanh(W·x' + b), layer by layer.
      const x = info.numNames.map((n, k) => (iris.col(n).at(row) - info.numSub[k]) * info.numMul[k]);
      const h1 = [0, 1, 2].map((o) =>
        Math.tanh(biases[0].col(0).at(o) + x.reduce((s, xi, i) => s + weights[0].vecs[i].at(o) * xi, 0)),
      );
      const h2 = [0, 1].map((o) =>
        Math.tanh(biases[1].col(0).at(o) + h1.reduce((s, hi, i) => s + weights[1].vecs[i].at(o) * hi, 0)),
      );
      // 1e-5: the engine may run float32 activations (WASM kernels).
      h1.forEach((v, j) => {
        assert.ok(Math.abs(df1.vecs[j].at(row) - v) < 1e-5, `row ${row} L1 C${j + 1}`);
      });
      h2.forEach((v, j) => {
        assert.ok(Math.abs(df2.vecs[j].at(row) - v) < 1e-5, `row ${row} L2 C${j + 1}`);
      });
    }
  });

  it('rejects a layer index that is not a hidden layer', () => {
    assert.throws(
      () => model.deepfeatures(iris, 2),
      /layer: hidden layer \(index\) to extract must be between 0 and 1, got 2/,
    );
  });
});
