/**
 * The perf tools' flags of issue 14's last round: --payload-file split as ProducerPerformance's
 * java.util.Scanner splits it (the expected tokens are Java 21's, run on these inputs), the
 * --print-metrics layout (ToolsUtils.printMetrics), --fetch-size, and EndToEndLatency's keys and
 * headers (--record-key-size, --num-headers, --record-header-key-size, --record-header-size).
 */
import { describe, expect, it } from 'vitest';
import { consumeRunOf, CONSUMER_PERFORMANCE_OPTIONS } from '../../src/dropin/perf-consume.js';
import { e2eRunOf, END_TO_END_LATENCY_OPTIONS } from '../../src/dropin/perf-e2e.js';
import { parseJopt } from '../../src/dropin/jopt.js';
import { UsageExit } from '../../src/dropin/script.js';
import { e2ePerf, type E2ePlan } from '../../src/perf/e2e-engine.js';
import { consumerMetrics, metricsTable, producerMetrics } from '../../src/perf/metrics-table.js';
import { openPayloads, PayloadFileError, splitPayloads } from '../../src/perf/payload.js';
import type { ConsumedRecord, PartitionReader } from '../../src/kafka/consumer-types.js';
import type { ProduceRecord } from '../../src/kafka/producer-types.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('--payload-file pieces: java.util.Scanner.useDelimiter', () => {
  // Each row: new Scanner(path, UTF_8).useDelimiter(d), hasNext()/next() until done, in Java 21.
  it.each([
    ['a;;b;;;', ';', ['a', '', 'b', '', '']],
    [';;;', ';', ['', '']],
    [';', ';', []],
    [';;', ';', ['']],
    ['\nx\n\ny', '\n', ['x', '', 'y']],
    ['a;b', ';', ['a', 'b']],
    [';a', ';', ['a']],
    ['a', ';', ['a']],
    ['a;', ';', ['a']],
    [';;a;', ';', ['', 'a']],
    ['ab;;;;cd', ';', ['ab', '', '', '', 'cd']],
    ['a;;b,c;', ';+', ['a', 'b,c']],
    ['a;;b,c;', '[;,]', ['a', '', 'b', 'c']],
    ['a;;b,c;', '(;)', ['a', '', 'b,c']],
    ['a;;b,c;', '', ['a', ';', ';', 'b', ',', 'c', ';']],
    ['a;;b,c;', 'x*', ['a', ';', ';', 'b', ',', 'c', ';']],
    ['a\nb\n\nc\n', '\n', ['a', 'b', '', 'c']],
    ['x1y22z', '\\d+', ['x', 'y', 'z']],
    ['é|ü', '\\|', ['é', 'ü']],
  ])('%j split at /%s/', (text, delimiter, tokens) => {
    expect(splitPayloads(text, delimiter)).toEqual(tokens);
  });

  it('an invalid delimiter is a payload error, not a crash', () => {
    expect(() => splitPayloads('a', '(')).toThrow(PayloadFileError);
  });

  it('the lines printed, and a missing or empty file refused after its path line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktool-payloads-'));
    writeFileSync(join(dir, 'p'), 'hi;ho;');
    writeFileSync(join(dir, 'empty'), '');
    writeFileSync(join(dir, 'delims'), ';;');
    const p = await openPayloads({ kind: 'file', path: join(dir, 'p'), delimiter: ';' }, () => 0.99);
    expect(p.notes).toEqual([`Reading payloads from: ${join(dir, 'p')}`, 'Number of records read: 2']);
    expect(p.next(0).buf.toString()).toBe('ho');
    for (const name of ['empty', 'missing']) {
      const error = await openPayloads({ kind: 'file', path: join(dir, name), delimiter: ';' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PayloadFileError);
      expect((error as PayloadFileError).message).toBe('File does not exist or empty file provided.');
      expect((error as PayloadFileError).notes).toEqual([`Reading payloads from: ${join(dir, name)}`]);
    }
    const none = await openPayloads({ kind: 'file', path: join(dir, 'delims'), delimiter: ';+' }).catch((e: unknown) => e);
    expect((none as PayloadFileError).notes.at(-1)).toBe('Number of records read: 0');
  });
});

