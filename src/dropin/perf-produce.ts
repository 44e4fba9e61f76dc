/**
 * kafka-producer-perf-test.sh (org.apache.kafka.tools.ProducerPerformance, Kafka 4.3), drop-in:
 * `ktool perf produce --topic t --num-records N --record-size B --throughput T --bootstrap-server H`.
 * argparse4j's options and errors, the same checks, and the same stdout: a window line every
 * --reporting-interval ms, the total line with its percentiles, the steady-state lines of
 * --warmup-records. The producer is ktool's (src/perf/produce-engine.ts); --print-metrics prints
 * the figures ktool's run measured in the Java client's metrics layout (src/perf/metrics-table.ts).
 */
import { readUserFile } from '../util/read-user-file.js';
import { parseProperties } from '../config/properties.js';
import { producerTotalLine, producerWindowLine } from '../perf/java-lines.js';
import { producerMetrics, metricsTable } from '../perf/metrics-table.js';
import { PayloadFileError, type PayloadSpec } from '../perf/payload.js';
import { perfProducer, splitProp, usedProducerKey } from '../commands/perf/producer-props.js';
import { runProduce, withTransactions, type ProduceRun } from '../commands/perf/produce-run.js';
import { parseArgparse, type ArgparseOption } from './argparse-flat.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';

const valued = (name: string, many = false): ArgparseOption => ({ name, value: true, many });
const switchOf = (name: string, ignored?: string): ArgparseOption => ({ name, value: false, ignored });

export const PRODUCER_PERFORMANCE_OPTIONS: readonly ArgparseOption[] = [
  switchOf('help'),
  valued('bootstrap-server'),
  valued('topic'),
  valued('num-records'),
  valued('payload-delimiter'),
  valued('throughput'),
  valued('producer-props', true),
  valued('command-property', true),
  valued('producer.config'),
  valued('command-config'),
  switchOf('print-metrics'),
  valued('transactional-id'),
  valued('transaction-duration-ms'),
  valued('warmup-records'),
  valued('reporting-interval'),
  valued('record-size'),
  valued('payload-file'),
  switchOf('payload-monotonic'),
];

export const PRODUCER_PERFORMANCE_USAGE = [
  'usage: kafka-producer-perf-test',
  '       [-h] [--bootstrap-server BOOTSTRAP-SERVER] --topic TOPIC',
  '       --num-records NUM-RECORDS [--payload-delimiter PAYLOAD-DELIMITER]',
  '       --throughput THROUGHPUT',
  '       [--producer-props PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]]',
  '       [--command-property PROP-NAME=PROP-VALUE [PROP-NAME=PROP-VALUE ...]]',
  '       [--producer.config CONFIG-FILE] [--command-config CONFIG-FILE]',
  '       [--print-metrics] [--transactional-id TRANSACTIONAL-ID]',
  '       [--transaction-duration-ms TRANSACTION-DURATION]',
  '       [--warmup-records WARMUP-RECORDS] [--reporting-interval INTERVAL-MS]',
  '       (--record-size RECORD-SIZE | --payload-file PAYLOAD-FILE |',
  '       --payload-monotonic)',
].join('\n');

const usageError = (message: string) => `${PRODUCER_PERFORMANCE_USAGE}\nkafka-producer-perf-test: error: ${message}`;

/** The checks argparse4j and ConfigPostProcessor make, in their order. */
export function checkProducerArgs(o: JoptResult): void {
  for (const required of ['topic', 'num-records', 'throughput']) {
    if (!has(o, required)) throw new UsageExit(`argument --${required} is required`);
  }
  const payloads = ['record-size', 'payload-file', 'payload-monotonic'].filter((p) => has(o, p));
  if (payloads.length === 0) throw new UsageExit('one of the arguments --record-size --payload-file --payload-monotonic is required');
  if (payloads.length > 1) throw new UsageExit(`argument --${payloads[1]}: not allowed with argument --${payloads[0]}`);
  const num = long(o, 'num-records')!;
  if (num <= 0) throw new UsageExit('--num-records should be greater than zero.');
  if (Math.max(long(o, 'warmup-records') ?? 0, 0) >= num) {
    throw new UsageExit('The value for --warmup-records must be strictly fewer than the number of records in the test, --num-records.');
  }
  const size = long(o, 'record-size');
  if (size !== undefined && size <= 0) throw new UsageExit('--record-size should be greater than zero.');
  if (!['bootstrap-server', 'command-property', 'producer-props', 'producer.config', 'command-config'].some((k) => has(o, k))) {
    throw new UsageExit(
      'At least one of --bootstrap-server, --command-property, --producer-props, --producer.config or --command-config must be specified.',
    );
  }
  if (has(o, 'command-property') && has(o, 'producer-props')) {
    throw new UsageExit('--command-property and --producer-props cannot be specified together.');
  }
  if (has(o, 'command-config') && has(o, 'producer.config')) {
    throw new UsageExit('--command-config and --producer.config cannot be specified together.');
  }
  const duration = long(o, 'transaction-duration-ms');
  if (duration !== undefined && duration <= 0) throw new UsageExit('--transaction-duration-ms should be greater than zero.');
  const interval = long(o, 'reporting-interval');
  if (interval !== undefined && interval <= 0) throw new UsageExit('--reporting-interval should be greater than zero.');
}

/** argparse4j's type conversion: `argument --x: could not convert 'y' to Long`. */
function long(o: JoptResult, name: string): number | undefined {
  const v = valueOf(o, name);
  if (v === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(v.trim()))
    throw new UsageExit(`argument --${name}: could not convert '${v}' to ${name === 'record-size' ? 'Integer' : 'Long'}`);
  return Number(v);
}

