// Server responsiveness benchmark (not a test): while a 2-thread [200,200] Deep Learning job trains on
// MNIST train, 200 sequential GET /3/Jobs/{id} and then 200 GET /3/Cloud, spaced 40 ms as a client
// polls. Prints p50/p99/max per endpoint (goal: p99 < 100 ms) and how the job's progress moved.
// Usage: npm run bench:latency [-- --calls N] [-- --threads N]
import { join } from 'node:path';
import { createServer } from '../src/server/index.ts';
import { formatLatency, importOverSocket, latencySummary, socketClient } from '../src/server/test-util.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt;
const calls = arg('--calls', 200);
// The acceptance asks for two training threads; the pool reads H2O_TS_THREADS when it starts.
process.env.H2O_TS_THREADS = String(arg('--threads', 2));
const GOAL_MS = 100;
const mnist = join(import.meta.dirname, '..', '..', 'shared', 'data', 'mnist', 'train.csv.gz');

const server = await createServer({ port: 0 });
const url = await server.listen();
const c = socketClient(url);
let t = performance.now();
await importOverSocket(url, mnist, 'mnist.hex');
// The booklet's asfactor() on the label column, as the python client sends it.
await c.post('/99/Rapids', { ast: '(tmp= train (:= mnist.hex (as.factor (cols_py mnist.hex 784)) 784 []))' });
console.log(`import+parse+asfactor ${((performance.now() - t) / 1000).toFixed(1)} s`);
const build = await c.post('/3/ModelBuilders/deeplearning', {
  training_frame: 'train',
  response_column: 'C785',
  hidden: '[200,200]',
  epochs: '10',
});
const key: string = build.job.key.name;
t = performance.now();
// Let the workers start and the first iteration begin before measuring.
await new Promise((r) => setTimeout(r, 1000));
const job = async () => (await c.timedGet(`/3/Jobs/${key}`)).json.jobs[0];
// When the job's progress first left 0, seen from the polls (within about a second).
let firstProgressMs: number | null = null;
const watch = (j: { progress: number }) => {
  if (firstProgressMs === null && j.progress > 0) firstProgressMs = performance.now() - t;
};
let worst = 0;
for (const [label, path] of [
  ['/3/Jobs/{id}', `/3/Jobs/${key}`],
  ['/3/Cloud', '/3/Cloud'],
]) {
  const lat: number[] = [];
  const before = (await job()).progress;
  for (let i = 0; i < calls; i++) {
    await new Promise((r) => setTimeout(r, 40));
    const { json, ms } = await c.timedGet(path);
    lat.push(ms);
    if (json.jobs) watch(json.jobs[0]);
    else if (i % 25 === 0) watch(await job());
  }
  const j = await job();
  watch(j);
  const l = latencySummary(lat);
  worst = Math.max(worst, l.p99);
  console.log(
    `${label.padEnd(13)} ${formatLatency(l)}; job ${j.status}, progress ${before.toFixed(4)} -> ${j.progress.toFixed(4)}`,
  );
}
for (let j = await job(); firstProgressMs === null && j.status === 'RUNNING'; j = await job()) {
  await new Promise((r) => setTimeout(r, 250));
  watch(j);
}
const last = await job();
console.log(
  `job progress first moved ${((firstProgressMs ?? Number.NaN) / 1000).toFixed(1)} s after the build; now ${last.progress.toFixed(4)}: ${last.progress_msg}`,
);
console.log(`verdict: p99 ${worst.toFixed(1)} ms ${worst < GOAL_MS ? '<' : '>='} ${GOAL_MS} ms goal`);
await c.post(`/3/Jobs/${key}/cancel`);
await server.close();
process.exit(0);
