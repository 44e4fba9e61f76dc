/**
 * `groups reset-offsets`' plan: the groups to reset, the partitions of each, their log facts and the
 * new offset of each (the arithmetic is reset-plan.ts). Nothing is committed here.
 */
import { readUserFile } from '../../util/read-user-file.js';
import type { Context } from '../../cli/context.js';
import { NotFoundError, OperationError, UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { CommittedOffset, GroupDescription, GroupsApi } from '../../kafka/groups-types.js';
import type { AdminApi, TopicPartition } from '../../kafka/types.js';
import { parsePlanCsv, target, type PartitionFacts, type PlanLine, type Strategy } from './reset-plan.js';
import { committedOffsets, groupsApi, logEndOffsets, tpKey } from './shared.js';

/** What reset-offsets.ts parses from the command line. */
export interface ResetOptions {
  groups: string[];
  all: boolean;
  topics: { topic: string; partitions?: number[] }[];
  allTopics: boolean;
  strategy: Strategy;
  execute: boolean;
  export: boolean;
}

/**
 * `groups reset-offsets --json`: one row per partition, `currentOffset` null when the group had no
 * committed offset there; `clampedFrom` is the asked-for offset when it was outside the log.
 * `executed` says whether the offsets were committed (false for a dry run).
 */
export interface ResetRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  newOffset: number;
  logStartOffset: number;
  logEndOffset: number;
  clampedFrom?: number;
  executed: boolean;
}

const ACTIVE_OK = new Set(['Empty', 'Dead']);

/** The plan file's lines (--from-file) and the groups to reset: named, every one, or the plan's. */
async function planAndGroups(options: ResetOptions, api: GroupsApi): Promise<{ plan: PlanLine[]; groups: string[] }> {
  const s = options.strategy;
  const plan = s.kind !== 'file' ? [] : (s.lines ?? parsePlanCsv(await readUserFile(s.path, '--from-file'), s.path));
  let groups = options.all ? (await api.listGroups()).map((g) => g.group) : options.groups;
  if (!groups.length) groups = [...new Set(plan.map((p) => p.group).filter((g): g is string => !!g))];
  if (!groups.length) throw new UsageError('no group to reset', 'name one, or use a plan file with a group column');
  return { plan, groups };
}

/** Offsets can only be reset while a group is empty: refused with --execute, a warning for a dry run. */
async function refuseBusy(options: ResetOptions, api: GroupsApi, groups: string[], ctx: Context): Promise<GroupDescription[]> {
  const described = await api.describeGroups(groups);
  const busy = described.filter((d) => !ACTIVE_OK.has(d.state) || d.members.length);
  for (const d of busy) {
    const message = `group ${d.group} is ${d.state} with ${d.members.length} active member(s): offsets can only be reset while it is empty`;
    if (options.execute)
      throw new OperationError(message, { hint: 'stop its consumers first (ktool groups describe ' + d.group + ' --members shows them)' });
    ctx.warn(`${message}; --execute would be refused`);
  }
  return described;
}

/** The partitions --topic T[:P,...] names, each checked to exist. */
async function explicitPartitions(options: ResetOptions, admin: AdminApi): Promise<TopicPartition[]> {
  const explicit: TopicPartition[] = [];
  if (!options.topics.length) return explicit;
  const { topics, missing } = await admin.describeTopics(options.topics.map((t) => t.topic));
  if (missing.length) throw topicsNotFound(missing);
  for (const sel of options.topics) {
    const info = topics.find((t) => t.name === sel.topic)!;
    const count = info.partitions.length;
    const bad = (sel.partitions ?? []).filter((p) => p >= count);
    if (bad.length) throw new NotFoundError(`${sel.topic} has ${count} partition(s); no partition ${bad.join(', ')}`);
    for (const p of sel.partitions ?? info.partitions.map((x) => x.partition)) explicit.push({ topic: sel.topic, partition: p });
  }
  return explicit;
}

type Planned = TopicPartition & { planned?: number };

