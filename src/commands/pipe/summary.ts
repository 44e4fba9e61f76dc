/** The end of a pipe run: data for --json, one line on stderr for people. */
export interface PipeSummary {
  input: string;
  output: string;
  /** Records read from IN. */
  read: number;
  /** Records acknowledged on OUT. */
  written: number;
  /** Dropped by --where. */
  filtered: number;
  /** Skipped because an expression threw (--on-error skip). */
  failed: number;
  /** Records whose produce request failed. */
  sendFailed: number;
  durationMs: number;
  recordsPerSecond: number;
  interrupted: boolean;
  /** With -g: transactions committed. */
  transactions?: number;
}

export function summaryLine(s: PipeSummary): string {
  const parts = [`read ${s.read} from ${s.input}`, `wrote ${s.written} to ${s.output}`];
  if (s.filtered) parts.push(`filtered out ${s.filtered}`);
  if (s.failed) parts.push(`${s.failed} skipped (expression failed)`);
  if (s.sendFailed) parts.push(`${s.sendFailed} not written`);
  if (s.transactions !== undefined) parts.push(`${s.transactions} transactions`);
  let line = `pipe: ${parts.join(', ')} in ${(s.durationMs / 1000).toFixed(2)}s (${s.recordsPerSecond} records/s)`;
  if (s.interrupted) line += '; interrupted';
  return line;
}
