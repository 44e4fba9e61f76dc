/**
 * `ktool perf consume TOPIC`: the consumer benchmark (kafka-consumer-perf-test.sh's job) as a group
 * member, with ktool's output: the summary as a table, a live line on a terminal, rows per
 * --reporting-interval with --json or --format csv. The original's spelling (`--topic t
 * --num-records N --bootstrap-server H`) prints the original's lines (src/dropin/perf-consume.ts).
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { compileRegex, positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { consumeTotals, progressFigures, type ConsumeProgress } from '../../perf/consume-engine.js';
import { runConsume, topicsOf, type ConsumeRun } from './consume-run.js';
import { mbs, Progress, Rows, thousands, type Row } from './output.js';

export const spec = defineCommand({
  command: 'consume [topic]',
  description: 'consumer benchmark: records/s and MB/s reading as a group member (kafka-consumer-perf-test.sh)',
  groups: ['connection', 'output', 'base'],
  extraFormats: ['csv'],
  options: [
    { flags: '--include <regex>', description: 'read every topic whose whole name matches (at the start) instead of TOPIC' },
    { flags: '-n, --num-records <n>', description: 'records to read (default: what the topics hold when the run starts)' },
    { flags: '--messages <n>', description: 'alias of --num-records (the original spelling)', hidden: true },
    { flags: '-g, --group <id>', description: 'the consumer group (default perf-consumer-NNNNN, as the Java tool)' },
    { flags: '--from-latest', description: 'a group without committed offsets starts at the end (default: the start)' },
    { flags: '--record-timeout <ms>', description: 'stop when no record came for this long (the original --timeout)', default: '10000' },
    { flags: '--reporting-interval <ms>', description: 'a row every this many milliseconds (--json, --format csv)', default: '5000' },
    {
      flags: '--fetch-size <bytes>',
      description: "bytes per partition in a fetch (the Java consumer's max.partition.fetch.bytes)",
      default: '1048576',
    },
  ],
  notes:
    "The original's --timeout (time between records) is --record-timeout here: --timeout is ktool's " +
    "connection timeout. With the original's spelling (--topic or --include, --num-records or --messages, " +
    "--bootstrap-server ...) the output is kafka-consumer-perf-test.sh's lines.",
  examples: [
    'ktool perf consume bench                        # everything bench holds now, as a new group',
    'ktool perf consume bench -n 1000000 --json --reporting-interval 1000 > rows.ndjson',
    'ktool perf consume bench -n 1000000 --fetch-size 65536         # smaller fetches: more round trips',
    'kafka-consumer-perf-test spelling: ktool perf consume --bootstrap-server localhost:9092 --topic bench --num-records 1000000',
  ],
});

export interface PerfConsumeOptions {
  run: ConsumeRun;
  /** -n not given: the records the topics hold at the start. */
  untilEnd: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): PerfConsumeOptions {
  if (args.length > 1) throw new UsageError(`perf consume takes one topic, got ${args.length}`);
  const topic = args[0];
  if ((topic === undefined) === (flags.include === undefined)) {
    throw new UsageError('perf consume needs a topic or --include REGEX (one of them)');
  }
  const n = flags.numRecords ?? flags.messages;
  const max = { max: Number.MAX_SAFE_INTEGER };
  const run: ConsumeRun = {
    numRecords: positiveInt(n, '--num-records', max) ?? Number.MAX_SAFE_INTEGER,
    timeoutMs: positiveInt(flags.recordTimeout, '--record-timeout', max) ?? 10_000,
    reportingIntervalMs: positiveInt(flags.reportingInterval, '--reporting-interval', max) ?? 5000,
    exact: true,
    group: flags.group ?? `perf-consumer-${Math.floor(Math.random() * 100_000)}`,
    fromLatest: Boolean(flags.fromLatest),
  };
  const fetchSize = positiveInt(flags.fetchSize, '--fetch-size', { min: 0 });
  if (fetchSize !== undefined) run.partitionMaxBytes = fetchSize;
  if (topic !== undefined) run.topic = topic;
  if (flags.include !== undefined) run.include = compileRegex(flags.include, '--include');
  return { run, untilEnd: n === undefined };
}

