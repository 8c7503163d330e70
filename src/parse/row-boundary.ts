// findRowBoundary: where a block of CSV text may be cut so that each piece can be scanned on its own
// (by different threads). Only a line end outside quotes is a row boundary; quotes are tracked exactly
// as the scanner reads them, and input whose quotes the scanner could read differently is refused.

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/** Returned by findRowBoundary when the quotes in the block do not allow a safe cut. */
export const AMBIGUOUS = -2;

/**
 * The offset just after the last LF of `buf` that ends a row, given that a row starts at `from`
 * (0, or 3 after a BOM). Returns -1 when the block holds no such LF, and AMBIGUOUS when a quote sits
 * where the scanner would not treat it as opening or closing a quoted field (a stray quote inside an
 * unquoted field, text after a closing quote): quote parity then says nothing, so the caller must
 * stop cutting and scan the rest in one piece.
 */
export function findRowBoundary(bytes: Uint8Array, separator: string, from = 0): number {
  // A Buffer view: its indexOf is memchr, a plain Uint8Array's is a generic loop (5-10x slower).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const sep = separator.charCodeAt(0);
  const collapse = separator === ' ';
  const len = buf.length;
  let k = buf.indexOf(QUOTE, from);
  // Without quotes (the common case) the last LF is the answer.
  if (k < 0) return lastLf(buf, from, len);
  let cut = -1;
  let outsideFrom = from;
  let inQuotes = false;
  while (k >= 0) {
    if (!inQuotes) {
      // An opening quote starts a field: after a separator, a line end, or the row start.
      const prev = k === from ? LF : buf[k - 1];
      if (prev !== sep && prev !== LF && prev !== CR && !(collapse && prev === SPACE)) return AMBIGUOUS;
      const lf = lastLf(buf, outsideFrom, k);
      if (lf >= 0) cut = lf;
      inQuotes = true;
      k = buf.indexOf(QUOTE, k + 1);
      continue;
    }
    // Inside quotes: "" is an escaped quote; anything else closes the field.
    if (k + 1 >= len) return cut; // cannot tell "" from a closing quote here
    const next = buf[k + 1];
    if (next === QUOTE) {
      k = buf.indexOf(QUOTE, k + 2);
      continue;
    }
    if (next !== sep && next !== LF && next !== CR && !(collapse && next === SPACE)) return AMBIGUOUS;
    inQuotes = false;
    outsideFrom = k + 1;
    k = buf.indexOf(QUOTE, k + 1);
  }
  if (!inQuotes) {
    const lf = lastLf(buf, outsideFrom, len);
    if (lf >= 0) cut = lf;
  }
  return cut;
}

/** Offset after the last LF in buf[from, to), or -1. */
function lastLf(buf: Buffer, from: number, to: number): number {
  // Plain form: buf.subarray(from, to).lastIndexOf(LF); a loop avoids a view per quoted field.
  for (let i = to - 1; i >= from; i--) if (buf[i] === LF) return i + 1;
  return -1;
}