describe('--print-metrics: ToolsUtils.printMetrics layout', () => {
  it('a blank line, the header, names padded to the longest, sorted, doubles as %.3f', () => {
    const text = metricsTable([
      { group: 'g', name: 'zz', tags: { 'client-id': 'c' }, value: 2 },
      { group: 'g', name: 'a-longer-name', tags: { 'client-id': 'c', topic: 't' }, value: 0.0005 },
      { group: 'app-info', name: 'version', tags: {}, value: '4.3.1' },
    ]);
    expect(text).toBe(
      [
        '',
        'Metric Name                              Value',
        'app-info:version:{}                    : 4.3.1',
        'g:a-longer-name:{client-id=c, topic=t} : 0.001',
        'g:zz:{client-id=c}                     : 2.000',
        '',
      ].join('\n'),
    );
    expect(metricsTable([])).toBe('');
  });

  it("the producer's and the consumer's figures", () => {
    const total = { records: 10, bytes: 1000, elapsedMs: 2000, recordsPerSec: 5, mbPerSec: 0, avgLatencyMs: 1 };
    const row = { ...total, maxLatencyMs: 2, p50Ms: 1, p95Ms: 2, p99Ms: 2, p999Ms: 2 };
    expect(producerMetrics('ktool', row, 1).map((m) => [m.name, m.value])).toEqual([
      ['record-send-total', 10],
      ['record-send-rate', 5],
      ['record-error-total', 1],
    ]);
    const outcome = { startMs: 0, endMs: 4000, joinMs: 30, records: 8, bytes: 400, timedOut: false, interrupted: false };
    expect(Object.fromEntries(consumerMetrics('ktool', outcome).map((m) => [m.name, m.value]))).toEqual({
      'records-consumed-total': 8,
      'records-consumed-rate': 2,
      'bytes-consumed-total': 400,
      'bytes-consumed-rate': 100,
      'join-time-max': 30,
    });
  });
});

describe('kafka-consumer-perf-test.sh --fetch-size', () => {
  const run = (...args: string[]) => consumeRunOf(parseJopt(['--topic', 't', '--num-records', '1', ...args], CONSUMER_PERFORMANCE_OPTIONS));
  it.each([
    [[], undefined],
    [['--fetch-size', '100'], 100],
    [['--fetch-size', '0'], 0],
    [['--fetch-size', '5242880'], 5242880],
    // Refused by run() once the header is out, as the Java consumer's config check (the harness compares it).
    [['--fetch-size', '-1'], -1],
  ])('%j -> bytes per partition %s', (args, bytes) => {
    expect(run(...args).partitionMaxBytes).toBe(bytes);
  });
  it('--fetch-size x refused (exit 1)', () => {
    expect(() => run('--fetch-size', 'x')).toThrow(UsageExit);
  });
});

describe("kafka-e2e-latency.sh's keys and headers", () => {
  const named = ['--bootstrap-server', 'h:1', '--topic', 't', '--num-records', '2', '--producer-acks', '1', '--record-size', '2'];
  const planOf = (...args: string[]) => e2eRunOf(parseJopt([...named, ...args], END_TO_END_LATENCY_OPTIONS));

  /** The records e2ePerf sends, each read straight back. */
  async function sent(plan: Omit<E2ePlan, 'partition'>): Promise<ProduceRecord[]> {
    const records: ProduceRecord[] = [];
    const waiting: ConsumedRecord[] = [];
    const reader: PartitionReader = {
      next: async () => waiting.splice(0),
      close: async () => {},
    };
    const send = async (r: ProduceRecord) => {
      records.push(r);
      waiting.push({
        topic: r.topic,
        partition: 0,
        offset: 0,
        timestamp: 0,
        timestampType: 'CreateTime',
        key: r.key ?? null,
        value: r.value ?? null,
        headers: r.headers ?? [],
      } as ConsumedRecord);
    };
    await e2ePerf(send, reader, { ...plan, partition: 0 }, () => {}, new AbortController().signal);
    return records;
  }

  const show = (r: ProduceRecord) => ({
    key: r.key === null || r.key === undefined ? null : r.key.toString(),
    value: r.value?.toString(),
    headers: (r.headers as [Buffer, Buffer | null][]).map(([k, v]) => [k.toString(), v === null ? null : v.toString()]),
  });

  // The letters: java.util.Random(0).nextInt(26) + 'A' (S S X V N J H P ...) in the order EndToEndLatency draws them: key
  // (an empty one too), value, each header's key then value. The last row is what kafka-e2e-latency.sh 4.3.1 wrote (kcat -J).
  it.each([
    [
      [],
      [
        { key: '', value: 'SS', headers: [] },
        { key: '', value: 'VV', headers: [] },
      ],
    ],
    [
      ['--record-key-size', '3', '--num-headers', '1', '--record-header-key-size', '1', '--record-header-size', '2'],
      [
        { key: 'SSS', value: 'SS', headers: [['X', 'VV']] },
        { key: 'NNN', value: 'JJ', headers: [['H', 'PP']] },
      ],
    ],
    [
      ['--num-headers', '2', '--record-header-key-size', '3', '--record-header-size', '-1'],
      [
        {
          key: '',
          value: 'SS',
          headers: [
            ['XXX', null],
            ['VVV', null],
          ],
        },
        {
          key: '',
          value: 'JJ',
          headers: [
            ['HHH', null],
            ['PPP', null],
          ],
        },
      ],
    ],
  ])('%j', async (args, records) => {
    expect((await sent(planOf(...args))).map(show)).toEqual(records);
  });

  it.each([
    ['--record-key-size', '-1'],
    ['--num-headers', '-1'],
    ['--record-header-key-size', '-1'],
    ['--record-header-size', '-2'],
    ['--num-headers', 'x'],
  ])('%s %s refused', (flag, value) => {
    expect(() => planOf(flag, value)).toThrow(UsageExit);
  });
});
