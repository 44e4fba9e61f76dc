import { confirm } from '../../cli/confirm.js';
import { requireTty, type Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { CancelledError, ExitCode, UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { errorForKafkaCode } from '../../kafka/errors.js';

export interface DeleteOptions {
  topics: string[];
  ifExists: boolean;
  yes: boolean;
}

/** One element of `topics delete --json`: status is deleted, missing or failed. */
export interface DeleteOutcome {
  name: string;
  status: 'deleted' | 'missing' | 'failed';
  error?: string;
  errorCode?: string;
}

export function parse(args: string[], flags: Record<string, unknown>): DeleteOptions {
  if (args.length === 0) throw new UsageError('topics delete needs at least one topic name');
  return { topics: [...new Set(args)], ifExists: Boolean(flags.ifExists), yes: Boolean(flags.yes) };
}

export async function run(options: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const existing = new Set(await admin.listTopics({ includeInternal: true }));
  const missing = options.topics.filter((t) => !existing.has(t));
  if (missing.length && !options.ifExists) throw topicsNotFound(missing, 'pass --if-exists to ignore missing topics');
  const targets = options.topics.filter((t) => existing.has(t));
  if (targets.length && !options.yes) {
    requireTty(ctx.io, 'deleting topics', '--yes');
    if (!(await confirm(ctx.io, `Delete ${targets.length} topic(s) and all their data: ${targets.join(', ')}?`))) throw new CancelledError('nothing deleted');
  }
  const results = targets.length ? await admin.deleteTopics(targets) : [];
  const outcomes: DeleteOutcome[] = [
    ...results.map((r): DeleteOutcome => (r.ok ? { name: r.name, status: 'deleted' } : { name: r.name, status: 'failed', error: `${r.error} (${r.errorCode})`, errorCode: r.errorCode })),
    ...missing.map((name): DeleteOutcome => ({ name, status: 'missing' })),
  ];
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length < outcomes.length) for (const f of failed) ctx.io.stderr.write(`error: cannot delete topic ${f.name}: ${f.error}\n`);
  const result: CommandResult = { data: outcomes, view: [{ lines: outcomes.filter((o) => o.status !== 'failed').map((o) => `${o.status === 'deleted' ? 'Deleted' : 'Did not exist'}: ${o.name}`) }] };
  if (failed.length === 0) return result;
  if (failed.length < outcomes.length) return { ...result, exitCode: ExitCode.partial };
  throw errorForKafkaCode(failed[0].errorCode ?? 'UNKNOWN_SERVER_ERROR', `cannot delete topic ${failed[0].name}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''}: ${failed[0].error}`);
}
