import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importFiles } from '../../parse/index.ts';
import { trainDeepLearning } from './train.ts';

const IRIS = new URL('../../../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const iris = await importFiles(IRIS);
const base = { hidden: [5], seed: 4, activation: 'Tanh', score_interval: 0, score_duty_cycle: 1 };

describe('checkpoint restart', () => {
  it('continues to the cumulative epochs and extends the scoring history', async () => {
    const first = await trainDeepLearning({
      params: { ...base, epochs: 2 },
      trainingFrame: iris,
      y: 'class',
    });
    const nFirst = first.output.scoringHistory.length;
    const seenFirst = first.output.nSeen;
    const next = await trainDeepLearning(
      { params: { ...base, epochs: 4, l1: 1e-5 }, trainingFrame: iris, y: 'class' },
      { checkpoint: first },
    );
    assert.ok(next.output.epochCounter >= 4, `epochs ${next.output.epochCounter}`);
    const h = next.output.scoringHistory;
    assert.ok(h.length > nFirst);
    // The first run's rows are carried over unchanged, then training goes on from its sample count.
    assert.deepEqual(
      h.slice(0, nFirst).map((e) => e.samples),
      first.output.scoringHistory.map((e) => e.samples),
    );
    assert.ok(h[nFirst].samples > seenFirst);
    assert.ok(next.output.iterations > first.output.iterations);
    assert.equal(first.output.scoringHistory.length, nFirst, 'the checkpoint itself is not modified');
  });

  it('names every parameter that may not change, with old and new values', async () => {
    const first = await trainDeepLearning({
      params: { ...base, epochs: 1 },
      trainingFrame: iris,
      y: 'class',
    });
    await assert.rejects(
      trainDeepLearning(
        {
          params: { ...base, epochs: 3, activation: 'Rectifier', rho: 0.9 },
          trainingFrame: iris,
          y: 'class',
        },
        { checkpoint: first },
      ),
      (e: Error) => {
        assert.match(e.message, /Cannot change parameter: 'activation': Tanh -> Rectifier/);
        assert.match(e.message, /Cannot change parameter: 'rho': 0.99 -> 0.9/);
        return true;
      },
    );
    await assert.rejects(
      trainDeepLearning(
        { params: { ...base, epochs: 3, hidden: [6] }, trainingFrame: iris, y: 'class' },
        { checkpoint: first },
      ),
      /hidden: Cannot change parameter: 'hidden': \[5\] -> \[6\]/,
    );
    await assert.rejects(
      trainDeepLearning(
        { params: { ...base, epochs: 3 }, trainingFrame: iris, y: 'sepal_len' },
        { checkpoint: first },
      ),
      /Cannot change parameter: 'response_column': class -> sepal_len/,
    );
  });

  it('requires epochs larger than those already trained', async () => {
    const first = await trainDeepLearning({
      params: { ...base, epochs: 2 },
      trainingFrame: iris,
      y: 'class',
    });
    await assert.rejects(
      trainDeepLearning(
        { params: { ...base, epochs: 1 }, trainingFrame: iris, y: 'class' },
        { checkpoint: first },
      ),
      /epochs: Total number of epochs must be larger than the number of epochs already trained for the checkpointed model \(2(\.\d+)?\); got 1/,
    );
  });
});
