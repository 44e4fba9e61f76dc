import type { Context } from '../../cli/context.js';
import { NotFoundError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { OffsetRow } from '../groups/shared.js';
import { missingHint, principal } from '../missing-hints.js';
import type { LagOptions } from './options.js';

/**
 * A --topic that matched nothing must not read as "no lag" (`lag g1 --topic evnts --max-lag 0`
 * passing on a typo). A topic that does not exist is exit 3 with the close names that do; a topic
 * the principal may not describe is exit 4 (Kafka says so when asked by name). An existing topic
 * that none of the groups' partitions matched is a legitimately empty listing, but in a check
 * (--max-lag, --max-time-lag) it is exit 3: a check that checks nothing must not pass.
 */
export async function checkTopicFilter(
  ctx: Context,
  o: Pick<LagOptions, 'groups' | 'topics' | 'partitions' | 'maxLag' | 'maxTimeLagMs'>,
  rows: OffsetRow[],
): Promise<void> {
  const seen = new Set(rows.map((r) => r.topic));
  const unmatched = o.topics.filter((t) => !seen.has(t));
  if (!unmatched.length) return;
  const admin = await (await ctx.kafka()).admin();
  const { missing } = await admin.describeTopics(unmatched);
  if (missing.length)
    throw topicsNotFound(missing, missingHint('topics', missing, await admin.listTopics({ includeInternal: true }), await principal(ctx)));
  if (o.maxLag === undefined && o.maxTimeLagMs === undefined) return;
  const spec = (t: string) => (o.partitions?.[t] ? `${t}:${o.partitions[t].join(',')}` : t);
  const who = !o.groups.length
    ? 'no consumer group has'
    : o.groups.length > 1
      ? `consumer groups ${o.groups.join(', ')} have`
      : `consumer group ${o.groups[0]} has`;
  throw new NotFoundError(
    `nothing to check on ${unmatched.map(spec).join(', ')}: ${who} no committed offset or owner there`,
    o.groups.length ? `ktool groups describe ${o.groups[0]} shows what it consumes` : 'ktool lag shows every group and topic',
  );
}
