/**
 * `stats reset` / `pipe reset --execute` returns once the deleted internal topics are gone from the
 * metadata (the broker answers DeleteTopics before every broker forgot them: CI's listing right
 * after a reset still named the changelog). A stand-in admin whose listing forgets late.
 */
import { describe, expect, it } from 'vitest';
import { executeReset, type ResetPlan } from '../../src/app/reset.js';
import type { GroupsApi } from '../../src/kafka/groups-types.js';
import type { AdminApi } from '../../src/kafka/types.js';

const plan: ResetPlan = {
  app: 'app',
  group: { state: 'Empty', members: 0 },
  offsets: [],
  deleteTopics: ['app-stats-store-changelog'],
  executed: false,
};

describe('reset --execute', () => {
  it('waits until the metadata no longer lists the deleted internal topics', async () => {
    let listings = 0;
    const admin = {
      deleteTopics: async (names: string[]) => names.map((name) => ({ name, ok: true })),
      // Still listed by the first two answers after the delete.
      listTopics: async () => (++listings <= 2 ? ['in', 'app-stats-store-changelog'] : ['in']),
    } as unknown as AdminApi;
    const done = await executeReset(plan, admin, {} as GroupsApi, 'ktool stats');
    expect(done.executed).toBe(true);
    expect(listings).toBe(3);
  });
});
