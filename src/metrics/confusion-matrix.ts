// Confusion matrix (rows actual, columns predicted) with H2O's error definitions and its table
// layout: one row per actual class plus "Totals", one column per predicted class plus Error and Rate.

import { makeTable, type TwoDimColumn, type TwoDimTable } from './two-dim-table.ts';

/** Counts (possibly weighted) of actual vs predicted classes. */
export class ConfusionMatrix {
  readonly domain: string[];
  /** counts[actual][predicted]. */
  readonly counts: number[][];

  constructor(domain: string[], counts: number[][]) {
    this.domain = domain;
    this.counts = counts;
  }

  /** An all-zero K×K matrix over `domain`. */
  static empty(domain: string[]): ConfusionMatrix {
    return new ConfusionMatrix(
      domain,
      domain.map(() => domain.map(() => 0)),
    );
  }

  /** Row sums: total (weight) of each actual class. */
  actualTotals(): number[] {
    return this.counts.map((row) => row.reduce((s, v) => s + v, 0));
  }

  /** Column sums: total (weight) predicted as each class. */
  predictedTotals(): number[] {
    return this.domain.map((_, p) => this.counts.reduce((s, row) => s + row[p], 0));
  }

  totalRows(): number {
    return this.actualTotals().reduce((s, v) => s + v, 0);
  }

  /** Off-diagonal row share of class c; 0 for a class with no rows (H2O: "0 is nicer than NaN"). */
  classError(c: number): number {
    const s = this.counts[c].reduce((a, v) => a + v, 0);
    return s === 0 ? 0 : (s - this.counts[c][c]) / s;
  }

  /** Per-class errors, one per domain level. */
  perClassErrors(): number[] {
    return this.domain.map((_, c) => this.classError(c));
  }

  /** Mean of the per-class errors over all K classes (empty classes count as 0). */
  meanPerClassError(): number {
    return this.perClassErrors().reduce((s, v) => s + v, 0) / this.domain.length;
  }

  /** Overall error: 1 − trace/total (NaN for an empty matrix). */
  err(): number {
    const n = this.totalRows();
    let correct = 0;
    for (let d = 0; d < this.domain.length; d++) correct += this.counts[d][d];
    return (n - correct) / n;
  }

  /**
   * H2O's table: title "Confusion Matrix", description "vertical: actual; across: predicted"
   * (or `description`). Counts print as integers when all are whole numbers, else as doubles;
   * Rate is "errors / total" with thousands separators ("1,234 / 5,000").
   */
  toTable(description = 'vertical: actual; across: predicted'): TwoDimTable {
    const isInt = this.counts.every((row) => row.every((v) => Number.isInteger(v)));
    const acts = this.actualTotals();
    const preds = this.predictedTotals();
    const countCol = (name: string): TwoDimColumn =>
      isInt ? { name, type: 'long', format: '%d' } : { name, type: 'double', format: '%.2f' };
    const columns: TwoDimColumn[] = [
      { name: '', type: 'string', format: '%s' },
      ...this.domain.map(countCol),
      { name: 'Error', type: 'double', format: '%.4f' },
      { name: 'Rate', type: 'string', format: '%s' },
    ];
    const rows: (string | number | null)[][] = [];
    let totalErr = 0;
    for (let a = 0; a < this.domain.length; a++) {
      const err = acts[a] - this.counts[a][a];
      totalErr += err;
      // H2O prints err/total here, which is NaN for an empty class (unlike classError()).
      rows.push([this.domain[a], ...this.counts[a], err / acts[a], rate(err, acts[a], isInt, 4)]);
    }
    const n = acts.reduce((s, v) => s + v, 0);
    // H2O computes the Totals error as (float)terr / nrows.
    rows.push(['Totals', ...preds, Math.fround(totalErr) / n, rate(totalErr, n, isInt, 2)]);
    return makeTable('Confusion Matrix', description, columns, rows);
  }
}

/** "err / total": grouped integers, or fixed decimals for weighted counts. */
function rate(err: number, total: number, isInt: boolean, decimals: number): string {
  if (isInt) return `${groupThousands(err)} / ${groupThousands(total)}`;
  return `${err.toFixed(decimals)} / ${total.toFixed(decimals)}`;
}

/** Java's "%,d": 1234567 → "1,234,567". */
function groupThousands(v: number): string {
  const s = String(Math.trunc(Math.abs(v)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return v < 0 ? `-${grouped}` : grouped;
}
