import { Consumer } from '@platformatic/kafka';
import { RETRY_MS, retriesWithin } from './group-outage.js';
import type { CommittedPosition, MirrorGroup, MirrorGroupOptions } from './mirror-types.js';
import { tpKey } from './mirror-types.js';
import { stampCommits } from './offset-commit-metadata.js';
import type { ClientPlumbing } from './plumbing.js';
import type { TopicPartition } from './types.js';

/**
 * Classic-protocol group membership without the library's message stream: the mirror fetches with
 * its own fast partition reader and only needs the assignment, rebalance notice and commits. The
 * library keeps heartbeating and rejoins by itself when the coordinator asks for a rebalance.
 */
export async function openMirrorGroup(clients: ClientPlumbing, o: MirrorGroupOptions): Promise<MirrorGroup> {
  const base = await clients.baseOptions();
  const session = o.sessionTimeoutMs ?? 10_000;
  const consumer = new Consumer<unknown, unknown, unknown, unknown>({
    ...base,
    groupId: o.groupId,
    // A rejoin meets REBALANCE_IN_PROGRESS while members come and go, a heartbeat or a commit meets a
    // coordinator that died until another takes over (a broker killed outright keeps its roles until
    // the controllers fence it, 9 s): retried for --timeout as consume -g does (group-outage.ts). After
    // the last retry the library stops heartbeating for good; 10 retries gave up within ~2.5 s.
    retries: retriesWithin(clients.settings.timeoutMs),
    retryDelay: RETRY_MS,
    sessionTimeout: session,
    rebalanceTimeout: Math.max(session, 30_000),
    heartbeatInterval: Math.min(1_000, Math.floor(session / 3)),
  });
  // Heartbeat failures surface here; the library retries and rejoins, the mirror sees a new generation.
  consumer.on('error', () => undefined);
  // The library's commits (with their rejoin and coordinator retries) carry the mirror's stamp.
  if (o.commitMetadata) stampCommits(consumer, o.commitMetadata);
  // Generation, member id and assignment as ONE snapshot, taken when the library completed a join:
  // it sets generationId from the JoinGroup answer but the assignments only from SyncGroup's, and
  // between the two a caller read the new generation with the old partitions (a session of the new
  // generation on partitions it had lost: each record twice; or without the ones it had gained:
  // never read, the run stalled for good).
  let joined: { generation: number; memberId: string; partitions: TopicPartition[] } = { generation: -1, memberId: '', partitions: [] };
  consumer.on('consumer:group:join', (e: JoinEvent) => (joined = snapshot(e)));
  const groups = await clients.groups();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // The callback form: the library declares leaveGroup(force) as returning void ahead of its promise form.
    await new Promise<void>((resolve) => consumer.leaveGroup(true, () => resolve()));
    await consumer.close(true).catch(() => undefined);
  };
  clients.onClose(close);
  consumer.topics.trackAll(...o.topics);
  await consumer.joinGroup({});

  return {
    generation: () => joined.generation,
    memberId: () => joined.memberId,
    assignment: () => [...joined.partitions],
    async committed(partitions, options) {
      const out = new Map<string, CommittedPosition>();
      if (partitions.length === 0) return out;
      // Through the admin connection: the consumer's own OffsetFetch drops the commit metadata.
      const wanted = new Set(partitions.map((p) => tpKey(p.topic, p.partition)));
      for (const c of (await groups.fetchOffsets([o.groupId], options)).get(o.groupId) ?? []) {
        const key = tpKey(c.topic, c.partition);
        if (wanted.has(key)) out.set(key, { offset: c.offset, metadata: c.metadata });
      }
      return out;
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      await consumer.commit({ offsets: offsets.map((x) => ({ ...x, leaderEpoch: -1 })) });
    },
    close,
  };
}

/** What the library's 'consumer:group:join' event carries: the join just completed (JoinGroup and SyncGroup). */
interface JoinEvent {
  generationId: number;
  memberId: string;
  assignments: { topic: string; partitions: number[] }[] | null;
}

function snapshot(e: JoinEvent): { generation: number; memberId: string; partitions: TopicPartition[] } {
  const partitions: TopicPartition[] = [];
  for (const a of e.assignments ?? []) for (const partition of a.partitions) partitions.push({ topic: a.topic, partition });
  partitions.sort((x, y) => (x.topic === y.topic ? x.partition - y.partition : x.topic < y.topic ? -1 : 1));
  return { generation: e.generationId, memberId: e.memberId, partitions };
}
