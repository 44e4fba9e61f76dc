import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { YES } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import type { GroupsApi, PartitionOutcome } from '../../kafka/groups-types.js';
import type { TopicPartition } from '../../kafka/types.js';
import { parseTopicArg } from './reset-plan.js';
import { GROUP_OPTION, groupsApi, listFlag } from './shared.js';

export const spec = defineCommand({
  command: 'delete-offsets [group]',
  description: "delete a group's committed offsets of some topics or partitions; asks on a terminal, needs --yes otherwise",
  groups: ['connection', 'output', 'base'],
  options: [
    ...GROUP_OPTION,
    { flags: '--topic <topic[:p,...]>', description: 'a topic, or some of its partitions, repeatable', repeatable: true },
    ...YES,
  ],
  examples: ['ktool groups delete-offsets billing --topic orders --yes', 'ktool groups delete-offsets billing --topic orders:0,1'],
});

export interface DeleteOffsetsOptions {
  group: string;
  topics: { topic: string; partitions?: number[] }[];
  /** Set by the kafka-consumer-groups.sh spelling too, which never asks. */
  yes: boolean;
}

const HINTS: Record<string, string> = {
  GROUP_SUBSCRIBED_TO_TOPIC: 'the group is consuming this topic: stop its consumers (or change their subscription) first',
  GROUP_ID_NOT_FOUND: 'ktool groups list shows the groups',
  NON_EMPTY_GROUP: 'the group has active members: stop its consumers first',
};

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOffsetsOptions {
  const groups = [...new Set([...args, ...listFlag(flags.group)])];
  if (groups.length !== 1) throw new UsageError('groups delete-offsets needs exactly one GROUP');
  const raw = flags.topic === undefined ? [] : Array.isArray(flags.topic) ? (flags.topic as string[]) : [String(flags.topic)];
  if (!raw.length) throw new UsageError('say which offsets: --topic T or --topic T:P[,P...] (repeatable)');
  return { group: groups[0], topics: raw.map(parseTopicArg), yes: Boolean(flags.yes) };
}

/** `groups delete-offsets --json`: `[{group, topic, partition, deleted, errorCode?, error?}]`. */
export async function run(options: DeleteOffsetsOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const { topics, missing } = await admin.describeTopics(options.topics.map((t) => t.topic));
  if (missing.length) throw topicsNotFound(missing);
  const partitions: TopicPartition[] = options.topics.flatMap((sel) =>
    (sel.partitions ?? topics.find((t) => t.name === sel.topic)!.partitions.map((p) => p.partition)).map((partition) => ({
      topic: sel.topic,
      partition,
    })),
  );
  const items = options.topics.map((sel) =>
    sel.partitions ? `${sel.topic}:${sel.partitions.join(',')}` : `${sel.topic} (every partition)`,
  );
  if (options.topics.some((t) => t.partitions)) await refusePartitionsOfShareGroup(ctx, options.group);
  await confirmDestructive(ctx.io, {
    action: `delete the committed offsets of group ${options.group} on ${partitions.length} partition${partitions.length > 1 ? 's' : ''}`,
    items,
    yes: options.yes,
  });
  const api = await groupsApi(ctx);
  const [described] = await api.describeGroups([options.group]);
  const result =
    described?.type === 'share' ? await deleteShareOffsets(api, options, partitions) : await api.deleteOffsets(options.group, partitions);
  // OffsetDelete needs Delete on the group and Read on the topics.
  if (result.errorCode)
    throw errorForKafkaCode(
      result.errorCode,
      `cannot delete offsets of group ${options.group}: ${result.error} (${result.errorCode})`,
      HINTS[result.errorCode],
      { operation: 'Delete', names: [options.group], principal: await principal(ctx) },
    );
  const rows = result.partitions.map((p) => ({
    group: options.group,
    topic: p.topic,
    partition: p.partition,
    deleted: !p.errorCode,
    ...(p.errorCode ? { errorCode: p.errorCode, error: p.error } : {}),
  }));
  const view = [
    {
      head: ['GROUP', 'TOPIC', 'PARTITION', 'STATUS'],
      rows: rows.map((r) => [r.group, r.topic, r.partition, r.deleted ? 'deleted' : `${r.error} (${r.errorCode})`]),
      numeric: [2],
    },
  ];
  const failure = (f: (typeof rows)[number]) =>
    `cannot delete offsets of ${options.group} ${f.topic}:${f.partition}: ${f.error} (${f.errorCode})`;
  return batchOutcome(
    ctx.io,
    { data: rows, view },
    {
      total: rows.length,
      failed: rows.filter((r) => !r.deleted),
      describe: failure,
      error: async (f, failed) =>
        errorForKafkaCode(f.errorCode!, failure(f), HINTS[f.errorCode!], {
          operation: 'Read',
          names: [...new Set(failed.map((x) => x.topic))],
          principal: await principal(ctx),
        }),
    },
  );
}

/** A share group's offsets (KIP-932) go by whole topic: DeleteShareGroupOffsets names no partition. */
async function refusePartitionsOfShareGroup(ctx: Context, group: string): Promise<void> {
  const [described] = await (await groupsApi(ctx)).describeGroups([group]);
  if (described?.type === 'share')
    throw new UsageError(`${group} is a share group: its offsets are deleted by whole topic`, 'give --topic T without partitions');
}

/** Each topic's outcome, on every partition of it (the rows say what happened to each partition's state). */
async function deleteShareOffsets(
  api: GroupsApi,
  options: DeleteOffsetsOptions,
  partitions: TopicPartition[],
): Promise<{ errorCode?: string; error?: string; partitions: PartitionOutcome[] }> {
  const r = await api.deleteShareOffsets(options.group, [...new Set(partitions.map((p) => p.topic))]);
  if (r.errorCode) return { errorCode: r.errorCode, error: r.error, partitions: [] };
  const byTopic = new Map(r.topics.map((t) => [t.topic, t]));
  return {
    partitions: partitions.map((p) => {
      const t = byTopic.get(p.topic);
      return t?.errorCode ? { ...p, errorCode: t.errorCode, error: t.error } : { ...p };
    }),
  };
}
