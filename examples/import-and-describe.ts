// Example: import a CSV (here the booklet's iris file), look at its summary, turn a column into a
// factor, split the frame 75/25 with a seed, and write the smaller part back out as CSV.
// Run: node --import tsx examples/import-and-describe.ts [path]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asfactor, exportCsv, splitFrame, summary } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const path =
  process.argv[2] ?? new URL('../../shared/data/smalldata/iris/iris_wheader.csv', import.meta.url).pathname;
const frame = await importFiles(path);
console.log(`imported ${frame.nRows} rows x ${frame.nCols} columns: ${frame.names.join(', ')}`);
for (const c of summary(frame)) {
  const range =
    c.type === 'enum' ? `${c.cardinality} levels` : `${c.min} .. ${c.max}, mean ${c.mean?.toFixed(3)}`;
  console.log(`  ${c.name} (${c.type}): ${range}, ${c.missing} missing`);
}
const petals = asfactor(frame.col(2));
console.log(
  `petal_len as a factor has ${petals.domain!.length} levels, first ${petals.domain!.slice(0, 3).join(', ')}`,
);
const [train, test] = splitFrame(frame, [0.75], 1234);
const out = join(mkdtempSync(join(tmpdir(), 'h2o-example-')), 'test.csv');
await exportCsv(test, out);
console.log(`split: ${train.nRows} train rows, ${test.nRows} test rows written to ${out}`);
