// Deep features (semantics §9.4) and the weights/biases as frames (§9.7): what a trained network's
// hidden layers compute, and its parameters, in H2O's column names.
import { H2OInputError } from '../../core/index.ts';
import { Frame, Vec } from '../../frame/index.ts';
import { AdaptedRows, type DataInfoState } from '../data/data-info.ts';
import type { Network } from '../network/index.ts';

/** What deep features need from a model. */
export interface FeatureCore {
  network: Network;
  dataInfo: DataInfoState;
}

/**
 * Test-mode activations of hidden layer `layer` (0-based, dropout scaling applied) for every row:
 * columns `DF.L<layer+1>.C<j+1>`. The response column, if present, is simply not an input.
 * Throws H2OInputError when `layer` is not a hidden layer index.
 */
export function deepFeatures(core: FeatureCore, frame: Frame, layer: number): Frame {
  const u = core.network.spec.units;
  const nHidden = u.length - 2;
  if (!Number.isInteger(layer) || layer < 0 || layer >= nHidden)
    throw new H2OInputError(
      `layer: hidden layer (index) to extract must be between 0 and ${nHidden - 1}, got ${layer}`,
    );
  const width = u[layer + 1];
  const adapted = new AdaptedRows(core.dataInfo, frame);
  const input = new Float32Array(core.dataInfo.fullN);
  const out = new Float64Array(u[u.length - 1]);
  const cols = Array.from({ length: width }, () => new Float64Array(frame.nRows));
  for (let i = 0; i < frame.nRows; i++) {
    adapted.fill(i, input, false);
    core.network.predictRow(input, out);
    const a = core.network.hiddenActivations(layer);
    for (let j = 0; j < width; j++) cols[j][i] = a[j];
  }
  return new Frame(
    cols.map((_, j) => `DF.L${layer + 1}.C${j + 1}`),
    cols.map((c) => Vec.numeric(c, 'real')),
  );
}

/**
 * export_weights_and_biases (§9.7): weight frame i has units[i+1] rows (×2 for Maxout hidden layers:
 * the raw interleaved buffer read row-major, as H2O does) and units[i] columns — frame 0's columns named by the input coefficient
 * names, later ones `C1..Cn`; bias frame i has one column `C1`.
 */
export function weightsAndBiases(core: FeatureCore): { weights: Frame[]; biases: Frame[] } {
  const net = core.network;
  const weights = net.layout.layers.map((L, l) => {
    const rows = L.nOut * L.channels;
    const w = net.weights[l];
    const names = l === 0 ? core.dataInfo.coefNames : Array.from({ length: L.nIn }, (_, i) => `C${i + 1}`);
    const cols = Array.from({ length: L.nIn }, (_, i) =>
      Vec.numeric(
        Float64Array.from({ length: rows }, (_, r) => w[r * L.nIn + i]),
        'real',
      ),
    );
    return new Frame(names, cols);
  });
  const biases = net.layout.layers.map(
    (_, l) => new Frame(['C1'], [Vec.numeric(Float64Array.from(net.biases[l]), 'real')]),
  );
  return { weights, biases };
}
