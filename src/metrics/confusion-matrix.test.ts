import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfusionMatrix } from './confusion-matrix.ts';

describe('ConfusionMatrix', () => {
  it('computes per-class and overall errors (empty classes count as 0)', () => {
    const cm = new ConfusionMatrix(
      ['a', 'b', 'c'],
      [
        [3, 1, 0],
        [0, 0, 0],
        [2, 0, 4],
      ],
    );
    assert.deepEqual(cm.perClassErrors(), [0.25, 0, 2 / 6]);
    assert.equal(cm.err(), 3 / 10); // (10 − 7)/10
    assert.equal(cm.meanPerClassError(), (0.25 + 0 + 2 / 6) / 3);
    assert.deepEqual(cm.actualTotals(), [4, 0, 6]);
    assert.deepEqual(cm.predictedTotals(), [5, 1, 4]);
  });

  it('lays out H2O table: classes + Totals rows, classes + Error + Rate columns, grouped counts', () => {
    const t = new ConfusionMatrix(
      ['no', 'yes'],
      [
        [1234, 5],
        [10, 2000],
      ],
    ).toTable();
    assert.equal(t.name, 'Confusion Matrix');
    assert.equal(t.description, 'vertical: actual; across: predicted');
    assert.deepEqual(
      t.columns.map((c) => [c.name, c.type]),
      [
        ['', 'string'],
        ['no', 'long'],
        ['yes', 'long'],
        ['Error', 'double'],
        ['Rate', 'string'],
      ],
    );
    assert.deepEqual(t.rows[0], ['no', 1234, 5, 5 / 1239, '5 / 1,239']);
    assert.deepEqual(t.rows[1], ['yes', 10, 2000, 10 / 2010, '10 / 2,010']);
    assert.deepEqual(t.rows[2], ['Totals', 1244, 2005, 15 / 3249, '15 / 3,249']);
  });

  it('prints weighted (fractional) counts as doubles', () => {
    const t = new ConfusionMatrix(
      ['no', 'yes'],
      [
        [1.5, 0.5],
        [0, 2],
      ],
    ).toTable();
    assert.equal(t.columns[1].type, 'double');
    assert.equal(t.rows[0][4], '0.5000 / 2.0000');
    assert.equal(t.rows[2][4], '0.50 / 4.00');
    assert.equal(t.rows[2][3], 0.125);
  });
});
