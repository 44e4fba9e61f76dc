import { ProtocolError, ResponseError } from '@platformatic/kafka';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, ExitCode } from '../../src/errors.js';
import { errorForKafkaCode, errorForWireCode, kafkaErrorText, toKtoolError } from '../../src/kafka/errors.js';
import { openUserFile, readUserFile, userFileError } from '../../src/util/read-user-file.js';

/** A produce rejection as the client library hands it over: the broker's message inside a ResponseError. */
function rejected(code: number, serverMessage: string) {
  const response = new ResponseError(0, 9, { '/responses/0/partitions/0': [code, serverMessage] }, {});
  return response;
}

const RAW = /RecordError\(|Received response with error|\[object Object\]|\n\s+at /;

describe('Kafka error codes -> typed errors (src/kafka/errors.ts)', () => {
  it('a keyless record for a compacted topic: the cause in words and a hint, not the RecordError list', () => {
    const error = toKtoolError(
      rejected(
        87,
        'One or more records have been rejected due to 1 record errors in total, and only showing the first ' +
          "three errors at most: [RecordError(batchIndex=0, message='Compacted topic cannot accept message " +
          "without key in topic partition orders.v2-0')]",
      ),
      ['b:1'],
      'produce',
    );
    expect(error.exitCode).toBe(ExitCode.operation);
    expect(error.message).toBe('produce: topic orders.v2 is compacted (cleanup.policy=compact) and records need a key (INVALID_RECORD)');
    expect(error.hint).toBe('give a key with -k KEY, or -K SEP to read KEY<SEP>VALUE lines');
  });

  it('other record errors: their messages, without the list around them', () => {
    const text = kafkaErrorText(
      rejected(
        32,
        'One or more records have been rejected due to 2 record errors in total, and only showing the first ' +
          "three errors at most: [RecordError(batchIndex=0, message='Timestamp 1 of message with offset 0 is " +
          "out of range.'), RecordError(batchIndex=1, message='Timestamp 1 of message with offset 0 is out of " +
          "range.')]",
      ),
    );
    expect(text).toBe('Timestamp 1 of message with offset 0 is out of range (INVALID_TIMESTAMP)');
    expect(text).not.toMatch(RAW);
  });

  it('SECURITY_DISABLED is about the cluster: its own sentence, whatever the request', () => {
    const error = toKtoolError(rejected(54, 'No Authorizer is configured.'), ['b:1'], 'create acls');
    expect(error.message).toBe('the cluster has no authorizer configured (SECURITY_DISABLED), so it keeps no ACLs');
    expect(error.hint).toMatch(/authorizer\.class\.name=org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer/);
    expect(error.exitCode).toBe(ExitCode.operation);
  });

  it.each([
    ['UNKNOWN_TOPIC_OR_PARTITION', ExitCode.notFound, /ktool topics list/],
    ['GROUP_ID_NOT_FOUND', ExitCode.notFound, /ktool groups list/],
    ['INVALID_CONFIG', ExitCode.usage, /configs describe/],
    ['INVALID_REPLICATION_FACTOR', ExitCode.usage, /number of brokers/],
    ['TOPIC_ALREADY_EXISTS', ExitCode.operation, /--if-not-exists/],
    ['MESSAGE_TOO_LARGE', ExitCode.operation, /max\.message\.bytes/],
    ['TOPIC_AUTHORIZATION_FAILED', ExitCode.connection, /ACL|acls/],
    ['SASL_AUTHENTICATION_FAILED', ExitCode.connection, /SASL/],
    ['NON_EMPTY_GROUP', ExitCode.operation, /stop its consumers/],
    ['UNKNOWN_SERVER_ERROR', ExitCode.operation, /server\.log/],
  ])('%s: exit %i and a hint', (id, code, hint) => {
    const error = errorForKafkaCode(id, `something: ${id}`);
    expect(error.exitCode).toBe(code);
    expect(error.hint).toMatch(hint);
  });

  it("a caller's hint wins over the table's", () => {
    expect(errorForKafkaCode('TOPIC_ALREADY_EXISTS', 'x', 'mine').hint).toBe('mine');
  });

  it('wire codes go through the same table', () => {
    const error = errorForWireCode(3, 'fetching t:0');
    expect(error.message).toBe('fetching t:0: This server does not host this topic-partition (UNKNOWN_TOPIC_OR_PARTITION)');
    expect(error.exitCode).toBe(ExitCode.notFound);
  });

  it('what the library throws without a Kafka code: its words, never [object Object] or its wrapper text', () => {
    const unsupported = toKtoolError({ code: 'PLT_KFK_UNSUPPORTED_API', message: 'Unsupported API DescribeAcls.' }, ['b:1'], 'list acls');
    expect([unsupported.message, unsupported.hint, unsupported.exitCode, unsupported.kafkaCode]).toEqual([
      'list acls: the broker at b:1 does not support DescribeAcls',
      'ktool cluster api-versions shows what the broker supports; this needs a newer Kafka',
      1,
      'UNSUPPORTED_VERSION',
    ]);
    expect(toKtoolError({ message: 'Unsupported compression codec 9.' }, ['b:1'], 'fetch records').message).toBe(
      'fetch records: Unsupported compression codec 9',
    );
    expect(toKtoolError({ state: 'odd' }, ['b:1'], 'list topics').message).toBe('list topics: {"state":"odd"}');
    const wrapper = toKtoolError(new ResponseError(0, 9, {}, {}), ['b:1'], 'produce');
    expect(wrapper.message).toBe('produce: the broker answered with an error it did not name');
    for (const e of [toKtoolError({ state: 'odd' }, [], 'x'), wrapper]) expect(e.message).not.toMatch(RAW);
    expect(describeError({ code: 7 }, false)).toBe('error: {"code":7}');
  });

  it('a request an older broker lacks: one line naming the Kafka release it needs, exit 1', () => {
    const scram = toKtoolError(
      { code: 'PLT_KFK_UNSUPPORTED_API', message: 'Unsupported API DescribeUserScramCredentials.' },
      ['b:1'],
      'list users',
    );
    expect([scram.message, scram.hint, scram.exitCode, scram.kafkaCode]).toEqual([
      'list users: needs Kafka 3.5+ (SCRAM users on a KRaft cluster); the broker at b:1 does not support DescribeUserScramCredentials',
      'ktool cluster api-versions shows what the broker supports',
      1,
      'UNSUPPORTED_VERSION',
    ]);
    // No usable version (a 3.6 broker's ConsumerGroupHeartbeat), and the broker's own refusal (3.9, preview off).
    const noVersion = { code: 'PLT_KFK_UNSUPPORTED_API', message: 'No usable implementation found for API ConsumerGroupHeartbeat.' };
    const refused = new ResponseError(68, 0, { '': [35, null] }, {});
    for (const error of [noVersion, refused]) {
      const e = toKtoolError(error, ['b:1'], 'read as group g');
      expect([e.message, e.hint, e.exitCode, e.kafkaCode]).toEqual([
        'read as group g: needs Kafka 4.0+ (KIP-848 consumer groups, --group-protocol consumer); ' +
          'the broker at b:1 does not support ConsumerGroupHeartbeat',
        'use --group-protocol classic (the default) with this broker',
        1,
        'UNSUPPORTED_VERSION',
      ]);
    }
  });

  it('an authentication failure names the brokers', () => {
    const error = toKtoolError(
      new ProtocolError('SASL_AUTHENTICATION_FAILED', 'Authentication failed: Invalid username or password'),
      ['b:1'],
      'list topics',
    );
    expect(error.message).toBe(
      'authentication failed at b:1: Authentication failed: Invalid username or password (SASL_AUTHENTICATION_FAILED)',
    );
    expect(error.exitCode).toBe(ExitCode.connection);
  });
});

describe('files named by the user (src/util/read-user-file.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktool-user-file-'));

  it('missing: exit 3 naming the flag and the path', async () => {
    const error = await readUserFile(join(dir, 'nope.properties'), '--command-config').catch(
      (e: unknown) => e as { message: string; exitCode: number; hint: string },
    );
    expect(error).toMatchObject({
      message: `--command-config ${join(dir, 'nope.properties')}: no such file`,
      exitCode: ExitCode.notFound,
      hint: 'check the path',
    });
  });

  it('a relative path: the hint says what it resolved to', () => {
    expect(userFileError({ code: 'ENOENT' }, '--file', 'in.txt').hint).toBe(
      `check the path (relative to ${process.cwd()}: ${join(process.cwd(), 'in.txt')})`,
    );
  });

  it('a directory: exit 1, for reads and for descriptors', async () => {
    await expect(readUserFile(dir, '--from-file')).rejects.toMatchObject({
      message: `--from-file ${dir} is a directory, not a file`,
      exitCode: ExitCode.operation,
    });
    expect(() => openUserFile(dir, '--file')).toThrow(`--file ${dir} is a directory, not a file`);
  });

  // Tests run as root here, where every file is readable: the mapping itself is checked.
  it('not readable: exit 1, permission denied', () => {
    expect(userFileError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), '--ca', '/etc/ca.pem')).toMatchObject({
      message: '--ca /etc/ca.pem: permission denied',
      exitCode: ExitCode.operation,
    });
  });
});
