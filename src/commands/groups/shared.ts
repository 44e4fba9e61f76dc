import type { Context } from '../../cli/context.js';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { groupsNotFound } from '../../kafka/not-found.js';
import type { CommittedOffset, GroupDescription, GroupsApi, ShareOffset } from '../../kafka/groups.js';
import { tpKey, type TopicPartition } from '../../kafka/types.js';

/** --group, on every verb that takes GROUP arguments (and lag): kafka-consumer-groups.sh's spelling. */
export const GROUP_OPTION = defineOptions([
  {
    flags: '--group <group>',
    description: 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable',
    repeatable: true,
  },
]);

export async function groupsApi(ctx: Context): Promise<GroupsApi> {
  return (await ctx.kafka()).groups();
}

/** `a,b` and repeated flags -> a list, blanks dropped. */
export function listFlag(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === true ? [] : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The named groups, or every consumer group with --all-groups. */
export function groupNames(
  args: string[],
  flags: { group?: string[]; allGroups?: true },
  verb: string,
): { groups: string[]; all: boolean } {
  const groups = [...new Set([...args, ...listFlag(flags.group)])];
  const all = Boolean(flags.allGroups);
  if (all && groups.length) throw new UsageError(`give group names or --all-groups, not both`);
  if (!all && !groups.length) throw new UsageError(`${verb} needs a GROUP (or --all-groups)`, `ktool groups list shows the groups`);
  return { groups, all };
}

export async function describeNamed(ctx: Context, names: string[], all: boolean): Promise<GroupDescription[]> {
  const api = await groupsApi(ctx);
  const groups = all ? (await api.listGroups()).map((g) => g.group) : names;
  return api.describeGroups(groups);
}

/**
 * One partition of a group, as kafka-consumer-groups.sh --describe shows it: committed offsets and
 * assigned partitions together. `lag` is null when there is no committed offset.
 */
export interface OffsetRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  memberId: string | null;
  host: string | null;
  clientId: string | null;
}

/**
 * Committed offsets (one OffsetFetch per coordinator), log end offsets (one ListOffsets round) and
 * the assignments, joined per partition. Topics deleted since the commit keep a row without an end.
 */
export async function collectOffsets(
  ctx: Context,
  groups: GroupDescription[],
  options: { topics?: Set<string> } = {},
): Promise<{ rows: OffsetRow[]; committed: Map<string, CommittedOffset[]> }> {
  const { committed, shareLag } = await committedOffsets(await groupsApi(ctx), groups);
  const wanted = (topic: string) => !options.topics || options.topics.has(topic);
  const perGroup = new Map<string, Map<string, OffsetRow>>();
  const partitions = new Map<string, TopicPartition>();
  for (const g of groups) {
    const rows = new Map<string, OffsetRow>();
    for (const c of committed.get(g.group) ?? []) {
      if (!wanted(c.topic)) continue;
      rows.set(tpKey(c.topic, c.partition), {
        group: g.group,
        topic: c.topic,
        partition: c.partition,
        currentOffset: c.offset < 0n ? null : Number(c.offset),
        logEndOffset: null,
        lag: null,
        memberId: null,
        host: null,
        clientId: null,
      });
    }
    for (const m of g.members) {
      for (const a of m.assignment) {
        if (!wanted(a.topic)) continue;
        const row = rows.get(tpKey(a.topic, a.partition)) ?? {
          group: g.group,
          topic: a.topic,
          partition: a.partition,
          currentOffset: null,
          logEndOffset: null,
          lag: null,
          memberId: null,
          host: null,
          clientId: null,
        };
        Object.assign(row, { memberId: m.memberId, host: m.host, clientId: m.clientId });
        rows.set(tpKey(a.topic, a.partition), row);
      }
    }
    for (const r of rows.values()) partitions.set(tpKey(r.topic, r.partition), { topic: r.topic, partition: r.partition });
    perGroup.set(g.group, rows);
  }
  const ends = await logEndOffsets(ctx, [...partitions.values()]);
  const rows: OffsetRow[] = [];
  for (const g of groups) {
    for (const r of perGroup.get(g.group)!.values()) {
      const end = ends.get(tpKey(r.topic, r.partition));
      r.logEndOffset = end ?? null;
      r.lag = end !== undefined && r.currentOffset !== null ? end - r.currentOffset : null;
      // A share group's lag as its broker counts it (acknowledged records past the start offset are not lag).
      const lag = shareLag.get(g.group)?.get(tpKey(r.topic, r.partition));
      if (lag !== undefined && r.currentOffset !== null) r.lag = lag;
      rows.push(r);
    }
  }
  rows.sort((a, b) => a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { rows, committed };
}

/**
 * Each group's committed offsets: OffsetFetch for consumer groups, DescribeShareGroupOffsets for
 * share groups (KIP-932), whose start offset stands for the committed one (-1 where the group has
 * no state yet: the partition is listed, its offset unknown), with the broker's lag.
 */
export async function committedOffsets(
  api: GroupsApi,
  groups: GroupDescription[],
): Promise<{ committed: Map<string, CommittedOffset[]>; shareLag: Map<string, Map<string, number>> }> {
  const share = groups.filter((g) => g.type === 'share').map((g) => g.group);
  const others = groups.filter((g) => g.type !== 'share').map((g) => g.group);
  const [committed, shares] = await Promise.all([
    api.fetchOffsets(others),
    share.length ? api.fetchShareOffsets(share) : new Map<string, ShareOffset[]>(),
  ]);
  const shareLag = new Map<string, Map<string, number>>();
  for (const [group, offsets] of shares) {
    committed.set(
      group,
      offsets.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        offset: o.startOffset ?? -1n,
        leaderEpoch: o.leaderEpoch ?? -1,
        metadata: null,
      })),
    );
    shareLag.set(group, new Map(offsets.filter((o) => o.lag !== null).map((o) => [tpKey(o.topic, o.partition), Number(o.lag)])));
  }
  return { committed, shareLag };
}

/** Log end offsets of the partitions that still exist, keyed `topic:partition`. */
export async function logEndOffsets(
  ctx: Context,
  partitions: TopicPartition[],
  query: 'latest' | 'earliest' = 'latest',
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!partitions.length) return out;
  const admin = await (await ctx.kafka()).admin();
  const { topics } = await admin.describeTopics([...new Set(partitions.map((p) => p.topic))]);
  const exists = new Set(topics.flatMap((t) => t.partitions.map((p) => tpKey(t.name, p.partition))));
  const present = partitions.filter((p) => exists.has(tpKey(p.topic, p.partition)));
  for (const o of await admin.listOffsets(present, query)) out.set(tpKey(o.topic, o.partition), Number(o.offset));
  return out;
}

export function requireExisting(groups: GroupDescription[], committed?: Map<string, CommittedOffset[]>): void {
  const missing = groups.filter((g) => !g.exists && !committed?.get(g.group)?.length);
  if (missing.length) throw groupsNotFound(missing.map((g) => g.group));
}

export { tpKey } from '../../kafka/types.js';
