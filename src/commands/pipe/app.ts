/**
 * `ktool pipe IN OUT -g APP`: exactly once, resumable, shared by every process of APP (the
 * ExactlyOnceLoop of src/app/). Pipe keeps no state, so it has no store; `ktool stats` plugs its
 * engine in as one.
 */
import type { Context } from '../../cli/context.js';
import type { LoopCounts } from '../../app/exactly-once.js';
import { runExactlyOnce } from '../../app/run-app.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { ProduceRecord } from '../../kafka/producer-types.js';
import type { PipeOptions } from './options.js';
import { outputRecord } from './route.js';
import type { Transform } from './transform.js';

export async function runApp(
  o: PipeOptions & { app: string },
  ctx: Context,
  transform: Transform,
): Promise<LoopCounts & { error?: unknown }> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const { missing } = await admin.describeTopics([o.input]);
  if (missing.length) throw topicsNotFound(missing, `create it first: ktool topics create ${o.input}`);
  return runExactlyOnce(ctx, clients, admin, {
    app: o.app,
    input: o.input,
    fallback: o.offset.start.kind === 'end' ? 'latest' : 'earliest',
    isolation: o.isolation,
    commitIntervalMs: o.commitIntervalMs,
    transactionTimeoutMs: o.transactionTimeoutMs,
    fetchMaxBytes: o.fetchMaxBytes,
    producer: o.producer,
    stores: [],
    processor: async (producer) => {
      const count = await producer.partitionCount(o.output);
      return {
        process(records) {
          const out: ProduceRecord[] = [];
          for (const r of records) {
            const t = transform.apply(r);
            if (t !== null) out.push(outputRecord(o.output, count, r, t));
          }
          return out;
        },
      };
    },
    info: o.verbose ? (m) => ctx.info(m) : undefined,
  });
}
