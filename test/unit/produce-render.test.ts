import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, OperationError } from '../../src/errors.js';
import type { ProducerSettings } from '../../src/kafka/producer-types.js';
import { runCli, type CliRunOptions } from '../helpers/cli.js';
import { fakeKafka } from '../helpers/fake-kafka.js';
import { pollUntil } from '../helpers/poll.js';
import { fakeProducer, type FakeProducerOptions } from '../helpers/fake-producer.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };

/** Runs `ktool produce ...` against a fake producer over `orders` (1 partition) and `payments` (3). */
async function produce(
  args: string[],
  stdin: CliRunOptions['stdin'],
  options: FakeProducerOptions & Omit<CliRunOptions, 'stdin' | 'deps'> = {},
) {
  const producer = fakeProducer({ orders: 1, payments: 3 }, options);
  let settings: ProducerSettings | undefined;
  const deps = {
    kafkaFactory: fakeKafka(
      [],
      {},
      {
        producer: async (s: ProducerSettings) => {
          settings = s;
          return producer;
        },
      },
    ),
  };
  const r = await runCli(['produce', ...args], { ...options, env: { ...env, ...options.env }, stdin, deps });
  return { ...r, producer, settings };
}

// The summary's duration and rate come from performance.now(): frozen here, so that stderr is exact
// (0.00s, 0 records/s); summaryLine's own formatting is tested below with real figures.
beforeEach(() => void vi.spyOn(performance, 'now').mockReturnValue(5000));
afterEach(() => void vi.restoreAllMocks());

describe('produce: output off a TTY', () => {
  it('nothing on stdout, one summary line on stderr, exit 0; the records reach the producer', async () => {
    const r = await produce(['orders'], 'a\nbb\nccc\n');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '3 records sent to topic orders, 0 failed (6 B in 0.00s, 0 records/s)\n']);
    expect(r.producer.records.map((x) => [x.partition, x.key, x.value])).toEqual([
      [0, null, 'a'],
      [0, null, 'bb'],
      [0, null, 'ccc'],
    ]);
    expect(r.producer.calls).toEqual(['close']);
  });

  it('keyed lines go by key hash as the Java client; headers and the key parsed from each line', async () => {
    const r = await produce(['payments', '-K', ':', '-H', 'src=cli'], 'user-1:a\nuser-2:b\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^2 records sent to topic payments, 0 failed \(\d+ B in 0\.00s, 0 records\/s\)\n$/);
    // murmur2 as Java (javaPartition): both keys land on partition 2 of 3.
    expect(r.producer.records).toEqual([
      { topic: 'payments', partition: 2, key: 'user-1', value: 'a', headers: [['src', 'cli']] },
      { topic: 'payments', partition: 2, key: 'user-2', value: 'b', headers: [['src', 'cli']] },
    ]);
  });

  it('one record: "record", singular', async () => {
    const r = await produce(['orders'], 'only\n');
    expect(r.stderr).toBe('1 record sent to topic orders, 0 failed (4 B in 0.00s, 0 records/s)\n');
  });

  it('-q: nothing at all when everything went', async () => {
    const r = await produce(['orders', '-q'], 'a\n');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('on a TTY: a hint that it reads the terminal, then the same uncoloured line', async () => {
    const r = await produce(['orders'], 'a\n', { tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'reading records from the terminal, one per line; Ctrl-D to finish\n' +
        '1 record sent to topic orders, 0 failed (1 B in 0.00s, 0 records/s)\n',
    );
  });
});

describe('produce: on a TTY with colour', () => {
  it("a warning's label is yellow; the summary line stays plain", async () => {
    const r = await produce(['orders', '-K', ':', '--on-error', 'skip'], 'bad\nk:a\n', {
      tty: true,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'reading records from the terminal, one per line; Ctrl-D to finish\n' +
        '\u001b[33mwarning:\u001b[39m line 1: no key separator ":" found (skipped)\n' +
        '1 record sent to topic orders, 0 failed, 1 skipped (18 B in 0.00s, 0 records/s)\n',
    );
  });
});

describe('produce: --json and --format yaml', () => {
  const summary = { topics: ['orders'], sent: 2, failed: 0, skipped: 0, bytes: 2, durationMs: 0, recordsPerSecond: 0, interrupted: false };

  it('--json: the summary is the JSON on stdout, nothing on stderr (with or without -q)', async () => {
    for (const extra of [[], ['-q']]) {
      const r = await produce(['orders', '--json', ...extra], 'a\nb\n');
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    }
  });

  it('--format yaml', async () => {
    const r = await produce(['orders', '--format', 'yaml'], 'a\nb\n');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      'topics:\n  - orders\nsent: 2\nfailed: 0\nskipped: 0\nbytes: 2\ndurationMs: 0\nrecordsPerSecond: 0\ninterrupted: false\n',
    );
  });

  it('--input json without TOPIC: every topic written, in order', async () => {
    const input = '{"topic":"payments","partition":2,"key":"k","value":"v"}\n{"topic":"orders","value":"w"}\n';
    const r = await produce(['--input', 'json', '--json'], input);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ topics: ['payments', 'orders'], sent: 2, failed: 0 });
    expect(r.producer.records).toEqual([
      { topic: 'payments', partition: 2, key: 'k', value: 'v' },
      { topic: 'orders', partition: 0, key: null, value: 'w' },
    ]);
  });

  it('a failed run: the JSON still on stdout (with its error), the error on stderr', async () => {
    const r = await produce(['orders', '--input', 'json', '--json'], '{"value":"a"}\nnot json\n{"value":"c"}\n');
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ sent: 1, failed: 0, skipped: 0, interrupted: false });
    expect(data.error).toMatch(/^line 2: invalid JSON: /);
    expect(r.stderr).toMatch(
      /^error: line 2: invalid JSON: .*\nhint: nothing from that line on was sent; --on-error skip skips bad lines\n$/,
    );
  });
});

