/**
 * org.apache.kafka.server.util.ThroughputThrottler, as ProducerPerformance uses it: after record
 * i sent at sendStartMs, throttle when the rate so far is over the target; each throttle adds
 * 1/target seconds to a sleep deficit, slept off once it reaches 2 ms. A negative target never
 * throttles; 0 stops sending (waits until interrupted), as Java's.
 */
export const MIN_SLEEP_MS = 2;

export class ThroughputThrottler {
  private deficitMs = 0;
  private readonly sleepPerRecordMs: number;

  constructor(
    private readonly target: number,
    private readonly startMs: number,
  ) {
    this.sleepPerRecordMs = target > 0 ? 1000 / target : Infinity;
  }

  shouldThrottle(amountSoFar: number, sendStartMs: number): boolean {
    if (this.target < 0) return false;
    const elapsedSec = (sendStartMs - this.startMs) / 1000;
    return elapsedSec > 0 && amountSoFar / elapsedSec > this.target;
  }

  /** How long to sleep now (0: not yet, the deficit is under 2 ms); Infinity for a target of 0. */
  throttle(): number {
    if (this.target === 0) return Infinity;
    this.deficitMs += this.sleepPerRecordMs;
    if (this.deficitMs < MIN_SLEEP_MS) return 0;
    const ms = this.deficitMs;
    this.deficitMs = 0;
    return ms;
  }
}
