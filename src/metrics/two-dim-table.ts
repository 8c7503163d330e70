// H2O's TwoDimTable as plain data: a titled table with typed columns and row-major cells. Metrics
// build these; the REST layer turns them into TwoDimTableV3 (column-major) without recomputing anything.

import { assert } from '../core/index.ts';

/** One column of a {@link TwoDimTable}: H2O's column type and printf-style format. */
export interface TwoDimColumn {
  name: string;
  /** H2O's type names: 'string', 'int', 'long', 'double', 'float'. */
  type: 'string' | 'int' | 'long' | 'double' | 'float';
  /** printf-style format as H2O sends it, e.g. '%d', '%.5f', '%s'. */
  format: string;
}

/** A table as H2O reports it (model summary, confusion matrix, thresholds, hit ratios, ...). */
export interface TwoDimTable {
  name: string;
  description: string;
  columns: TwoDimColumn[];
  /** Row-major cells; `null` is an empty cell (H2O sends null, the clients print ""). */
  rows: (string | number | null)[][];
}

/** A column of doubles printed with `format` (H2O's default for metric columns is '%f'-like). */
export function doubleColumn(name: string, format = '%.5f'): TwoDimColumn {
  return { name, type: 'double', format };
}

/** Builds a table after checking that every row has one cell per column (our bug otherwise). */
export function makeTable(
  name: string,
  description: string,
  columns: TwoDimColumn[],
  rows: (string | number | null)[][],
): TwoDimTable {
  for (let r = 0; r < rows.length; r++) {
    assert(
      rows[r].length === columns.length,
      `table '${name}' row ${r}: ${rows[r].length} cells, expected ${columns.length}`,
    );
  }
  return { name, description, columns, rows };
}

/** Column `name` of `table` as an array (column-major view, as TwoDimTableV3 stores it). */
export function tableColumn(table: TwoDimTable, name: string): (string | number | null)[] {
  const c = table.columns.findIndex((col) => col.name === name);
  assert(c >= 0, `table '${table.name}' has no column '${name}'`);
  return table.rows.map((row) => row[c]);
}
