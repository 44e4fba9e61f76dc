import { AuthenticationError, KtoolError, NotFoundError, OperationError, UsageError } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { isDenied } from '../../kafka/denied.js';
import type { Position } from './acks.js';
import type { TopicPlan } from './topics.js';

/** Kafka's codes for a produce request the target refuses as too large. */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);
/** Kafka's codes that retrying cannot fix (authentication and TLS failures are AuthenticationErrors). */
const PERMANENT = new Set([
  'SASL_AUTHENTICATION_FAILED',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
  'UNSUPPORTED_VERSION',
  'POLICY_VIOLATION',
]);

/** The Kafka error code the typed error carries, tested instead of its words. */
const codeOf = (error: unknown): string => (error instanceof KtoolError ? (error.kafkaCode ?? '') : '');

/** A source record the target cannot take: the mirror stops without committing past it. */
export class RecordTooLargeError extends OperationError {
  constructor(r: ConsumedRecord, plan: TopicPlan, bytes: number) {
    super(
      `record at ${r.topic} partition ${r.partition} offset ${r.offset} is about ${bytes} bytes, ` +
        `more than max.message.bytes=${plan.maxMessageBytes} of the target topic ${plan.target}; ` +
        `nothing at or after this offset was committed`,
      {
        hint:
          `raise it on the target (ktool configs alter --topic ${plan.target} --add-config ` +
          `max.message.bytes=${roundUp(bytes)}) and run the mirror again`,
      },
    );
  }
}

function roundUp(bytes: number): number {
  return Math.ceil((bytes + 1024) / 1024) * 1024;
}

/** Names the source records of a failed produce request (the first offset per source partition). */
export function sendFailure(
  error: unknown,
  from: Map<string, Position>,
  upTo: Map<string, Position>,
  plans: Map<string, TopicPlan>,
): unknown {
  if (!TOO_LARGE.has(codeOf(error))) return error;
  const text = `${(error as Error)?.message ?? error}`;
  const ranges = [...from].map(
    ([key, p]) => `${p.topic} partition ${p.partition} offsets ${p.offset}-${(upTo.get(key)?.offset ?? p.offset + 1n) - 1n}`,
  );
  const targets = [...new Set([...from.values()].map((p) => plans.get(p.topic)?.target).filter(Boolean))];
  return new OperationError(
    `the target refused records as too large (${text.replace(/^produce: /, '')}) among ` +
      `${ranges.join(', ')}; nothing at or after them was committed`,
    {
      hint:
        `raise max.message.bytes on the target topic${targets.length > 1 ? 's' : ''} ` +
        `${targets.join(', ')} (ktool configs alter --topic ` +
        `${targets.length === 1 ? targets[0] : 'NAME'} --add-config max.message.bytes=BYTES) and ` +
        `run the mirror again`,
    },
  );
}

/** Errors that retrying cannot fix: configuration, permissions, records the target refuses. */
export function isFatal(error: unknown): boolean {
  if (
    error instanceof RecordTooLargeError ||
    error instanceof UsageError ||
    error instanceof NotFoundError ||
    error instanceof AuthenticationError ||
    isDenied(error)
  )
    return true;
  return TOO_LARGE.has(codeOf(error)) || PERMANENT.has(codeOf(error));
}
