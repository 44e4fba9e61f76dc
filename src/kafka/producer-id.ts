/**
 * The idempotent producer's id (InitProducerId without a transactional id), retried as Java's
 * producer does. The client library's initIdempotentProducer gives up after its own retries
 * (5 x 250 ms as ktool sets them up), and a broker answers COORDINATOR_LOAD_IN_PROGRESS until the
 * controller has handed it a block of producer ids: on a fresh broker, or for seconds while the
 * controller quorum fails over after a kill. Giving up there failed the first send's records and
 * stopped the run; Java's sender keeps asking until the batches waiting for the id expire
 * (delivery.timeout.ms), so ktool does the same: retriable answers and lost connections are
 * retried with backoff until delivery.timeout.ms, Ctrl-C or close; anything else fails at once.
 */
import { sleep } from '../util/sleep.js';
import { isConnectionLoss, leafErrors } from './errors.js';

/** What Java's InitProducerIdHandler retries (coordinator moving or loading, a request that timed out). */
const RETRIABLE = new Set([
  'COORDINATOR_LOAD_IN_PROGRESS',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'CONCURRENT_TRANSACTIONS',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
]);
/** Java's retry.backoff.max.ms default. */
const MAX_BACKOFF_MS = 1_000;

/** The part of the client library's producer that holds the id. */
export interface ProducerIdSource {
  readonly producerId: bigint | undefined;
  initIdempotentProducer(options: Record<string, never>): Promise<unknown>;
}

export interface ProducerIdRetry {
  /** How long the id is asked for before the records waiting for it fail (delivery.timeout.ms). */
  timeoutMs: number;
  /** The first wait between attempts, doubled up to 1 s (Java's retry.backoff.ms and its max). */
  backoffMs: number;
  signal?: AbortSignal;
  isClosed: () => boolean;
  /** Each failure that will be retried, with the deadline (the outage warning). */
  onRetry?: (error: unknown, deadline: number) => void;
  /** The id came after retries (the outage is over). */
  onDone?: () => void;
}

/** A failure worth asking again for: every broker error in it is one Java retries, or the connection was lost. */
export function retriableInit(error: unknown): boolean {
  if (isConnectionLoss(error)) return true;
  const ids = leafErrors(error)
    .map((e) => e.apiId)
    .filter((id): id is string => Boolean(id));
  return ids.length > 0 && ids.every((id) => RETRIABLE.has(id));
}

/** Gets the producer id unless it has one; throws the last error once it is not worth retrying or the time is up. */
export async function ensureProducerId(producer: ProducerIdSource, retry: ProducerIdRetry): Promise<void> {
  const never = new AbortController().signal;
  const deadline = Date.now() + retry.timeoutMs;
  for (let attempt = 0; producer.producerId === undefined; attempt++) {
    try {
      await producer.initIdempotentProducer({});
      if (attempt > 0) retry.onDone?.();
      return;
    } catch (error) {
      const signal = retry.signal ?? never;
      if (!retriableInit(error) || signal.aborted || retry.isClosed() || Date.now() >= deadline) throw error;
      retry.onRetry?.(error, deadline);
      const wait = Math.min(retry.backoffMs * 2 ** attempt, MAX_BACKOFF_MS, Math.max(0, deadline - Date.now()));
      await sleep(wait, signal);
    }
  }
}
