/** Stats rows for people: a table (GROUP, WINDOW, the metrics, state) and number formatting. */
import type { TableBlock } from '../../output/view.js';
import type { StatsRow, StatsSpec } from '../../stats/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as people read it: UTC, milliseconds only when not 0. */
export function showTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const base = `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return d.getUTCMilliseconds() ? `${base}.${String(d.getUTCMilliseconds()).padStart(3, '0')}` : base;
}

export function showNumber(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 1e4) / 1e4);
}

function showKey(k: unknown): string {
  if (k === null) return '(null)';
  return typeof k === 'string' ? k : JSON.stringify(k);
}

export function metricColumns(spec: StatsSpec): string[] {
  return ['count', ...spec.metrics.map((m) => m.name)];
}

/** The table of rows; `grouped`: a GROUP column (there is a --by). */
export function rowsTable(rows: StatsRow[], spec: StatsSpec, grouped: boolean): TableBlock {
  const windowed = spec.window.kind === 'time' || spec.window.kind === 'session';
  const metrics = metricColumns(spec);
  const head = [
    ...(grouped ? ['GROUP'] : []),
    ...(windowed ? ['WINDOW START', 'WINDOW END'] : ['LAST RECORD']),
    ...metrics.map((m) => m.toUpperCase()),
    ...(windowed ? ['STATE'] : []),
  ];
  const body = rows.map((r) => [
    ...(grouped ? [showKey(r.key)] : []),
    ...(windowed ? [showTime(r.windowStart), showTime(r.windowEnd)] : [showTime(r.timestamp)]),
    ...metrics.map((m) => showNumber(r[m])),
    ...(windowed ? [r.final ? 'final' : 'open'] : []),
  ]);
  const first = (grouped ? 1 : 0) + (windowed ? 2 : 1);
  return { head, rows: body, numeric: metrics.map((_, i) => first + i) };
}
