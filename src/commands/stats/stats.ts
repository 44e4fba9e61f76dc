import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { groupOptions } from '../../cli/common-options.js';
import { parseSize, positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { STATE_HEAP_GROWING_PERCENT, tightenHeapGrowth } from '../../util/heap.js';
import { parsePath, type Segment } from '../../stats/path.js';
import type { StatsSpec } from '../../stats/types.js';
import type { TimeSource } from '../../stats/extract.js';
import { DEFAULT_FETCH_MAX_BYTES } from '../consume/options.js';
import { parseOffsetSpec, type OffsetSpec } from '../consume/offset-spec.js';
import { parseSelection, type ConsumeSelection } from '../consume/selection.js';
import { parseStatsApp, type StatsAppOptions } from './app-options.js';
import { parseStatsSpec } from './metrics-flags.js';

export const spec = defineCommand({
  command: 'stats <topic>',
  description:
    'count, sum, average, min, max, rate, moving averages and EMA over a topic, per group and time window ' +
    '(Kafka Streams windows: tumbling, hopping, session), live on a terminal, NDJSON when piped',
  groups: ['connection'],
  options: [
    { flags: '--count', description: 'records per group and window (always a column; the default metric)' },
    {
      flags: '--sum <path>',
      description: 'sum of a field, e.g. .value.amount (a path into the consume --json envelope), repeatable',
      repeatable: true,
    },
    { flags: '--avg <path>', description: 'mean of a field, repeatable', repeatable: true },
    { flags: '--min <path>', description: 'smallest value of a field, repeatable', repeatable: true },
    { flags: '--max <path>', description: 'largest value of a field, repeatable', repeatable: true },
    { flags: '--rate', description: 'records per second of the window (--last D: per second of D; running: since the first record)' },
    {
      flags: '--ema <path>',
      description: 'exponential moving average of a field per record (pandas ewm), with --alpha, --span or --half-life; repeatable',
      repeatable: true,
    },
    { flags: '--alpha <a>', description: 'EMA smoothing factor, 0 < a <= 1' },
    { flags: '--span <n>', description: 'EMA span: alpha = 2 / (span + 1), as pandas' },
    { flags: '--half-life <duration>', description: 'EMA half-life over event time, e.g. 1m (pandas ewm halflife with times)' },
    { flags: '--no-adjust', description: "EMA without pandas' adjust: y = (1-a) y + a x (the trading convention); default adjust=True" },
    {
      flags: '--by <group>',
      description: 'group by key, partition, topic or a path (.value.region, .headers.region), repeatable; default: one group',
      repeatable: true,
    },
    { flags: '--tumbling <duration>', description: 'tumbling windows [N*D, N*D+D), epoch-aligned, e.g. 1m, 1h' },
    { flags: '--hopping <size/advance>', description: 'hopping windows of SIZE every ADVANCE, e.g. 1h/5m' },
    { flags: '--session <gap>', description: 'session windows per group closed by an inactivity gap, e.g. 30m' },
    {
      flags: '--last <duration|n>',
      description: 'per record, over the group records of the last DURATION ([t-D, t]) or the last N records: moving average',
    },
    {
      flags: '--grace <duration>',
      description: 'how long a window accepts late records after its end (default 0, as Streams); later ones are dropped and counted',
    },
    {
      flags: '--emit <when>',
      description:
        'update: a row per change (coalesced per fetch); final: one row per window when it closes (default: final with -e, else update)',
      choices: ['update', 'final'],
    },
    {
      flags: '--time <source>',
      description: 'event time: record (the record timestamp, default), now (arrival), or a path (epoch ms or ISO-8601)',
    },
    {
      flags: '--to <topic>',
      description: 'write the rows to this topic (key: group and window start as JSON; value: the row), at least once (-g: exactly once)',
    },
    {
      flags: '-g, --group <app>',
      description:
        'with --to and --by key/partition: run as application APP, exactly once; processes of the same APP share the ' +
        'partitions, state per partition in topic APP-stats-store-changelog; a restart resumes (-o start|end: where a new APP begins)',
    },
    { flags: '--commit-interval <duration>', description: 'with -g: how often the transaction is committed (default 100ms)' },
    {
      flags: '--transaction-timeout <duration>',
      description: "with -g: transaction.timeout.ms (default 10s): how soon a killed process's open transaction is aborted",
    },
    {
      flags: '--until-caught-up',
      description:
        'with -g: stop, committed, once the partitions this process owns reached the ends they had when assigned ' +
        '(open windows stay open, in the changelog: the next run continues them)',
    },
    {
      flags: '--explain <dialect>',
      description: 'print the equivalent ksqlDB or Flink SQL statement and exit',
      choices: ['ksql', 'flink'],
    },
    {
      flags: '-o, --offset <spec>',
      description: 'as consume: start|end|N|-N|+N|N:M|@TIME|@T1:@T2 (default: end, new records; start with -e or -n)',
    },
    { flags: '-p, --partition <list>', description: 'read only these partitions, e.g. 0,2 or 0-3', repeatable: true },
    { flags: '-P, --partitions <list>', description: 'same as -p', repeatable: true },
    { flags: '-n, --max-messages <n>', description: 'stop after N records (without -o: the first N)' },
    { flags: '-e, --exit', description: 'stop at the end the partitions had at start; every window closes and is emitted' },
    { flags: '--fetch-max-bytes <size>', description: 'bytes per fetch response (default 1MB)' },
    {
      flags: '--isolation-level <level>',
      description: 'read_committed hides aborted transactions',
      choices: ['read_committed', 'read_uncommitted'],
    },
    { flags: '--format <format>', description: 'table (live on a terminal), json (NDJSON rows), yaml (with -e)' },
    { flags: '--output <format>', description: 'alias of --format', hidden: true },
    { flags: '--json', description: 'NDJSON rows: key, windowStart, windowEnd (epoch ms), count, metrics (avg_price ...), final' },
    ...groupOptions('base'),
  ],
  notes:
    'Paths are jq paths into the envelope `ktool consume --json` prints: try one with ' +
    '`ktool consume TOPIC --json -e -n 5 | jq .value.price` first. A metric takes JSON numbers and numeric strings; ' +
    'anything else is counted as not a number (reported at the end), never an error. ' +
    'Windows follow Kafka Streams: a window is [start, end) aligned on the epoch (UTC); stream time is the largest ' +
    'record time seen; a record is added while end + grace > stream time, else dropped and counted late; a window is ' +
    'final once end + grace <= stream time. Sessions are [first, last] (both inclusive) and merge records up to GAP apart. ' +
    'With -e every window closes at the end of input and is emitted. With --by key, --by partition or both, each input ' +
    'partition has its own stream time (an engine per partition, as Streams runs a task per partition for a keyed ' +
    'aggregation); without --by, or with topic or a path among --by, one stream time covers every partition read (Streams ' +
    'would repartition; its result depends on arrival order), and a partition read far behind the others can have records ' +
    'dropped as late. NDJSON rows: {key, windowStart, windowEnd, count, ' +
    'sum_x, avg_x, min_x, max_x, rate, timestamp, final}; per-record rows (--last, running, EMA) carry timestamp, partition, ' +
    'offset. EMA: --span N or --alpha A weigh the group records in arrival order; --half-life D weighs by event time ' +
    '(order-independent with adjust). adjust=True (default) is pandas ewm default; --no-adjust is y = (1-a) y + a x.',
  examples: [
    'ktool stats orders -o start -e                                  # exact record count of a topic',
    'ktool stats orders --by partition --tumbling 1m                 # records per partition per minute, live',
    'ktool stats prices --by key --avg .value.price --last 5m        # moving average over 5 minutes (--last 20: 20 records)',
    'ktool stats orders --by key --avg .value.amount                 # running average per key',
    'ktool stats prices --by key --ema .value.price --span 20        # exponential moving average',
    'ktool stats orders --sum .value.amount --avg .value.amount --tumbling 15m --grace 1m',
    'ktool stats orders --by .headers.region --hopping 1h/5m --json  # hourly counts every 5 minutes, NDJSON',
    'ktool stats clicks --by key --session 30m -o start -e --format yaml',
    'ktool stats orders --by key --sum .value.amount --tumbling 1h --emit final --to revenue-hourly',
    'ktool stats orders --by key --tumbling 1h --sum .value.amount --explain ksql',
    'ktool stats orders --by key --tumbling 1h --count --emit final --to orders-hourly -g hourly  # exactly once; start more to scale out',
    'ktool stats reset hourly --execute                               # start the application over',
  ],
  ownsFormatFlag: true,
});

export type StatsOutput = 'auto' | 'table' | 'json' | 'yaml';

export interface StatsOptions extends ConsumeSelection {
  topic: string;
  offset: OffsetSpec;
  maxMessages?: number;
  exitAtEnd: boolean;
  fetchMaxBytes: number;
  isolation: 'read_committed' | 'read_uncommitted';
  stats: StatsSpec;
  by: Segment[][];
  /** --by as given, for --explain and the table's head. */
  byText: string[];
  fieldPaths: Segment[][];
  time: TimeSource;
  timeText: string;
  output: StatsOutput;
  to?: string;
  explain?: 'ksql' | 'flink';
  /** -g APP: exactly once, resumable, shared by every process of APP (app.ts). */
  app?: StatsAppOptions;
}

export function parseBy(text: string): Segment[] {
  const t = text.trim();
  if (t === 'key' || t === 'partition' || t === 'topic') return [t];
  return parsePath(t, '--by');
}

function parseTime(text: string | undefined): TimeSource {
  if (text === undefined || text === 'record') return { kind: 'record' };
  if (text === 'now') return { kind: 'now', now: Date.now };
  return { kind: 'path', path: parsePath(text, '--time') };
}

function parseOutputFlag(f: Flags<typeof spec>, bounded: boolean): StatsOutput {
  const chosen = f.json ? 'json' : (f.format ?? f.output);
  if (chosen === undefined) return 'auto';
  if (!['table', 'json', 'yaml'].includes(chosen)) throw new UsageError(`unknown output format "${chosen}"`, 'use table, json or yaml');
  if (chosen === 'yaml' && !bounded)
    throw new UsageError('--format yaml needs a bounded read (-e or an end offset): rows are a stream', 'or --json');
  return chosen as StatsOutput;
}

export function parse(args: string[], f: Flags<typeof spec>, now = Date.now()): StatsOptions {
  const selection = parseSelection(args, f);
  if (selection.topics.length !== 1) throw new UsageError('stats reads one TOPIC', 'e.g. ktool stats orders --by key --tumbling 1m');
  const readsExisting = Boolean(f.exit) || f.maxMessages !== undefined;
  const offsetText = f.offset ?? (readsExisting || f.group !== undefined ? 'start' : 'end');
  const offset = parseOffsetSpec(offsetText, now);
  const exitAtEnd = Boolean(f.exit);
  const bounded = exitAtEnd || offset.end !== undefined || f.maxMessages !== undefined;
  const { spec: stats, fieldPaths } = parseStatsSpec(f, bounded);
  const byText = (f.by ?? []).map(String);
  if (f.to !== undefined && f.explain !== undefined)
    throw new UsageError('--explain prints a statement and exits: it does not go with --to');
  const by = byText.map(parseBy);
  const app = parseStatsApp(f, by, byText, offset, offsetText);
  return {
    ...selection,
    topic: selection.topics[0],
    offset,
    maxMessages: positiveInt(f.maxMessages, '--max-messages'),
    exitAtEnd,
    fetchMaxBytes:
      f.fetchMaxBytes === undefined
        ? DEFAULT_FETCH_MAX_BYTES
        : parseSize(f.fetchMaxBytes, '--fetch-max-bytes', { min: 1024, max: 256 << 20 }),
    // An application reads what is committed, as Kafka Streams under exactly-once.
    isolation: f.isolationLevel ?? (app ? 'read_committed' : 'read_uncommitted'),
    stats,
    by,
    byText,
    fieldPaths,
    time: parseTime(f.time),
    timeText: f.time ?? 'record',
    output: parseOutputFlag(f, bounded),
    ...(f.to !== undefined ? { to: f.to } : {}),
    ...(f.explain !== undefined ? { explain: f.explain as 'ksql' | 'flink' } : {}),
    ...(app ? { app } : {}),
  };
}

export async function run(o: StatsOptions, ctx: Context): Promise<CommandResult | void> {
  if (o.explain) {
    const { explain } = await import('../../stats/explain.js');
    return { text: explain(o.explain, { topic: o.topic, spec: o.stats, by: o.byText, time: o.timeText }) + '\n' };
  }
  // The open windows are a state that lives longer than the young generation: see src/util/heap.ts.
  tightenHeapGrowth(STATE_HEAP_GROWING_PERCENT);
  if (o.app) {
    const { runStatsApp } = await import('./app.js');
    return runStatsApp(o, o.app, ctx);
  }
  const { runStats } = await import('./run-stats.js');
  return runStats(o, ctx);
}
