import type { Context } from '../../cli/context.js';
import { tpKey } from '../../kafka/mirror-types.js';
import type { AdminApi } from '../../kafka/types.js';
import type { MirrorEngine } from './engine.js';
import type { TopicPlan } from './topics.js';

/** One stderr line, rewritten every second (TTY only): records/s and what remains per topic. */
export function startProgress(
  ctx: Context,
  engine: MirrorEngine,
  plans: TopicPlan[],
  ends: Map<string, bigint> | undefined,
  admin: AdminApi,
): { stop(): void } {
  let last = engine.acks.records;
  let lastAt = Date.now();
  let latest = ends;
  let refreshing = false;
  const all = plans.flatMap((p) => Array.from({ length: p.sourcePartitions }, (_, partition) => ({ topic: p.source, partition })));
  const timer = setInterval(() => {
    const now = Date.now();
    const rate = Math.round(((engine.acks.records - last) * 1000) / Math.max(1, now - lastAt));
    last = engine.acks.records;
    lastAt = now;
    if (!ends && !refreshing) {
      refreshing = true;
      admin
        .listOffsets(all, 'latest', 'read_committed')
        .then(
          (list) => (latest = new Map(list.map((x) => [tpKey(x.topic, x.partition), x.offset]))),
          () => undefined,
        )
        .finally(() => (refreshing = false));
    }
    const remaining = plans.map((p) => {
      let left = 0n;
      for (let i = 0; i < p.sourcePartitions; i++) {
        const key = tpKey(p.source, i);
        const end = latest?.get(key);
        const at = engine.acks.acked.get(key)?.offset ?? engine.readPositions.get(key);
        if (end !== undefined && at !== undefined && end > at) left += end - at;
      }
      return `${p.source} ${left}`;
    });
    ctx.io.stderr.write(
      `\r\x1b[K${engine.acks.records} records, ${rate}/s; remaining: ` +
        `${remaining.slice(0, 6).join(', ')}${remaining.length > 6 ? ', ...' : ''}`,
    );
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      ctx.io.stderr.write('\r\x1b[K');
    },
  };
}
