/**
 * kafka-consumer-perf-test.sh (org.apache.kafka.tools.ConsumerPerformance, Kafka 4.3), drop-in:
 * `ktool perf consume --bootstrap-server H --topic t --num-records N`. jopt-simple options and
 * checks, the deprecation lines on stdout, the header, --show-detailed-stats' progress rows, the
 * timeout warning and the final row, dates in --date-format (java.text.SimpleDateFormat). The
 * reader is ktool's group reader, --fetch-size its bytes per partition in a fetch (the Java
 * consumer's max.partition.fetch.bytes); --print-metrics prints the figures ktool's run measured in
 * the Java client's metrics layout (src/perf/metrics-table.ts); --socket-buffer-size is named as not
 * honoured (node's sockets do not set SO_RCVBUF).
 */
import { compileRegex } from '../cli/parse-helpers.js';
import { compileDateFormat, DateFormatError } from '../perf/date-format.js';
import { consumerFinalLine, consumerHeader, consumerProgressLine, consumerTimeoutLine } from '../perf/java-lines.js';
import { runConsume, type ConsumeRun } from '../commands/perf/consume-run.js';
import { consumerMetrics, metricsTable } from '../perf/metrics-table.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

/** What the connection takes from --command-property (the rest of a consumer's settings ktool's reader does not take). */
const CONNECTION_KEYS = /^(bootstrap\.servers|security\.protocol|sasl\..*|ssl\..*|client\.id|group\.id)$/;
/** What ConsumerPerformance sets over the user's properties (from its own options): not "unused" when given. */
const SET_BY_TOOL =
  /^(group\.id|receive\.buffer\.bytes|max\.partition\.fetch\.bytes|auto\.offset\.reset|(key|value)\.deserializer|check\.crcs)$/;

const valued = (name: string, ignored?: string): JoptOption => ({ name, value: true, ignored });
const switchOf = (name: string, ignored?: string): JoptOption => ({ name, value: false, ignored });

export const CONSUMER_PERFORMANCE_OPTIONS: readonly JoptOption[] = [
  valued('bootstrap-server'),
  valued('command-config'),
  valued('command-property'),
  valued('consumer.config'),
  valued('date-format'),
  valued('fetch-size'),
  switchOf('from-latest'),
  valued('group'),
  switchOf('help'),
  switchOf('hide-header'),
  valued('include'),
  valued('messages'),
  valued('num-records'),
  switchOf('print-metrics'),
  valued('reporting-interval'),
  switchOf('show-detailed-stats'),
  valued('socket-buffer-size', "receive.buffer.bytes: node's sockets leave the receive buffer to the operating system"),
  valued('timeout'),
  valued('topic'),
  switchOf('version'),
];

function count(o: JoptResult, name: string): number | undefined {
  const v = valueOf(o, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageExit(`Cannot parse argument '${v}' of option ${name}`);
  return Number(v);
}

/** ConsumerPerfOptions' checks: the records count, exactly one of --topic and --include, the reporting interval. */
export function consumeRunOf(o: JoptResult): ConsumeRun {
  if (!has(o, 'num-records') && !has(o, 'messages')) throw new UsageExit('Missing required argument "[num-records]"');
  if (has(o, 'topic') === has(o, 'include')) throw new UsageExit('Exactly one of the following arguments is required: [topic], [include]');
  const interval = valueOf(o, 'reporting-interval');
  if (interval !== undefined && !/^\d+$/.test(interval)) throw new UsageExit(`Value [${interval}] did not match regex [^\\d+$]`);
  const reportingIntervalMs = interval === undefined ? 5000 : Number(interval);
  if (reportingIntervalMs <= 0) throw new UsageExit('Reporting interval must be greater than 0.');
  const run: ConsumeRun = {
    numRecords: count(o, 'num-records') ?? count(o, 'messages')!,
    timeoutMs: count(o, 'timeout') ?? 10_000,
    reportingIntervalMs,
    exact: false,
    group: valueOf(o, 'group') ?? `perf-consumer-${Math.floor(Math.random() * 100_000)}`,
    fromLatest: has(o, 'from-latest'),
  };
  const fetchSize = count(o, 'fetch-size');
  // Below 0 it is refused once the header is out (run()), where the Java consumer's config check fails.
  if (fetchSize !== undefined) run.partitionMaxBytes = fetchSize;
  const topic = valueOf(o, 'topic');
  if (topic !== undefined) run.topic = topic;
  const include = valueOf(o, 'include');
  if (include !== undefined) run.include = compileRegex(include, '--include');
  return run;
}

export const CONSUMER_PERFORMANCE: DropinScript = {
  script: 'kafka-consumer-perf-test.sh',
  options: CONSUMER_PERFORMANCE_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  connection(o) {
    const inline = (o.values.get('command-property') ?? []).map((i) => i.split('=')).find(([k]) => k === 'bootstrap.servers')?.[1];
    return {
      bootstrapServer: valueOf(o, 'bootstrap-server') ?? inline,
      commandConfig: valueOf(o, 'command-config') ?? valueOf(o, 'consumer.config'),
      commandConfigKeys: (key) => SET_BY_TOOL.test(key),
    };
  },
  async run(o, ctx, out) {
    const run = consumeRunOf(o);
    const unused = (o.values.get('command-property') ?? [])
      .map((i) => i.split('=')[0])
      .filter((k) => !CONNECTION_KEYS.test(k) && !SET_BY_TOOL.test(k));
    if (unused.length) ctx.warn(`consumer properties ktool does not use (ignored): ${unused.join(', ')}`);
    let date: (ms: number) => string;
    try {
      date = compileDateFormat(valueOf(o, 'date-format') ?? 'yyyy-MM-dd HH:mm:ss:SSS');
    } catch (error) {
      if (!(error instanceof DateFormatError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
    if (has(o, 'messages')) await out.stdout('Warning: --messages is deprecated. Use --num-records instead.\n');
    if (has(o, 'consumer.config')) await out.stdout('Warning: --consumer.config is deprecated. Use --command-config instead.\n');
    const detailed = has(o, 'show-detailed-stats');
    if (!has(o, 'hide-header')) await out.stdout(`${consumerHeader(detailed)}\n`);
    if (run.partitionMaxBytes !== undefined && run.partitionMaxBytes < 0) {
      // The Java consumer's range check (a ConfigException: its message on stderr, exit 1).
      await out.stderr(`Invalid value ${run.partitionMaxBytes} for configuration max.partition.fetch.bytes: Value must be at least 0\n`);
      return 1;
    }
    const outcome = await runConsume(ctx, run, (p) => {
      if (detailed) void out.stdout(`${consumerProgressLine(p, date)}\n`);
    });
    if (outcome.timedOut) await out.stdout(`${consumerTimeoutLine(run.timeoutMs)}\n`);
    if (!detailed) await out.stdout(`${consumerFinalLine(outcome, date)}\n`);
    if (has(o, 'print-metrics')) await out.stdout(metricsTable(consumerMetrics((await ctx.kafka()).settings.clientId, outcome)));
    return outcome.interrupted ? 130 : 0;
  },
};
