import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { CancelledError, ConnectionError, UsageError } from '../../errors.js';
import { emptyListing } from '../missing-hints.js';
import type { GroupListing, GroupsApi } from '../../kafka/groups-types.js';
import { collectOffsets, groupsApi, listFlag } from './shared.js';

export const spec = defineCommand({
  command: 'list',
  description: 'groups (classic, consumer, share, streams) with state, type, protocol, member count and total lag',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--state <states>',
      description: 'only groups in these states: Stable,Empty,PreparingRebalance,CompletingRebalance,Dead,Assigning,Reconciling',
      repeatable: true,
    },
    { flags: '--type <types>', description: 'only groups of these types: classic,consumer,share,streams', repeatable: true },
  ],
  examples: [
    'ktool groups list',
    'ktool groups list --state Stable,Empty',
    "ktool groups list --json | jq -r '.[] | select(.lag > 1000) | .group'",
  ],
});

const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead', 'Assigning', 'Reconciling', 'NotReady', 'Unknown'];
const TYPES = ['classic', 'consumer', 'share', 'streams'];

export interface ListOptions {
  /** Kafka's state names; empty: every state. */
  states: string[];
  types: string[];
}

/**
 * `groups list --json`: one object per consumer group. `lag` is the sum over partitions with a
 * committed offset (null when the group has none); `assignor` is the assignment strategy.
 */
export interface GroupSummary {
  group: string;
  state: string;
  type: string;
  protocolType: string;
  assignor: string;
  members: number;
  coordinator: number;
  lag: number | null;
}

export function parse(_args: string[], flags: Flags<typeof spec>): ListOptions {
  const states = listFlag(flags.state).map((s) => {
    const found = STATES.find((k) => k.toLowerCase() === s.toLowerCase().replace(/[_-]/g, ''));
    if (!found) throw new UsageError(`unknown group state "${s}"`, `states: ${STATES.join(', ')}`);
    return found;
  });
  const types = listFlag(flags.type).map((t) => {
    if (!TYPES.includes(t.toLowerCase())) throw new UsageError(`unknown group type "${t}"`, `types: ${TYPES.join(', ')}`);
    return t.toLowerCase();
  });
  return { states, types };
}

/**
 * Every group type: classic, consumer, share (KIP-932) and streams (KIP-1071). A broker before Kafka
 * 4.1 may refuse the types it does not know: then classic and consumer, as before.
 */
async function everyType(api: GroupsApi): Promise<GroupListing[]> {
  try {
    return await api.listGroups(TYPES);
  } catch (error) {
    // A broker that did not answer or let us in would not answer the second question either (and its
    // --timeout would run twice): only a refusal of the request is worth asking again without the new types.
    if (error instanceof ConnectionError || error instanceof CancelledError) throw error;
    return api.listGroups(['classic', 'consumer']);
  }
}

export async function run(options: ListOptions, ctx: Context): Promise<CommandResult> {
  const api = await groupsApi(ctx);
  const listed = (options.types.length ? await api.listGroups(options.types) : await everyType(api)).filter(
    (g) => !options.states.length || options.states.includes(g.state),
  );
  const described = await api.describeGroups(listed.map((g) => g.group));
  const { rows } = await collectOffsets(ctx, described);
  const lag = new Map<string, number>();
  for (const r of rows) if (r.lag !== null) lag.set(r.group, (lag.get(r.group) ?? 0) + r.lag);
  const data: GroupSummary[] = described.map((d, i) => ({
    group: d.group,
    // ListGroups and the describe can disagree for a moment; the describe is the newer answer.
    state: d.exists ? d.state : listed[i].state,
    type: d.type === 'consumer' ? 'consumer' : listed[i].type,
    protocolType: d.protocolType || listed[i].protocolType,
    assignor: d.assignor,
    members: d.members.length,
    coordinator: d.coordinator.id,
    lag: lag.get(d.group) ?? null,
  }));
  if (!data.length) {
    const which = [
      options.states.length ? `in state ${options.states.join(' or ')}` : '',
      options.types.length ? `of type ${options.types.join(' or ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return { data, view: await emptyListing(ctx, `consumer groups${which ? ` ${which}` : ''}`, 'listing needs DESCRIBE on the groups') };
  }
  return {
    data,
    view: [
      {
        head: ['GROUP', 'STATE', 'TYPE', 'PROTOCOL', 'MEMBERS', 'LAG', 'ASSIGNOR', 'COORDINATOR'],
        rows: data.map((g) => [g.group, g.state, g.type, g.protocolType || '-', g.members, g.lag, g.assignor || '-', g.coordinator]),
        numeric: [4, 5, 7],
        wideOnly: [6, 7],
      },
    ],
  };
}
