import { describe, expect, it } from 'vitest';
import { isFatal, sendFailure } from '../../src/commands/mirror/failures.js';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import { ConnectionError, OperationError } from '../../src/errors.js';
import { errorForKafkaCode } from '../../src/kafka/code-errors.js';
import { toKtoolError } from '../../src/kafka/errors.js';

/** The mirror tells a failure to wait out from one to stop on by the error's type and Kafka code, never by its words. */
describe('mirror failures: fatal or retried', () => {
  it.each([
    'MESSAGE_TOO_LARGE',
    'RECORD_LIST_TOO_LARGE',
    'SASL_AUTHENTICATION_FAILED',
    'INVALID_RECORD',
    'CORRUPT_MESSAGE',
    'INVALID_TIMESTAMP',
    'UNSUPPORTED_VERSION',
    'POLICY_VIOLATION',
    'TOPIC_AUTHORIZATION_FAILED',
  ])('%s stops the mirror', (code) => expect(isFatal(errorForKafkaCode(code, `produce: refused (${code})`))).toBe(true));

  it.each(['NOT_LEADER_OR_FOLLOWER', 'NOT_ENOUGH_REPLICAS', 'REQUEST_TIMED_OUT', 'COORDINATOR_NOT_AVAILABLE'])(
    '%s is waited out',
    (code) => {
      expect(isFatal(errorForKafkaCode(code, `produce: busy (${code})`))).toBe(false);
    },
  );

  it('a failed SASL exchange or TLS handshake stops it; a lost connection is waited out', () => {
    expect(
      isFatal(toKtoolError(Object.assign(new Error('SASL handshake failed'), { code: 'PLT_KFK_AUTHENTICATION' }), ['b:1'], 'connect')),
    ).toBe(true);
    expect(isFatal(toKtoolError(new Error('self-signed certificate in certificate chain'), ['b:1'], 'connect'))).toBe(true);
    expect(
      isFatal(toKtoolError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), ['b:1'], 'connect')),
    ).toBe(false);
  });

  it('the words alone decide nothing: a code in a message is not a code', () => {
    expect(isFatal(new OperationError('produce: refused (MESSAGE_TOO_LARGE)'))).toBe(false);
    expect(isFatal(new ConnectionError('authentication failed at b:1'))).toBe(false);
  });

  it('a too-large refusal names the source records and the target topic to raise max.message.bytes on', () => {
    const plans = new Map([['events', { source: 'events', target: 'dr.events' } as TopicPlan]]);
    const from = new Map([['events:0', { topic: 'events', partition: 0, offset: 10n }]]);
    const upTo = new Map([['events:0', { topic: 'events', partition: 0, offset: 15n }]]);
    const error = sendFailure(
      errorForKafkaCode('MESSAGE_TOO_LARGE', 'produce: too large (MESSAGE_TOO_LARGE)'),
      from,
      upTo,
      plans,
    ) as OperationError;
    expect(error.message).toBe(
      'the target refused records as too large (too large (MESSAGE_TOO_LARGE)) among events partition 0 ' +
        'offsets 10-14; nothing at or after them was committed',
    );
    expect(error.hint).toMatch(/--topic dr\.events --add-config max\.message\.bytes=BYTES/);
    const other = errorForKafkaCode('NOT_LEADER_OR_FOLLOWER', 'produce: moved');
    expect(sendFailure(other, from, upTo, plans)).toBe(other);
  });
});
