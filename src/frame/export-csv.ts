// Export a frame as CSV text, as H2O's `h2o.export_file` writes it: a header line, quoted strings and
// levels, empty fields for NA. Files are written to a temporary name and renamed (never half-written).
import { rename, unlink, writeFile } from 'node:fs/promises';
import { H2OInputError } from '../core/index.ts';
import type { Frame } from './frame.ts';
import type { Vec } from './vec.ts';

/** CSV text of `frame`: header of quoted names, one line per row, `\n` line ends, NA as an empty field. */
export function frameToCsv(frame: Frame): string {
  const lines: string[] = [frame.names.map(quote).join(',')];
  const cells = frame.vecs.map((v) => cellWriter(v));
  const row = new Array<string>(frame.nCols);
  for (let i = 0; i < frame.nRows; i++) {
    for (let j = 0; j < cells.length; j++) row[j] = cells[j](i);
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Write `frame` as CSV to `path` atomically: a temporary file in the same folder, then a rename. */
export async function exportCsv(frame: Frame, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, frameToCsv(frame));
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    const why = e instanceof Error ? e.message : String(e);
    throw new H2OInputError(`exportCsv: cannot write '${path}': ${why}`, { cause: e });
  }
}

function cellWriter(v: Vec): (i: number) => string {
  if (v.type === 'enum' || v.type === 'string') {
    return (i) => {
      const s = v.label(i);
      return s === null ? '' : quote(s);
    };
  }
  if (v.type === 'time') {
    return (i) => (v.isNA(i) ? '' : new Date(v.at(i)).toISOString());
  }
  return (i) => {
    const x = v.at(i);
    return Number.isNaN(x)
      ? ''
      : x === Number.POSITIVE_INFINITY
        ? 'Inf'
        : x === Number.NEGATIVE_INFINITY
          ? '-Inf'
          : String(x);
  };
}

/** Quote a text field, doubling inner quotes (RFC 4180). */
function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}
