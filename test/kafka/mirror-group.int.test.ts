import { afterAll, describe, expect, it } from 'vitest';
import { createKafkaClients } from '../../src/kafka/client.js';
import type { MirrorGroup } from '../../src/kafka/mirror-types.js';
import type { KafkaClients } from '../../src/kafka/types.js';
import { runCli, uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';

/**
 * The group membership of `pipe -g`, `stats -g` and `mirror` (src/kafka/mirror-group.ts) against the
 * broker: generation() and assignment() are one snapshot of a completed join. The client library
 * takes the generation from the JoinGroup answer and the partitions from SyncGroup's, a round trip
 * later; read in between, a new generation came with the old partitions: a CI run of the
 * three-process exactly-once test stalled for good (a member kept the partitions it had, not the
 * dead member's it had gained), and a loaded run wrote a partition twice (a session of the new
 * generation on partitions it had lost, its commits accepted).
 */
const PARTITIONS = 6;
const opened: KafkaClients[] = [];
const created: string[] = [];

afterAll(async () => {
  await Promise.allSettled(opened.map((c) => c.close()));
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

async function member(groupId: string, topic: string): Promise<MirrorGroup> {
  const clients = createKafkaClients(
    {
      bootstrap: process.env.KTOOL_TEST_BOOTSTRAP!.split(','),
      clientId: 'ktool-test',
      timeoutMs: 30_000,
      sources: { bootstrap: 'flag', timeout: 'flag', security: 'default', profile: 'none' },
    },
    process.env,
  );
  opened.push(clients);
  return clients.mirrorGroup({ groupId, topics: [topic] });
}

/** Every event-loop turn: the (generation, partitions) each member shows. */
function sampler(members: () => MirrorGroup[]): { seen: Map<string, Set<string>>[]; stop: () => void } {
  const seen: Map<string, Set<string>>[] = [];
  let on = true;
  const tick = () => {
    members().forEach((m, i) => {
      const byGeneration = (seen[i] ??= new Map());
      const key = String(m.generation());
      if (!byGeneration.has(key)) byGeneration.set(key, new Set());
      byGeneration.get(key)!.add(
        m
          .assignment()
          .map((tp) => tp.partition)
          .join(','),
      );
    });
    if (on) setImmediate(tick);
  };
  tick();
  return { seen, stop: () => (on = false) };
}

const owned = (m: MirrorGroup) => m.assignment().map((tp) => tp.partition);

describe('group membership snapshot (pipe -g, stats -g, mirror)', () => {
  it('a member joining and leaving: every generation shows one assignment, never the old one under a new generation', async () => {
    const topic = uniqueName('group-snapshot');
    const groupId = uniqueName('group-snapshot');
    expect((await runCli(['topics', 'create', topic, '-p', String(PARTITIONS)])).code).toBe(0);
    created.push(topic);
    const a = await member(groupId, topic);
    expect(owned(a)).toHaveLength(PARTITIONS);
    const members = [a];
    const s = sampler(() => members);
    try {
      // B joins: A rejoins (its heartbeat learns of the rebalance) and gives half away.
      const b = await member(groupId, topic);
      members.push(b);
      await pollUntil(() => a.generation() === b.generation() && owned(a).length + owned(b).length === PARTITIONS, {
        timeoutMs: 60_000,
        what: 'A and B sharing the partitions in one generation',
      });
      expect(owned(a).length).toBeGreaterThan(0);
      expect(owned(b).length).toBeGreaterThan(0);
      expect(new Set([...owned(a), ...owned(b)]).size).toBe(PARTITIONS);
      const shared = a.generation();
      // B leaves: A takes every partition back in a newer generation.
      await b.close();
      members.pop();
      await pollUntil(() => a.generation() > shared && owned(a).length === PARTITIONS, {
        timeoutMs: 60_000,
        what: 'A owning every partition again',
      });
    } finally {
      s.stop();
    }
    for (const byGeneration of s.seen)
      for (const [generation, assignments] of byGeneration)
        expect([...assignments], `assignments seen in generation ${generation}`).toHaveLength(1);
    // A was sampled in at least three generations: alone, with B, alone again.
    expect(s.seen[0].size).toBeGreaterThanOrEqual(3);
  }, 150_000);
});
