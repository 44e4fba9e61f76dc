/**
 * kafka-e2e-latency.sh (org.apache.kafka.tools.EndToEndLatency, Kafka 4.3), drop-in: the named
 * options (`--bootstrap-server H --topic t --num-records N --producer-acks 1|all --record-size B`,
 * key and header sizes) and the deprecated positional form (`H t N acks B [config]`, with its
 * warning on stdout). Prints the topic-creation line, `i<TAB>ms` every 1000 records, the average
 * and the percentiles, as the original.
 */
import { parseAcks } from '../commands/produce/options.js';
import { ensureTopic, runE2e, type E2eRun } from '../commands/perf/e2e-run.js';
import { E2eError, e2eSummary } from '../perf/e2e-engine.js';
import { e2eProgressLine, e2eResultLines } from '../perf/java-lines.js';
import { JoptError, parseJopt, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

const valued = (name: string): JoptOption => ({ name, value: true });

/** The settings EndToEndLatency sets over the --command-config file's (the rest of a client's settings ktool names as unused). */
const SET_BY_TOOL = new Set([
  'group.id',
  'enable.auto.commit',
  'auto.offset.reset',
  'key.deserializer',
  'value.deserializer',
  'fetch.max.wait.ms',
  'linger.ms',
  'max.block.ms',
  'acks',
  'key.serializer',
  'value.serializer',
]);

export const END_TO_END_LATENCY_OPTIONS: readonly JoptOption[] = [
  valued('bootstrap-server'),
  valued('command-config'),
  { name: 'help', value: false },
  valued('num-headers'),
  valued('num-records'),
  valued('producer-acks'),
  valued('record-header-key-size'),
  valued('record-header-size'),
  valued('record-key-size'),
  valued('record-size'),
  valued('topic'),
  { name: 'version', value: false },
];

const NAMED = ['--bootstrap-server', '--topic', '--num-records', '--producer-acks', '--record-size'];

export const POSITIONAL_WARNING =
  'WARNING: Positional argument usage is deprecated and will be removed in Apache Kafka 5.0. Please use named arguments instead: ' +
  '--bootstrap-server, --topic, --num-records, --producer-acks, --record-size, --command-config';

/** EndToEndLatency.convertLegacyArgsIfNeeded: five or six positional arguments become the named options. */
export function convertLegacyArgs(args: readonly string[]): { args: string[]; legacy: boolean } {
  if (args.length === 0 || args.some((a) => NAMED.includes(a))) return { args: [...args], legacy: false };
  if (args.length !== 5 && args.length !== 6) {
    throw new JoptError(
      `Invalid number of arguments. Expected 5 or 6 positional arguments, but got ${args.length}. ` +
        'Usage: bootstrap-server topic num-records producer-acks record-size [optional] command-config',
    );
  }
  const named = ['--bootstrap-server', args[0], '--topic', args[1], '--num-records', args[2], '--producer-acks', args[3]];
  named.push('--record-size', args[4]);
  if (args.length === 6) named.push('--command-config', args[5]);
  return { args: named, legacy: true };
}

function int(o: JoptResult, name: string, fallback?: number): number {
  const v = valueOf(o, name);
  if (v === undefined) {
    if (fallback === undefined) throw new UsageExit(`Missing required argument "[${name}]"`);
    return fallback;
  }
  if (!/^-?\d+$/.test(v.trim())) throw new UsageExit(`Cannot parse argument '${v}' of option ${name}`);
  return Number(v);
}

export function e2eRunOf(o: JoptResult): E2eRun {
  for (const required of ['bootstrap-server', 'topic', 'num-records', 'producer-acks', 'record-size']) {
    if (valueOf(o, required) === undefined && required !== 'bootstrap-server')
      throw new UsageExit(`Missing required argument "[${required}]"`);
  }
  const acks = valueOf(o, 'producer-acks')!;
  if (acks !== '1' && acks !== 'all') {
    throw new UsageExit(
      "Invalid value for --producer-acks. Latency testing requires synchronous acknowledgement. Please use '1' or 'all'.",
    );
  }
  const run: E2eRun = {
    topic: valueOf(o, 'topic')!,
    numRecords: int(o, 'num-records'),
    recordSize: int(o, 'record-size'),
    keySize: int(o, 'record-key-size', 0),
    numHeaders: int(o, 'num-headers', 0),
    headerKeySize: int(o, 'record-header-key-size', 0),
    headerValueSize: int(o, 'record-header-size', 0),
    acks: parseAcks(acks),
    emptyKey: true,
    pollTimeoutMs: 60_000,
  };
  if (run.numRecords <= 0) throw new UsageExit('Value for --num-records must be a positive integer.');
  if (run.recordSize < 0) throw new UsageExit('Value for --record-size must be a non-negative integer.');
  if (run.keySize < 0) throw new UsageExit('Value for --record-key-size must be a non-negative integer.');
  if (run.numHeaders < 0) throw new UsageExit('Value for --num-headers must be a non-negative integer.');
  if (run.headerKeySize < 0) throw new UsageExit('Value for --record-header-key-size must be a non-negative integer.');
  if (run.headerValueSize < -1) {
    throw new UsageExit('Value for --record-header-size must be a non-negative integer or -1 for null header value.');
  }
  return run;
}

let legacyUsed = false;

export const END_TO_END_LATENCY: DropinScript = {
  script: 'kafka-e2e-latency.sh',
  options: END_TO_END_LATENCY_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  connection: (o) => ({
    bootstrapServer: valueOf(o, 'bootstrap-server'),
    commandConfig: valueOf(o, 'command-config'),
    // The file is the producer's, the consumer's and the admin's: what the tool sets over it is not "unknown".
    commandConfigKeys: (key) => SET_BY_TOOL.has(key),
  }),
  parse(args) {
    const converted = convertLegacyArgs(args);
    legacyUsed = converted.legacy;
    return parseJopt(converted.args, END_TO_END_LATENCY_OPTIONS);
  },
  async run(o, ctx, out) {
    if (legacyUsed) await out.stdout(`${POSITIONAL_WARNING}\n`);
    const run = e2eRunOf(o);
    await ensureTopic(ctx, run.topic, () =>
      out.stdout(`Topic "${run.topic}" does not exist. Will create topic with 1 partition(s) and replication factor = 1\n`),
    );
    try {
      const { latenciesMs, totalMs } = await runE2e(ctx, run, (i, ms) => {
        if (i % 1000 === 0) void out.stdout(`${e2eProgressLine(i, ms)}\n`);
      });
      const s = e2eSummary(latenciesMs, totalMs);
      await out.stdout(
        e2eResultLines(totalMs / run.numRecords, s.p50, s.p99, s.p999)
          .map((l) => `${l}\n`)
          .join(''),
      );
      return ctx.io.signal.aborted ? 130 : 0;
    } catch (error) {
      if (!(error instanceof E2eError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
