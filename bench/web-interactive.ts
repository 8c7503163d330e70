// Web UI start-up benchmark (not a test): how long after navigation the UI is interactive (the
// navigation's Import link is in the page and clickable), over several fresh navigations in headless
// chromium against a local server. Prints the first (cold cache) and p50/max of the others; goal 1 s.
// Usage: npm run bench:web [-- --runs N]

import { formatLatency, latencySummary } from '../src/server/test-util.ts';
import { startSession } from '../test/web/browser.ts';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 10;
const GOAL_MS = 1000;

const s = await startSession();
try {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A blank page between runs, so every run is a whole navigation (the browser cache stays warm).
    await s.page.goto('about:blank');
    const t0 = performance.now();
    await s.page.goto(s.url);
    await s.page.getByRole('link', { name: 'Import' }).waitFor();
    times.push(performance.now() - t0);
  }
  const [cold, ...warm] = times;
  const l = latencySummary(warm.length > 0 ? warm : times);
  console.log(`first navigation (cold cache): ${cold.toFixed(0)} ms`);
  console.log(`later navigations: ${formatLatency(l).replace('calls', 'navigations')}`);
  console.log(
    `verdict: worst ${Math.max(...times).toFixed(0)} ms ${Math.max(...times) < GOAL_MS ? '<' : '>='} ${GOAL_MS} ms goal`,
  );
  if (s.consoleErrors.length > 0) console.log(`console errors: ${s.consoleErrors.join('; ')}`);
} finally {
  await s.close();
}
