// Example: the booklet's ECG anomaly detection (§7.2) — train a Tanh autoencoder on normal
// heartbeats, score the test set, and find the three appended anomalous beats by reconstruction error.
// Run: node --import tsx examples/ecg-anomaly.ts   (H2O_EXAMPLE_EPOCHS=5 for a quick run)
import { trainDeepLearning } from '../src/dl/index.ts';
import { importFiles } from '../src/parse/index.ts';

const epochs = Number(process.env.H2O_EXAMPLE_EPOCHS ?? 100);
const dir = new URL('../../shared/data/smalldata/anomaly/', import.meta.url).pathname;
const train = await importFiles(`${dir}ecg_discord_train.csv`);
const test = await importFiles(`${dir}ecg_discord_test.csv`);

const model = await trainDeepLearning({
  params: { autoencoder: true, activation: 'Tanh', hidden: [50, 20, 50], l1: 1e-4, epochs, seed: 1 },
  trainingFrame: train,
});
console.log(
  `${model.modelId}: ${model.category}, ${model.output.epochCounter.toFixed(0)} epochs, training MSE ${model.mse().toExponential(3)}`,
);

// h2o.anomaly: one `Reconstruction.MSE` per row (per feature with { perFeature: true }).
const errors = model.anomaly(test).col('Reconstruction.MSE');
const ranked = Array.from({ length: test.nRows }, (_, i) => ({ row: i + 1, mse: errors.at(i) })).sort(
  (a, b) => b.mse - a.mse,
);
for (const r of ranked.slice(0, 5))
  console.log(`  row ${String(r.row).padStart(2)}: ${r.mse.toExponential(3)}`);
console.log(
  `three largest reconstruction errors: rows ${ranked
    .slice(0, 3)
    .map((r) => r.row)
    .sort((a, b) => a - b)
    .join(', ')}`,
);

// Reconstruction through predict: one `reconstr_<column>` per input column, in the original units.
const recon = model.predict(test);
console.log(`reconstruction: ${recon.names.length} columns (${recon.names.slice(0, 3).join(', ')}, ...)`);
