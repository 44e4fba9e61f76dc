/**
 * `ktool groups reset-offsets`: the command line (spec, parse) and the run. The plan is computed in
 * reset-rows.ts (offset arithmetic: reset-plan.ts), committed by reset-commit.ts, shown by reset-view.ts.
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { parseDuration } from '../../util/duration.js';
import { parseDatetime, parseTopicArg, type Strategy } from './reset-plan.js';
import { commit, commitError } from './reset-commit.js';
import { resetRows, type ResetOptions } from './reset-rows.js';
import { resetResult } from './reset-view.js';
import { GROUP_OPTION, listFlag } from './shared.js';

export type { ResetOptions } from './reset-rows.js';

export const spec = defineCommand({
  command: 'reset-offsets [groups...]',
  description: 'move committed offsets (dry run unless --execute; the group must have no active members)',
  groups: ['connection', 'output', 'base'],
  options: [
    ...GROUP_OPTION,
    { flags: '--all-groups', description: 'every consumer group' },
    { flags: '--topic <topic[:p,...]>', description: 'a topic, or some of its partitions, repeatable', repeatable: true },
    { flags: '--all-topics', description: 'every partition the group has a committed offset for' },
    { flags: '--to-earliest', description: 'to the log start offset' },
    { flags: '--to-latest', description: 'to the log end offset' },
    { flags: '--to-current', description: 'to the committed offset (the log end where there is none)' },
    { flags: '--to-offset <n>', description: 'to offset N (clamped to the log)' },
    { flags: '--shift-by <n>', description: 'by N, negative to go back (clamped to the log)' },
    {
      flags: '--to-datetime <time>',
      description:
        'to the first record at or after YYYY-MM-DDTHH:mm:SS.sss (UTC unless a zone is given), or ' +
        'any ktool time: epoch ms, a date, relative like -1h',
    },
    { flags: '--by-duration <duration>', description: 'to the first record at or after now minus PnDTnHnMnS (or 1h, 30m)' },
    {
      flags: '--from-file <csv>',
      description: 'to the offsets in a CSV of topic,partition,offset or group,topic,partition,offset (what --export prints)',
    },
    {
      flags: '--execute',
      description: 'commit the new offsets (stderr then says how many, per group; without it: a dry run, said on stderr)',
    },
    { flags: '--dry-run', description: 'only show the plan (the default)' },
    { flags: '--export', description: 'print the plan as CSV for --from-file' },
  ],
  examples: [
    'ktool groups reset-offsets billing --topic orders --to-earliest',
    'ktool groups reset-offsets billing --topic orders:0,1 --shift-by -100 --execute',
    'ktool groups reset-offsets billing --all-topics --to-datetime 2026-01-31T08:00:00.000 --execute',
    'ktool groups reset-offsets billing --all-topics --to-current --export > plan.csv',
    'ktool groups reset-offsets billing --from-file plan.csv --execute',
  ],
});

const STRATEGY_FLAGS = ['toEarliest', 'toLatest', 'toCurrent', 'toOffset', 'shiftBy', 'toDatetime', 'byDuration', 'fromFile'] as const;
const FLAG_NAMES: Record<string, string> = {
  toEarliest: '--to-earliest',
  toLatest: '--to-latest',
  toCurrent: '--to-current',
  toOffset: '--to-offset',
  shiftBy: '--shift-by',
  toDatetime: '--to-datetime',
  byDuration: '--by-duration',
  fromFile: '--from-file',
};

function integer(value: unknown, flag: string, min = -Infinity): number {
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${flag} needs a whole number${min === 0 ? ' >= 0' : ''}, got "${text}"`);
  return Number(text);
}

export function parse(args: string[], typed: Flags<typeof spec>): ResetOptions {
  // The strategy flags are looked up by name.
  const flags: Record<string, unknown> = { ...typed };
  const given = STRATEGY_FLAGS.filter((k) => flags[k] !== undefined && flags[k] !== false);
  if (given.length !== 1) {
    throw new UsageError(
      given.length ? `pick one reset strategy, not ${given.map((k) => FLAG_NAMES[k]).join(' and ')}` : 'reset-offsets needs a strategy',
      'one of --to-earliest, --to-latest, --to-current, --to-offset N, --shift-by N, ' +
        '--to-datetime T, --by-duration PnDTnHnMnS, --from-file CSV',
    );
  }
  const k = given[0];
  const v = flags[k];
  const strategy: Strategy =
    k === 'toEarliest'
      ? { kind: 'earliest' }
      : k === 'toLatest'
        ? { kind: 'latest' }
        : k === 'toCurrent'
          ? { kind: 'current' }
          : k === 'toOffset'
            ? { kind: 'offset', offset: integer(v, '--to-offset', 0) }
            : k === 'shiftBy'
              ? { kind: 'shift', by: integer(v, '--shift-by') }
              : k === 'toDatetime'
                ? { kind: 'datetime', timestamp: parseDatetime(String(v)) }
                : k === 'byDuration'
                  ? { kind: 'duration', ms: parseDuration(String(v), '--by-duration') }
                  : { kind: 'file', path: String(v) };
  const groups = [...new Set([...args, ...listFlag(flags.group)])];
  const all = Boolean(flags.allGroups);
  if (all && groups.length) throw new UsageError('give group names or --all-groups, not both');
  if (!all && !groups.length && strategy.kind !== 'file') throw new UsageError('reset-offsets needs a GROUP (or --all-groups)');
  const topics = (flags.topic === undefined ? [] : Array.isArray(flags.topic) ? (flags.topic as string[]) : [String(flags.topic)]).map(
    parseTopicArg,
  );
  const allTopics = Boolean(flags.allTopics);
  if (strategy.kind !== 'file' && !allTopics && !topics.length)
    throw new UsageError('say which partitions: --topic T[:P,...] (repeatable) or --all-topics');
  if (allTopics && topics.length) throw new UsageError('give --topic or --all-topics, not both');
  if (flags.execute && flags.dryRun) throw new UsageError('--execute and --dry-run contradict each other');
  return { groups, all, topics, allTopics, strategy, execute: Boolean(flags.execute), export: Boolean(flags.export) };
}

export async function run(options: ResetOptions, ctx: Context): Promise<CommandResult> {
  const { rows, share } = await resetRows(options, ctx);
  const failed = options.execute ? await commit(ctx, rows, share) : [];
  if (!options.execute) ctx.io.stderr.write('dry run: nothing committed; add --execute to apply\n');
  return batchOutcome(ctx.io, resetResult(rows, options), {
    total: rows.length,
    failed,
    describe: (f) => f.text,
    error: (f) => commitError(ctx, f),
  });
}
