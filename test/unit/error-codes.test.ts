import { ProtocolError, UnsupportedApiError } from '@platformatic/kafka';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionError, ExitCode, NotFoundError, OperationError, UsageError } from '../../src/errors.js';
import { errorForKafkaCode } from '../../src/kafka/code-errors.js';
import { errorForWireCode, isUnsupported, toKtoolError } from '../../src/kafka/errors.js';
import { isDenied } from '../../src/kafka/denied.js';
import { Transactions } from '../../src/kafka/transactions.js';
import type { RecordsApi } from '../../src/kafka/records-types.js';
import { fetchWithMaven } from '../../src/local/maven.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

/** Callers test `kafkaCode`, never the words of a message: every error a Kafka code caused keeps it. */
describe('the Kafka error code rides on the typed error (kafkaCode)', () => {
  it.each([
    ['INVALID_CONFIG', UsageError],
    ['UNKNOWN_TOPIC_OR_PARTITION', NotFoundError],
    ['REQUEST_TIMED_OUT', ConnectionError],
    ['NON_EMPTY_GROUP', OperationError],
    ['SOME_CODE_NOT_IN_THE_TABLE', OperationError],
  ])('errorForKafkaCode(%s): its own class, its code kept', (id, type) => {
    const error = errorForKafkaCode(id, `doing it: ${id}`);
    expect(error).toBeInstanceOf(type);
    expect(error.kafkaCode).toBe(id);
  });

  it('a refusal keeps its code and is recognised by it (isDenied), whatever the words', () => {
    const error = errorForKafkaCode('GROUP_AUTHORIZATION_FAILED', 'anything');
    expect([error.kafkaCode, error.exitCode, isDenied(error)]).toEqual(['GROUP_AUTHORIZATION_FAILED', ExitCode.connection, true]);
    expect(isDenied(new OperationError('GROUP_AUTHORIZATION_FAILED in the words only'))).toBe(false);
  });

  it('from a numeric wire code and from a library ProtocolError alike', () => {
    expect(errorForWireCode(36, 'create topics').kafkaCode).toBe('TOPIC_ALREADY_EXISTS');
    expect(toKtoolError(new ProtocolError('NOT_COORDINATOR'), ['b:1'], 'commit').kafkaCode).toBe('NOT_COORDINATOR');
  });

  it('a SASL failure answered by the broker keeps its code too (exit 4)', () => {
    const error = toKtoolError(
      new ProtocolError('SASL_AUTHENTICATION_FAILED', 'Authentication failed: Invalid username or password'),
      ['b:1'],
      'connect',
    );
    expect([error.exitCode, error.kafkaCode]).toEqual([ExitCode.connection, 'SASL_AUTHENTICATION_FAILED']);
  });

  it('a fenced transactional producer keeps its code', () => {
    const settings = { transactionalId: 'load', timeoutMs: 60_000, retryBackoffMs: 100, brokers: ['b:1'] };
    const txn = new Transactions({} as ConstructorParameters<typeof Transactions>[0], settings);
    expect(txn.explain(new ProtocolError('PRODUCER_FENCED'))?.kafkaCode).toBe('PRODUCER_FENCED');
  });

  it('errors without a Kafka code have none (a local failure, a lost connection)', () => {
    expect(new UsageError('bad flag').kafkaCode).toBeUndefined();
    expect(
      toKtoolError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), ['b:1'], 'list').kafkaCode,
    ).toBeUndefined();
  });

  it("isUnsupported: by the library code or Kafka's UNSUPPORTED_VERSION, not by the words", () => {
    expect(isUnsupported(new UnsupportedApiError('Unsupported API ConsumerGroupDescribe.'))).toBe(true);
    expect(isUnsupported(new ProtocolError('UNSUPPORTED_VERSION'))).toBe(true);
    expect(isUnsupported(new Error('unsupported'))).toBe(false);
    expect(isUnsupported(new ProtocolError('NOT_COORDINATOR'))).toBe(false);
  });

  it(
    "delete-records: the partitions' codes reach the error (a refusal exit 4 with the ACL, a missing " +
      'partition exit 3, each with the hint of its code)',
    async () => {
      const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
      const answer = (errorCode: string): Partial<RecordsApi> => ({
        deleteRecords: async (cuts) => cuts.map((c) => ({ topic: c.topic, partition: c.partition, errorCode, error: 'refused' })),
      });
      const cases = [
        ['TOPIC_AUTHORIZATION_FAILED', ExitCode.connection, /hint: ktool acls create .*--operation Delete --topic orders/],
        ['UNKNOWN_TOPIC_OR_PARTITION', ExitCode.notFound, /hint: ktool topics list shows the topics/],
        ['OFFSET_OUT_OF_RANGE', ExitCode.usage, /\(OFFSET_OUT_OF_RANGE\)\n$/],
        ['KAFKA_STORAGE_ERROR', ExitCode.operation, /hint: a broker cannot use a log directory/],
      ] as const;
      for (const [code, exit, stderr] of cases) {
        const deps = { kafkaFactory: fakeKafka([topic('orders', 1)], {}, { records: answer(code) as RecordsApi }) };
        const r = await runCli(['delete-records', 'orders:0', '--before', '20', '--yes'], { deps, env });
        expect([code, r.code]).toEqual([code, exit]);
        expect(r.stderr).toContain(`(${code})`);
        expect(r.stderr).toMatch(stderr);
      }
    },
  );

  it('a missing mvn is a NotFoundError, told apart by its type (it used to be matched by "not found$")', async () => {
    const dest = join(mkdtempSync(join(tmpdir(), 'ktool-mvn-test-')), 'libs');
    const error = await fetchWithMaven({ mvn: '/nonexistent/mvn', version: '4.3.1', dest }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('/nonexistent/mvn not found');
  });
});
