import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { REGISTRY_MODES, type RegistryMode } from '../../schema-registry/types.js';
import { SCHEMAS_GROUPS } from './shared.js';

export const spec = defineCommand({
  command: 'mode [subject]',
  description: 'show or set the registry mode (READWRITE, READONLY, IMPORT), global or of a subject',
  groups: SCHEMAS_GROUPS,
  options: [
    { flags: '--set <mode>', description: 'set it', choices: REGISTRY_MODES },
    { flags: '--force', description: 'IMPORT even when subjects exist (Confluent ?force=true)' },
  ],
  examples: ['ktool schemas mode', 'ktool schemas mode orders-value --set READONLY'],
});

export interface ModeOptions {
  subject?: string;
  set?: RegistryMode;
  force: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): ModeOptions {
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`);
  if (flags.force && !flags.set) throw new UsageError('--force goes with --set');
  return { subject: args[0] || undefined, set: flags.set, force: Boolean(flags.force) };
}

/** `schemas mode [S] --json`: {subject (null for global), mode, source: subject|global}. */
export async function run(o: ModeOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  if (o.set) await registry.setMode(o.set, o.subject, { force: o.force || undefined });
  const own = o.subject === undefined ? undefined : await registry.getMode(o.subject);
  const mode = own ?? (await registry.getMode());
  const source = o.subject === undefined || own === undefined ? 'global' : 'subject';
  const data = { subject: o.subject ?? null, mode: mode ?? null, source };
  const who = o.subject === undefined ? 'global' : o.subject;
  return {
    data,
    view: [
      {
        lines: [`${o.set ? 'set: ' : ''}${who}: ${mode ?? 'unknown'}${o.subject !== undefined && source === 'global' ? ' (global)' : ''}`],
      },
    ],
  };
}
