/**
 * What -g APP (exactly once, resumable, scale-out) needs of the other stats flags: pure, so the
 * argument tests table-drive it.
 */
import { UsageError } from '../../errors.js';
import { groupsStayInPartition } from '../../stats/partitioned.js';
import type { Segment } from '../../stats/path.js';
import { parseTimerDuration } from '../../util/duration.js';
import type { OffsetSpec } from '../consume/offset-spec.js';

export interface StatsAppOptions {
  app: string;
  /** How often the open transaction is committed (Kafka Streams' commit.interval.ms under EOS: 100). */
  commitIntervalMs: number;
  /** transaction.timeout.ms (Kafka Streams' EOS default: 10 s). */
  transactionTimeoutMs: number;
  /** Stop once the partitions this process owns reached the ends they had when assigned (windows stay open, in the changelog). */
  untilCaughtUp: boolean;
}

export interface StatsAppFlags {
  group?: string;
  commitInterval?: string;
  transactionTimeout?: string;
  untilCaughtUp?: boolean;
  to?: string;
  exit?: boolean;
  maxMessages?: string;
  partition?: string[];
  partitions?: string[];
}

const APP_ID = /^[a-zA-Z0-9._-]{1,200}$/;

export function parseStatsApp(
  f: StatsAppFlags,
  by: Segment[][],
  byText: string[],
  offset: OffsetSpec,
  offsetText: string,
): StatsAppOptions | undefined {
  const app = f.group;
  if (app === undefined) {
    for (const flag of ['commitInterval', 'transactionTimeout'] as const)
      if (f[flag] !== undefined)
        throw new UsageError(`--${flag === 'commitInterval' ? 'commit-interval' : 'transaction-timeout'} needs -g`);
    return undefined;
  }
  if (!APP_ID.test(app)) throw new UsageError(`invalid application id "${app}"`, 'use up to 200 characters from a-z A-Z 0-9 . _ -');
  if (f.to === undefined)
    throw new UsageError(
      '-g writes the rows exactly once to a topic: it needs --to TOPIC',
      `e.g. ktool stats IN --by key -g ${app} --to OUT`,
    );
  if (!groupsStayInPartition(by)) throw notScalable(app, byText);
  if (f.partition?.length || f.partitions?.length)
    throw new UsageError(
      '-p/--partition cannot be combined with -g',
      'the processes of an application share the partitions through its group',
    );
  if (offset.end || !['start', 'end'].includes(offset.start.kind))
    throw new UsageError(`with -g, -o only takes start or end (where a new application begins), got "${offsetText}"`);
  if (f.exit || f.maxMessages !== undefined)
    throw new UsageError('-e and -n do not apply with -g', 'an application runs until stopped (Ctrl-C commits what was processed)');
  return {
    app,
    commitIntervalMs: durationMs(f.commitInterval, '--commit-interval', 100),
    transactionTimeoutMs: durationMs(f.transactionTimeout, '--transaction-timeout', 10_000),
    untilCaughtUp: Boolean(f.untilCaughtUp),
  };
}

/**
 * Each process of an application owns some input partitions, so every record of a group must be in
 * one partition: grouping by the key or the partition. Any other grouping needs the records re-keyed
 * through a repartition topic first (Kafka Streams' APP-...-repartition), which ktool does not build.
 */
function notScalable(app: string, byText: string[]): UsageError {
  const other = byText.filter((b) => b !== 'key' && b !== 'partition');
  const what = byText.length === 0 ? 'without --by (one group over every partition)' : `grouped by ${other.join(', ')}`;
  return new UsageError(
    `-g needs --by key and/or --by partition: ${what}, the records of a group are spread over partitions that ` +
      'different processes of the application own (Kafka Streams re-keys them through an APP-...-repartition topic; ktool does not)',
    byText.length === 0
      ? 'group by key (--by key), or run without -g: one process, --to at least once'
      : `re-key first, exactly once: ktool pipe IN IN-by-field -g ${app}-rekey --key '${other[0].replace(/^\./, '')}', ` +
          `then ktool stats IN-by-field --by key -g ${app} --to OUT; or run without -g (one process, --to at least once)`,
  );
}

function durationMs(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseTimerDuration(text, flag);
  if (ms < 1) throw new UsageError(`${flag} must be at least 1ms, got "${text}"`);
  return ms;
}
