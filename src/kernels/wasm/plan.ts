// Byte layout of the "plan" that drives the fused per-row network step (assembly/network-step.ts):
// header words, float64 parameters, one record per weight layer and one per unit layer. The
// AssemblyScript side hard-codes the same offsets; change both together.

/** Offsets (bytes from the plan start) and record sizes. */
export const PLAN = {
  /** i32 header words: index → meaning. */
  header: {
    nLayers: 0,
    kind: 1, // 0 Tanh, 1 Rectifier, 2 Maxout, 3 ExpRectifier
    output: 2, // 0 softmax, 1 linear, 2 autoencoder
    optimizer: 3, // 0 plain, 1 Nesterov, 2 classical momentum, 3 ADADELTA
    fastMode: 4,
    shortcut: 5,
    checkMaxW2: 6,
    quadratic: 7,
    dropout: 8,
  },
  /** float64 parameters (byte offsets). */
  rho: 64,
  epsilon: 72,
  l1: 80,
  l2: 88,
  maxW2: 96,
  momentum: 104,
  /** float64 learning rate per weight layer: rates + 8·l. */
  rates: 128,
  /** Weight-layer records of 16 i32 at layers + 64·l: nIn, nOut, channels, w, b, eg2W, edx2W, velW,
   * eg2B, edx2B, velB, dropout ratio (float32 bits). */
  layers: 384,
  /** Unit-layer records of 8 i32 at units + 32·u: act, err, delta (float32), keep, winner (u8),
   * squares (float32 scratch for act² and, with fast_mode, ρ per unit: 8 bytes per unit + 16; 0 = none), compact (the input
   * layer's list of non-zero inputs, 12 bytes per unit; 0 = none). */
  units: 2432,
  /** Most weight layers a plan holds. */
  maxLayers: 32,
} as const;

/** Bytes of one plan. */
export const PLAN_BYTES = 4096;
