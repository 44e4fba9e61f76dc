import { ResponseError } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../src/config/connection.js';
import { ExitCode, KtoolError } from '../../src/errors.js';
import { attribute, DeniedError, deniedError, isDenied, principalOf } from '../../src/kafka/denied.js';
import { errorForKafkaCode, refusedNames, toKtoolError } from '../../src/kafka/errors.js';
import { closest, didYouMean } from '../../src/util/suggest.js';

const settings = (extra: Partial<ConnectionSettings>): ConnectionSettings =>
  ({
    bootstrap: ['b:1'],
    clientId: 'ktool',
    timeoutMs: 1000,
    sources: { bootstrap: 'flag', timeout: 'default', security: 'default', profile: 'none' },
    ...extra,
  }) as ConnectionSettings;

describe('the principal a refusal names', () => {
  it('SASL PLAIN and SCRAM: User:<username>; a certificate, OAUTHBEARER: unknown to the client; nothing: User:ANONYMOUS', () => {
    expect(principalOf(settings({ sasl: { mechanism: 'PLAIN', username: 'alice', password: { value: 'alice-secret' } } }))).toBe(
      'User:alice',
    );
    expect(principalOf(settings({ sasl: { mechanism: 'SCRAM-SHA-512', username: 'bob' } }))).toBe('User:bob');
    expect(principalOf(settings({ sasl: { mechanism: 'OAUTHBEARER', token: { value: 't' } } }))).toBeNull();
    expect(principalOf(settings({ tls: { ca: 'ca.pem', cert: 'c.pem', key: 'k.pem' } }))).toBeNull();
    expect(principalOf(settings({ tls: { ca: 'ca.pem' } }))).toBe('User:ANONYMOUS');
    expect(principalOf(settings({}))).toBe('User:ANONYMOUS');
  });
});

describe('DeniedError: who, what, which, and the ACL that would allow it', () => {
  it('one topic', () => {
    const e = deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', operation: 'Read', names: ['secret'], principal: 'User:alice' });
    expect(e.message).toBe('User:alice is not allowed to READ topic secret (TOPIC_AUTHORIZATION_FAILED)');
    expect(e.hint).toBe('ktool acls create --allow-principal User:alice --operation Read --topic secret');
    expect(e.exitCode).toBe(ExitCode.connection);
    expect(e.kafkaCode).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(isDenied(e)).toBe(true);
  });

  it('several names, groups, the cluster, transactional ids, shell quoting', () => {
    expect(deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', operation: 'Create', names: ['a', 'b'], principal: 'User:x' }).hint).toBe(
      'ktool acls create --allow-principal User:x --operation Create --topic a --topic b',
    );
    expect(
      deniedError({ kafkaCode: 'GROUP_AUTHORIZATION_FAILED', operation: 'Describe', names: ['billing'], principal: 'User:x' }).message,
    ).toBe('User:x is not allowed to DESCRIBE consumer group billing (GROUP_AUTHORIZATION_FAILED)');
    const cluster = deniedError({ kafkaCode: 'CLUSTER_AUTHORIZATION_FAILED', operation: 'DescribeConfigs', principal: 'User:x' });
    expect([cluster.message, cluster.hint]).toEqual([
      'User:x is not allowed to DESCRIBE_CONFIGS the cluster (CLUSTER_AUTHORIZATION_FAILED)',
      'ktool acls create --allow-principal User:x --operation DescribeConfigs --cluster',
    ]);
    expect(
      deniedError({ kafkaCode: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED', operation: 'Write', names: ['load 42'], principal: 'User:x' }).hint,
    ).toBe("ktool acls create --allow-principal User:x --operation Write --transactional-id 'load 42'");
  });

  it('with a client certificate the principal is unknown: "this client" and a PRINCIPAL placeholder', () => {
    const e = deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', operation: 'Write', names: ['t'], principal: null });
    expect(e.message).toBe('this client is not allowed to WRITE topic t (TOPIC_AUTHORIZATION_FAILED)');
    expect(e.hint).toMatch(
      /^ktool acls create --allow-principal PRINCIPAL --operation Write --topic t \(PRINCIPAL: how the brokers name this client/,
    );
  });

  it('the client wrapper fills in the principal and a default operation; what the kafka layer knew stays', () => {
    const raw = deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', names: ['t'] });
    const filled = attribute(raw, settings({ sasl: { mechanism: 'PLAIN', username: 'alice' } }), 'DescribeConfigs') as DeniedError;
    expect(filled.message).toBe('User:alice is not allowed to DESCRIBE_CONFIGS topic t (TOPIC_AUTHORIZATION_FAILED)');
    const kept = attribute(
      deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', operation: 'Describe', names: ['t'], principal: 'User:bob' }),
      settings({}),
      'Read',
    ) as DeniedError;
    expect(kept.message).toBe('User:bob is not allowed to DESCRIBE topic t (TOPIC_AUTHORIZATION_FAILED)');
    expect(kept.needing('Read').hint).toBe('ktool acls create --allow-principal User:bob --operation Read --topic t');
    const other = new KtoolError('x', ExitCode.operation);
    expect(attribute(other, settings({}), 'Read')).toBe(other);
  });

  it('an operation nobody knew: the action in words, and where to look', () => {
    const e = deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', action: 'fetch records', names: ['t'], principal: 'User:a' });
    expect(e.message).toBe('User:a is not allowed to fetch records on topic t (TOPIC_AUTHORIZATION_FAILED)');
    expect(e.hint).toMatch(/^ktool acls list --principal User:a/);
  });
});

describe('from the broker to the refusal (src/kafka/errors.ts)', () => {
  it('a library ResponseError: the refused names come from the items its paths point at', () => {
    const response = {
      results: [
        { resourceName: 'open', errorCode: 0 },
        { resourceName: 'secret', errorCode: 29 },
      ],
    };
    const error = new ResponseError(32, 4, { '/results/1': [29, null] }, response);
    expect(refusedNames(error)).toEqual(['secret']);
    const typed = toKtoolError(error, ['b:1'], 'describe topic configs');
    expect(typed).toBeInstanceOf(DeniedError);
    expect(typed.message).toBe('this client is not allowed to describe topic configs on topic secret (TOPIC_AUTHORIZATION_FAILED)');
  });

  it('every error built from a Kafka code carries it: callers test kafkaCode, not the message', () => {
    expect(errorForKafkaCode('TOPIC_ALREADY_EXISTS', 'x').kafkaCode).toBe('TOPIC_ALREADY_EXISTS');
    expect(errorForKafkaCode('UNKNOWN_TOPIC_OR_PARTITION', 'x').kafkaCode).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(isDenied(errorForKafkaCode('GROUP_AUTHORIZATION_FAILED', 'x'))).toBe(true);
    expect(isDenied(new KtoolError('something AUTHORIZATION_FAILED in words', ExitCode.connection))).toBe(false);
  });
});

describe('did you mean', () => {
  it('names a small edit away, closest first; nothing when nothing is close', () => {
    expect(closest('evnts', ['events', 'orders', 'evnt', 'evntss'])).toEqual(['events', 'evnt', 'evntss']);
    expect(didYouMean(['evnts'], ['events', 'orders'])).toBe('did you mean events?');
    expect(didYouMean(['ordres'], ['orders', 'orders2'])).toBe('did you mean orders or orders2?');
    expect(didYouMean(['nope'], ['orders'])).toBeUndefined();
  });
});
