import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ALLOW_INTERNAL_FLAG, describeInternal, refuseInternalTopics, splitPatternMatches } from '../../cli/internal-topics.js';
import { compileRegex, REGEX_CHARS } from '../../cli/parse-helpers.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { DeniedError } from '../../kafka/denied.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';

export const spec = defineCommand({
  command: 'delete <topics...>',
  description:
    'delete topics by name or whole-name regex (a TOPIC with regex characters); asks on a ' +
    'terminal, needs --yes otherwise; a regex never selects internal topics',
  groups: ['connection', 'output', 'base', 'yes', 'allow-internal-topics'],
  options: [{ flags: '--if-exists', description: 'no error for topics (or regexes) that match nothing' }],
  examples: [
    'ktool topics delete old-orders --yes',
    "ktool topics delete 'tmp-.*'                       # lists the matches and asks",
    'ktool topics delete app-store-changelog --allow-internal-topics --yes   # an internal topic: exact name and the flag',
  ],
});

export interface DeleteOptions {
  /** Exact names. */
  topics: string[];
  /** TOPIC arguments with regex characters, as kafka-topics.sh --delete --topic REGEX; never select internal topics. */
  patterns: string[];
  ifExists: boolean;
  yes: boolean;
  allowInternal: boolean;
}

/** One element of `topics delete --json`: status is deleted, missing or failed. */
export interface DeleteOutcome {
  name: string;
  status: 'deleted' | 'missing' | 'failed';
  error?: string;
  errorCode?: string;
}

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOptions {
  if (args.length === 0) throw new UsageError('topics delete needs at least one topic name');
  const unique = [...new Set(args)];
  const patterns = unique.filter((a) => REGEX_CHARS.test(a));
  for (const p of patterns) compileRegex(p, 'topic');
  const topics = unique.filter((a) => !REGEX_CHARS.test(a));
  const allowInternal = Boolean(flags.allowInternalTopics);
  refuseInternalTopics(topics, allowInternal, 'delete');
  return { topics, patterns, ifExists: Boolean(flags.ifExists), yes: Boolean(flags.yes), allowInternal };
}

/** Exact names that exist, plus what each pattern selects; a pattern matching only internal topics is refused. */
function select(options: DeleteOptions, existing: Set<string>, ctx: Context): { targets: string[]; missing: string[] } {
  const missing = options.topics.filter((t) => !existing.has(t));
  const targets = new Set(options.topics.filter((t) => existing.has(t)));
  for (const p of options.patterns) {
    const { selected, internal } = splitPatternMatches(compileRegex(p, 'topic'), [...existing].sort());
    if (internal.length) {
      const what = `"${p}" also matches internal topic${internal.length > 1 ? 's' : ''} ${internal.join(', ')}`;
      if (!selected.length)
        throw new UsageError(
          `${what}, and a pattern never selects internal topics: nothing to delete`,
          `to delete an internal topic anyway, name it exactly and add ${ALLOW_INTERNAL_FLAG}`,
        );
      ctx.warn(`${what}: left out (a pattern never selects internal topics)`);
    }
    if (!selected.length) missing.push(p);
    for (const t of selected) targets.add(t);
  }
  return { targets: [...targets], missing };
}

export async function run(options: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const { targets, missing } = select(options, new Set(await admin.listTopics({ includeInternal: true })), ctx);
  // The listing hides what the principal may not describe: a name it lacks is asked for by name,
  // so that a refusal is exit 4 naming the ACL (Delete, which implies Describe), not "does not exist".
  const unlisted = missing.filter((m) => !options.patterns.includes(m));
  if (unlisted.length)
    await admin.describeTopics(unlisted).catch((error: unknown) => {
      throw error instanceof DeniedError ? error.needing('Delete') : error;
    });
  if (missing.length && !options.ifExists) {
    const names = missing.filter((m) => !options.patterns.includes(m));
    if (names.length) throw topicsNotFound(names, 'pass --if-exists to ignore missing topics');
    throw new NotFoundError(
      `no topic matches "${missing[0]}"`,
      'a regex must match whole names (orders-.* rather than orders-); pass --if-exists to ignore it',
    );
  }
  if (targets.length)
    await confirmDestructive(ctx.io, {
      action: `delete ${targets.length} topic${targets.length > 1 ? 's' : ''} and all their data`,
      items: targets.map(describeInternal),
      yes: options.yes,
    });
  // In the order asked (and listed at the prompt), whatever order the broker answers in.
  const results = targets.length
    ? (await admin.deleteTopics(targets)).sort((x, y) => targets.indexOf(x.name) - targets.indexOf(y.name))
    : [];
  const outcomes: DeleteOutcome[] = [
    ...results.map((r): DeleteOutcome =>
      r.ok
        ? { name: r.name, status: 'deleted' }
        : { name: r.name, status: 'failed', error: `${r.error} (${r.errorCode})`, errorCode: r.errorCode },
    ),
    ...missing.map((name): DeleteOutcome => ({ name, status: 'missing' })),
  ];
  const result: CommandResult = {
    data: outcomes,
    view: [
      {
        lines: outcomes
          .filter((o) => o.status !== 'failed')
          .map((o) => `${o.status === 'deleted' ? 'Deleted' : 'Did not exist'}: ${o.name}`),
      },
    ],
  };
  return batchOutcome(ctx.io, result, {
    total: outcomes.length,
    failed: outcomes.filter((o) => o.status === 'failed'),
    describe: (f) => `cannot delete topic ${f.name}: ${f.error}`,
    error: async (f, failed) => {
      const refused = failed.filter((x) => x.errorCode === f.errorCode).map((x) => x.name);
      return errorForKafkaCode(f.errorCode ?? 'UNKNOWN_SERVER_ERROR', `cannot delete topic ${f.name}: ${f.error}`, undefined, {
        operation: 'Delete',
        names: refused,
        principal: await principal(ctx),
      });
    },
  });
}
