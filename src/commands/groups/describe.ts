import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { GroupMember } from '../../kafka/groups.js';
import type { TopicPartition } from '../../kafka/types.js';
import type { View } from '../../output/view.js';
import { emptyListing } from '../missing-hints.js';
import { requireGroups } from './missing.js';
import { collectOffsets, describeNamed, GROUP_OPTION, groupNames, type OffsetRow } from './shared.js';

export const spec = defineCommand({
  command: 'describe [groups...]',
  description: 'per partition CURRENT-OFFSET, LOG-END-OFFSET, LAG and owner (--offsets, the default), the members, or the state',
  groups: ['connection', 'output', 'base'],
  options: [
    ...GROUP_OPTION,
    { flags: '--all-groups', description: 'every consumer group' },
    { flags: '--offsets', description: 'committed and end offsets, lag and owner per partition (default)' },
    { flags: '--members', description: 'the members: id, host, client id, partition count' },
    { flags: '--state', description: 'coordinator, assignment strategy, state and member count' },
    { flags: '--verbose', description: 'with --members: the assignments; with --state: the epochs' },
  ],
  examples: [
    'ktool groups describe billing',
    'ktool groups describe billing --members --verbose',
    'ktool groups describe --all-groups --state',
    'ktool groups describe billing --json',
  ],
});

export interface DescribeOptions {
  groups: string[];
  all: boolean;
  /** What the table shows (JSON always has everything). */
  mode: 'offsets' | 'members' | 'state';
  verbose: boolean;
}

/**
 * `groups describe --json`: one object per group with its state, members (and their assignments)
 * and `offsets[]` rows `{group, topic, partition, currentOffset, logEndOffset, lag, memberId, host,
 * clientId}` (null where kafka-consumer-groups.sh prints "-").
 */
export interface GroupDetail {
  group: string;
  state: string;
  type: 'classic' | 'consumer' | 'share';
  protocolType: string;
  assignor: string;
  coordinator: { id: number; host: string; port: number };
  groupEpoch?: number;
  assignmentEpoch?: number;
  members: GroupMember[];
  offsets: OffsetRow[];
}

export function parse(args: string[], flags: Flags<typeof spec>): DescribeOptions {
  const { groups, all } = groupNames(args, flags, 'groups describe');
  const modes = (['offsets', 'members', 'state'] as const).filter((m) => flags[m]);
  if (modes.length > 1) throw new UsageError(`--offsets, --members and --state are exclusive; pick one`);
  const verbose = Boolean(flags.verbose);
  if (verbose && modes[0] !== 'members' && modes[0] !== 'state') throw new UsageError('--verbose goes with --members or --state');
  return { groups, all, mode: modes[0] ?? 'offsets', verbose };
}

const tps = (list: TopicPartition[]) => {
  const by = new Map<string, number[]>();
  for (const p of list) by.set(p.topic, [...(by.get(p.topic) ?? []), p.partition]);
  return [...by].map(([t, ps]) => `${t}(${ps.sort((a, b) => a - b).join(',')})`).join(',') || '-';
};

export async function run(options: DescribeOptions, ctx: Context): Promise<CommandResult> {
  const described = await describeNamed(ctx, options.groups, options.all);
  const { rows, committed } = await collectOffsets(ctx, described);
  if (!options.all) await requireGroups(ctx, described, committed);
  const data: GroupDetail[] = described
    .filter((d) => d.exists || committed.get(d.group)?.length)
    .map((d) => ({
      group: d.group,
      state: d.state,
      type: d.type,
      protocolType: d.protocolType,
      assignor: d.assignor,
      coordinator: d.coordinator,
      groupEpoch: d.groupEpoch,
      assignmentEpoch: d.assignmentEpoch,
      members: d.members,
      offsets: rows.filter((r) => r.group === d.group),
    }));
  for (const d of data)
    if (!d.members.length && options.mode !== 'state')
      ctx.info(`${d.type === 'share' ? 'share' : 'consumer'} group '${d.group}' has no active members`);
  if (!data.length) return { data, view: await emptyListing(ctx, 'consumer groups', 'listing needs DESCRIBE on the groups') };
  return { data, view: view(data, options) };
}

function view(data: GroupDetail[], options: DescribeOptions): View {
  if (options.mode === 'state') {
    const head = ['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'];
    if (options.verbose) head.push('GROUP-EPOCH', 'TARGET-ASSIGNMENT-EPOCH');
    return [
      {
        head,
        numeric: [4],
        rows: data.map((d) => [
          d.group,
          `${d.coordinator.host}:${d.coordinator.port} (${d.coordinator.id})`,
          d.assignor || '-',
          d.state,
          d.members.length,
          ...(options.verbose ? [d.groupEpoch ?? '-', d.assignmentEpoch ?? '-'] : []),
        ]),
      },
    ];
  }
  if (options.mode === 'members') {
    const head = ['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS'];
    if (options.verbose) head.push('EPOCH', 'ASSIGNMENT', 'TARGET-ASSIGNMENT');
    const rows = data.flatMap((d) =>
      d.members.map((m) => [
        d.group,
        m.memberId,
        m.host,
        m.clientId,
        m.assignment.length,
        ...(options.verbose ? [m.memberEpoch ?? '-', tps(m.assignment), m.targetAssignment ? tps(m.targetAssignment) : '-'] : []),
      ]),
    );
    return [{ head, rows, numeric: [4] }];
  }
  return [
    {
      head: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'],
      rows: data.flatMap((d) =>
        d.offsets.map((r) => [r.group, r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag, r.memberId, r.host, r.clientId]),
      ),
      numeric: [2, 3, 4, 5],
      // On a narrow terminal the owner columns go before any offset or lag does.
      wrap: [0, 1, 6, 7, 8],
      drop: [6, 8, 7],
    },
  ];
}
