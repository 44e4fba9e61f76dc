import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { YES } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import type { ItemResult } from '../../kafka/types.js';
import { GROUP_OPTION, groupsApi, listFlag } from './shared.js';

export const spec = defineCommand({
  command: 'delete [groups...]',
  description: 'delete groups and their committed offsets (the groups must be empty); asks on a terminal, needs --yes otherwise',
  groups: ['connection', 'output', 'base'],
  options: [
    ...GROUP_OPTION,
    { flags: '--all-groups', description: 'every consumer group (kafka-consumer-groups.sh --delete --all-groups): lists them and asks' },
    ...YES,
  ],
  examples: ['ktool groups delete billing old-billing --yes', 'ktool groups delete --all-groups            # lists every group and asks'],
});

export interface DeleteOptions {
  groups: string[];
  /** kafka-consumer-groups.sh --delete --all-groups: every consumer group. */
  all: boolean;
  /** Set by the kafka-consumer-groups.sh spelling too, which never asks. */
  yes: boolean;
}

const HINTS: Record<string, string> = {
  NON_EMPTY_GROUP: 'the group has active members: stop its consumers first',
  GROUP_ID_NOT_FOUND: 'ktool groups list shows the groups',
};

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOptions {
  const groups = [...new Set([...args, ...listFlag(flags.group)])];
  const all = Boolean(flags.allGroups);
  if (all && groups.length) throw new UsageError('give group names or --all-groups, not both');
  if (!all && !groups.length) throw new UsageError('groups delete needs at least one GROUP (or --all-groups)');
  return { groups, all, yes: Boolean(flags.yes) };
}

/** `groups delete --json`: `[{name, ok, errorCode?, error?}]` per group. */
export async function run(options: DeleteOptions, ctx: Context): Promise<CommandResult> {
  // Named groups are confirmed before connecting; --all-groups lists them first, to show them.
  const names = options.all ? (await (await groupsApi(ctx)).listGroups()).map((g) => g.group) : options.groups;
  if (!names.length) return { data: [], view: [{ lines: ['no consumer groups to delete'] }] };
  const what = options.all ? `every consumer group (${names.length})` : `${names.length} group${names.length > 1 ? 's' : ''}`;
  const action = `delete ${what} and ${options.all || names.length > 1 ? 'their' : 'its'} committed offsets`;
  await confirmDestructive(ctx.io, { action, items: names, yes: options.yes });
  const results: ItemResult[] = await (await groupsApi(ctx)).deleteGroups(names);
  const view = [{ lines: results.map((r) => (r.ok ? `deleted group ${r.name}` : `${r.name}: ${r.error} (${r.errorCode})`)) }];
  const failure = (f: ItemResult) => `cannot delete group ${f.name}: ${f.error} (${f.errorCode})`;
  return batchOutcome(
    ctx.io,
    { data: results, view },
    {
      total: results.length,
      failed: results.filter((r) => !r.ok),
      describe: failure,
      error: async (f, failed) =>
        errorForKafkaCode(f.errorCode!, failure(f), HINTS[f.errorCode!], {
          operation: 'Delete',
          names: failed.filter((x) => x.errorCode === f.errorCode).map((x) => x.name),
          principal: await principal(ctx),
        }),
    },
  );
}
