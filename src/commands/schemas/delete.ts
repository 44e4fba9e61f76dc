import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { RegistryCode } from '../../schema-registry/errors.js';
import type { SchemaRegistry } from '../../schema-registry/types.js';
import { parseSubjectRef, SCHEMAS_GROUPS } from './shared.js';

export const spec = defineCommand({
  command: 'delete <subject>',
  description: 'delete a subject, or one version of it (SUBJECT@VERSION): soft (restorable by re-registering) or --permanent',
  groups: [...SCHEMAS_GROUPS, 'yes'],
  options: [{ flags: '--permanent', description: 'delete for good (soft-deletes first when needed, as the registry requires)' }],
  notes: 'Asks first on a terminal; off one, --yes is required. Records written with a deleted schema id cannot be decoded any more.',
  examples: [
    'ktool schemas delete orders-value',
    'ktool schemas delete orders-value@3 --yes',
    'ktool schemas delete old-value --permanent --yes',
  ],
});

export interface DeleteOptions {
  subject: string;
  /** undefined: the whole subject. */
  version?: number | 'latest';
  permanent: boolean;
  yes: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOptions {
  if (args.length !== 1) throw new UsageError(args.length ? `unexpected argument "${args[1]}"` : 'which subject? give SUBJECT[@VERSION]');
  const whole = !/@(\d+|latest)$/.test(args[0]);
  const ref = parseSubjectRef(args[0]);
  return { subject: ref.subject, version: whole ? undefined : ref.version, permanent: Boolean(flags.permanent), yes: Boolean(flags.yes) };
}

/** `schemas delete --json`: {subject, versions: [deleted versions], permanent}. */
export async function run(o: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  const what = o.version === undefined ? `subject ${o.subject}` : `version ${o.version} of subject ${o.subject}`;
  // Asked of the registry first: an unknown subject is exit 3 before any question.
  const live = await registry.listVersions(o.subject, { deleted: o.permanent });
  const targets = o.version === undefined ? live : [o.version === 'latest' ? live[live.length - 1] : o.version];
  await confirmDestructive(ctx.io, {
    action: `${o.permanent ? 'permanently ' : ''}delete ${what}${o.version === undefined ? ` (versions ${live.join(', ')})` : ''}`,
    yes: o.yes,
  });
  const versions =
    o.version === undefined
      ? await deleteSubject(registry, o.subject, o.permanent)
      : [await deleteVersion(registry, o.subject, targets[0]!, o.permanent)];
  const data = { subject: o.subject, versions, permanent: o.permanent };
  return { data, view: [{ lines: [`Deleted ${o.permanent ? 'permanently ' : '(soft) '}${what}: version(s) ${versions.join(', ')}`] }] };
}

const alreadySoft = (error: unknown, code: number) => (error as { registryCode?: number }).registryCode === code;

async function deleteSubject(registry: SchemaRegistry, subject: string, permanent: boolean): Promise<number[]> {
  let soft: number[] = [];
  try {
    soft = await registry.deleteSubject(subject);
  } catch (error) {
    if (!permanent || !alreadySoft(error, RegistryCode.subjectSoftDeleted)) throw error;
  }
  return permanent ? registry.deleteSubject(subject, { permanent: true }) : soft;
}

async function deleteVersion(registry: SchemaRegistry, subject: string, version: number, permanent: boolean): Promise<number> {
  let soft = version;
  try {
    soft = await registry.deleteVersion(subject, version);
  } catch (error) {
    // Apicurio answers 409/40406 for a version already soft-deleted, Confluent 404/40406.
    if (!permanent || !alreadySoft(error, RegistryCode.versionSoftDeleted)) throw error;
  }
  return permanent ? registry.deleteVersion(subject, version, { permanent: true }) : soft;
}
