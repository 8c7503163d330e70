// Number, byte and duration formatting for tables and cards.

/** A number with up to `digits` significant digits; NaN/null/strings as sent. */
export function num(v: unknown, digits = 4): string {
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  if (Number.isNaN(v)) return 'NaN';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

/** Bytes as B/KB/MB/GB. */
export function bytes(n: number): string {
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let x = n;
  while (x >= 1024 && i < u.length - 1) {
    x /= 1024;
    i++;
  }
  return `${i === 0 ? x : x.toFixed(1)} ${u[i]}`;
}

/** Milliseconds as `1h 2m 3s` / `4.5s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}h ` : ''}${h > 0 || m > 0 ? `${m}m ` : ''}${s % 60}s`;
}
