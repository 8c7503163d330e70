// "Did you mean" for unknown parameter names and enum values: the closest candidate by edit distance,
// ignoring case and underscores first (so `Relu`-style slips and `learningrate`-style run-ons match).

/** Levenshtein distance between two strings (plain dynamic programme; inputs are short names). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j] + 1, cur[j - 1] + 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

const loose = (s: string): string => s.replace(/[_\s-]/g, '').toLowerCase();

/**
 * The candidate `word` most likely meant, or undefined when none is close: an exact match after
 * ignoring case and underscores wins; otherwise the nearest within about a third of the word's length.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = loose(word);
  const same = candidates.find((c) => loose(c) === w);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(w, loose(c));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
