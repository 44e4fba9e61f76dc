import { readUserFile } from '../../util/read-user-file.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError, OperationError, UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import type { GroupDescription, GroupsApi } from '../../kafka/groups-types.js';
import type { AdminApi, TopicPartition } from '../../kafka/types.js';
import { parseDuration } from '../../util/duration.js';
import {
  formatPlanCsv,
  parseDatetime,
  parsePlanCsv,
  parseTopicArg,
  target,
  type PartitionFacts,
  type PlanLine,
  type Strategy,
} from './reset-plan.js';
import { committedOffsets, GROUP_OPTION, groupsApi, listFlag, logEndOffsets, tpKey } from './shared.js';

export const spec = defineCommand({
  command: 'reset-offsets [groups...]',
  description: 'move committed offsets (dry run unless --execute; the group must have no active members)',
  groups: ['connection', 'output', 'base'],
  options: [
    ...GROUP_OPTION,
    { flags: '--all-groups', description: 'every consumer group' },
    { flags: '--topic <topic[:p,...]>', description: 'a topic, or some of its partitions, repeatable', repeatable: true },
    { flags: '--all-topics', description: 'every partition the group has a committed offset for' },
    { flags: '--to-earliest', description: 'to the log start offset' },
    { flags: '--to-latest', description: 'to the log end offset' },
    { flags: '--to-current', description: 'to the committed offset (the log end where there is none)' },
    { flags: '--to-offset <n>', description: 'to offset N (clamped to the log)' },
    { flags: '--shift-by <n>', description: 'by N, negative to go back (clamped to the log)' },
    {
      flags: '--to-datetime <time>',
      description:
        'to the first record at or after YYYY-MM-DDTHH:mm:SS.sss (UTC unless a zone is given), or ' +
        'any ktool time: epoch ms, a date, relative like -1h',
    },
    { flags: '--by-duration <duration>', description: 'to the first record at or after now minus PnDTnHnMnS (or 1h, 30m)' },
    {
      flags: '--from-file <csv>',
      description: 'to the offsets in a CSV of topic,partition,offset or group,topic,partition,offset (what --export prints)',
    },
    {
      flags: '--execute',
      description: 'commit the new offsets (stderr then says how many, per group; without it: a dry run, said on stderr)',
    },
    { flags: '--dry-run', description: 'only show the plan (the default)' },
    { flags: '--export', description: 'print the plan as CSV for --from-file' },
  ],
  examples: [
    'ktool groups reset-offsets billing --topic orders --to-earliest',
    'ktool groups reset-offsets billing --topic orders:0,1 --shift-by -100 --execute',
    'ktool groups reset-offsets billing --all-topics --to-datetime 2026-01-31T08:00:00.000 --execute',
    'ktool groups reset-offsets billing --all-topics --to-current --export > plan.csv',
    'ktool groups reset-offsets billing --from-file plan.csv --execute',
  ],
});

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

const STRATEGY_FLAGS = ['toEarliest', 'toLatest', 'toCurrent', 'toOffset', 'shiftBy', 'toDatetime', 'byDuration', 'fromFile'] as const;
const FLAG_NAMES: Record<string, string> = {
  toEarliest: '--to-earliest',
  toLatest: '--to-latest',
  toCurrent: '--to-current',
  toOffset: '--to-offset',
  shiftBy: '--shift-by',
  toDatetime: '--to-datetime',
  byDuration: '--by-duration',
  fromFile: '--from-file',
};