describe('produce: exit codes', () => {
  it('usage errors exit 2 before anything is read', async () => {
    for (const [args, message] of [
      [
        [],
        'error: produce needs a topic: ktool produce TOPIC (or --topic TOPIC)\n' +
          "hint: only --input json can take each record's topic from the input\n",
      ],
      [
        ['orders', '-p', 'x'],
        'error: -p/--partition takes a partition number, got "x"\nhint: kcat\'s -P is this command itself: ktool produce TOPIC\n',
      ],
      [['orders', '--input', 'xml'], 'error: --input: unknown value "xml"\nhint: use one of line, whole, json\n'],
      [
        ['orders', '-X', 'max.in.flight.requests.per.connection=6', '--transactional-id', 't'],
        'error: -X max.in.flight.requests.per.connection=6: at most 5 with idempotence\n' +
          'hint: use 1-5, or -X enable.idempotence=false (retries may then reorder records)\n',
      ],
      [['orders', '-p', '1'], 'error: --partition 1 is out of range: topic orders has 1 partition (0-0)\n'],
    ] as const) {
      const r = await produce([...args], 'a\n');
      expect([args, r.code, r.stdout, r.stderr]).toEqual([args, 2, '', message]);
    }
  });

  it('a topic that does not exist: exit 3, no summary', async () => {
    const r = await produce(['nope'], 'a\n');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      3,
      '',
      'error: topic nope does not exist\nhint: create it first: ktool topics create nope (produce never creates topics)\n',
    ]);
  });

  it('an unreachable cluster before the first record: exit 4, the error only', async () => {
    const r = await produce(['--input', 'json'], '{"topic":"orders","value":"a"}\n', {
      failMetadata: () => new ConnectionError('cannot connect to fake:9092'),
    });
    expect([r.code, r.stdout, r.stderr]).toEqual([4, '', 'error: cannot connect to fake:9092\n']);
  });

  it('a bad line stops the run (exit 1): what came before it is sent and summed up', async () => {
    const r = await produce(['orders', '-K', ':'], 'k:a\nno separator\nk:c\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '1 record sent to topic orders, 0 failed (18 B in 0.00s, 0 records/s)\n' +
        'error: line 2: no key separator ":" found\n' +
        'hint: nothing from that line on was sent; --on-error skip skips bad lines\n',
    );
    expect(r.producer.records.map((x) => x.value)).toEqual(['a']);
  });

  it('--on-error skip: a warning per bad line, the skipped count in the summary, exit 0', async () => {
    const r = await produce(['orders', '-K', ':', '--on-error', 'skip'], 'k:a\nbad\nk:c\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: line 2: no key separator ":" found (skipped)\n' +
        '2 records sent to topic orders, 0 failed, 1 skipped (36 B in 0.00s, 0 records/s)\n',
    );
  });

  it('-q still prints the summary when something was skipped', async () => {
    const r = await produce(['orders', '-K', ':', '--on-error', 'skip', '-q'], 'bad\nk:a\n');
    expect(r.stderr).toBe(
      'warning: line 1: no key separator ":" found (skipped)\n' +
        '1 record sent to topic orders, 0 failed, 1 skipped (18 B in 0.00s, 0 records/s)\n',
    );
  });

  it('a request refused after others went: exit 5 (partial), the refused and unsent records failed', async () => {
    const r = await produce(['orders', '--batch-size', '1', '--linger-ms', '0'], 'a\nb\nc\nd\n', {
      failSend: (n) => (n === 2 ? new OperationError('the broker refused it') : undefined),
    });
    // The input is read in one go: all four requests are in flight when the second is refused.
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(
      '3 records sent to topic orders, 1 failed (3 B in 0.00s, 0 records/s)\nerror: 1 of 4 records failed: the broker refused it\n',
    );
    expect(r.producer.records.map((x) => x.value)).toEqual(['a', 'c', 'd']);
  });

  it('one request in flight: nothing is sent after the refused one, what was read counts as failed', async () => {
    const r = await produce(['orders', '--batch-size', '1', '-X', 'max.in.flight.requests.per.connection=1'], 'a\nb\nc\nd\n', {
      failSend: (n) => (n === 2 ? new OperationError('the broker refused it') : undefined),
    });
    expect(r.code).toBe(5);
    // b refused, c read but not sent (failed), d never read.
    expect(r.stderr).toBe(
      '1 record sent to topic orders, 2 failed (1 B in 0.00s, 0 records/s)\nerror: 2 of 3 records failed: the broker refused it\n',
    );
    expect(r.producer.sends).toEqual([1, 1]);
    expect(r.producer.records.map((x) => x.value)).toEqual(['a']);
  });

  it('every request refused: the operation error itself (exit 1), nothing sent', async () => {
    const r = await produce(['orders'], 'a\nb\n', { failSend: () => new OperationError('the broker refused it') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('0 records sent to topic orders, 2 failed (0 B in 0.00s, 0 records/s)\nerror: the broker refused it\n');
    expect(r.producer.records).toEqual([]);
  });
});

