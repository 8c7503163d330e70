import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoencoderMetrics } from './autoencoder.ts';

describe('autoencoderMetrics', () => {
  it('averages per-row reconstruction MSE without weights, skipping NaN rows', () => {
    // (0.1 + 0.3 + 0.2)/3 = 0.2
    const m = autoencoderMetrics(Float64Array.from([0.1, Number.NaN, 0.3, 0.2]));
    assert.equal(m.nobs, 3);
    assert.ok(Math.abs(m.MSE - 0.2) < 1e-15);
    assert.ok(Math.abs(m.RMSE - Math.sqrt(0.2)) < 1e-15);
  });
});
