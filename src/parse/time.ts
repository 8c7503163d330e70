// Time values: the date formats H2O's parser recognises most often, read as UTC epoch milliseconds.
// Only ISO-like year-first dates are accepted (with - or /), optionally followed by a time of day.

const TIME_RE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z)?$/;

/** Epoch ms of a date/time text such as `2014-03-01`, `2014/3/1 13:45`, `2014-03-01T13:45:10.250Z`; NaN if not a date. */
export function parseTime(text: string): number {
  const m = TIME_RE.exec(text.trim());
  if (m === null) return Number.NaN;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return Number.NaN;
  const t = Date.UTC(Number(m[1]), month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2014-02-31 over to March; reject instead of guessing.
  return new Date(t).getUTCDate() === day ? t : Number.NaN;
}
