/**
 * The start of a line of Kafka's tools' log4j2 layout (config/tools-log4j2.yaml: `[%d] %p %m (%c)%n`,
 * the date in the local zone), for the drop-ins that print the original's log lines.
 */
export function log4jPrefix(now: number, level: 'WARN' | 'ERROR'): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return `[${date},${p(d.getMilliseconds(), 3)}] ${level} `;
}
