// The two binomial threshold tables H2O reports: one row per AUC2 bin ("Metrics for Thresholds")
// and the bin maximising each criterion ("Maximum Metrics"). Column names and order are H2O's.

import { type Auc2, criterionAt, maxCriterionIdx } from './auc2.ts';
import { THRESHOLD_CRITERIA } from './threshold-criteria.ts';
import { makeTable, type TwoDimColumn, type TwoDimTable } from './two-dim-table.ts';

/** thresholds_and_metric_scores: threshold, each criterion, idx; descending threshold. */
export function thresholdsTable(a: Auc2): TwoDimTable {
  const columns: TwoDimColumn[] = [
    { name: 'threshold', type: 'double', format: '%f' },
    ...THRESHOLD_CRITERIA.map(
      (c): TwoDimColumn =>
        c.isCount
          ? { name: c.name, type: 'long', format: '%d' }
          : { name: c.name, type: 'double', format: '%f' },
    ),
    { name: 'idx', type: 'int', format: '%d' },
  ];
  const rows: number[][] = [];
  for (let i = 0; i < a.nBins; i++) {
    rows.push([a.thresholds[i], ...THRESHOLD_CRITERIA.map((c) => criterionAt(a, c, i)), i]);
  }
  return makeTable(
    'Metrics for Thresholds',
    'Binomial metrics as a function of classification thresholds',
    columns,
    rows,
  );
}

/** max_criteria_and_metric_scores: for each criterion, "max <name>", its threshold, value and idx. */
export function maxCriteriaTable(a: Auc2): TwoDimTable {
  const columns: TwoDimColumn[] = [
    { name: 'metric', type: 'string', format: '%s' },
    { name: 'threshold', type: 'double', format: '%f' },
    { name: 'value', type: 'double', format: '%f' },
    { name: 'idx', type: 'long', format: '%d' },
  ];
  const rows = THRESHOLD_CRITERIA.map((c) => {
    const i = maxCriterionIdx(a, c);
    return i < 0
      ? [`max ${c.name}`, null, null, null]
      : [`max ${c.name}`, a.thresholds[i], criterionAt(a, c, i), i];
  });
  return makeTable('Maximum Metrics', 'Maximum metrics at their respective thresholds', columns, rows);
}
