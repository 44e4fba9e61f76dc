/** The end-of-run report: a line on stderr (with -q only when something failed), or with --json a JSON object on stdout instead. */

export interface ProduceSummary {
  /** The topic of the command line; with --input json and no TOPIC, every topic written. */
  topics: string[];
  sent: number;
  failed: number;
  skipped: number;
  bytes: number;
  durationMs: number;
  recordsPerSecond: number;
  interrupted: boolean;
  /** Set with --transactional-id. */
  transaction?: 'committed' | 'aborted';
  /** Why the run stopped early (bad line, failed request), if it did. */
  error?: string;
}

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function summaryLine(s: ProduceSummary): string {
  const where = s.topics.length === 1 ? `topic ${s.topics[0]}` : s.topics.length === 0 ? 'no topic' : `${s.topics.length} topics`;
  const secs = s.durationMs / 1000;
  const parts = [`${s.sent} record${s.sent === 1 ? '' : 's'} sent to ${where}`, `${s.failed} failed`];
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  let line = `${parts.join(', ')} (${human(s.bytes)} in ${secs.toFixed(2)}s, ${thousands(Math.round(s.recordsPerSecond))} records/s)`;
  if (s.transaction) line += `; transaction ${s.transaction}`;
  if (s.interrupted) line += '; interrupted';
  return line;
}

/** 1234567 -> "1,234,567" (toLocaleString would load ICU's number formatting: ~15 ms of start-up). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
