/**
 * `ktool perf e2e TOPIC`: end-to-end latency (kafka-e2e-latency.sh's job), one record at a time
 * from send to read, with ktool's output: p50/p95/p99/p99.9/max as a table, a live line on a
 * terminal, one row per record with --json or --format csv. The original's spelling (named
 * options, or its five positional arguments) prints the original's lines (src/dropin/perf-e2e.ts).
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { OperationError, UsageError } from '../../errors.js';
import { E2eError, e2eSummary } from '../../perf/e2e-engine.js';
import { parseAcks } from '../produce/options.js';
import { ensureTopic, runE2e, type E2eRun } from './e2e-run.js';
import { ms, Progress, Rows, thousands } from './output.js';

export const spec = defineCommand({
  command: 'e2e [topic]',
  description: 'end-to-end latency: each record sent, acknowledged and read back before the next (kafka-e2e-latency.sh)',
  groups: ['connection', 'output', 'base'],
  extraFormats: ['csv'],
  options: [
    { flags: '-n, --num-records <n>', description: 'records to send, one at a time', default: '1000' },
    { flags: '-s, --record-size <bytes>', description: 'bytes per record', default: '100' },
    {
      flags: '--acks <acks>',
      description: '1 or all (the latency of a record acknowledged by the leader, or by every in-sync replica)',
      default: 'all',
    },
    { flags: '--producer-acks <acks>', description: 'alias of --acks (the original spelling)', hidden: true },
    { flags: '--record-key-size <bytes>', description: 'a key of this many bytes (default: no key)' },
    { flags: '--num-headers <n>', description: 'headers per record (default 0)' },
    { flags: '--record-header-key-size <bytes>', description: 'bytes per header key' },
    { flags: '--record-header-size <bytes>', description: 'bytes per header value (-1: a null value)' },
  ],
  notes:
    'A missing topic is created with 1 partition and replication factor 1, as kafka-e2e-latency.sh does (said on stderr). ' +
    "With the original's spelling (--bootstrap-server H --topic T --num-records N --producer-acks A --record-size S, " +
    'or H T N A S) the output is its lines.',
  examples: [
    'ktool perf e2e latency-test -n 5000 --acks all',
    'ktool perf e2e latency-test -n 1000 --json > latencies.ndjson      # one row per record',
    'ktool perf e2e latency-test -n 1000 -s 512 --record-key-size 16 --num-headers 4 --record-header-size 32',
    'kafka-e2e-latency spelling: ktool perf e2e localhost:9092 latency-test 1000 all 100',
  ],
});

const nonNegative = (v: string | undefined, flag: string, fallback: number): number => positiveInt(v, flag, { min: 0 }) ?? fallback;

export function parse(args: string[], flags: Flags<typeof spec>): E2eRun {
  if (args.length > 1) throw new UsageError(`perf e2e takes one topic, got ${args.length}`);
  const topic = args[0];
  if (topic === undefined) throw new UsageError('perf e2e needs a topic: ktool perf e2e TOPIC');
  const acks = parseAcks(flags.producerAcks ?? flags.acks ?? 'all');
  if (acks === 0) throw new UsageError('--acks must be 1 or all: latency is measured from the acknowledgement');
  const headerValueSize = flags.recordHeaderSize === undefined ? 0 : Number(flags.recordHeaderSize);
  if (!Number.isInteger(headerValueSize) || headerValueSize < -1) throw new UsageError('--record-header-size must be -1 or more');
  return {
    topic,
    numRecords: positiveInt(flags.numRecords, '--num-records') ?? 1000,
    recordSize: nonNegative(flags.recordSize, '--record-size', 100),
    keySize: nonNegative(flags.recordKeySize, '--record-key-size', 0),
    numHeaders: nonNegative(flags.numHeaders, '--num-headers', 0),
    headerKeySize: nonNegative(flags.recordHeaderKeySize, '--record-header-key-size', 0),
    headerValueSize,
    acks,
    pollTimeoutMs: 60_000,
  };
}

export async function run(options: E2eRun, ctx: Context): Promise<CommandResult | void> {
  await ensureTopic(ctx, options.topic, async () => ctx.info(`creating topic ${options.topic} (1 partition, replication factor 1)`));
  const rows = new Rows(ctx, ['type', 'record', 'latencyMs', 'records', 'avgMs', 'p50Ms', 'p95Ms', 'p99Ms', 'p999Ms', 'maxMs']);
  const progress = new Progress(ctx);
  let done = 0;
  let lastMs = 0;
  progress.start(() => `${thousands(done)} of ${thousands(options.numRecords)} records, last ${ms(lastMs)}`);
  let result;
  try {
    result = await runE2e(ctx, options, (i, latency) => {
      done = i + 1;
      lastMs = latency;
      rows.write({ type: 'record', record: i, latencyMs: latency });
    });
  } catch (error) {
    if (error instanceof E2eError) throw new OperationError(error.message);
    throw error;
  } finally {
    progress.stop();
  }
  const s = e2eSummary(result.latenciesMs, result.totalMs);
  const total = { records: s.records, avgMs: s.avgMs, ...prefixed(s.exact) };
  const exitCode = ctx.io.signal.aborted ? 130 : 0;
  if (rows.streaming) {
    rows.write({ type: 'total', ...total });
    return exitCode ? { exitCode } : undefined;
  }
  const data = { topic: options.topic, ...Object.fromEntries(Object.entries(total).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) };
  const view = [
    {
      head: ['RECORDS', 'AVG MS', 'P50 MS', 'P95 MS', 'P99 MS', 'P99.9 MS', 'MAX MS'],
      rows: [
        [thousands(s.records), ...[s.avgMs, s.exact.p50, s.exact.p95, s.exact.p99, s.exact.p999, s.exact.max].map((x) => x.toFixed(2))],
      ],
      numeric: [0, 1, 2, 3, 4, 5, 6],
    },
  ];
  return exitCode ? { data, view, exitCode } : { data, view };
}

function prefixed(x: { p50: number; p95: number; p99: number; p999: number; max: number }) {
  return { p50Ms: x.p50, p95Ms: x.p95, p99Ms: x.p99, p999Ms: x.p999, maxMs: x.max };
}
