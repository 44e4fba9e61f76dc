import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { diffLines, unifiedHunks } from '../../util/line-diff.js';
import { prettySchema, SCHEMAS_GROUPS, versionNumber } from './shared.js';

export const spec = defineCommand({
  command: 'diff <subject> <from> [to]',
  description: 'what changed between two versions of a subject (TO defaults to latest); Avro and JSON pretty-printed first',
  groups: SCHEMAS_GROUPS,
  options: [{ flags: '-U, --context <lines>', description: 'unchanged lines around each change', default: '3' }],
  examples: [
    'ktool schemas diff orders-value 1 2',
    'ktool schemas diff orders-value 1   # against the latest',
    'ktool schemas diff orders-value 1 3 --json',
  ],
});

export interface DiffOptions {
  subject: string;
  from: number | 'latest';
  to: number | 'latest';
  context: number;
}

const version = (text: string) => (text === 'latest' ? 'latest' : versionNumber(text));

export function parse(args: string[], flags: Flags<typeof spec>): DiffOptions {
  if (args.length < 2) throw new UsageError('schemas diff needs SUBJECT FROM [TO]', 'e.g. ktool schemas diff orders-value 1 2');
  if (args.length > 3) throw new UsageError(`unexpected argument "${args[3]}"`);
  const context = flags.context === undefined ? 3 : Number(flags.context);
  if (!Number.isInteger(context) || context < 0) throw new UsageError(`--context must be a whole number of lines, got "${flags.context}"`);
  return { subject: args[0], from: version(args[1]), to: version(args[2] ?? 'latest'), context };
}

/** `schemas diff --json`: {subject, from: {version, id}, to: {version, id}, identical, diff: [unified lines]}. */
export async function run(o: DiffOptions, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  const [a, b] = await Promise.all([registry.getSubjectVersion(o.subject, o.from), registry.getSubjectVersion(o.subject, o.to)]);
  const left = prettySchema(a.schema, a.schemaType).split('\n');
  const right = prettySchema(b.schema, b.schemaType).split('\n');
  const hunks = unifiedHunks(diffLines(left, right), o.context);
  const data = {
    subject: o.subject,
    from: { version: a.version, id: a.id },
    to: { version: b.version, id: b.id },
    identical: !hunks.length,
    diff: hunks,
  };
  const header = [`--- ${o.subject} version ${a.version} (id ${a.id})`, `+++ ${o.subject} version ${b.version} (id ${b.id})`];
  if (!hunks.length)
    return {
      data,
      view: [{ lines: [`${o.subject} versions ${a.version} and ${b.version} are identical${a.id === b.id ? ` (id ${a.id})` : ''}`] }],
    };
  const c = ctx.chalk;
  const colored = hunks.map((l) => (l.startsWith('@@') ? c.cyan(l) : l.startsWith('-') ? c.red(l) : l.startsWith('+') ? c.green(l) : l));
  return { data, view: [{ lines: [...header.map((l) => c.bold(l)), ...colored] }] };
}
