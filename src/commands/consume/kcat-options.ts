import { compileRegex, parseSize, positiveInt } from '../../cli/parse-helpers.js';
import type { Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { spec } from './consume.js';
import { kcatPlan } from './kcat.js';
import { DEFAULT_FETCH_MAX_BYTES, type ConsumeOptions } from './options.js';
import { parseSelection } from './selection.js';

/** --fetch-max-bytes, whichever spelling reads. */
export function fetchMaxBytes(f: Flags<typeof spec>): number {
  return f.fetchMaxBytes === undefined
    ? DEFAULT_FETCH_MAX_BYTES
    : parseSize(f.fetchMaxBytes, '--fetch-max-bytes', { min: 1024, max: 256 << 20 });
}

/** --grep and --key-grep: a record is kept when the pattern matches anywhere in it. */
export function greps(f: Flags<typeof spec>): Pick<ConsumeOptions, 'grep' | 'keyGrep'> {
  return {
    grep: f.grep ? compileRegex(`.*(?:${f.grep}).*`, '--grep') : undefined,
    keyGrep: f.keyGrep ? compileRegex(`.*(?:${f.keyGrep}).*`, '--key-grep') : undefined,
  };
}

/** kcat's spelling (src/commands/consume/kcat.ts): kcat's defaults and output, records as they are (no schema decoding). */
export function parseKcat(args: string[], f: Flags<typeof spec>): ConsumeOptions {
  const plan = kcatPlan(args, f);
  const { topics, partitions, topicPartitions } = parseSelection(plan.topics, f);
  if (topics.length === 0)
    throw new UsageError(f.kcatGroup !== undefined ? '-G needs the topics to read: ktool consume -G GROUP TOPIC...' : '-t <topic> missing');
  if (plan.group && (partitions || topicPartitions))
    throw new UsageError('-p cannot be combined with -G: the group assigns the partitions');
  if (f.maxMessages !== undefined && plan.maxCount !== undefined) throw new UsageError('give -c or -n, not both');
  const count = plan.maxCount ?? f.maxMessages;
  // kcat's e@TS: each partition stops at its first record at or after TS (waiting for one unless -e).
  const stopAt = plan.offset.end?.kind === 'time' ? plan.offset.end.ms : undefined;
  return {
    topics,
    offset: stopAt === undefined ? plan.offset : { start: plan.offset.start },
    ...(stopAt !== undefined ? { stopAtMs: stopAt } : {}),
    offsetText: plan.offsetText,
    ...(partitions ? { partitions } : {}),
    ...(topicPartitions ? { topicPartitions } : {}),
    maxMessages: positiveInt(count, plan.maxCount !== undefined ? '-c' : '--max-messages'),
    exitAtEnd: Boolean(f.exit),
    idleTimeoutMs: positiveInt(f.timeoutMs, '--timeout-ms'),
    fetchMaxBytes: plan.fetchMaxBytes ?? fetchMaxBytes(f),
    group: plan.group,
    groupProtocol: f.groupProtocol ?? 'classic',
    isolation: plan.isolation,
    output: plan.output,
    ...greps(f),
    headerFilters: [],
    verbose: Boolean(f.verbose),
    keyFormat: 'raw',
    valueFormat: 'raw',
  };
}
