/**
 * "did you mean events?" for a name that matched nothing: the candidates a small edit away (a typo,
 * a missing or swapped letter, other case), closest first.
 */
export function closest(name: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(name.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit && x.c !== name)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** `did you mean a or b?`, or undefined when nothing is close. */
export function didYouMean(names: readonly string[], candidates: readonly string[]): string | undefined {
  const guesses = [...new Set(names.flatMap((n) => closest(n, candidates)))];
  if (!guesses.length) return undefined;
  return `did you mean ${guesses.length > 1 ? `${guesses.slice(0, -1).join(', ')} or ${guesses.at(-1)}` : guesses[0]}?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
