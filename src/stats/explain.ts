/**
 * `ktool stats --explain ksql|flink`: the equivalent ksqlDB or Flink SQL statement, for users who
 * outgrow one process. What has no equivalent says so (EMA in both; --last and running metrics in
 * ksqlDB, which has no per-row OVER window: confluentinc/ksql#6873).
 */
import type { Segment } from './path.js';
import { parsePath } from './path.js';
import type { StatsSpec } from './types.js';

export interface ExplainInput {
  topic: string;
  spec: StatsSpec;
  by: string[];
  time: string;
}

function interval(ms: number, dialect: 'ksql' | 'flink'): string {
  const units: [number, string][] = [
    [86_400_000, 'DAY'],
    [3_600_000, 'HOUR'],
    [60_000, 'MINUTE'],
    [1000, 'SECOND'],
  ];
  for (const [size, name] of units)
    if (ms % size === 0) return dialect === 'ksql' ? `${ms / size} ${name}S` : `INTERVAL '${ms / size}' ${name}`;
  return dialect === 'ksql' ? `${ms} MILLISECONDS` : `INTERVAL '${ms / 1000}' SECOND`;
}

/** A path as a column: .value.price -> price (ksqlDB/Flink read the JSON value's fields as columns). */
function column(path: string, dialect: 'ksql' | 'flink'): string {
  if (path === 'key') return dialect === 'ksql' ? 'ROWKEY' : '`key`';
  if (path === 'partition' || path === 'topic') return dialect === 'ksql' ? `ROW${path.toUpperCase()}` : `\`${path}\``;
  const segs: Segment[] = parsePath(path);
  if (segs[0] === 'key' && segs.length === 1) return column('key', dialect);
  if (segs[0] === 'headers') return dialect === 'ksql' ? `HEADER('${String(segs[1])}')` : `headers['${String(segs[1])}']`;
  const rest = segs.slice(segs[0] === 'value' ? 1 : 0);
  return rest.map(String).join(dialect === 'ksql' ? '->' : '.') || 'value';
}

function selectList(x: ExplainInput, d: 'ksql' | 'flink'): string[] {
  const cols = ['COUNT(*) AS `count`'];
  for (const m of x.spec.metrics) {
    const f = m.field !== undefined ? column(x.spec.fields[m.field], d) : '';
    if (m.kind === 'sum' || m.kind === 'avg' || m.kind === 'min' || m.kind === 'max')
      cols.push(`${m.kind.toUpperCase()}(${f}) AS ${m.name}`);
  }
  return cols;
}

function unsupported(x: ExplainInput, d: 'ksql' | 'flink'): string | undefined {
  if (x.spec.metrics.some((m) => m.kind === 'ema'))
    return (
      `-- no ${d === 'ksql' ? 'ksqlDB' : 'Flink SQL'} equivalent: ` + 'EMA is not a built-in aggregate (a user-defined aggregate is needed)'
    );
  if (d === 'ksql' && (x.spec.window.kind === 'last-time' || x.spec.window.kind === 'last-count'))
    return '-- no ksqlDB equivalent: ksqlDB has no per-row moving window (confluentinc/ksql#6873); Flink: --explain flink';
  if (x.spec.metrics.some((m) => m.kind === 'rate')) return `-- rate has no built-in: COUNT(*) divided by the window length in seconds`;
  return undefined;
}

function ksql(x: ExplainInput): string {
  const w = x.spec.window;
  const grace = ` , GRACE PERIOD ${interval(x.spec.grace, 'ksql')}`.replace(' ,', ',');
  const windowClause =
    w.kind === 'time'
      ? w.advance === w.size
        ? `WINDOW TUMBLING (SIZE ${interval(w.size, 'ksql')}${grace})`
        : `WINDOW HOPPING (SIZE ${interval(w.size, 'ksql')}, ADVANCE BY ${interval(w.advance, 'ksql')}${grace})`
      : w.kind === 'session'
        ? `WINDOW SESSION (${interval(w.gap, 'ksql')}${grace})`
        : '';
  const by = x.by.map((b) => column(b, 'ksql'));
  const cols = [...by, ...(windowClause ? ['WINDOWSTART', 'WINDOWEND'] : []), ...selectList(x, 'ksql')];
  const lines = [
    `CREATE TABLE ${x.topic.replace(/[^A-Za-z0-9_]/g, '_')}_stats AS`,
    `  SELECT ${cols.join(', ')}`,
    `  FROM ${x.topic.replace(/[^A-Za-z0-9_]/g, '_')}`,
    ...(windowClause ? [`  ${windowClause}`] : []),
    `  GROUP BY ${by.length ? by.join(', ') : '1'}`,
    `  EMIT ${x.spec.emit === 'final' && windowClause ? 'FINAL' : 'CHANGES'};`,
  ];
  return lines.join('\n');
}

function flink(x: ExplainInput): string {
  const w = x.spec.window;
  const by = x.by.map((b) => column(b, 'flink'));
  const ts = x.time === 'record' ? '`ts`' : x.time === 'now' ? 'PROCTIME()' : column(x.time, 'flink');
  const src = `\`${x.topic}\``;
  const ddl =
    `-- source: CREATE TABLE ${src} (..., \`ts\` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', ` +
    `WATERMARK FOR \`ts\` AS \`ts\` - ${interval(x.spec.grace, 'flink')}) WITH ('connector' = 'kafka', 'format' = 'json', ...);`;
  if (w.kind === 'time' || w.kind === 'session') {
    const tvf =
      w.kind === 'session'
        ? `SESSION(TABLE ${src}${by.length ? ` PARTITION BY ${by.join(', ')}` : ''}, DESCRIPTOR(${ts}), ${interval(w.gap, 'flink')})`
        : w.advance === w.size
          ? `TUMBLE(TABLE ${src}, DESCRIPTOR(${ts}), ${interval(w.size, 'flink')})`
          : `HOP(TABLE ${src}, DESCRIPTOR(${ts}), ${interval(w.advance, 'flink')}, ${interval(w.size, 'flink')})`;
    return [
      ddl,
      `SELECT ${[...by, 'window_start', 'window_end', ...selectList(x, 'flink')].join(', ')}`,
      `  FROM TABLE(${tvf})`,
      `  GROUP BY ${[...by, 'window_start', 'window_end'].join(', ')};`,
    ].join('\n');
  }
  const over =
    w.kind === 'last-time'
      ? `RANGE BETWEEN ${interval(w.span, 'flink')} PRECEDING AND CURRENT ROW`
      : w.kind === 'last-count'
        ? `ROWS BETWEEN ${w.n - 1} PRECEDING AND CURRENT ROW`
        : 'RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';
  const aggs = selectList(x, 'flink').map((c) => c.replace(/ AS /, ` OVER w AS `));
  return [
    ddl,
    `SELECT ${[...by, ts, ...aggs].join(', ')}`,
    `  FROM ${src}`,
    `  WINDOW w AS (${by.length ? `PARTITION BY ${by.join(', ')} ` : ''}ORDER BY ${ts} ${over});`,
  ].join('\n');
}

export function explain(dialect: 'ksql' | 'flink', x: ExplainInput): string {
  const none = unsupported(x, dialect);
  if (none && !none.startsWith('-- rate')) return none;
  const statement = dialect === 'ksql' ? ksql(x) : flink(x);
  return none ? `${none}\n${statement}` : statement;
}