/** What the rows are computed from: each group's partitions and committed offsets, and the log facts of them all. */
interface Facts {
  groups: string[];
  partitionsOf: (group: string) => Planned[];
  committed: Map<string, CommittedOffset[]>;
  starts: Map<string, number>;
  ends: Map<string, number>;
  byTime: Map<string, number | null>;
}

/** The rows of the plan, sorted by group, topic and partition, and the share groups among the groups. */
export async function resetRows(options: ResetOptions, ctx: Context): Promise<{ rows: ResetRow[]; share: Set<string> }> {
  const api = await groupsApi(ctx);
  const admin = await (await ctx.kafka()).admin();
  const s = options.strategy;
  const { plan, groups } = await planAndGroups(options, api);
  const described = await refuseBusy(options, api, groups, ctx);
  // A share group's start offsets stand for committed offsets; they are set with AlterShareGroupOffsets.
  const { committed } = await committedOffsets(api, described);
  const share = new Set(described.filter((d) => d.type === 'share').map((d) => d.group));

  // Which partitions, per group.
  const explicit = await explicitPartitions(options, admin);
  const singleGroupPlan = plan.every((p) => p.group === undefined);
  const partitionsOf = (group: string): Planned[] => {
    if (s.kind === 'file')
      return plan
        .filter((p) => (singleGroupPlan ? true : p.group === group))
        .map((p) => ({ topic: p.topic, partition: p.partition, planned: p.offset }));
    if (options.allTopics) return (committed.get(group) ?? []).map((c) => ({ topic: c.topic, partition: c.partition }));
    return explicit;
  };
  const all = new Map<string, TopicPartition>();
  for (const g of groups) for (const p of partitionsOf(g)) all.set(tpKey(p.topic, p.partition), { topic: p.topic, partition: p.partition });
  const wanted = [...all.values()];
  const [starts, ends] = await Promise.all([logEndOffsets(ctx, wanted, 'earliest'), logEndOffsets(ctx, wanted, 'latest')]);
  const gone = wanted.filter((p) => !ends.has(tpKey(p.topic, p.partition)));
  if (gone.length) throw new NotFoundError(`partitions do not exist: ${gone.map((p) => tpKey(p.topic, p.partition)).join(', ')}`);
  const byTime = new Map<string, number | null>();
  if (s.kind === 'datetime' || s.kind === 'duration') {
    const timestamp = s.kind === 'datetime' ? s.timestamp : Date.now() - s.ms;
    for (const o of await admin.listOffsets(wanted, { timestamp }))
      byTime.set(tpKey(o.topic, o.partition), o.offset < 0n ? null : Number(o.offset));
  }
  return { rows: rowsOf(s, { groups, partitionsOf, committed, starts, ends, byTime }, ctx), share };
}

/** Each group's partitions with their new offsets (a warning for each one clamped to the log). */
function rowsOf(s: Strategy, f: Facts, ctx: Context): ResetRow[] {
  const rows: ResetRow[] = [];
  for (const group of f.groups) {
    const current = new Map(
      (f.committed.get(group) ?? []).filter((c) => c.offset >= 0n).map((c) => [tpKey(c.topic, c.partition), Number(c.offset)]),
    );
    for (const p of f.partitionsOf(group)) {
      const key = tpKey(p.topic, p.partition);
      const facts: PartitionFacts = {
        current: current.get(key) ?? null,
        logStart: f.starts.get(key)!,
        logEnd: f.ends.get(key)!,
        byTime: f.byTime.get(key),
        planned: p.planned,
      };
      const t = target(s, facts, `${group} ${key}`);
      if (t.clamped)
        ctx.warn(
          `${group} ${key}: offset ${t.clamped.wanted} is outside the log ` +
            `(${facts.logStart}..${facts.logEnd}); using the ${t.clamped.to}, ${t.offset}`,
        );
      rows.push({
        group,
        topic: p.topic,
        partition: p.partition,
        currentOffset: facts.current,
        newOffset: t.offset,
        logStartOffset: facts.logStart,
        logEndOffset: facts.logEnd,
        ...(t.clamped ? { clampedFrom: t.clamped.wanted } : {}),
        executed: false,
      });
    }
  }
  rows.sort((a, b) => a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return rows;
}
