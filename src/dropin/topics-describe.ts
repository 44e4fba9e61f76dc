/**
 * kafka-topics.sh --describe: TopicCommand's TopicDescription and PartitionDescription lines, tab
 * separated, with its filters (--under-replicated-partitions ... --topics-with-overrides).
 */
import type { Context } from '../cli/context.js';
import type { ConfigEntry, PartitionElr, PartitionInfo, TopicInfo } from '../kafka/types.js';
import { javaHashMapOrder } from './java-hash-order.js';
import { has, type JoptResult } from './jopt.js';

const REPORTS = ['under-replicated-partitions', 'unavailable-partitions', 'under-min-isr-partitions', 'at-min-isr-partitions'] as const;

export async function describeTopics(names: string[], o: JoptResult, ctx: Context): Promise<string> {
  if (names.length === 0) return '';
  const admin = await (await ctx.kafka()).admin();
  const [{ topics }, configs, cluster, elr] = await Promise.all([
    admin.describeTopics(names, { includeInternal: true }),
    admin.describeTopicConfigs(names),
    admin.cluster(),
    admin.eligibleLeaders(names),
  ]);
  const live = new Set(cluster.brokers.map((b) => b.id));
  const describeConfigs = !REPORTS.some((r) => has(o, r));
  const describePartitions = !has(o, 'topics-with-overrides');
  let text = '';
  // TopicCommand prints the topics in the order of the admin client's HashMap of descriptions.
  const byName = new Map(topics.map((t) => [t.name, t]));
  for (const name of javaHashMapOrder(names)) {
    const t = byName.get(name);
    if (!t) continue;
    const entries = configs.get(t.name) ?? [];
    const partitions = [...t.partitions].sort((a, b) => a.partition - b.partition);
    if (describeConfigs && (!has(o, 'topics-with-overrides') || entries.some((e) => !e.isDefault))) {
      text += topicLine(t, partitions, entries);
    }
    if (!describePartitions) continue;
    const minIsr = Number(entries.find((e) => e.name === 'min.insync.replicas')?.value ?? '1');
    const elrOf = new Map((elr?.get(t.name) ?? []).map((p) => [p.partition, p]));
    for (const p of partitions) {
      if (describeConfigs || REPORTS.some((r) => has(o, r) && REPORT_TESTS[r](p, minIsr, live))) {
        text += partitionLine(t.name, p, elr === undefined ? undefined : elrOf.get(p.partition));
      }
    }
  }
  return text;
}

const hasLeader = (p: PartitionInfo) => p.leader >= 0;

const REPORT_TESTS: Record<(typeof REPORTS)[number], (p: PartitionInfo, minIsr: number, live: Set<number>) => boolean> = {
  'under-replicated-partitions': (p) => p.replicas.length - p.isr.length > 0,
  'unavailable-partitions': (p, _, live) => !hasLeader(p) || !live.has(p.leader),
  'under-min-isr-partitions': (p, minIsr) => !hasLeader(p) || p.isr.length < minIsr,
  'at-min-isr-partitions': (p, minIsr) => minIsr === p.isr.length,
};

function topicLine(t: TopicInfo, partitions: PartitionInfo[], entries: ConfigEntry[]): string {
  const configs = entries
    .filter((e) => !e.isDefault)
    .map((e) => `${e.name}=${e.value}`)
    .join(',');
  const id = t.id && t.id !== 'AAAAAAAAAAAAAAAAAAAAAA' ? `\tTopicId: ${t.id}` : '';
  const rf = partitions[0]?.replicas.length ?? 0;
  return `Topic: ${t.name}${id}\tPartitionCount: ${t.partitions.length}\tReplicationFactor: ${rf}\tConfigs: ${configs}\n`;
}

function partitionLine(topic: string, p: PartitionInfo, elr: PartitionElr | undefined): string {
  const list = (ids: number[] | null | undefined) => (ids == null ? 'N/A' : ids.join(','));
  return (
    `\tTopic: ${topic}\tPartition: ${p.partition}\tLeader: ${hasLeader(p) ? p.leader : 'none'}` +
    `\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}` +
    `\tElr: ${list(elr?.elr)}\tLastKnownElr: ${list(elr?.lastKnownElr)}\n`
  );
}
