import { describe, expect, it } from 'vitest';
import { parse } from '../../src/commands/produce/produce.js';
import { UsageError } from '../../src/errors.js';

type Flags = Parameters<typeof parse>[1];

describe('produce: arguments -> options', () => {
  it.each<[string, string[], Flags, Record<string, unknown>]>([
    [
      'defaults',
      ['t'],
      {},
      {
        topic: 't',
        input: 'line',
        files: [],
        batchBytes: 1_000_000,
        lingerMs: 5,
        maxInFlightSends: 5,
        onError: 'fail',
        quiet: false,
        producer: { acks: -1, idempotent: true, compression: 'none' },
      },
    ],
    ["-p 2, and -P (consume's spelling) the same", ['t'], { partitions: '2' }, { partition: 2 }],
    [
      '-X max.in.flight 6 turns implicit idempotence off (as Java)',
      ['t'],
      { producerProperty: ['max.in.flight.requests.per.connection=6'] },
      { maxInFlightSends: 6, producer: { acks: -1, idempotent: false, compression: 'none', maxInFlight: 6 } },
    ],
    ['--no-idempotence', ['t'], { idempotence: false }, { producer: { acks: -1, idempotent: false, compression: 'none' } }],
    ['--acks 1: no idempotence', ['t'], { acks: '1' }, { producer: { acks: 1, idempotent: false, compression: 'none' } }],
    [
      '--transactional-id with -X transaction.timeout.ms',
      ['t'],
      { transactionalId: 'x', producerProperty: ['transaction.timeout.ms=5000'] },
      { producer: { acks: -1, idempotent: true, compression: 'none', transactionalId: 'x', transactionTimeoutMs: 5000 } },
    ],
    [
      'flags over -X: --compression, --batch-size, --linger-ms',
      ['t'],
      { compression: 'ZSTD', batchSize: '64KB', lingerMs: '0', producerProperty: ['compression.type=gzip', 'batch.size=1', 'linger.ms=9'] },
      { batchBytes: 65_536, lingerMs: 0, producer: { acks: -1, idempotent: true, compression: 'zstd' } },
    ],
    ['--input json without a topic', [], { input: 'JSON' }, { input: 'json', keepPartitions: false }],
    [
      '--rate 2k/s, --on-error skip, -q, -f twice',
      ['t'],
      { rate: '2k/s', onError: 'skip', quiet: true, file: ['a', 'b'] },
      { rate: 2000, onError: 'skip', quiet: true, files: ['a', 'b'] },
    ],
  ])('%s', (_, args, flags, expected) => {
    expect(parse(args, flags)).toMatchObject(expected);
  });

  it.each<[string[], Flags, string]>([
    [['t'], { partition: '1', partitions: '2' }, 'give -p/--partition once'],
    [['t'], { partition: '1,2' }, '-p/--partition takes one partition, got "1,2"'],
    [
      ['t'],
      { producerProperty: ['max.in.flight.requests.per.connection=6', 'enable.idempotence=true'] },
      '-X max.in.flight.requests.per.connection=6: at most 5 with idempotence',
    ],
    [['t'], { producerProperty: ['transaction.timeout.ms=5000'] }, '-X transaction.timeout.ms applies only with --transactional-id'],
    [['t'], { transactionalId: 'x', acks: '1' }, 'transactions need --acks all'],
    [
      ['t'],
      { transactionalId: 'x', idempotence: false },
      'transactions need idempotence (drop --no-idempotence / enable.idempotence=false)',
    ],
    [['t'], { input: 'whole', keySeparator: ':' }, '--input whole does not parse keys or headers from lines'],
    [
      ['t'],
      { key: 'k', keySeparator: ':' },
      '-k/--key (one key for all records) and a key per line (-K / parse.key=true) exclude each other',
    ],
    [['t'], { key: 'zz', keyEncoding: 'hex' }, '-k/--key: '],
    [['t', 'u'], {}, 'produce takes one topic, got 2: t u'],
    [['..'], {}, 'invalid topic name ".."'],
    // The order of the checks is the order of the command line's pieces: a bad --rate is named before -X transaction.timeout.ms.
    [['t'], { rate: 'fast', producerProperty: ['transaction.timeout.ms=5000'] }, '--rate: expected N/s'],
  ])('%j %j: usage error', (args, flags, message) => {
    const error = (() => {
      try {
        parse(args, flags);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });
});
