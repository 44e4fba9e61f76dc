import { missingPartitions, selectPartitions, type PartitionSelection } from '../../cli/topic-partitions.js';
import { NotFoundError } from '../../errors.js';
import { DeniedError } from '../../kafka/denied.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { PartitionRange, PartitionReader } from '../../kafka/consumer-types.js';
import { tpKey, type AdminApi, type KafkaClients, type TopicPartition } from '../../kafka/types.js';
import type { OffsetSpec, Position } from './offset-spec.js';

/** Resolves an offset spec to concrete [start, end) offsets per partition with ListOffsets. */
export async function resolveRanges(
  admin: AdminApi,
  partitions: TopicPartition[],
  spec: OffsetSpec,
  isolation: 'read_committed' | 'read_uncommitted',
  exitAtEnd: boolean,
): Promise<PartitionRange[]> {
  const [earliest, latest] = await Promise.all([
    admin.listOffsets(partitions, 'earliest'),
    admin.listOffsets(partitions, 'latest', isolation),
  ]);
  const key = (t: TopicPartition) => tpKey(t.topic, t.partition);
  const lo = new Map(earliest.map((o) => [key(o), o.offset]));
  const hi = new Map(latest.map((o) => [key(o), o.offset]));
  const times = new Map<number, Map<string, bigint>>();
  for (const p of [spec.start, spec.end]) {
    if (p?.kind === 'time' && !times.has(p.ms)) {
      const found = await admin.listOffsets(partitions, { timestamp: p.ms });
      // No record at or after the time: ListOffsets answers -1, which means "the end".
      times.set(p.ms, new Map(found.map((o) => [key(o), o.offset < 0n ? hi.get(key(o))! : o.offset])));
    }
  }
  const at = (p: Position, tp: TopicPartition): bigint => {
    const [start, end] = [lo.get(key(tp))!, hi.get(key(tp))!];
    switch (p.kind) {
      case 'start':
        return start;
      case 'end':
        return end;
      case 'offset':
        return p.offset < start ? start : p.offset > end ? end : p.offset;
      case 'fromStart':
        return start + p.delta > end ? end : start + p.delta;
      case 'fromEnd':
        return end - p.delta < start ? start : end - p.delta;
      case 'time':
        return times.get(p.ms)!.get(key(tp))!;
    }
  };
  return partitions.map((tp) => {
    const start = at(spec.start, tp);
    let end = spec.end ? at(spec.end, tp) : undefined;
    if (exitAtEnd) end = end === undefined ? hi.get(key(tp))! : end < hi.get(key(tp))! ? end : hi.get(key(tp))!;
    return { ...tp, start, end: end !== undefined && end < start ? start : end };
  });
}

/** The partitions to read: of the topics named and those --include matches, what `pick` selects (all when nothing). */
export async function partitionsToRead(
  admin: AdminApi,
  topics: string[],
  include: RegExp | undefined,
  pick?: (topic: string) => PartitionSelection | undefined,
): Promise<TopicPartition[]> {
  let names = topics;
  if (include) {
    const all = await admin.listTopics({ includeInternal: false });
    names = [...new Set([...topics, ...all.filter((n) => include.test(n))])];
    if (names.length === 0)
      throw new NotFoundError(
        `no topic matches --include ${include.source.slice(4, -2)}`,
        "it must match whole topic names, as in Java: e.g. --include 'orders.*'",
      );
  }
  // Metadata was refused Describe, but reading needs Read (which implies Describe): the hint grants that.
  const { topics: found, missing } = await admin.describeTopics(names).catch((error: unknown) => {
    throw error instanceof DeniedError && error.kafkaCode === 'TOPIC_AUTHORIZATION_FAILED' ? error.needing('Read') : error;
  });
  if (missing.length) throw topicsNotFound(missing);
  const out: TopicPartition[] = [];
  for (const t of found) {
    const selection = pick?.(t.name) ?? {};
    const missing = missingPartitions(selection, t.partitions.length);
    // Exit 3 as offsets and delete-records: a named partition that does not exist is not found.
    if (missing.length) throw new NotFoundError(`topic ${t.name} has no partition ${missing.join(', ')} (it has ${t.partitions.length})`);
    for (const partition of selectPartitions(selection, t.partitions.length)) out.push({ topic: t.name, partition });
  }
  return out;
}

/**
 * The reader of consume without a group, shared by pipe and stats: following a topic it waits out a
 * broker restart; with an end to reach, only up to --timeout.
 */
export async function openRangeReader(
  clients: KafkaClients,
  admin: AdminApi,
  o: { ranges: PartitionRange[]; isolation: 'read_committed' | 'read_uncommitted'; fetchMaxBytes?: number; warn: (m: string) => void },
): Promise<PartitionReader> {
  return clients.partitionReader({
    ranges: o.ranges,
    isolation: o.isolation,
    onWarning: o.warn,
    logStart: async (topic, partition) => (await admin.listOffsets([{ topic, partition }], 'earliest'))[0].offset,
    maxOutageMs: o.ranges.some((r) => r.end !== undefined) ? clients.settings.timeoutMs : Infinity,
    maxBytes: o.fetchMaxBytes,
  });
}
