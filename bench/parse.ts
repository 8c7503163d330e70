// Parse benchmark (not a test): import MNIST train.csv.gz (60,000 x 785) with importFiles, time the
// whole `h2o-ts describe --json` process, and run pandas read_csv on the same file in the same run.
// Usage: npm run bench:parse [-- path/to/file.csv.gz]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { createGunzip } from 'node:zlib';
import { summary } from '../src/frame/index.ts';
import { importFiles } from '../src/parse/index.ts';

const file = process.argv[2] ?? new URL('../../shared/data/mnist/train.csv.gz', import.meta.url).pathname;
if (!existsSync(file)) {
  console.error(`bench:parse: ${file} not found`);
  process.exit(1);
}

/** Bytes of CSV text, to report MB/s of text rather than of gzip. */
async function textBytes(path: string): Promise<number> {
  let n = 0;
  const src = createReadStream(path);
  const s = path.endsWith('.gz') ? src.pipe(createGunzip()) : src;
  for await (const c of s) n += (c as Buffer).length;
  return n;
}

const mb = (b: number) => b / 1e6;
const text = await textBytes(file);
console.log(`file: ${file} (${mb(text).toFixed(1)} MB of CSV text)`);
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);

// 1. In-process import (best of 3), frame memory.
let best = Number.POSITIVE_INFINITY;
let bytes = 0;
let shape = '';
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const frame = await importFiles(file);
  const ms = performance.now() - t0;
  best = Math.min(best, ms);
  bytes = frame.byteSize();
  shape = `${frame.nRows} x ${frame.nCols}`;
  if (k === 0) {
    const t1 = performance.now();
    summary(frame);
    console.log(`summary(): ${(performance.now() - t1).toFixed(0)} ms`);
  }
}
console.log(
  `importFiles: ${shape}, best of 3 ${(best / 1000).toFixed(2)} s, ${(mb(text) / (best / 1000)).toFixed(0)} MB/s, frame ${mb(bytes).toFixed(1)} MB`,
);

// 2. The whole CLI process, as a user runs it.
const bin = new URL('../bin/h2o-ts', import.meta.url).pathname;
const t2 = performance.now();
const cli = spawnSync(process.execPath, [bin, 'describe', file, '--json'], { maxBuffer: 1 << 28 });
const cliS = (performance.now() - t2) / 1000;
if (cli.status !== 0) console.log(`describe failed: ${cli.stderr}`);
console.log(`h2o-ts describe --json (whole process): ${cliS.toFixed(2)} s`);

// 3. pandas read_csv on the same file (Debian python3-pandas), when present.
const py = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const script = `
import time, sys
try:
    import pandas as pd
except ImportError:
    print("NOPANDAS"); sys.exit(0)
t = time.time()
d = pd.read_csv(sys.argv[1], header=None)
s = time.time() - t
print(f"{pd.__version__} {s} {d.memory_usage(deep=True).sum()}")
`;
const r = spawnSync(py, ['-c', script, file], { encoding: 'utf8' });
const out = (r.stdout ?? '').trim();
if (r.status !== 0 || out === '' || out === 'NOPANDAS') {
  console.log('pandas: not available (install Debian python3-pandas to compare)');
} else {
  const [ver, secs, mem] = out.split(' ');
  const ps = Number(secs);
  console.log(
    `pandas ${ver} read_csv: ${ps.toFixed(2)} s, ${(mb(text) / ps).toFixed(0)} MB/s, frame ${mb(Number(mem)).toFixed(0)} MB`,
  );
  console.log(
    `speed-up vs pandas: importFiles ${(ps / (best / 1000)).toFixed(1)}x, whole describe process ${(ps / cliS).toFixed(1)}x`,
  );
}
