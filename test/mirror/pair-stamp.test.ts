import { describe, expect, it } from 'vitest';
import { commitStamp, foreignReason, identifyPairs, type PairIdentity } from '../../src/commands/mirror/pair-stamp.js';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import { CancelledError } from '../../src/errors.js';
import type { AdminApi } from '../../src/kafka/types.js';
import { topic } from '../helpers/fake-kafka.js';

const pair: PairIdentity = { source: 'events', target: 'dr.events', sourceId: 'S1', targetId: 'T1', created: false };

describe('which committed offsets a mirror resumes from', () => {
  it("its own pair's stamp: resumed", () => {
    expect(foreignReason(pair, commitStamp(pair))).toBeUndefined();
    expect(commitStamp(pair).length).toBeLessThan(4096);
  });

  it('another target, a re-created target or source: not resumed, with the reason', () => {
    expect(foreignReason(pair, commitStamp({ ...pair, target: 'events' }))).toMatch(/belong to the copy into events/);
    expect(foreignReason(pair, commitStamp({ ...pair, targetId: 'T0' }))).toMatch(/dr\.events was deleted and re-created/);
    expect(foreignReason(pair, commitStamp({ ...pair, sourceId: 'S0' }))).toMatch(/events was deleted and re-created/);
    // Created by this run: a stamp of the old copy (another topic id) never fits.
    expect(foreignReason({ ...pair, created: true, targetId: 'T2' }, commitStamp(pair))).toMatch(/deleted and re-created/);
  });

  it('unstamped offsets (older ktool, groups reset-offsets, other tools): resumed unless this run created the target', () => {
    for (const metadata of [null, '', 'something else', '{"not":"ours"}', '{broken']) {
      expect(foreignReason(pair, metadata)).toBeUndefined();
      expect(foreignReason({ ...pair, created: true }, metadata)).toMatch(/this run created dr\.events/);
    }
  });
});

describe('identifyPairs waits for a new target topic on the injected clock', () => {
  const plan = { source: 'events', target: 'dr.events', created: true } as TopicPlan;
  const admin = (visible: () => boolean): AdminApi =>
    ({
      describeTopics: async (names: string[]) => ({
        topics: visible() ? names.map((name) => topic(name, 1)) : [],
        missing: visible() ? [] : names,
      }),
    }) as unknown as AdminApi;

  it('seen after a few asks: both ids', async () => {
    let asks = 0;
    const pairs = await identifyPairs(
      admin(() => true),
      admin(() => ++asks > 2),
      [plan],
      { now: () => 0, signal: new AbortController().signal },
    );
    expect(pairs.get('events')).toMatchObject({ sourceId: 'id-events', targetId: 'id-dr.events' });
  });

  it('never seen: gives up when the clock passes the wait, not after 15 s of real time', async () => {
    let clock = 0;
    const io = { now: () => (clock += 20_000), signal: new AbortController().signal };
    const started = Date.now();
    await expect(
      identifyPairs(
        admin(() => true),
        admin(() => false),
        [plan],
        io,
      ),
    ).rejects.toThrow(/dr\.events is not in the target's metadata 15s after/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('Ctrl-C: interrupted at once', async () => {
    const stop = new AbortController();
    stop.abort('SIGINT');
    await expect(
      identifyPairs(
        admin(() => true),
        admin(() => false),
        [plan],
        { now: () => 0, signal: stop.signal },
      ),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