describe('produce: Ctrl-C', () => {
  it('what was acknowledged counts as sent; "; interrupted" and exit 130', async () => {
    const stdin = new PassThrough();
    const stop = new AbortController();
    stdin.write('a\nb\n');
    const producer = fakeProducer({ orders: 1 });
    const deps = { kafkaFactory: fakeKafka([], {}, { producer }) };
    const running = runCli(['produce', 'orders'], { env, stdin, deps, signal: stop.signal });
    await pollUntil(() => producer.records.length === 2, { timeoutMs: 5000, intervalMs: 5, what: 'two records acknowledged' });
    stop.abort();
    const r = await running;
    expect([r.code, r.stdout, r.stderr]).toEqual([
      130,
      '',
      '2 records sent to topic orders, 0 failed (2 B in 0.00s, 0 records/s); interrupted\nerror: interrupted: 2 sent, 0 failed\n',
    ]);
  });
});

describe('produce --transactional-id', () => {
  it('commits when everything went: "; transaction committed"', async () => {
    const r = await produce(['orders', '--transactional-id', 'load'], 'a\nb\n');
    expect([r.code, r.stderr]).toEqual([
      0,
      '2 records sent to topic orders, 0 failed (2 B in 0.00s, 0 records/s); transaction committed\n',
    ]);
    expect(r.producer.calls).toEqual(['begin', 'commit', 'close']);
    expect(r.settings).toMatchObject({ transactionalId: 'load', idempotent: true, acks: -1 });
  });

  it('aborts on a bad line: nothing counts as sent', async () => {
    const r = await produce(['orders', '--transactional-id', 'load', '-K', ':'], 'k:a\nbad\n');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('0 records sent to topic orders, 1 failed (18 B in 0.00s, 0 records/s); transaction aborted');
    expect(r.producer.calls).toEqual(['begin', 'abort', 'close']);
  });

  it('a commit that fails: aborted, its error (exit 1)', async () => {
    const r = await produce(['orders', '--transactional-id', 'load'], 'a\n', {
      failCommit: new OperationError('cannot commit the transaction: PRODUCER_FENCED'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '0 records sent to topic orders, 1 failed (1 B in 0.00s, 0 records/s); transaction aborted\n' +
        'error: cannot commit the transaction: PRODUCER_FENCED\n',
    );
  });
});

describe('summaryLine', () => {
  it('sizes, thousands, skipped, transaction, interrupted', async () => {
    const { summaryLine } = await import('../../src/commands/produce/summary.js');
    const base = {
      topics: ['orders'],
      sent: 1234567,
      failed: 0,
      skipped: 0,
      bytes: 123_456_789,
      durationMs: 1460,
      recordsPerSecond: 845593.8,
      interrupted: false,
    };
    expect(summaryLine(base)).toBe('1234567 records sent to topic orders, 0 failed (117.7 MiB in 1.46s, 845,594 records/s)');
    expect(
      summaryLine({ ...base, topics: ['a', 'b'], sent: 0, failed: 3, skipped: 2, bytes: 1023, transaction: 'aborted', interrupted: true }),
    ).toBe('0 records sent to 2 topics, 3 failed, 2 skipped (1023 B in 1.46s, 845,594 records/s); transaction aborted; interrupted');
    expect(summaryLine({ ...base, topics: [], bytes: 2048 })).toContain('to no topic, 0 failed (2.0 KiB');
    expect(summaryLine({ ...base, bytes: 5 * 1024 ** 3 })).toContain('(5.00 GiB');
  });
});
