/**
 * ktool perf and the three Java perf tools' spellings: option parsing (both spellings) and the
 * lines the originals print, formatted from fixed figures.
 */
import { describe, expect, it } from 'vitest';
import { dropinName } from '../../src/dropin/detect.js';
import { parseArgparse } from '../../src/dropin/argparse-flat.js';
import { JoptError, parseJopt } from '../../src/dropin/jopt.js';
import { checkProducerArgs, PRODUCER_PERFORMANCE_OPTIONS } from '../../src/dropin/perf-produce.js';
import { consumeRunOf, CONSUMER_PERFORMANCE_OPTIONS } from '../../src/dropin/perf-consume.js';
import { convertLegacyArgs, e2eRunOf, END_TO_END_LATENCY_OPTIONS } from '../../src/dropin/perf-e2e.js';
import { UsageExit } from '../../src/dropin/script.js';
import { compileDateFormat } from '../../src/perf/date-format.js';
import { javaF, javaFixed } from '../../src/perf/java-format.js';
import {
  consumerFinalLine,
  consumerHeader,
  consumerProgressLine,
  consumerTimeoutLine,
  e2eProgressLine,
  e2eResultLines,
  javaDouble,
  producerTotalLine,
  producerWindowLine,
} from '../../src/perf/java-lines.js';
import { LatencyStats, percentiles, type WindowRow } from '../../src/perf/latency-stats.js';
import { splitPayloads } from '../../src/perf/payload.js';
import { ThroughputThrottler } from '../../src/perf/throttler.js';
import { e2eSummary, JavaRandom } from '../../src/perf/e2e-engine.js';
import { perfProducer } from '../../src/commands/perf/producer-props.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('Java number formatting', () => {
  it.each([
    [1.005, 2, '1.01'],
    [0.25, 1, '0.3'],
    [12345.678, 1, '12345.7'],
    [0, 4, '0.0000'],
    [2.5, 0, '3'],
    [0.000049, 4, '0.0000'],
    [0.00005, 4, '0.0001'],
    [1e21, 1, '1000000000000000000000.0'],
    [-0.04, 1, '-0.0'],
    [NaN, 2, 'NaN'],
    [Infinity, 1, 'Infinity'],
  ])('%%.%sf of %s', (x, d, want) => expect(javaFixed(x, d)).toBe(want));

  it('%f is six decimals', () => expect(javaF(4843.7878421)).toBe('4843.787842'));

  it.each([
    [70.231272, '70.231272'],
    [12, '12.0'],
    [0.0001, '1.0E-4'],
    [12345678.5, '1.23456785E7'],
  ])('Double.toString(%s)', (x, want) => expect(javaDouble(x)).toBe(want));
});