const COLUMNS = [
  'type',
  'atMs',
  'records',
  'mb',
  'recordsPerSec',
  'mbPerSec',
  'rebalanceMs',
  'fetchMs',
  'fetchRecordsPerSec',
  'fetchMbPerSec',
];

export async function run(options: PerfConsumeOptions, ctx: Context): Promise<CommandResult | void> {
  const plan = { ...options.run };
  if (options.untilEnd) plan.numRecords = await recordsHeld(ctx, plan);
  const rows = new Rows(ctx, COLUMNS);
  const progress = new Progress(ctx);
  let last: ConsumeProgress | undefined;
  let startMs = Date.now();
  progress.start(() => (last ? progressLine(last) : 'joining the group'));
  let outcome;
  try {
    outcome = await runConsume(ctx, plan, (p) => {
      last = p;
      if (startMs > p.startMs) startMs = p.startMs;
      const f = progressFigures(p);
      rows.write({ type: 'interval', atMs: p.endMs - startMs, ...f, mb: f.mb });
    });
  } finally {
    progress.stop();
  }
  const t = consumeTotals(outcome);
  const total: Row = { type: 'total', atMs: outcome.endMs - outcome.startMs, ...t };
  if (outcome.timedOut) ctx.warn(`stopped after ${plan.timeoutMs} ms without a record: ${outcome.records} of ${plan.numRecords} read`);
  const exitCode = outcome.interrupted ? 130 : 0;
  if (rows.streaming) {
    rows.write(total);
    return exitCode ? { exitCode } : undefined;
  }
  const data = {
    topics: plan.topic !== undefined ? [plan.topic] : await topicsOf(ctx, plan),
    group: plan.group,
    records: outcome.records,
    bytes: outcome.bytes,
    elapsedMs: outcome.endMs - outcome.startMs,
    recordsPerSec: round(t.recordsPerSec),
    mbPerSec: round(t.mbPerSec),
    rebalanceMs: t.rebalanceMs,
    fetchMs: t.fetchMs,
    fetchRecordsPerSec: round(t.fetchRecordsPerSec),
    fetchMbPerSec: round(t.fetchMbPerSec),
    timedOut: outcome.timedOut,
  };
  const view = [
    {
      head: ['RECORDS', 'MB', 'SECONDS', 'RECORDS/S', 'MB/S', 'REBALANCE MS', 'FETCH RECORDS/S', 'FETCH MB/S'],
      rows: [
        [
          thousands(outcome.records),
          t.mb.toFixed(2),
          ((outcome.endMs - outcome.startMs) / 1000).toFixed(2),
          thousands(t.recordsPerSec),
          t.mbPerSec.toFixed(2),
          t.rebalanceMs,
          thousands(t.fetchRecordsPerSec),
          t.fetchMbPerSec.toFixed(2),
        ],
      ],
      numeric: [0, 1, 2, 3, 4, 5, 6, 7],
    },
  ];
  return exitCode ? { data, view, exitCode } : { data, view };
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

/** What the topics hold now (end - start of every partition): the run's record count when -n is not given. */
async function recordsHeld(ctx: Context, run: ConsumeRun): Promise<number> {
  const topics = await topicsOf(ctx, run);
  const admin = await (await ctx.kafka()).admin();
  const { topics: infos } = await admin.describeTopics(topics);
  const partitions = infos.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition })));
  const [ends, starts] = await Promise.all([admin.listOffsets(partitions, 'latest'), admin.listOffsets(partitions, 'earliest')]);
  let n = 0n;
  for (let i = 0; i < ends.length; i++)
    n += ends[i].offset - (starts.find((s) => s.topic === ends[i].topic && s.partition === ends[i].partition)?.offset ?? 0n);
  if (n === 0n)
    throw new UsageError(`${topics.join(', ')} hold no records`, 'produce some first (ktool perf produce), or give -n and --from-latest');
  return Number(n);
}

function progressLine(p: ConsumeProgress): string {
  const f = progressFigures(p);
  return `${thousands(p.records)} records  ${thousands(f.recordsPerSec)} records/s  ${mbs(f.mbPerSec)}`;
}
