import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../../src/config/resolve.js';
import { retriesWithin } from '../../src/kafka/group-reader.js';

/** The client library waits 250 ms between the group member's retries (group-reader.ts RETRY_MS). */
const RETRY_MS = 250;
/** Kafka's broker.session.timeout.ms: a broker killed outright keeps leading until the controllers fence it. */
const BROKER_SESSION_TIMEOUT_MS = 9_000;

describe("a group member's retries of a failed fetch, commit or rejoin", () => {
  it('span the default --timeout and a fail-over: fencing a killed broker, then a new coordinator loading', () => {
    expect(retriesWithin(DEFAULT_TIMEOUT_MS) * RETRY_MS).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS);
    // 10 s of retries left 1 s past the fencing: a coordinator's crash ended consume -g half the time on a busy machine.
    expect(retriesWithin(DEFAULT_TIMEOUT_MS) * RETRY_MS).toBeGreaterThanOrEqual(3 * BROKER_SESSION_TIMEOUT_MS);
    expect(retriesWithin(3_000) * RETRY_MS).toBe(30_000);
  });

  it('follow --timeout: a longer one waits out a longer outage, bounded; never less than a fail-over', () => {
    expect(retriesWithin(120_000) * RETRY_MS).toBe(120_000);
    expect(retriesWithin(120_001) * RETRY_MS).toBeGreaterThanOrEqual(120_001);
    expect(Number.isFinite(retriesWithin(24 * 86_400_000))).toBe(true);
  });
});
