import { describe, expect, it } from 'vitest';
import { commitStamp, foreignReason, type PairIdentity } from '../../src/commands/mirror/pair-stamp.js';

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