function double(o: JoptResult, name: string): number {
  const v = valueOf(o, name)!;
  const n = Number(v.trim());
  if (v.trim() === '' || Number.isNaN(n)) throw new UsageExit(`argument --${name}: could not convert '${v}' to Double`);
  return n;
}

function payloadOf(o: JoptResult): PayloadSpec {
  if (has(o, 'payload-monotonic')) return { kind: 'monotonic' };
  const file = valueOf(o, 'payload-file');
  if (file !== undefined) {
    const d = valueOf(o, 'payload-delimiter') ?? '\\n';
    return { kind: 'file', path: file, delimiter: d === '\\n' ? '\n' : d };
  }
  return { kind: 'size', size: long(o, 'record-size')! };
}

/** The properties: the file first, then inline ones, then --bootstrap-server over bootstrap.servers. */
async function propsOf(o: JoptResult): Promise<[string, string][]> {
  const file = valueOf(o, 'command-config') ?? valueOf(o, 'producer.config');
  const props: [string, string][] = file ? [...parseProperties(await readUserFile(file, '--command-config')).entries()] : [];
  for (const item of [...(o.values.get('producer-props') ?? []), ...(o.values.get('command-property') ?? [])]) {
    try {
      props.push(splitProp(item, true));
    } catch (error) {
      throw new JavaException((error as Error).message);
    }
  }
  return props;
}

/** An exception the Java tool dies of: its message on stderr, exit 1. */
class JavaException extends Error {}

/** The lines the original prints once its arguments are read (after the payload file's), before it produces. */
function deprecations(o: JoptResult): string[] {
  const lines: string[] = [];
  if (has(o, 'producer-props')) {
    lines.push('Option --producer-props has been deprecated and will be removed in a future version. Use --command-property instead.');
  }
  if (has(o, 'producer.config')) {
    lines.push('Option --producer.config has been deprecated and will be removed in a future version. Use --command-config instead.');
  }
  return lines;
}

export const PRODUCER_PERFORMANCE: DropinScript = {
  script: 'kafka-producer-perf-test.sh',
  options: PRODUCER_PERFORMANCE_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  parse: (args) => parseArgparse(args, PRODUCER_PERFORMANCE_OPTIONS),
  usageError,
  connection(o) {
    const inline = [...(o.values.get('producer-props') ?? []), ...(o.values.get('command-property') ?? [])];
    const fromProps = inline.map((i) => i.split('=')).find(([k]) => k === 'bootstrap.servers')?.[1];
    const commandConfig = valueOf(o, 'command-config') ?? valueOf(o, 'producer.config');
    return {
      bootstrapServer: valueOf(o, 'bootstrap-server') ?? fromProps,
      commandConfig,
      commandConfigKeys: usedProducerKey,
    };
  },
  async run(o, ctx, out) {
    checkProducerArgs(o);
    let run: ProduceRun;
    try {
      const producer = perfProducer(await propsOf(o));
      if (producer.unused.length) ctx.warn(`producer properties ktool does not use (ignored): ${producer.unused.join(', ')}`);
      run = withTransactions(
        {
          topic: valueOf(o, 'topic')!,
          numRecords: long(o, 'num-records')!,
          payload: payloadOf(o),
          throughput: double(o, 'throughput'),
          producer,
          reportingIntervalMs: long(o, 'reporting-interval') ?? 5000,
          warmupRecords: Math.max(long(o, 'warmup-records') ?? 0, 0),
          wholeMs: true,
          autoCreate: true,
        },
        valueOf(o, 'transactional-id'),
        long(o, 'transaction-duration-ms'),
      );
    } catch (error) {
      if (error instanceof JavaException) {
        await out.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
    return produceJavaStyle(ctx, run, out, { deprecations: deprecations(o), metrics: has(o, 'print-metrics') });
  },
};

async function produceJavaStyle(
  ctx: Parameters<DropinScript['run']>[1],
  run: ProduceRun,
  out: DropinOut,
  o: { deprecations: string[]; metrics: boolean },
): Promise<number> {
  const lines: string[] = [];
  // Window lines are written as they come (synchronously queued: the engine's callbacks do not await).
  const print = (line: string) => void out.stdout(`${line}\n`);
  const before = (notes: string[]) => {
    const all = [...notes, ...o.deprecations];
    if (run.warmupRecords > 0) {
      all.push(`Warmup first ${run.warmupRecords} records. Steady state results will print after the complete test summary.`);
    }
    return out.stdout(all.map((n) => `${n}\n`).join(''));
  };
  let outcome;
  try {
    outcome = await runProduce(ctx, run, {
      notes: before,
      window(row, steady, first) {
        if (steady && first) print('In steady state.');
        print(producerWindowLine(row));
      },
    });
  } catch (error) {
    if (error instanceof PayloadFileError) {
      await out.stdout(error.notes.map((n) => `${n}\n`).join(''));
      await out.stderr(`Exception in thread "main" java.lang.IllegalArgumentException: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  lines.push(producerTotalLine(outcome.total));
  if (outcome.steady) lines.push(producerTotalLine(outcome.steady, true));
  await out.stdout(lines.map((l) => `${l}\n`).join(''));
  if (o.metrics) {
    const clientId = (await ctx.kafka()).settings.clientId;
    await out.stdout(metricsTable(producerMetrics(clientId, outcome.total, outcome.failed)));
  }
  if (outcome.error !== undefined) {
    await out.stderr(`${outcome.failed} records failed: ${(outcome.error as Error).message ?? String(outcome.error)}\n`);
    return 1;
  }
  return outcome.interrupted ? 130 : 0;
}
