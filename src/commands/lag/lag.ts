import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode, UsageError } from '../../errors.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { parseExactTopicPartitions, splitTopicList } from '../../cli/topic-partitions.js';
import { parseDuration, parseTimerDuration } from '../../util/duration.js';
import { GROUP_OPTION, listFlag } from '../groups/shared.js';
import { emptyListing } from '../missing-hints.js';
import { collectLag } from './collect.js';
import { lagView, reportViolations, violations } from './view.js';
import { toOpenMetrics } from './prometheus.js';
import type { LagOptions } from './options.js';
import { watch } from './watch.js';

export type { LagOptions } from './options.js';
export { violations } from './view.js';

export const spec = defineCommand({
  command: 'lag [groups...]',
  description:
    'lag per group, topic and partition, in records and in time (age of the next record to consume); every group when none is named',
  groups: ['connection', 'output', 'base'],
  extraFormats: ['prometheus'],
  options: [
    ...GROUP_OPTION,
    {
      flags: '--topic <topic[:p,...]>',
      description:
        'only these topics, or some of their partitions (orders:0,2), repeatable; a topic that ' +
        'does not exist is exit 3 (with a guess), and so is one no partition matches with ' +
        '--max-lag/--max-time-lag',
      repeatable: true,
    },
    { flags: '--watch [interval]', description: 'redraw every interval (default 5s) with the trend; NDJSON lines when not a terminal' },
    { flags: '--count <n>', description: 'with --watch: stop after N samples' },
    { flags: '--max-lag <n>', description: 'exit 6 if any partition lags more than N records (they are listed on stderr)' },
    { flags: '--max-time-lag <duration>', description: 'exit 6 if any partition lags more than this (e.g. 5m)' },
    { flags: '--no-time-lag', description: 'skip reading the records at the committed offsets (faster; no time lag)' },
  ],
  examples: [
    'ktool lag',
    'ktool lag billing --topic orders',
    'ktool lag billing --topic orders:0,1            # two partitions',
    'ktool lag --watch 2s',
    'ktool lag billing --max-lag 10000 --max-time-lag 5m || page-oncall',
    'ktool lag billing --topic orders --max-lag 0    # exit 3, not 0, if orders is a typo or billing has no offsets there',
    'ktool lag --format prometheus > /var/lib/node_exporter/textfile/kafka_lag.prom',
  ],
});

export function parse(args: string[], flags: Flags<typeof spec>): LagOptions {
  const o: LagOptions = {
    groups: [...new Set([...args, ...listFlag(flags.group)])],
    ...topicFilter(flags.topic),
    timeLag: flags.timeLag !== false,
  };
  if (flags.watch !== undefined) o.watchMs = flags.watch === true ? 5000 : parseTimerDuration(String(flags.watch), '--watch interval');
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
  if (o.watchMs !== undefined && format === 'prometheus')
    throw new UsageError('--format prometheus prints once: run it from cron or a textfile collector instead of --watch');
  return o;
}

/** --topic t1,t2:0,1 (repeatable): the topic names, and the partitions of those given with some. */
function topicFilter(flag: unknown): Pick<LagOptions, 'topics' | 'partitions'> {
  const specs = (Array.isArray(flag) ? flag : flag === undefined ? [] : [flag])
    .flatMap((v) => splitTopicList(String(v)))
    .map((t) => parseExactTopicPartitions(t, '--topic'));
  const topics = [...new Set(specs.map((s) => s.topic))];
  const whole = new Set(specs.filter((s) => !s.partitions).map((s) => s.topic));
  const partitions: Record<string, number[]> = {};
  for (const s of specs)
    if (s.partitions && !whole.has(s.topic))
      partitions[s.topic] = [...new Set([...(partitions[s.topic] ?? []), ...s.partitions])].sort((a, b) => a - b);
  return Object.keys(partitions).length ? { topics, partitions } : { topics };
}

export async function run(options: LagOptions, ctx: Context): Promise<CommandResult> {
  if (options.watchMs !== undefined) return watch(options, ctx);
  const snapshot = await collectLag(ctx, options);
  const bad = violations(snapshot, options);
  reportViolations(ctx, bad);
  const exitCode = bad.length ? ExitCode.check : ExitCode.ok;
  const view = snapshot.groups.length
    ? lagView(snapshot.groups)
    : await emptyListing(
        ctx,
        options.topics.length ? `consumer group offsets on ${options.topics.join(', ')}` : 'consumer groups',
        'listing needs DESCRIBE on the groups (and on their topics)',
      );
  return { data: snapshot.groups, view, text: { prometheus: toOpenMetrics(snapshot) }, exitCode };
}
