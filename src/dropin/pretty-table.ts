/**
 * Kafka's ToolsUtils.prettyPrintTable, used by kafka-transactions.sh and kafka-metadata-quorum.sh:
 * every cell padded with spaces to its column's widest value (header included), then a tab, also
 * after the last column; one line per row.
 */
export function prettyTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]) + '\t').join('') + '\n';
  return line(head) + rows.map(line).join('');
}

/** Java's HashMap/HashSet iteration order for keys of these hash codes, put in this order into a map of default capacity. */
export function javaHashOrder<T>(items: readonly T[], hash: (item: T) => number): T[] {
  let cap = 16;
  while (items.length > cap * 0.75) cap *= 2;
  const bucket = (h: number) => (h ^ (h >>> 16)) & (cap - 1);
  return items
    .map((item, i) => ({ item, i, b: bucket(hash(item)) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.item);
}
