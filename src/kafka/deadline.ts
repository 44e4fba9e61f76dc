import { CancelledError, ConnectionError } from '../errors.js';
import { raceWith } from '../util/race.js';

export interface Deadline {
  /** --timeout: how long one request (connecting included) may go unanswered. */
  timeoutMs: number;
  brokers: string[];
  /** Ctrl-C/SIGTERM: stop waiting at once. */
  signal?: AbortSignal;
}

/** 2s, 1.5s, 500ms: --timeout as the user would write it. */
export function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${Number((ms / 1000).toFixed(1))}s`;
}

/**
 * The one error for a cluster that does not answer within --timeout: a broker that accepts TCP
 * but never answers (a wrong port, another protocol, a hung broker) would otherwise be retried by
 * the client library for minutes.
 */
export function noAnswer(d: Pick<Deadline, 'timeoutMs' | 'brokers'>): ConnectionError {
  return new ConnectionError(`no answer from ${d.brokers.join(',')} within ${formatTimeout(d.timeoutMs)} (--timeout)`, {
    hint:
      'is it a Kafka listener, up, with the security protocol the profile says (ktool profile ' +
      'show --resolved)? raise --timeout for a slow cluster',
  });
}

/**
 * The work's result, or a ConnectionError after --timeout, or a CancelledError as soon as the
 * signal aborts. The work itself is not cancelled (the client library has no way to): closing the
 * clients ends it.
 */
export function answerWithin<T>(work: Promise<T>, d: Deadline): Promise<T> {
  const { signal } = d;
  if (signal?.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new CancelledError());
  }
  return raceWith(work, (reject) => {
    const onAbort = () => reject(new CancelledError());
    const timer = setTimeout(() => reject(noAnswer(d)), d.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    return () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
  });
}
