import { compileRegex } from '../../cli/parse-helpers.js';
import { NotFoundError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { AdminApi, TopicPartition } from '../../kafka/types.js';
import { selectPartitions, type TopicSelection } from '../../cli/topic-partitions.js';

/**
 * The partitions a list of selections names, sorted by topic and partition. A named topic or
 * partition that does not exist is an error (exit 3); a pattern may match nothing. No selections:
 * every topic. excludeInternal: internal topics left out, even named ones.
 */
export async function resolvePartitions(
  admin: AdminApi,
  selections: TopicSelection[],
  { excludeInternal = false } = {},
): Promise<TopicPartition[]> {
  const chosen = new Map<string, TopicSelection[]>();
  if (selections.length === 0 || selections.some((s) => s.regex)) {
    const all = await admin.listTopics({ includeInternal: !excludeInternal });
    if (selections.length === 0) all.forEach((t) => chosen.set(t, [{ topic: t, regex: false }]));
    for (const s of selections.filter((x) => x.regex)) {
      const re = compileRegex(s.topic, 'topic');
      for (const t of all.filter((n) => re.test(n))) chosen.set(t, [...(chosen.get(t) ?? []), s]);
    }
  }
  for (const s of selections.filter((x) => !x.regex)) chosen.set(s.topic, [...(chosen.get(s.topic) ?? []), s]);
  if (chosen.size === 0) return [];

  const { topics, missing } = await admin.describeTopics([...chosen.keys()], { includeInternal: true });
  if (missing.length) throw topicsNotFound(missing);
  const out: TopicPartition[] = [];
  for (const t of topics) {
    // kafka-get-offsets.sh --exclude-internal-topics: named or matched, an internal topic is left out.
    if (excludeInternal && t.internal) continue;
    const count = t.partitions.length;
    const wanted = new Set<number>();
    for (const s of chosen.get(t.name)!) {
      const bad = s.regex ? [] : (s.partitions ?? []).filter((p) => p >= count);
      if (bad.length) throw new NotFoundError(`topic ${t.name} has no partition ${bad.join(', ')} (it has ${count})`);
      selectPartitions(s, count).forEach((p) => wanted.add(p));
    }
    [...wanted].sort((a, b) => a - b).forEach((partition) => out.push({ topic: t.name, partition }));
  }
  return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
