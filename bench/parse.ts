// Parse benchmark (not a test): parse MNIST train.csv.gz (60,000 x 785) on one thread and with the
// parse workers, then time the whole `h2o-ts describe --json` process against pandas read_csv on the
// same file, alternating in the same run.
// Usage: npm run bench:parse [-- path/to/file.csv.gz]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { createGunzip } from 'node:zlib';
import { summary } from '../src/frame/index.ts';
import { parseSetup, parseWithSetup } from '../src/parse/index.ts';
import { DEFAULT_TUNING } from '../src/parse/parse-pool.ts';

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

// 1. In-process import (best of 3) on one thread and with the parse workers, frame memory.
let best = Number.POSITIVE_INFINITY;
let bytes = 0;
let shape = '';
const setup = await parseSetup([file]);
for (const [label, tuning] of [
  ['one thread', { ...DEFAULT_TUNING, threads: 0 }],
  [`${DEFAULT_TUNING.threads} workers`, DEFAULT_TUNING],
] as const) {
  best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const frame = await parseWithSetup(setup, {}, tuning);
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    bytes = frame.byteSize();
    shape = `${frame.nRows} x ${frame.nCols}`;
    if (k === 0 && tuning === DEFAULT_TUNING) {
      const t1 = performance.now();
      summary(frame);
      console.log(`summary(): ${(performance.now() - t1).toFixed(0)} ms`);
    }
  }
  console.log(
    `parse (${label}, sources through tsx): ${shape}, best of 3 ${(best / 1000).toFixed(2)} s, ${(mb(text) / (best / 1000)).toFixed(0)} MB/s, frame ${mb(bytes).toFixed(1)} MB`,
  );
}

// 2. The whole CLI process as a user runs it, alternating with pandas read_csv on the same file
// (Debian python3-pandas) so both see the same machine load; 3 runs each.
const bin = new URL('../bin/h2o-ts', import.meta.url).pathname;
function describeOnce(env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const cli = spawnSync(process.execPath, [bin, 'describe', file, '--json'], { maxBuffer: 1 << 28, env });
  if (cli.status !== 0) console.log(`describe failed: ${cli.stderr}`);
  return (performance.now() - t) / 1000;
}
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
function pandasOnce(): { ver: string; s: number; mem: number } | null {
  const r = spawnSync(py, ['-c', script, file], { encoding: 'utf8' });
  const out = (r.stdout ?? '').trim();
  if (r.status !== 0 || out === '' || out === 'NOPANDAS') return null;
  const [ver, secs, mem] = out.split(' ');
  return { ver, s: Number(secs), mem: Number(mem) };
}
const cliS: number[] = [];
const tsxS: number[] = [];
const pandasS: number[] = [];
let pandasInfo: { ver: string; mem: number } | null = null;
for (let k = 0; k < 3; k++) {
  cliS.push(describeOnce());
  const p = pandasOnce();
  if (p !== null) {
    pandasS.push(p.s);
    pandasInfo = p;
  }
}
tsxS.push(describeOnce({ ...process.env, H2O_TS_NO_BUNDLE: '1' }));
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`h2o-ts describe --json (whole process, bundled CLI): ${fmt(cliS)} s`);
console.log(`h2o-ts describe --json (whole process, sources through tsx): ${fmt(tsxS)} s`);
if (pandasInfo === null) console.log('pandas: not available (install Debian python3-pandas to compare)');
else {
  const ps = median(pandasS);
  console.log(
    `pandas ${pandasInfo.ver} read_csv: ${fmt(pandasS)} s, ${(mb(text) / ps).toFixed(0)} MB/s, frame ${mb(pandasInfo.mem).toFixed(0)} MB`,
  );
  console.log(
    `whole describe process vs pandas (medians): ${median(cliS).toFixed(2)} s vs ${ps.toFixed(2)} s = ${(median(cliS) / ps).toFixed(2)} of pandas' time (${(ps / median(cliS)).toFixed(1)}x faster)`,
  );
}
