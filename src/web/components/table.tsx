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

function Linked({ href, children }: { href: string | undefined; children: string }) {
  return href === undefined ? children : <a href={href}>{children}</a>;
}

function tableColumnHasValues(t: TwoDimTableV3, c: number): boolean {
  return (t.data[c] ?? []).some((v) => v !== null && v !== '');
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
  cellHref,
}: {
  table: TwoDimTableV3 | null | undefined;
  sortable?: boolean;
  caption?: string;
  /** A link for a cell (by column name and value), or undefined to show plain text. */
  cellHref?: (column: string, value: Cell) => string | undefined;
}) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  if (table === null || table === undefined) return null;
  // H2O's tables often open with an unnamed row-header column left empty: showing it adds an
  // empty, unlabelled column, so such a column is left out.
  const shown = table.columns
    .map((_c, i) => i)
    .filter((i) => table.columns[i].name !== '' || tableColumnHasValues(table, i));
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
            {shown.map((i) => {
              const c = table.columns[i];
              return sortable ? (
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
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {shown.map((j) => (
                <td key={j} class={typeof r[j] === 'number' ? 'n' : ''}>
                  <Linked href={cellHref?.(table.columns[j].name, r[j])}>{num(r[j])}</Linked>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
