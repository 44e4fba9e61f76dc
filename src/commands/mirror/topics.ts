import { NotFoundError, OperationError } from '../../errors.js';
import type { AdminApi, ConfigEntry } from '../../kafka/types.js';
import type { TopicSelection } from './options.js';

/** One mirrored topic: where it goes and how partitions map. */
export interface TopicPlan {
  source: string;
  target: string;
  sourcePartitions: number;
  targetPartitions: number;
  /** 'same': source partition N goes to target partition N; 'hash': by key (Java murmur2). */
  mapping: 'same' | 'hash';
  /** The target topic's max.message.bytes (the largest record batch it accepts). */
  maxMessageBytes: number;
  created: boolean;
}

/** Source topics matching --topics and not --exclude (internal topics never), sorted. */
export async function selectTopics(admin: AdminApi, s: TopicSelection): Promise<string[]> {
  const names = await admin.listTopics({ includeInternal: false });
  const chosen = names.filter((n) => s.topics.test(n) && !(s.exclude && s.exclude.test(n)) && !n.startsWith('__')).sort();
  if (chosen.length === 0)
    throw new NotFoundError(
      `no source topic matches --topics '${s.topicsText}'${s.exclude ? ' (after --exclude)' : ''}`,
      'list them with `ktool topics list` on the source',
    );
  return chosen;
}

// Topic configs that describe a topic's data and can be copied; the rest (follower throttles,
// leader-side settings) belong to the cluster they were set on.
const NOT_COPIED = new Set([
  'leader.replication.throttled.replicas',
  'follower.replication.throttled.replicas',
  'message.format.version',
  'min.insync.replicas',
]);

/**
 * Describes the source topics and the targets, creates missing targets (source partition count,
 * and with syncConfigs the source's explicitly set topic configs).
 */
export async function planTopics(
  source: AdminApi,
  target: AdminApi,
  names: string[],
  s: TopicSelection,
  o: { syncConfigs: boolean; replicationFactor?: number; create: boolean },
): Promise<TopicPlan[]> {
  const { topics: described } = await source.describeTopics(names);
  const targets = names.map((n) => s.rename.target(n));
  const { topics: existing } = await target.describeTopics(targets);
  const existingCount = new Map(existing.map((t) => [t.name, t.partitions.length]));
  const missing = described.filter((t) => !existingCount.has(s.rename.target(t.name)));
  const created = new Set<string>();
  if (missing.length && o.create) {
    const configs: Map<string, ConfigEntry[]> = o.syncConfigs ? await source.describeTopicConfigs(missing.map((t) => t.name)) : new Map();
    const results = await target.createTopics(
      missing.map((t) => ({
        name: s.rename.target(t.name),
        partitions: t.partitions.length,
        replicationFactor: o.replicationFactor,
        configs: Object.fromEntries(
          (configs.get(t.name) ?? [])
            .filter((c) => c.source === 'DYNAMIC_TOPIC_CONFIG' && c.value !== null && !c.sensitive && !NOT_COPIED.has(c.name))
            .map((c) => [c.name, c.value!]),
        ),
      })),
      { validateOnly: false },
    );
    const failed = results.filter((r) => !r.ok && r.errorCode !== 'TOPIC_ALREADY_EXISTS');
    if (failed.length)
      throw new OperationError(`cannot create target topic ${failed[0].name}: ${failed[0].error}`, {
        hint: 'create it yourself on the target, or check the target user may create topics',
      });
    for (const t of missing) {
      created.add(s.rename.target(t.name));
      existingCount.set(s.rename.target(t.name), t.partitions.length);
    }
  }
  const presentTargets = targets.filter((t) => existingCount.has(t));
  const targetConfigs = presentTargets.length ? await configsOnceKnown(target, presentTargets, created.size > 0) : new Map();
  return described.map((t) => {
    const name = s.rename.target(t.name);
    const targetPartitions = existingCount.get(name) ?? 0;
    const max = Number(targetConfigs.get(name)?.find((c: { name: string }) => c.name === 'max.message.bytes')?.value ?? 1048588);
    return {
      source: t.name,
      target: name,
      sourcePartitions: t.partitions.length,
      targetPartitions,
      mapping: targetPartitions >= t.partitions.length ? 'same' : 'hash',
      maxMessageBytes: Number.isFinite(max) && max > 0 ? max : 1048588,
      created: created.has(name),
    };
  });
}

/**
 * A topic just created on a cluster of several brokers is unknown to some of them for a moment: the
 * broker that answers DescribeConfigs may say UNKNOWN_TOPIC_OR_PARTITION. Asked again for up to 10 s then.
 */
async function configsOnceKnown(target: AdminApi, names: string[], justCreated: boolean): Promise<Map<string, ConfigEntry[]>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await target.describeTopicConfigs(names);
    } catch (error) {
      const unknown = (error as { kafkaCode?: string }).kafkaCode === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!justCreated || !unknown || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
