import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ExitCode, UsageError } from '../../errors.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { parseExactTopicPartitions, splitTopicList } from '../../cli/topic-partitions.js';
import { parseDuration, parseTimerDuration } from '../../util/duration.js';
import { listFlag } from '../groups/shared.js';
import { emptyListing } from '../missing-hints.js';
import { collectLag } from './collect.js';
import { lagView, reportViolations, violations } from './view.js';
import { toOpenMetrics } from './prometheus.js';
import type { LagOptions } from './options.js';
import { watch } from './watch.js';

export type { LagOptions } from './options.js';
export { violations } from './view.js';

export const extraFormats = ['prometheus'] as const;

export function parse(args: string[], flags: Record<string, unknown>): LagOptions {
  const o: LagOptions = { groups: [...new Set([...args, ...listFlag(flags.group)])], ...topicFilter(flags.topic), timeLag: flags.timeLag !== false };
  if (flags.watch !== undefined && flags.watch !== false) o.watchMs = flags.watch === true ? 5000 : parseTimerDuration(String(flags.watch), '--watch interval');
  if (o.watchMs !== undefined && o.watchMs < 100) throw new UsageError('--watch interval must be at least 100ms');
  o.count = positiveInt(flags.count, '--count');
  if (o.count !== undefined && o.watchMs === undefined) throw new UsageError('--count goes with --watch');
  if (flags.maxLag !== undefined) {
    if (!/^\d+$/.test(String(flags.maxLag))) throw new UsageError(`--max-lag must be a whole number, got "${flags.maxLag}"`);
    o.maxLag = Number(flags.maxLag);
  }
  if (flags.maxTimeLag !== undefined) o.maxTimeLagMs = parseDuration(String(flags.maxTimeLag), '--max-time-lag');
  if (o.maxTimeLagMs !== undefined && !o.timeLag) throw new UsageError('--max-time-lag needs the time lag: drop --no-time-lag');
  const format = String(flags.format ?? flags.output ?? '');
  if (o.watchMs !== undefined && format === 'prometheus') throw new UsageError('--format prometheus prints once: run it from cron or a textfile collector instead of --watch');
  return o;
}

/** --topic t1,t2:0,1 (repeatable): the topic names, and the partitions of those given with some. */
function topicFilter(flag: unknown): Pick<LagOptions, 'topics' | 'partitions'> {
  const specs = (Array.isArray(flag) ? flag : flag === undefined ? [] : [flag]).flatMap((v) => splitTopicList(String(v))).map((t) => parseExactTopicPartitions(t, '--topic'));
  const topics = [...new Set(specs.map((s) => s.topic))];
  const whole = new Set(specs.filter((s) => !s.partitions).map((s) => s.topic));
  const partitions: Record<string, number[]> = {};
  for (const s of specs) if (s.partitions && !whole.has(s.topic)) partitions[s.topic] = [...new Set([...(partitions[s.topic] ?? []), ...s.partitions])].sort((a, b) => a - b);
  return Object.keys(partitions).length ? { topics, partitions } : { topics };
}

export async function run(options: LagOptions, ctx: Context): Promise<CommandResult> {
  if (options.watchMs !== undefined) return watch(options, ctx);
  const snapshot = await collectLag(ctx, options);
  const bad = violations(snapshot, options);
  reportViolations(ctx, bad);
  const exitCode = bad.length ? ExitCode.check : ExitCode.ok;
  if (ctx.format === 'prometheus') return { text: toOpenMetrics(snapshot), exitCode };
  const view = snapshot.groups.length ? lagView(snapshot.groups) : await emptyListing(ctx, options.topics.length ? `consumer group offsets on ${options.topics.join(', ')}` : 'consumer groups', 'listing needs DESCRIBE on the groups (and on their topics)');
  return { data: snapshot.groups, view, exitCode };
}
