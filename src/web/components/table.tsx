// Renders H2O's TwoDimTableV3 (column-major `data[c][r]`) as an HTML table, optionally sortable
// by clicking (or pressing Enter on) a column header.
import { useState } from 'preact/hooks';
import type { TwoDimTableV3 } from '../../schema/index.ts';
import { num } from './format.ts';

type Cell = string | number | null;

/** Rows of a TwoDimTable (row-major), for charts and sorting. */
export function tableRows(t: TwoDimTableV3): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 0; r < t.rowcount; r++) rows.push(t.columns.map((_c, c) => t.data[c]?.[r] ?? null));
  return rows;
}

/** One column of a TwoDimTable by (case-insensitive) name, or undefined. */
export function tableColumn(t: TwoDimTableV3, name: string): Cell[] | undefined {
  const i = t.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
  return i < 0 ? undefined : t.data[i];
}

function compare(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number')
    return (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0) || a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

/** A TwoDimTable with its title; `sortable` adds clickable headers. */
export function TwoDimTable({
  table,
  sortable = false,
  caption,
}: {
  table: TwoDimTableV3 | null | undefined;
  sortable?: boolean;
  caption?: string;
}) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  if (table === null || table === undefined) return null;
  const rows = tableRows(table);
  if (sort !== null) rows.sort((a, b) => sort.dir * compare(a[sort.col], b[sort.col]));
  const toggle = (c: number) =>
    setSort(sort?.col === c ? { col: c, dir: sort.dir === 1 ? -1 : 1 } : { col: c, dir: 1 });
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption ?? table.name}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) =>
              sortable ? (
                <th
                  key={c.name}
                  aria-sort={sort?.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" class="link" onClick={() => toggle(i)}>
                    {c.name || '#'} {sort?.col === i ? (sort.dir === 1 ? '▲' : '▼') : ''}
                  </button>
                </th>
              ) : (
                <th key={c.name}>{c.name}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} class={typeof v === 'number' ? 'n' : ''}>
                  {num(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
