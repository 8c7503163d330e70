// Deep features: the test-mode activations of one hidden layer for every row of a frame, as H2O's
// `deep_features_hidden_layer` prediction option returns them (columns `DF.L<layer>.C<unit>`).
import { H2OInputError } from '../../core/index.ts';
import { AdaptedRows } from '../../dl/data/data-info.ts';
import type { DeepLearningModel } from '../../dl/index.ts';
import { Frame, Vec } from '../../frame/index.ts';

/** Activations of hidden layer `layer` (0-based) for every row of `frame`. */
export function deepFeatures(model: DeepLearningModel, frame: Frame, layer: number): Frame {
  const units = model.network.spec.units;
  const nHidden = units.length - 2;
  if (!Number.isInteger(layer) || layer < 0 || layer >= nHidden) {
    throw new H2OInputError(
      `parameter 'deep_features_hidden_layer': got ${layer}, expected 0..${nHidden - 1} (the model has ${nHidden} hidden layers)`,
    );
  }
  const adapted = new AdaptedRows(model.dataInfo, frame);
  const width = units[layer + 1];
  const input = new Float32Array(model.dataInfo.fullN);
  const out = new Float64Array(units[units.length - 1]);
  const cols = Array.from({ length: width }, () => new Float64Array(frame.nRows));
  for (let i = 0; i < frame.nRows; i++) {
    adapted.fill(i, input, false);
    model.network.predictRow(input, out);
    const act = model.network.hiddenActivations(layer);
    for (let j = 0; j < width; j++) cols[j][i] = act[j];
  }
  return new Frame(
    cols.map((_, j) => `DF.L${layer + 1}.C${j + 1}`),
    cols.map((c) => Vec.numeric(c, 'real')),
  );
}
