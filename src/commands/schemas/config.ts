import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../../schema-registry/types.js';
import { SCHEMAS_GROUPS } from './shared.js';

export const spec = defineCommand({
  command: 'config [subject]',
  description: 'show or set the compatibility level, global or of a subject',
  groups: SCHEMAS_GROUPS,
  options: [
    { flags: '--compatibility <level>', description: 'set it to this level', choices: COMPATIBILITY_LEVELS },
    { flags: '--reset', description: "remove the subject's own level: it follows the global one again" },
  ],
  examples: [
    'ktool schemas config',
    'ktool schemas config orders-value',
    'ktool schemas config orders-value --compatibility FULL_TRANSITIVE',
    'ktool schemas config --compatibility NONE   # global',
  ],
});

export interface ConfigOptions {
  subject?: string;
  set?: CompatibilityLevel;
  reset: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): ConfigOptions {
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`);
  const subject = args[0] || undefined;
  if (flags.reset && flags.compatibility) throw new UsageError('give --compatibility LEVEL or --reset, not both');
  if (flags.reset && !subject) throw new UsageError('--reset needs a SUBJECT (the global level has no default to return to)');
  return { subject, set: flags.compatibility, reset: Boolean(flags.reset) };
}

/** `schemas config [S] --json`: {subject (null for global), compatibility, source: subject|global}. */
export async function run(o: ConfigOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  if (o.reset) await registry.deleteCompatibility(o.subject!);
  if (o.set) await registry.setCompatibility(o.set, o.subject);
  const own = o.subject === undefined ? undefined : await registry.getCompatibility(o.subject);
  const level = own ?? (await registry.getCompatibility());
  const source = o.subject === undefined || own === undefined ? 'global' : 'subject';
  const data = { subject: o.subject ?? null, compatibility: level ?? null, source };
  const who = o.subject === undefined ? 'global' : o.subject;
  const verb = o.set ? 'set: ' : o.reset ? 'reset: ' : '';
  return {
    data,
    view: [{ lines: [`${verb}${who}: ${level ?? 'unknown'}${o.subject !== undefined && source === 'global' ? ' (global)' : ''}`] }],
  };
}
