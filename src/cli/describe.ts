// `h2o-ts describe <path|url> [--json]`: import a data file and print H2O's per-column summary, as a
// table for people or as JSON ({ rows, cols, columns: [...] }) for programs.
import type { Command } from 'commander';
import { type ColumnSummary, type Frame, summary } from '../frame/index.ts';
import { importFiles } from '../parse/index.ts';

/** Register the describe command on `program`. */
export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .description('import a CSV file, folder, glob or URL (.gz/.zip too) and summarise each column')
    .argument('<path>', 'file, folder, glob or http(s) URL')
    .option('--json', 'print JSON instead of a table')
    .action(async (path: string, opts: { json?: boolean }) => {
      const frame = await importFiles(path, { onWarning: (m) => process.stderr.write(`warning: ${m}\n`) });
      const cols = summary(frame);
      process.stdout.write(
        opts.json ? `${JSON.stringify(describeJson(frame, cols))}\n` : describeTable(frame, cols),
      );
    });
}

/** The JSON document `describe --json` prints; NaN and infinities become null. */
export function describeJson(frame: Frame, cols: ColumnSummary[]) {
  return { rows: frame.nRows, cols: frame.nCols, byteSize: frame.byteSize(), columns: cols };
}

/** A fixed-width table: one line per column. */
export function describeTable(frame: Frame, cols: ColumnSummary[]): string {
  const fmt = (v: number | null) =>
    v === null || Number.isNaN(v) ? '' : Number.isInteger(v) ? String(v) : v.toPrecision(6);
  const head = ['column', 'type', 'min', 'max', 'mean', 'sigma', 'zeros', 'missing', 'cardinality'];
  const body = cols.map((c) => [
    c.name,
    c.type,
    fmt(c.min),
    fmt(c.max),
    fmt(c.mean),
    fmt(c.sigma),
    String(c.zeros),
    String(c.missing),
    c.cardinality === null ? '' : String(c.cardinality),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((r) => r[k].length)));
  const line = (r: string[]) =>
    r.map((s, k) => (k < 2 ? s.padEnd(widths[k]) : s.padStart(widths[k]))).join('  ');
  const mb = (frame.byteSize() / 1e6).toFixed(1);
  return `Rows: ${frame.nRows}  Columns: ${frame.nCols}  In memory: ${mb} MB\n${[head, ...body].map(line).join('\n')}\n`;
}
