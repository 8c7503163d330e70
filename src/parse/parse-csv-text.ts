// parseCsvText: CSV text already in memory to a Frame, with the same guesses and rules as importFiles.
// Meant for small inline inputs (tests, REST uploads).
import { Frame } from '../frame/index.ts';
import { ColumnBuilder, invalidCellWarnings } from './column-builder.ts';
import { setupFromSample } from './parse-setup.ts';
import { CsvScanner } from './scanner.ts';
import type { ParseSetupOptions } from './types.ts';

/**
 * Parse `text` into a Frame. `options` override the guesses; `name` is used in error messages.
 * Short rows are padded with NA; warnings go to `onWarning`.
 */
export function parseCsvText(
  text: string,
  options: Partial<ParseSetupOptions> & { name?: string; onWarning?: (m: string) => void } = {},
): Frame {
  const name = options.name ?? '<text>';
  const bytes = Buffer.from(text, 'utf8');
  const setup = setupFromSample([name], name, bytes, true, options);
  for (const w of setup.warnings) options.onWarning?.(w);
  const builders = setup.columnTypes.map((t) => new ColumnBuilder(t, setup.naStrings));
  let skip = setup.header;
  let ragged = 0;
  const scanner = new CsvScanner(setup.separator, name, (buf, st, en, fl, nf, line) => {
    if (skip) {
      skip = false;
      return;
    }
    const n = Math.min(nf, builders.length);
    for (let j = 0; j < n; j++) builders[j].add(buf, st[j], en[j], fl[j], line);
    for (let j = nf; j < builders.length; j++) builders[j].addNA();
    if (nf !== builders.length) ragged++;
  });
  scanner.push(bytes);
  scanner.finish();
  if (ragged > 0)
    options.onWarning?.(
      `${name}: ${ragged} rows do not have ${builders.length} fields (short ones padded with NA)`,
    );
  for (const w of invalidCellWarnings(builders, setup.columnNames)) options.onWarning?.(w);
  return new Frame(
    setup.columnNames,
    builders.map((b) => b.build()),
  );
}
