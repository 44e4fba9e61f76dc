import { ConnectionError } from '../errors.js';
import { formatTimeout } from './deadline.js';

/** Between the client library's retries of a failed request: a leader that moved is fetched from within this. */
export const RETRY_MS = 250;

/**
 * The least a group member's retries span: a partition leader or group coordinator killed outright
 * keeps its role until the controllers fence it (broker.session.timeout.ms, 9 s by default), then a
 * new coordinator loads its __consumer_offsets partition. That took 9-15 s on a loaded machine, so
 * retries spanning the default --timeout (10 s) made `consume -g` exit 4 on a coordinator's crash
 * about half the time, where Java's consumer rides it out. Nobody answering at all is still given up
 * after --timeout: the OutageClock below decides that, not the retries.
 */
export const FAILOVER_MS = 30_000;

/**
 * How many times the client library retries a failed request of a group member (a fetch, a commit, finding
 * the coordinator, a heartbeat, a rejoin): enough to span --timeout and a fail-over (FAILOVER_MS), at least 10.
 * `consume -g` and the mirror's group both use it.
 */
export function retriesWithin(timeoutMs: number): number {
  return Math.max(10, Math.ceil(Math.max(timeoutMs, FAILOVER_MS) / RETRY_MS));
}

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
