// Parses the list spellings users type for list parameters: `32,32,32`, `[32, 32, 32]` (Python/JSON),
// `c(32,32)` and `list(c(10,10), c(20,20))` (R), `(32, 32)` (Python tuple), with quoted or bare items.
// It only splits text into nested lists of atoms; typing the atoms is the caller's job.

/** One item of a parsed list: its text and whether it was quoted (quoted text is never a number). */
export interface Atom {
  text: string;
  quoted: boolean;
}

/** A parsed value: an atom or a (possibly nested) list. */
export type ListNode = Atom | ListNode[];

/** Whether a node is a list. */
export function isList(n: ListNode): n is ListNode[] {
  return Array.isArray(n);
}

const OPEN: Record<string, string> = { '[': ']', '(': ')' };

/**
 * Parses `text` as a list. A bare `a,b` is a list; a single bare item is a one-item list; an empty
 * text is an empty list. Throws an Error whose message says where the text is malformed.
 */
export function parseListLiteral(text: string): ListNode[] {
  const src = text.trim();
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at position ${pos + 1} of '${text}'`);
  };
  const skipSpace = (): void => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  // Items up to `close` (or the end of the text when close is null), separated by commas.
  const parseItems = (close: string | null): ListNode[] => {
    const items: ListNode[] = [];
    skipSpace();
    if (close !== null && src[pos] === close) {
      pos++;
      return items;
    }
    if (close === null && pos >= src.length) return items;
    for (;;) {
      items.push(parseItem());
      skipSpace();
      if (pos >= src.length) {
        if (close !== null) fail(`missing '${close}'`);
        return items;
      }
      const ch = src[pos];
      if (ch === ',') {
        pos++;
        continue;
      }
      if (close !== null && ch === close) {
        pos++;
        return items;
      }
      fail(`unexpected '${ch}'`);
    }
  };
  const parseItem = (): ListNode => {
    skipSpace();
    const ch = src[pos];
    if (ch === undefined) return fail('missing value');
    // R's c( ... ) and list( ... ) are lists like [ ... ].
    const call = /^(c|list)\s*\(/.exec(src.slice(pos));
    if (call) {
      pos += call[0].length;
      return parseItems(')');
    }
    if (ch in OPEN) {
      pos++;
      return parseItems(OPEN[ch]);
    }
    if (ch === '"' || ch === "'") {
      const end = src.indexOf(ch, pos + 1);
      if (end < 0) fail(`unterminated quote ${ch}`);
      const atom = { text: src.slice(pos + 1, end), quoted: true };
      pos = end + 1;
      return atom;
    }
    const start = pos;
    while (pos < src.length && !/[,\])]/.test(src[pos])) pos++;
    const word = src.slice(start, pos).trim();
    if (word === '') fail('missing value');
    return { text: word, quoted: false };
  };
  // A whole text that is one bracketed list is that list, not a list holding it.
  const whole = parseItems(null);
  return whole.length === 1 && isList(whole[0]) ? whole[0] : whole;
}
