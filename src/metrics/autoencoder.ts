// Autoencoder metrics (§8): the model MSE is the plain mean of the per-row reconstruction MSEs
// (computed by the network in the expanded, transformed space); RMSE is its square root.

/** H2O's ModelMetricsAutoEncoder fields. */
export interface AutoencoderMetrics {
  nobs: number;
  MSE: number;
  RMSE: number;
}

/**
 * Mean of `rowMse` over rows, unweighted (H2O ignores observation weights here). NaN rows are
 * skipped; MSE is NaN when no row is left.
 */
export function autoencoderMetrics(rowMse: Float64Array): AutoencoderMetrics {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < rowMse.length; i++) {
    if (Number.isNaN(rowMse[i])) continue;
    sum += rowMse[i];
    count++;
  }
  const MSE = sum / count;
  return { nobs: count, MSE, RMSE: Math.sqrt(MSE) };
}
