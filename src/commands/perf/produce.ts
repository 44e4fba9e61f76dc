/**
 * `ktool perf produce TOPIC`: the producer benchmark (kafka-producer-perf-test.sh's job) with
 * ktool's output: latency percentiles (p50, p95, p99, p99.9, max), a live line on a terminal,
 * rows per --reporting-interval with --json or --format csv for plotting. The original's spelling
 * (`--topic t --num-records N ... --throughput T`) prints the original's lines (src/dropin/perf-produce.ts).
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { TotalRow, WindowRow } from '../../perf/latency-stats.js';
import { PayloadFileError, type PayloadSpec } from '../../perf/payload.js';
import { mbs, ms, Progress, Rows, thousands, type Row } from './output.js';
import { runProduce, withTransactions, type ProduceRun } from './produce-run.js';
import { perfProducer, splitProp } from './producer-props.js';

export const spec = defineCommand({
  command: 'produce [topic]',
  description: 'producer benchmark: records/s, MB/s and latency percentiles (kafka-producer-perf-test.sh)',
  groups: ['connection', 'output', 'base'],
  extraFormats: ['csv'],
  options: [
    { flags: '-n, --num-records <n>', description: 'records to send', default: '1000000' },
    { flags: '-s, --record-size <bytes>', description: 'bytes per record, random capital letters (default 100)' },
    { flags: '--payload-file <file>', description: 'send random pieces of this UTF-8 file instead (split at --payload-delimiter)' },
    { flags: '--payload-delimiter <regex>', description: 'what separates the pieces of --payload-file (a Java regex)', default: '\\n' },
    { flags: '--payload-monotonic', description: 'each record is its number (0, 1, 2 ...) as text' },
    { flags: '--throughput <n>', description: 'at most about N records/s, throttled as the Java tool does (-1: no limit, the default)' },
    { flags: '--acks <acks>', description: '0, 1 or all (default all, as the Java client)' },
    { flags: '--compression <codec>', description: 'none|gzip|snappy|lz4|zstd (default none)' },
    { flags: '--batch-size <bytes>', description: "bytes per partition batch (default 16384: the Java client's batch.size)" },
    { flags: '--linger-ms <ms>', description: "wait this long to fill a batch (default 5: the Java client's linger.ms)" },
    {
      flags: '-X, --producer-property <key=value>',
      description:
        'Java producer setting (acks, batch.size, linger.ms, compression.type, max.in.flight.requests.per.connection, ' +
        'buffer.memory, max.block.ms ...)',
      repeatable: true,
    },
    { flags: '--command-property <key=value>', description: 'same as -X (Kafka 4 spelling)', repeatable: true, hidden: true },
    { flags: '--producer-props <key=value>', description: 'same as -X (the original spelling)', repeatable: true, hidden: true },
    { flags: '--transactional-id <id>', description: 'send in transactions with this id (committed every --transaction-duration-ms)' },
    {
      flags: '--transaction-duration-ms <ms>',
      description: 'commit a transaction once it is this old (default 3000 with --transactional-id)',
    },
    { flags: '--warmup-records <n>', description: 'leave the first N records out of a second, steady-state summary' },
    { flags: '--reporting-interval <ms>', description: 'a row every this many milliseconds (--json, --format csv)', default: '5000' },
    { flags: '--print-metrics', description: "the original's Java metrics table: not available (said so on stderr)", hidden: true },
  ],
  notes:
    "Latency is the Java tool's: from the moment a record is sent (send() in Java) to its acknowledgement " +
    '(the callback), time waiting for buffer memory and queued behind earlier batches included: up to ' +
    '-X buffer.memory (default 33554432 bytes) of batches wait to be sent or acknowledged, and a record that ' +
    'needs a new batch while it is full waits, at most -X max.block.ms (default 60000). Without --throughput, ' +
    'when the broker is slower than the loop, latency is mostly that queue (about buffer.memory / MB/s), in ' +
    "both tools; compare latencies at a set --throughput. With the original's spelling (--topic, " +
    "--num-records, --record-size, --throughput, --producer-props ...) the output is kafka-producer-perf-test.sh's lines.",
  examples: [
    'ktool perf produce bench -n 1000000 -s 100',
    'ktool perf produce bench -n 200000 --throughput 10000 --acks 1 --json > rows.ndjson   # a row every 5 s',
    'ktool perf produce bench --format csv --reporting-interval 1000 -X compression.type=lz4',
    "ktool perf produce bench -n 100000 --payload-file orders.json --payload-delimiter '\\n---\\n'   # random pieces of a file",
    'kafka-producer-perf-test spelling: ktool perf produce --topic bench --num-records 1000000 --record-size 100 ' +
      '--throughput -1 --producer-props bootstrap.servers=localhost:9092 acks=1',
  ],
});

export interface PerfProduceOptions {
  run: ProduceRun;
  printMetrics: boolean;
}

const count = (v: string | undefined, flag: string, min = 1): number | undefined =>
  positiveInt(v, flag, { min, max: Number.MAX_SAFE_INTEGER });

function payloadOf(flags: Flags<typeof spec>): PayloadSpec {
  const given = [flags.recordSize !== undefined, flags.payloadFile !== undefined, Boolean(flags.payloadMonotonic)].filter(Boolean);
  if (given.length > 1) throw new UsageError('give one of --record-size, --payload-file and --payload-monotonic');
  if (flags.payloadMonotonic) return { kind: 'monotonic' };
  if (flags.payloadFile !== undefined) {
    const d = flags.payloadDelimiter ?? '\\n';
    return { kind: 'file', path: flags.payloadFile, delimiter: d === '\\n' ? '\n' : d };
  }
  return { kind: 'size', size: count(flags.recordSize, '--record-size') ?? 100 };
}

export function parse(args: string[], flags: Flags<typeof spec>): PerfProduceOptions {
  if (args.length > 1) throw new UsageError(`perf produce takes one topic, got ${args.length}`);
  const topic = args[0];
  if (topic === undefined) throw new UsageError('perf produce needs a topic: ktool perf produce TOPIC');
  const numRecords = count(flags.numRecords, '--num-records') ?? 1_000_000;
  const throughput = flags.throughput === undefined ? -1 : Number(flags.throughput);
  if (Number.isNaN(throughput)) throw new UsageError(`--throughput must be a number of records per second, got "${flags.throughput}"`);
  const warmupRecords = count(flags.warmupRecords, '--warmup-records', 0) ?? 0;
  if (warmupRecords >= numRecords) throw new UsageError('--warmup-records must be fewer than --num-records');
  const items = [...(flags.producerProps ?? []), ...(flags.commandProperty ?? []), ...(flags.producerProperty ?? [])];
  const props = items.map((i) => {
    try {
      return splitProp(i, false);
    } catch {
      throw new UsageError(`-X expects key=value, got "${i}"`);
    }
  });
  const lingerMs = flags.lingerMs === undefined ? undefined : String(count(flags.lingerMs, '--linger-ms', 0));
  const producer = perfProducer(props, {
    acks: flags.acks,
    compression: flags.compression,
    batchSize: flags.batchSize,
    lingerMs,
  });
  if (producer.unused.length) {
    throw new UsageError(`producer properties ktool does not use: ${producer.unused.join(', ')}`, 'leave them out');
  }
  const run: ProduceRun = {
    topic,
    numRecords,
    payload: payloadOf(flags),
    throughput,
    producer,
    reportingIntervalMs: count(flags.reportingInterval, '--reporting-interval') ?? 5000,
    warmupRecords,
    wholeMs: false,
  };
  const duration = count(flags.transactionDurationMs, '--transaction-duration-ms');
  return { run: withTransactions(run, flags.transactionalId, duration), printMetrics: Boolean(flags.printMetrics) };
}

const COLUMNS = [
  'type',
  'atMs',
  'records',
  'recordsPerSec',
  'mbPerSec',
  'avgLatencyMs',
  'maxLatencyMs',
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'p999Ms',
];

export async function run(options: PerfProduceOptions, ctx: Context): Promise<CommandResult | void> {
  if (options.printMetrics) ctx.warn("--print-metrics: the Java client's metrics table is not available in ktool (ignored)");
  const rows = new Rows(ctx, COLUMNS);
  const progress = new Progress(ctx);
  let steady = false;
  const windowRow = (w: WindowRow): Row => ({ type: steady ? 'steady-interval' : 'interval', ...windowFields(w) });
  let perf: { stats: { window(): WindowRow } } | undefined;
  progress.start(() => (perf ? progressLine(perf.stats.window()) : 'starting'));
  let outcome;
  try {
    outcome = await runProduce(ctx, options.run, {
      window: (w) => rows.write(windowRow(w)),
      steady: () => {
        steady = true;
      },
      started: (p) => {
        perf = p;
      },
    });
  } catch (error) {
    // A missing or empty file, or one with no piece between the delimiters: the flag's fault (exit 2).
    if (error instanceof PayloadFileError && options.run.payload.kind === 'file') {
      throw new UsageError(`--payload-file ${options.run.payload.path}: ${error.plain}`);
    }
    throw error;
  } finally {
    progress.stop();
  }
  const total: Row = { type: 'total', ...totalFields(outcome.total) };
  const steadyTotal: Row | undefined = outcome.steady ? { type: 'steady-total', ...totalFields(outcome.steady) } : undefined;
  if (outcome.error !== undefined)
    ctx.warn(`${outcome.failed} records failed: ${(outcome.error as Error).message ?? String(outcome.error)}`);
  const exitCode = outcome.error !== undefined ? 5 : outcome.interrupted ? 130 : 0;
  if (rows.streaming) {
    rows.write(total);
    if (steadyTotal) rows.write(steadyTotal);
    return exitCode ? { exitCode: exitCode as CommandResult['exitCode'] } : undefined;
  }
  const data = {
    topic: options.run.topic,
    ...plain(total),
    failed: outcome.failed,
    ...(steadyTotal ? { steady: plain(steadyTotal) } : {}),
  };
  const result: CommandResult = { data, view: [summaryTable(outcome.total, outcome.steady)] };
  if (exitCode) result.exitCode = exitCode as CommandResult['exitCode'];
  return result;
}

/** A total as data: no row type, the time as elapsedMs, numbers to 3 decimals. */
const plain = (row: Row) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => k !== 'type')
      .map(([k, v]) => [k === 'atMs' ? 'elapsedMs' : k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v]),
  );