describe('the lines the originals print', () => {
  const w: WindowRow = {
    atMs: 5000,
    windowMs: 5003,
    records: 7597,
    bytes: 759700,
    recordsPerSec: 7559.24,
    mbPerSec: 0.7245,
    avgLatencyMs: 336.31,
    maxLatencyMs: 505,
  };
  it('ProducerPerformance window line', () =>
    expect(producerWindowLine(w)).toBe('7597 records sent, 7559.2 records/sec (0.72 MB/sec), 336.3 ms avg latency, 505.0 ms max latency.'));

  const total = {
    records: 20000,
    bytes: 2_000_000,
    elapsedMs: 4129,
    recordsPerSec: 4843.787842,
    mbPerSec: 0.4619,
    avgLatencyMs: 292.3312,
    maxLatencyMs: 1696,
    p50Ms: 322,
    p95Ms: 553,
    p99Ms: 559,
    p999Ms: 566,
  };
  it('ProducerPerformance total and steady-state lines', () => {
    expect(producerTotalLine(total)).toBe(
      '20000 records sent, 4843.787842 records/sec (0.46 MB/sec), 292.33 ms avg latency, 1696.00 ms max latency, ' +
        '322 ms 50th, 553 ms 95th, 559 ms 99th, 566 ms 99.9th.',
    );
    expect(producerTotalLine({ ...total, records: 19900 }, true)).toMatch(/^19900 steady state records sent, /);
  });

  const date = compileDateFormat('yyyy-MM-dd HH:mm:ss:SSS');
  const t0 = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();

  it('SimpleDateFormat patterns', () => {
    expect(date(t0)).toBe('2026-01-02 03:04:05:006');
    expect(compileDateFormat("dd/MMM/yy 'at' h a")(t0)).toBe('02/Jan/26 at 3 AM');
    expect(() => compileDateFormat('yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  it('ConsumerPerformance header, final, progress and timeout lines', () => {
    expect(consumerHeader(false)).toBe(
      'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ' +
        'rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
    );
    expect(consumerHeader(true)).toMatch(/^time, threadId, data.consumed.in.MB, /);
    const outcome = { startMs: t0, endMs: t0 + 3426, joinMs: 1011, records: 20000, bytes: 2_000_000, timedOut: true, interrupted: false };
    expect(consumerFinalLine(outcome, date)).toBe(
      '2026-01-02 03:04:05:006, 2026-01-02 03:04:08:432, 1.9073, 0.5567, 20000, 5837.7116, 1011, 2415, 0.7898, 8281.5735',
    );
    const p = { endMs: t0 + 1000, startMs: t0, bytes: 1_048_576, lastBytes: 0, records: 1000, lastRecords: 0, joinMs: 500 };
    expect(consumerProgressLine(p, date)).toBe('2026-01-02 03:04:06:006, 0, 1.0000, 1.0000, 1000, 1000.0000, 500, 500, 2.0000, 2000.0000');
    expect(consumerTimeoutLine(2000)).toBe(
      'WARNING: Exiting before consuming the expected number of records: timeout (2000 ms) exceeded. ' +
        'You can use the --timeout option to increase the timeout.',
    );
  });

  it('EndToEndLatency progress and result lines', () => {
    expect(e2eProgressLine(0, 70.23127200001)).toBe('0\t70.231272');
    expect(e2eResultLines(19.64487, 6, 70, 70)).toEqual(['Avg latency: 19.6449 ms', 'Percentiles: 50th = 6, 99th = 70, 99.9th = 70']);
    const s = e2eSummary([5.5, 1.2, 9.9, 3.1], 19.7);
    expect([s.p50, s.p99, s.p999]).toEqual([5, 9, 9]);
    expect(s.exact.max).toBe(9.9);
  });
});

describe('statistics, throttle and payloads as the Java tool keeps them', () => {
  it('windows close when a record completes an interval after the window opened; percentiles at (int)(p * n)', () => {
    let now = 0;
    const rows: WindowRow[] = [];
    const stats = new LatencyStats(
      10,
      1000,
      () => now,
      (r) => rows.push(r),
    );
    for (let i = 1; i <= 10; i++) {
      now = i * 250;
      stats.record(i, 100, now);
    }
    expect(rows.map((r) => r.records)).toEqual([4, 4]);
    expect(rows[0]).toMatchObject({ records: 4, recordsPerSec: 4, avgLatencyMs: 2.5, maxLatencyMs: 4 });
    const total = stats.total();
    expect(total).toMatchObject({ records: 10, bytes: 1000, p50Ms: 6, p95Ms: 10, p99Ms: 10, maxLatencyMs: 10, avgLatencyMs: 5.5 });
    expect(percentiles(new Float64Array([3, 1, 2]), 3, [0.5])).toEqual([2]);
  });

  it('samples one record in numRecords / 500,000', () => {
    const stats = new LatencyStats(1_500_000, 5000, () => 0);
    for (let i = 0; i < 9; i++) stats.record(i, 1, 0);
    // Records 0, 3 and 6 are kept: their median is 3.
    expect(stats.total().p50Ms).toBe(3);
  });

  it('ThroughputThrottler: throttles above the target, sleeps off 2 ms of deficit at a time', () => {
    const t = new ThroughputThrottler(1000, 0);
    expect(t.shouldThrottle(10, 0)).toBe(false);
    expect(t.shouldThrottle(2000, 1000)).toBe(true);
    expect(t.shouldThrottle(500, 1000)).toBe(false);
    expect(t.throttle()).toBe(0);
    expect(t.throttle()).toBe(2);
    expect(new ThroughputThrottler(-1, 0).shouldThrottle(1e9, 1)).toBe(false);
    expect(new ThroughputThrottler(0, 0).throttle()).toBe(Infinity);
  });

  it('payload files split as Scanner.useDelimiter does', () => {
    expect(splitPayloads('a\nb\n\nc\n', '\n')).toEqual(['a', 'b', '', 'c']);
    expect(splitPayloads('x1y22z', '\\d+')).toEqual(['x', 'y', 'z']);
  });

  it("java.util.Random(0), as EndToEndLatency's letters", () => {
    const r = new JavaRandom(0);
    // new java.util.Random(0).nextInt(26), three times, in Java 21: 18 18 23
    expect([r.nextInt(26), r.nextInt(26), r.nextInt(26)]).toEqual([18, 18, 23]);
  });

  it("producer properties: the Java client's defaults, what ktool does not use named", () => {
    const p = perfProducer([
      ['acks', '1'],
      ['buffer.memory', '1048576'],
      ['linger.ms', '0'],
      ['bootstrap.servers', 'h:1'],
      ['key.serializer', 'x'],
      ['send.buffer.bytes', '1'],
    ]);
    expect(p).toMatchObject({ batchBytes: 16_384, lingerMs: 0, maxInFlight: 5, bufferBytes: 1_048_576, unused: ['send.buffer.bytes'] });
    expect(p.settings).toMatchObject({ acks: 1, idempotent: false, clientId: 'perf-producer-client' });
    expect(perfProducer([]).settings).toMatchObject({ acks: -1, idempotent: true });
    // buffer.memory and max.block.ms: the Java client's defaults, kept by the loop (test/unit/perf-engine.test.ts).
    expect(perfProducer([])).toMatchObject({ bufferBytes: 33_554_432, maxBlockMs: 60_000, unused: [] });
    expect(perfProducer([['max.block.ms', '250']])).toMatchObject({ maxBlockMs: 250, unused: [] });
    expect(() => perfProducer([['max.block.ms', '1s']])).toThrow('-X max.block.ms: expected milliseconds (0 or more), got "1s"');
    expect(() => perfProducer([['buffer.memory', 'lots']])).toThrow('-X buffer.memory');
  });
});

describe('the originals spellings: which command lines, and their checks', () => {
  it.each([
    [['perf', 'produce', '--topic', 't', '--num-records', '1', '--record-size', '1', '--throughput', '-1'], 'perf-produce'],
    [['perf', 'produce', 't', '--num-records', '1'], undefined],
    [['perf', 'produce', '--topic', 't'], 'perf-produce'],
    [['perf', 'consume', '--include', 'x'], undefined],
    [['perf', 'produce', '--topic', 't', '--num-records', '1', '--json'], undefined],
    [['perf', 'consume', '--include', 'a.*', '--messages', '5'], 'perf-consume'],
    [['perf', 'consume', '--topic', 't', '--num-records', '5', '--timeout', '100'], 'perf-consume'],
    [['perf', 'e2e', 'h:9092', 't', '100', 'all', '10'], 'perf-e2e'],
    [['perf', 'e2e', '--bootstrap-server', 'h', '--topic', 't', '--num-records', '1'], 'perf-e2e'],
    [['perf', 'e2e', 't', '-n', '5'], undefined],
    [['perf', 'produce', '--help'], undefined],
  ])('%j -> %s', (argv, want) => expect(dropinName(argv)).toBe(want));

  it('argparse4j: prefixes, nargs +, unrecognized arguments', () => {
    const o = parseArgparse(['--num', '5', '--producer-props', 'a=1', 'b=2', '--topic=t', '--payload-mono'], PRODUCER_PERFORMANCE_OPTIONS);
    expect(Object.fromEntries(o.values)).toEqual({
      'num-records': ['5'],
      'producer-props': ['a=1', 'b=2'],
      topic: ['t'],
      'payload-monotonic': [''],
    });
    expect(() => parseArgparse(['--bogus'], PRODUCER_PERFORMANCE_OPTIONS)).toThrow("unrecognized arguments: '--bogus'");
    expect(() => parseArgparse(['--p', 'x'], PRODUCER_PERFORMANCE_OPTIONS)).toThrow(JoptError);
    expect(() => parseArgparse(['--topic'], PRODUCER_PERFORMANCE_OPTIONS)).toThrow('argument --topic: expected one argument');
  });

  const check = (args: string[]) => () => checkProducerArgs(parseArgparse(args, PRODUCER_PERFORMANCE_OPTIONS));
  const base = ['--topic', 't', '--num-records', '10', '--throughput', '-1'];
  it.each([
    [['--num-records', '1'], 'argument --topic is required'],
    [base, 'one of the arguments --record-size --payload-file --payload-monotonic is required'],
    [[...base, '--record-size', '1', '--payload-monotonic'], 'argument --payload-monotonic: not allowed with argument --record-size'],
    [[...base, '--record-size', '1'], 'At least one of --bootstrap-server'],
    [[...base, '--record-size', '0', '--bootstrap-server', 'h'], '--record-size should be greater than zero.'],
    [[...base, '--record-size', '1', '--bootstrap-server', 'h', '--warmup-records', '10'], 'strictly fewer'],
    [[...base, '--record-size', 'x', '--bootstrap-server', 'h'], "could not convert 'x' to Integer"],
    [[...base, '--record-size', '1', '--producer-props', 'a=b', '--command-property', 'c=d'], 'cannot be specified together'],
  ])('kafka-producer-perf-test.sh %j: %s', (args, message) =>
    expect(check(args)).toThrow(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
  );

  it('kafka-consumer-perf-test.sh checks and defaults', () => {
    const run = consumeRunOf(parseJopt(['--topic', 't', '--messages', '7'], CONSUMER_PERFORMANCE_OPTIONS));
    expect(run).toMatchObject({ topic: 't', numRecords: 7, timeoutMs: 10_000, reportingIntervalMs: 5000, exact: false, fromLatest: false });
    expect(run.group).toMatch(/^perf-consumer-\d+$/);
    expect(() => consumeRunOf(parseJopt(['--topic', 't'], CONSUMER_PERFORMANCE_OPTIONS))).toThrow(UsageExit);
    expect(() => consumeRunOf(parseJopt(['--topic', 't', '--include', 'x', '--num-records', '1'], CONSUMER_PERFORMANCE_OPTIONS))).toThrow(
      'Exactly one of',
    );
    expect(() =>
      consumeRunOf(parseJopt(['--topic', 't', '--num-records', '1', '--reporting-interval', '0'], CONSUMER_PERFORMANCE_OPTIONS)),
    ).toThrow('Reporting interval must be greater than 0.');
  });

  it('kafka-e2e-latency.sh: positional arguments become the named ones; the checks', () => {
    expect(convertLegacyArgs(['h', 't', '10', 'all', '20'])).toEqual({
      args: ['--bootstrap-server', 'h', '--topic', 't', '--num-records', '10', '--producer-acks', 'all', '--record-size', '20'],
      legacy: true,
    });
    expect(() => convertLegacyArgs(['h', 't'])).toThrow('Expected 5 or 6 positional arguments, but got 2');
    const named = ['--bootstrap-server', 'h', '--topic', 't', '--num-records', '3', '--producer-acks', '1', '--record-size', '5'];
    expect(e2eRunOf(parseJopt(named, END_TO_END_LATENCY_OPTIONS))).toMatchObject({ numRecords: 3, acks: 1, recordSize: 5, keySize: 0 });
    const bad = named.map((a) => (a === '1' ? '0' : a));
    expect(() => e2eRunOf(parseJopt(bad, END_TO_END_LATENCY_OPTIONS))).toThrow("Please use '1' or 'all'.");
  });
});

describe('ktool perf arguments -> options', () => {
  it('perf produce: defaults and the Java producer settings', async () => {
    const r = await parseArgs(['perf', 'produce', 't']);
    expect(r.path).toBe('perf produce');
    expect(r.options).toMatchObject({
      run: { topic: 't', numRecords: 1_000_000, payload: { kind: 'size', size: 100 }, throughput: -1, reportingIntervalMs: 5000 },
      printMetrics: false,
    });
  });

  it('perf produce: -X, --throughput, transactions', async () => {
    const r = await parseArgs([
      'perf',
      'produce',
      't',
      '-n',
      '10',
      '-s',
      '5',
      '--throughput',
      '100',
      '-X',
      'acks=1',
      '--transaction-duration-ms',
      '500',
    ]);
    expect(r.options).toMatchObject({
      run: { numRecords: 10, throughput: 100, transactionDurationMs: 500, producer: { settings: { acks: 1 } } },
    });
    expect((r.options as { run: { producer: { settings: { transactionalId: string } } } }).run.producer.settings.transactionalId).toMatch(
      /^performance-producer-/,
    );
  });

  it.each([
    [['perf', 'produce'], 'needs a topic'],
    [['perf', 'produce', 't', '-X', 'send.buffer.bytes=1'], 'producer properties ktool does not use: send.buffer.bytes'],
    [['perf', 'produce', 't', '--payload-monotonic', '-s', '5'], 'give one of'],
    [['perf', 'consume'], 'needs a topic or --include'],
    [['perf', 'e2e', 't', '--acks', '0'], '--acks must be 1 or all'],
  ])('%j: usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('perf consume and e2e', async () => {
    expect((await parseArgs(['perf', 'consume', 't', '-n', '50', '-g', 'g1', '--record-timeout', '300'])).options).toMatchObject({
      run: { topic: 't', numRecords: 50, group: 'g1', timeoutMs: 300, exact: true },
      untilEnd: false,
    });
    expect((await parseArgs(['perf', 'e2e', 't'])).options).toMatchObject({ topic: 't', numRecords: 1000, recordSize: 100, acks: -1 });
  });
});
