import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { SCHEMAS_GROUPS } from './shared.js';

export const spec = defineCommand({
  command: 'versions <subject>',
  description: "a subject's versions with their schema ids and types",
  groups: SCHEMAS_GROUPS,
  options: [{ flags: '--deleted', description: 'include soft-deleted versions (marked as such)' }],
  examples: ['ktool schemas versions orders-value', 'ktool schemas versions orders-value --deleted --json'],
});

export interface VersionsOptions {
  subject: string;
  deleted: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): VersionsOptions {
  if (args.length !== 1) throw new UsageError(args.length ? `unexpected argument "${args[1]}"` : 'which subject? give SUBJECT');
  return { subject: args[0], deleted: Boolean(flags.deleted) };
}

/** `schemas versions S --json`: [{version, id, schemaType, deleted}], oldest first. */
export async function run(o: VersionsOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  const live = await registry.listVersions(o.subject).catch((error: unknown) => {
    // Every version soft-deleted: the subject is "not found" without --deleted.
    if (o.deleted) return [] as number[];
    throw error;
  });
  const all = o.deleted ? await registry.listVersions(o.subject, { deleted: true }) : live;
  const data = await Promise.all(
    all.map(async (version) => {
      const v = await registry.getSubjectVersion(o.subject, version, { deleted: o.deleted });
      return { version, id: v.id, schemaType: v.schemaType, deleted: !live.includes(version) };
    }),
  );
  const head = ['VERSION', 'ID', 'TYPE', ...(o.deleted ? ['DELETED'] : [])];
  const rows = data.map((d) => [d.version, d.id, d.schemaType, ...(o.deleted ? [d.deleted ? 'yes' : 'no'] : [])]);
  return { data, view: [{ head, rows, numeric: [0, 1] }] };
}
