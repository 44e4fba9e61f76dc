import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { SCHEMAS_GROUPS } from './shared.js';

export const spec = defineCommand({
  command: 'list [prefix]',
  description: 'list subjects (those starting with PREFIX)',
  groups: SCHEMAS_GROUPS,
  options: [{ flags: '--deleted', description: 'include soft-deleted subjects (marked as such)' }],
  examples: ['ktool schemas list', 'ktool schemas list orders- --json', 'ktool schemas list --deleted'],
});

export interface ListOptions {
  prefix?: string;
  deleted: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): ListOptions {
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`, 'schemas list takes one PREFIX');
  return { prefix: args[0] || undefined, deleted: Boolean(flags.deleted) };
}

/** `schemas list --json`: [{subject, deleted}], sorted. */
export async function run(o: ListOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  const live = await registry.listSubjects({ prefix: o.prefix });
  const all = o.deleted ? await registry.listSubjects({ prefix: o.prefix, deleted: true }) : live;
  const liveSet = new Set(live);
  const data = all.map((subject) => ({ subject, deleted: !liveSet.has(subject) }));
  if (!o.deleted) return { data, view: [{ head: ['SUBJECT'], rows: data.map((d) => [d.subject]) }] };
  return { data, view: [{ head: ['SUBJECT', 'DELETED'], rows: data.map((d) => [d.subject, d.deleted ? 'yes' : 'no']) }] };
}
