import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Frame, Vec } from '../frame/index.ts';
import { assignFolds } from './fold-assignment.ts';

const seven = Frame.fromColumns({ x: [1, 2, 3, 4, 5, 6, 7] });

function counts(folds: Int32Array, n: number): number[] {
  const c = new Array(n).fill(0);
  for (const f of folds) c[f]++;
  return c;
}

describe('assignFolds', () => {
  it('Modulo puts row r in fold r mod nfolds', () => {
    // rows 0..6 mod 3 = 0 1 2 0 1 2 0
    assert.deepEqual(
      Array.from(assignFolds(seven, { nfolds: 3, fold_assignment: 'Modulo' }).folds),
      [0, 1, 2, 0, 1, 2, 0],
    );
  });

  it('Random gives every row a fold in range that depends only on seed and row', () => {
    const big = Frame.fromColumns({ x: Float64Array.from({ length: 300 }, (_, i) => i) });
    const a = assignFolds(big, { nfolds: 4, fold_assignment: 'Random', seed: 42 });
    const again = assignFolds(big.slice(0, 100), { nfolds: 4, fold_assignment: 'AUTO', seed: 42 });
    assert.deepEqual(
      Array.from(again.folds),
      Array.from(a.folds.subarray(0, 100)),
      'AUTO = Random; a prefix keeps its folds',
    );
    assert.ok(a.folds.every((f) => f >= 0 && f < 4));
    // 300 rows over 4 folds: each fold gets a fair share (75 expected; 40..110 is far outside chance).
    for (const c of counts(a.folds, 4)) assert.ok(c > 40 && c < 110, `fold size ${c}`);
    const other = assignFolds(big, { nfolds: 4, seed: 43 });
    assert.notDeepEqual(Array.from(other.folds), Array.from(a.folds));
  });

  it('Stratified spreads each class over the folds within one row', () => {
    // 10 of class a, 5 of b, 3 of c over 3 folds.
    const codes = [...new Array(10).fill(0), ...new Array(5).fill(1), ...new Array(3).fill(2)];
    const f = Frame.fromColumns({ x: codes.map((_, i) => i) }).withColumn(
      'y',
      Vec.categorical(codes, ['a', 'b', 'c']),
    );
    const { folds } = assignFolds(f, { nfolds: 3, fold_assignment: 'Stratified', seed: 1 }, 'y');
    for (let cls = 0; cls < 3; cls++) {
      const per = [0, 0, 0];
      codes.forEach((c, r) => {
        if (c === cls) per[folds[r]]++;
      });
      assert.ok(Math.max(...per) - Math.min(...per) <= 1, `class ${cls}: ${per}`);
    }
    const sizes = counts(folds, 3);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `fold sizes ${sizes}`);
  });

  it('fold_column makes one fold per distinct value, in sorted order', () => {
    const f = Frame.fromColumns({ x: [1, 2, 3, 4], g: [30, 10, 30, 20] });
    const r = assignFolds(f, { fold_column: 'g' });
    assert.equal(r.nFolds, 3);
    assert.deepEqual(Array.from(r.folds), [2, 0, 2, 1]);
  });

  it('rejects bad settings naming the parameter and the value', () => {
    assert.throws(() => assignFolds(seven, { nfolds: 1 }), /nfolds: got 1; allowed: an integer >= 2/);
    assert.throws(
      () => assignFolds(seven, { nfolds: 8 }),
      /nfolds: got 8, more folds than the 7 training rows/,
    );
    assert.throws(
      () => assignFolds(seven, { nfolds: 2, fold_assignment: 'Shuffled' }),
      /fold_assignment: unknown value 'Shuffled'. Allowed: AUTO, Random, Modulo, Stratified/,
    );
    assert.throws(
      () => assignFolds(seven, { nfolds: 2, fold_assignment: 'Stratified' }, null),
      /Stratified needs a categorical or integer response/,
    );
    assert.throws(
      () => assignFolds(seven, { fold_column: 'nope' }),
      /fold_column: column 'nope' is not in the training frame/,
    );
    const withNA = Frame.fromColumns({ x: [1, 2, 3], g: [1, Number.NaN, 2] });
    assert.throws(
      () => assignFolds(withNA, { fold_column: 'g' }),
      /fold_column 'g' has a missing value at row 2/,
    );
  });
});
