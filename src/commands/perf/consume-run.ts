/**
 * One consumer benchmark run, shared by `ktool perf consume` and kafka-consumer-perf-test.sh's
 * spelling: the topics (an --include regex is matched against the topics at the start: the
 * group's subscription is that list), the group reader, the loop (src/perf/consume-engine.ts).
 */
import type { Context } from '../../cli/context.js';
import { NotFoundError } from '../../errors.js';
import { consumePerf, type ConsumeOutcome, type ConsumePlan, type ConsumeProgress } from '../../perf/consume-engine.js';

export interface ConsumeRun extends ConsumePlan {
  topic?: string;
  /** Matched against whole topic names, as Java's Pattern.matcher(topic).matches(). */
  include?: RegExp;
  group: string;
  fromLatest: boolean;
  /** Bytes per partition in a fetch (kafka-consumer-perf-test.sh's --fetch-size); the reader's 1 MiB by default. */
  partitionMaxBytes?: number;
}

export async function topicsOf(ctx: Context, run: Pick<ConsumeRun, 'topic' | 'include'>): Promise<string[]> {
  if (run.topic !== undefined) return [run.topic];
  const admin = await (await ctx.kafka()).admin();
  const all = await admin.listTopics({ includeInternal: false });
  const whole = new RegExp(`^(?:${run.include!.source})$`, run.include!.flags);
  const topics = all.filter((t) => whole.test(t)).sort();
  if (topics.length === 0) throw new NotFoundError(`no topic matches --include ${run.include!.source}`);
  return topics;
}

export async function runConsume(ctx: Context, run: ConsumeRun, onProgress: (p: ConsumeProgress) => void): Promise<ConsumeOutcome> {
  const topics = await topicsOf(ctx, run);
  const clients = await ctx.kafka();
  const open = () =>
    clients.groupReader({
      groupId: run.group,
      topics,
      protocol: 'classic',
      fallback: run.fromLatest ? 'latest' : 'earliest',
      isolation: 'read_uncommitted',
      ...(run.partitionMaxBytes !== undefined ? { partitionMaxBytes: run.partitionMaxBytes } : {}),
      onWarning: (m) => ctx.warn(m),
    });
  return consumePerf(open, run, onProgress, ctx.io.signal);
}
