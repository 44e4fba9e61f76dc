import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../../src/config/resolve.js';
import { retriesWithin } from '../../src/kafka/group-reader.js';

/** The client library waits 250 ms between the group member's retries (group-reader.ts RETRY_MS). */
const RETRY_MS = 250;
/** Kafka's broker.session.timeout.ms: a broker killed outright keeps leading until the controllers fence it. */
const BROKER_SESSION_TIMEOUT_MS = 9_000;

describe("a group member's retries of a failed fetch, commit or rejoin", () => {
  it('span the default --timeout, longer than a killed broker takes to be fenced (10 retries gave up after 2.5 s)', () => {
    expect(retriesWithin(DEFAULT_TIMEOUT_MS) * RETRY_MS).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS);
    expect(retriesWithin(DEFAULT_TIMEOUT_MS) * RETRY_MS).toBeGreaterThan(BROKER_SESSION_TIMEOUT_MS);
  });

  it('follow --timeout: a longer one waits out a longer outage, bounded; never fewer than 10', () => {
    expect(retriesWithin(120_000) * RETRY_MS).toBe(120_000);
    expect(retriesWithin(120_001) * RETRY_MS).toBeGreaterThanOrEqual(120_001);
    expect(retriesWithin(1_000)).toBe(10);
    expect(Number.isFinite(retriesWithin(24 * 86_400_000))).toBe(true);
  });
});
