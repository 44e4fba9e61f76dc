// bench/perf.sh's summary: the Java perf tools' and ktool perf's result lines side by side, per
// scenario the median of the rounds with the rounds' range (min-max: the noise), and ktool / Java.
// Input: lines `SCENARIO<TAB>SIDE<TAB>LINE` (SIDE java or ktool), LINE one of ProducerPerformance's
// total or steady-state line, ConsumerPerformance's --hide-header row, or EndToEndLatency's two
// result lines joined by a space. Usage: node bench/perf-table.mjs RESULTS_FILE
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const PRODUCER = new RegExp(
  String.raw`^(\d+) (steady state )?records sent, ([\d.]+) records/sec \(([\d.]+) MB/sec\), ([\d.]+) ms avg latency, ` +
    String.raw`([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$`,
);
const E2E = /^Avg latency: ([\d.]+) ms Percentiles: 50th = (\d+), 99th = (\d+), 99\.9th = (\d+)$/;

/**
 * One result line -> its figures, in the order they are reported (records/s first); undefined
 * when it is none of the three tools' result lines.
 * @param {string} line
 * @returns {{ kind: 'produce' | 'consume' | 'e2e', steady?: boolean, values: Record<string, number> } | undefined}
 */
export function parseResult(line) {
  const p = PRODUCER.exec(line.trim());
  if (p) {
    const [, , steady, rps, mbs, avg, max, p50, p95, p99, p999] = p;
    const values = { 'records/s': +rps, 'MB/s': +mbs, 'avg ms': +avg, 'p50 ms': +p50, 'p95 ms': +p95, 'p99 ms': +p99 };
    return { kind: 'produce', steady: Boolean(steady), values: { ...values, 'p99.9 ms': +p999, 'max ms': +max } };
  }
  const e = E2E.exec(line.trim());
  if (e) return { kind: 'e2e', values: { 'avg ms': +e[1], 'p50 ms': +e[2], 'p99 ms': +e[3], 'p99.9 ms': +e[4] } };
  // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
  // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  const c = line.split(', ');
  if (c.length === 10 && c.slice(2).every((x) => /^-?[\d.]+$/.test(x))) {
    return {
      kind: 'consume',
      values: {
        'records/s': +c[5],
        'MB/s': +c[3],
        records: +c[4],
        'fetch records/s': +c[9],
        'fetch MB/s': +c[8],
        'rebalance ms': +c[6],
      },
    };
  }
  return undefined;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const num = (x) => (Math.abs(x) >= 1000 ? String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(+x.toFixed(2)));

/**
 * The summary: per scenario (in the order first seen) a table of metric, Java's median (range),
 * ktool's median (range) and ktool / Java of the medians.
 * @param {string} text the results file
 * @returns {string}
 */
export function summarize(text) {
  /** @type {Map<string, { metrics: string[], java: Map<string, number[]>, ktool: Map<string, number[]> }>} */
  const scenarios = new Map();
  const unread = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const [scenario, side, line = ''] = raw.split('\t');
    const r = parseResult(line);
    if (!r || (side !== 'java' && side !== 'ktool')) {
      unread.push(raw);
      continue;
    }
    const name = r.steady ? `${scenario}, steady state` : scenario;
    if (!scenarios.has(name)) scenarios.set(name, { metrics: Object.keys(r.values), java: new Map(), ktool: new Map() });
    const s = scenarios.get(name);
    for (const [k, v] of Object.entries(r.values)) s[side].set(k, [...(s[side].get(k) ?? []), v]);
  }
  const out = [];
  for (const [name, s] of scenarios) {
    const rounds = Math.max(s.java.get(s.metrics[0])?.length ?? 0, s.ktool.get(s.metrics[0])?.length ?? 0);
    const rows = [['', 'Java: median (min-max)', 'ktool: median (min-max)', 'ktool/Java']];
    for (const m of s.metrics) {
      const cell = (xs) => (xs?.length ? `${num(median(xs))} (${num(Math.min(...xs))}-${num(Math.max(...xs))})` : '-');
      const j = s.java.get(m);
      const k = s.ktool.get(m);
      const ratio = j?.length && k?.length && median(j) !== 0 ? (median(k) / median(j)).toFixed(2) : '-';
      rows.push([m, cell(j), cell(k), ratio]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    out.push(`${name} (${rounds} round${rounds === 1 ? '' : 's'})`);
    for (const r of rows) out.push(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`);
  }
  if (unread.length) out.push(`not read (no result line): ${unread.length}`, ...unread.map((u) => `  ${u}`));
  return `${out.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(summarize(readFileSync(process.argv[2], 'utf8')));
}
