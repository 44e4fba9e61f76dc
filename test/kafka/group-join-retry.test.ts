import { MultipleErrors, ProtocolError } from '@platformatic/kafka';
import { describe, expect, it, vi } from 'vitest';
import { startStream } from '../../src/kafka/group-reader.js';
import type { GroupReaderOptions } from '../../src/kafka/consumer-types.js';

type Consumer = Parameters<typeof startStream>[0];

/** A consumer whose consume() fails with these errors, one per call, then starts. */
function consumer(failures: unknown[]) {
  let calls = 0;
  const fake = {
    consume: async () => {
      calls++;
      if (failures.length) throw failures.shift();
      return { started: true };
    },
  };
  return { consumer: fake as unknown as Consumer, calls: () => calls };
}

const options = { topics: ['t'], fallback: 'earliest' } as unknown as GroupReaderOptions;
const typed = (error: unknown) => new Error(`typed: ${(error as Error).message}`);

/** group-reader's join on a new cluster: the coordinator's codes are retried, told by code, not by words. */
describe('joining a group while the coordinator settles', () => {
  it('COORDINATOR_NOT_AVAILABLE, then COORDINATOR_LOAD_IN_PROGRESS inside a MultipleErrors: retried until the stream starts', async () => {
    // Fake timers: the half-second pauses between attempts pass at once.
    vi.useFakeTimers();
    try {
      const c = consumer([
        new ProtocolError('COORDINATOR_NOT_AVAILABLE'),
        new MultipleErrors('joinGroup failed 2 times.', [new ProtocolError('COORDINATOR_LOAD_IN_PROGRESS')]),
      ]);
      const started = startStream(c.consumer, options, Date.now() + 10_000, typed);
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(started).resolves.toEqual({ started: true });
      expect(c.calls()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('any other failure, or a code only in the words: thrown at once', async () => {
    for (const failure of [new ProtocolError('GROUP_AUTHORIZATION_FAILED'), new Error('COORDINATOR_NOT_AVAILABLE, says the text')]) {
      const c = consumer([failure]);
      await expect(startStream(c.consumer, options, Date.now() + 10_000, typed)).rejects.toThrow(/^typed: /);
      expect(c.calls()).toBe(1);
    }
  });

  it('past the deadline: thrown, not retried', async () => {
    const c = consumer([new ProtocolError('NOT_COORDINATOR')]);
    await expect(startStream(c.consumer, options, Date.now() - 1, typed)).rejects.toThrow(/^typed: /);
  });
});
