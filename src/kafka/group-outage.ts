import { ConnectionError } from '../errors.js';
import { formatTimeout } from './deadline.js';

/**
 * A group member's outage clock: the client library retries each failed request on its own, and a
 * request retried inside another (a fetch's metadata refresh) multiplies the retries, so with every
 * broker gone its give-up came after minutes, not --timeout. The clock starts at the first retried
 * failure and stops at the next answer (a fetch response, a heartbeat); past --timeout with no answer
 * the member gives up (exit 4). A single broker's fail-over keeps the others answering.
 */
export class OutageClock {
  private failingSince: number | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly brokers: string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** A request failed and the library retries it. */
  failed(): void {
    this.failingSince ??= this.now();
  }

  /** The cluster answered a request. */
  answered(): void {
    this.failingSince = undefined;
  }

  /** The error to end reading with, once requests have failed unanswered for longer than --timeout. */
  expired(): ConnectionError | undefined {
    if (this.failingSince === undefined || this.now() - this.failingSince <= this.limitMs) return undefined;
    return new ConnectionError(`lost ${this.brokers.join(',')}: no answer for longer than ${formatTimeout(this.limitMs)} (--timeout)`, {
      hint: 'raise --timeout to wait out a longer outage (a restart); committed offsets stay at what was written',
    });
  }
}
