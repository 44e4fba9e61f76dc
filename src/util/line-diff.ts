/**
 * A line diff (longest common subsequence) in unified form, for `schemas diff`: schemas are a few
 * hundred lines at most, so the O(n*m) table is small; past MAX_CELLS the texts are shown as one
 * change rather than spending seconds.
 */
export type DiffLine = { op: ' ' | '-' | '+'; text: string };

const MAX_CELLS = 4_000_000;

export function diffLines(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_CELLS)
    return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ op: '+', text: b[j++] });
    else out.push({ op: '-', text: a[i++] });
  }
  return out;
}

/** Hunks with `context` unchanged lines around each change, `@@ -a,n +b,m @@` headers as diff -u writes them. */
export function unifiedHunks(lines: DiffLine[], context = 3): string[] {
  const changed = lines.map((l, k) => (l.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (!changed.length) return [];
  const out: string[] = [];
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * context) end++;
    const from = Math.max(0, changed[start] - context);
    const to = Math.min(lines.length - 1, changed[end] + context);
    const before = lines.slice(0, from);
    const aStart = before.filter((l) => l.op !== '+').length + 1;
    const bStart = before.filter((l) => l.op !== '-').length + 1;
    const hunk = lines.slice(from, to + 1);
    const aLen = hunk.filter((l) => l.op !== '+').length;
    const bLen = hunk.filter((l) => l.op !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`, ...hunk.map((l) => `${l.op}${l.text}`));
    start = end + 1;
  }
  return out;
}