function windowFields(w: WindowRow): Row {
  return {
    atMs: w.atMs,
    records: w.records,
    recordsPerSec: w.recordsPerSec,
    mbPerSec: w.mbPerSec,
    avgLatencyMs: w.avgLatencyMs,
    maxLatencyMs: w.maxLatencyMs,
  };
}

function totalFields(t: TotalRow): Row {
  return {
    atMs: t.elapsedMs,
    records: t.records,
    bytes: t.bytes,
    recordsPerSec: t.recordsPerSec,
    mbPerSec: t.mbPerSec,
    avgLatencyMs: t.avgLatencyMs,
    p50Ms: t.p50Ms,
    p95Ms: t.p95Ms,
    p99Ms: t.p99Ms,
    p999Ms: t.p999Ms,
    maxLatencyMs: t.maxLatencyMs,
  };
}

function progressLine(w: WindowRow): string {
  if (w.records === 0) return 'waiting for acknowledgements';
  return `${thousands(w.recordsPerSec)} records/s  ${mbs(w.mbPerSec)}  avg ${ms(w.avgLatencyMs)}  max ${ms(w.maxLatencyMs)}`;
}

function summaryTable(t: TotalRow, steady: TotalRow | undefined) {
  const rowOf = (label: string, x: TotalRow) => [
    label,
    thousands(x.records),
    thousands(x.recordsPerSec),
    x.mbPerSec.toFixed(2),
    x.avgLatencyMs.toFixed(2),
    x.p50Ms.toFixed(1),
    x.p95Ms.toFixed(1),
    x.p99Ms.toFixed(1),
    x.p999Ms.toFixed(1),
    x.maxLatencyMs.toFixed(1),
  ];
  return {
    head: ['', 'RECORDS', 'RECORDS/S', 'MB/S', 'AVG MS', 'P50 MS', 'P95 MS', 'P99 MS', 'P99.9 MS', 'MAX MS'],
    rows: [rowOf('total', t), ...(steady ? [rowOf('steady', steady)] : [])],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  };
}
