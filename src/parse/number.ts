// Numbers straight from bytes: a fast path for plain decimals (most CSV cells) and a careful slow path
// for the rest (exponents, NaN, Inf, surrounding spaces). Invalid text is reported, never guessed.

/** Returned by parseNumber for text that is not a number. */
export const NOT_A_NUMBER = Symbol('not a number');

const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(10 ** k);

/**
 * The number in bytes [s, e) of b: plain decimals like `12`, `-0.5`, `.5`, plus `1e-5`, `NaN` (NA),
 * `Inf`, `-Inf`, `Infinity`; surrounding spaces are ignored. An empty field is NaN (NA); text that
 * is not a number gives NOT_A_NUMBER. Plain decimals with at most 15 digits are exact: the
 * integer mantissa divided by a power of ten is correctly rounded, as parseFloat is.
 */
export function parseNumber(b: Uint8Array, s: number, e: number): number | typeof NOT_A_NUMBER {
  let i = s;
  let neg = false;
  let c = b[i];
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let nd = 0;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    i++;
    nd++;
  }
  if (i === e && nd > 0 && nd <= 15) return neg ? -m : m;
  c = b[i];
  if (c === 46 && i < e) {
    i++;
    const fracStart = i;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      i++;
      nd++;
    }
    if (i === e && nd > 0 && nd <= 15) {
      const v = m / POW10[i - fracStart];
      return neg ? -v : v;
    }
  }
  return slowNumber(b, s, e);
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function slowNumber(b: Uint8Array, s: number, e: number): number | typeof NOT_A_NUMBER {
  let t = '';
  for (let k = s; k < e; k++) t += String.fromCharCode(b[k]);
  t = t.trim();
  if (t === '') return Number.NaN;
  if (NUMBER_RE.test(t)) return Number(t);
  switch (t) {
    case 'NaN':
    case 'nan':
      return Number.NaN;
    case 'Inf':
    case 'inf':
    case '+Inf':
    case 'Infinity':
    case '+Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
    case '-inf':
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
  }
  return NOT_A_NUMBER;
}

/** True when the text is a number by parseNumber's rules (used by type guessing). */
export function isNumberText(t: string): boolean {
  // Plain digits (most sample cells) need no byte copy.
  const n = t.length;
  let i = 0;
  while (i < n && i < 16) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === n && n > 0 && n <= 15) return true;
  const b = Buffer.from(t, 'latin1');
  return t.trim() !== '' && parseNumber(b, 0, b.length) !== NOT_A_NUMBER;
}