function integer(value: unknown, flag: string, min = -Infinity): number {
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${flag} needs a whole number${min === 0 ? ' >= 0' : ''}, got "${text}"`);
  return Number(text);
}

export function parse(args: string[], typed: Flags<typeof spec>): ResetOptions {
  // The strategy flags are looked up by name.
  const flags: Record<string, unknown> = { ...typed };
  const given = STRATEGY_FLAGS.filter((k) => flags[k] !== undefined && flags[k] !== false);
  if (given.length !== 1) {
    throw new UsageError(
      given.length ? `pick one reset strategy, not ${given.map((k) => FLAG_NAMES[k]).join(' and ')}` : 'reset-offsets needs a strategy',
      'one of --to-earliest, --to-latest, --to-current, --to-offset N, --shift-by N, ' +
        '--to-datetime T, --by-duration PnDTnHnMnS, --from-file CSV',
    );
  }
  const k = given[0];
  const v = flags[k];
  const strategy: Strategy =
    k === 'toEarliest'
      ? { kind: 'earliest' }
      : k === 'toLatest'
        ? { kind: 'latest' }
        : k === 'toCurrent'
          ? { kind: 'current' }
          : k === 'toOffset'
            ? { kind: 'offset', offset: integer(v, '--to-offset', 0) }
            : k === 'shiftBy'
              ? { kind: 'shift', by: integer(v, '--shift-by') }
              : k === 'toDatetime'
                ? { kind: 'datetime', timestamp: parseDatetime(String(v)) }
                : k === 'byDuration'
                  ? { kind: 'duration', ms: parseDuration(String(v), '--by-duration') }
                  : { kind: 'file', path: String(v) };
  const groups = [...new Set([...args, ...listFlag(flags.group)])];
  const all = Boolean(flags.allGroups);
  if (all && groups.length) throw new UsageError('give group names or --all-groups, not both');
  if (!all && !groups.length && strategy.kind !== 'file') throw new UsageError('reset-offsets needs a GROUP (or --all-groups)');
  const topics = (flags.topic === undefined ? [] : Array.isArray(flags.topic) ? (flags.topic as string[]) : [String(flags.topic)]).map(
    parseTopicArg,
  );
  const allTopics = Boolean(flags.allTopics);
  if (strategy.kind !== 'file' && !allTopics && !topics.length)
    throw new UsageError('say which partitions: --topic T[:P,...] (repeatable) or --all-topics');
  if (allTopics && topics.length) throw new UsageError('give --topic or --all-topics, not both');
  if (flags.execute && flags.dryRun) throw new UsageError('--execute and --dry-run contradict each other');
  return { groups, all, topics, allTopics, strategy, execute: Boolean(flags.execute), export: Boolean(flags.export) };
}

const ACTIVE_OK = new Set(['Empty', 'Dead']);

/** The plan file's lines (--from-file) and the groups to reset: named, every one, or the plan's. */
async function planAndGroups(options: ResetOptions, api: GroupsApi): Promise<{ plan: PlanLine[]; groups: string[] }> {
  const s = options.strategy;
  const plan = s.kind === 'file' ? parsePlanCsv(await readUserFile(s.path, '--from-file'), s.path) : [];
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

export async function run(options: ResetOptions, ctx: Context): Promise<CommandResult> {
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
  const partitionsOf = (group: string): (TopicPartition & { planned?: number })[] => {
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

  const rows: ResetRow[] = [];
  for (const group of groups) {
    const current = new Map(
      (committed.get(group) ?? []).filter((c) => c.offset >= 0n).map((c) => [tpKey(c.topic, c.partition), Number(c.offset)]),
    );
    for (const p of partitionsOf(group)) {
      const key = tpKey(p.topic, p.partition);
      const facts: PartitionFacts = {
        current: current.get(key) ?? null,
        logStart: starts.get(key)!,
        logEnd: ends.get(key)!,
        byTime: byTime.get(key),
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

  const failed = options.execute ? await commit(ctx, rows, share) : [];
  if (!options.execute) ctx.io.stderr.write('dry run: nothing committed; add --execute to apply\n');
  // OffsetCommit needs Read on the group and on the topics.
  const error = async (f: CommitFailure) =>
    errorForKafkaCode(
      f.code,
      `committing offsets failed: ${f.text}`,
      f.code === 'UNKNOWN_MEMBER_ID' || f.code === 'ILLEGAL_GENERATION'
        ? 'the group has active members: stop its consumers first'
        : undefined,
      { operation: 'Read', principal: await principal(ctx) },
    );
  return batchOutcome(ctx.io, resetResult(rows, options), { total: rows.length, failed, describe: (f) => f.text, error });
}

/** The plan as a table (or, with --export, as the CSV --from-file reads). */
function resetResult(rows: ResetRow[], options: ResetOptions): CommandResult {
  const result: CommandResult = {
    data: rows,
    view: [
      {
        head: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'NEW-OFFSET', 'LOG-START', 'LOG-END', 'NOTE'],
        rows: rows.map((r) => [
          r.group,
          r.topic,
          r.partition,
          r.currentOffset,
          r.newOffset,
          r.logStartOffset,
          r.logEndOffset,
          r.clampedFrom !== undefined ? `clamped from ${r.clampedFrom}` : '',
        ]),
        numeric: [2, 3, 4, 5, 6],
        wideOnly: [5, 6, 7],
      },
    ],
  };
  if (options.export)
    result.text = formatPlanCsv(rows.map((r) => ({ group: r.group, topic: r.topic, partition: r.partition, offset: r.newOffset })));
  return result;
}

interface CommitFailure {
  /** `GROUP TOPIC:PARTITION: broker text (CODE)` */
  text: string;
  code: string;
}

/** Commits each group's new offsets; marks the rows done and returns the partitions refused. */
async function commit(ctx: Context, rows: ResetRow[], share: Set<string>): Promise<CommitFailure[]> {
  const api = await groupsApi(ctx);
  const failures: CommitFailure[] = [];
  let succeeded = 0;
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    const mine = rows.filter((r) => r.group === group);
    const offsets = mine.map((r) => ({ topic: r.topic, partition: r.partition, offset: BigInt(r.newOffset) }));
    const outcomes = await (share.has(group) ? api.alterShareOffsets(group, offsets) : api.commitOffsets(group, offsets));
    const before = succeeded;
    for (const o of outcomes) {
      const row = mine.find((r) => r.topic === o.topic && r.partition === o.partition);
      if (o.errorCode) failures.push({ text: `${group} ${o.topic}:${o.partition}: ${o.error} (${o.errorCode})`, code: o.errorCode });
      else if (row) {
        row.executed = true;
        succeeded++;
      }
    }
    // The table looks the same either way: say what happened.
    const n = succeeded - before;
    if (n > 0) ctx.io.stderr.write(`committed new offsets for ${n} partition${n === 1 ? '' : 's'} of group ${group}\n`);
  }
  return failures;
}
