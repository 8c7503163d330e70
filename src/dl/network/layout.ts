// Where every weight and bias lives. All weight layers share one Float32Array and all biases one
// Float64Array (one buffer each, so a network can be copied, averaged or shared between workers as
// a block); per-layer arrays are views into them. Optimizer state uses the identical layout.
//
// Weight layer l (0 = input → first hidden, last = → output) maps units[l] inputs to units[l+1]
// outputs. Dense layers are row-major: W_l[o][i] at `o·nIn + i`, bias o at `o`. Maxout hidden layers
// (k = 2) interleave the channels: element (o, i, ch) at `2·(o·nIn + i) + ch`, bias (o, ch) at
// `2·o + ch`, so channel ch of unit o is the stride-2 row starting at `2·o·nIn + ch`. The output
// layer is never Maxout (a Maxout autoencoder's output unit is a one-channel maxout: the identity).

/** Shape and position of one weight layer. */
export interface LayerShape {
  nIn: number;
  nOut: number;
  /** Channels per unit: 2 for Maxout hidden layers, else 1. */
  channels: 1 | 2;
  /** Start of this layer's weights in the weight buffer (nOut·channels·nIn floats). */
  weightOffset: number;
  /** Start of this layer's biases in the bias buffer (nOut·channels doubles). */
  biasOffset: number;
}

/** The whole network's layout: one entry per weight layer and the buffer sizes. */
export interface NetworkLayout {
  layers: LayerShape[];
  nWeights: number;
  nBiases: number;
}

/** Lays out `units = [inputs, hidden..., outputs]`; hidden layers get 2 channels when `maxout`. */
export function networkLayout(units: readonly number[], maxout: boolean): NetworkLayout {
  const layers: LayerShape[] = [];
  let nWeights = 0;
  let nBiases = 0;
  for (let l = 0; l + 1 < units.length; l++) {
    const isHidden = l + 2 < units.length;
    const channels: 1 | 2 = maxout && isHidden ? 2 : 1;
    layers.push({ nIn: units[l], nOut: units[l + 1], channels, weightOffset: nWeights, biasOffset: nBiases });
    nWeights += units[l + 1] * channels * units[l];
    nBiases += units[l + 1] * channels;
  }
  return { layers, nWeights, nBiases };
}

/** Offset and stride of the incoming-weight row of unit o, channel ch, inside its layer's view. */
export function rowStart(layer: LayerShape, o: number, ch: number): number {
  return layer.channels === 2 ? 2 * o * layer.nIn + ch : o * layer.nIn;
}
