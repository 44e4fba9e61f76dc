import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { OutageClock } from '../../src/kafka/group-outage.js';

/** A clock the test moves by hand. */
function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("a group member's outage clock", () => {
  it('failures unanswered for longer than --timeout: one connection error (exit 4) naming --timeout', () => {
    const t = clock();
    const outage = new OutageClock(3_000, ['b1:9092', 'b2:9092'], t.now);
    outage.failed();
    t.advance(2_000);
    outage.failed();
    t.advance(1_000);
    expect(outage.expired()).toBeUndefined();
    t.advance(1);
    const error = outage.expired();
    expect(error?.message).toBe('lost b1:9092,b2:9092: no answer for longer than 3s (--timeout)');
    expect(error?.exitCode).toBe(ExitCode.connection);
  });

  it('an answer in between (another leader, a heartbeat) restarts it: a fail-over that keeps the cluster answering never expires', () => {
    const t = clock();
    const outage = new OutageClock(3_000, ['b'], t.now);
    for (let i = 0; i < 10; i++) {
      outage.failed();
      t.advance(2_500);
      outage.answered();
    }
    expect(outage.expired()).toBeUndefined();
  });

  it('no failure, no outage, however long nothing happens (an idle topic, a member without partitions)', () => {
    const t = clock();
    const outage = new OutageClock(3_000, ['b'], t.now);
    t.advance(60_000);
    expect(outage.expired()).toBeUndefined();
  });
});
