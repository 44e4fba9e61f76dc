import type { Context } from '../../cli/context.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { KafkaClients } from '../../kafka/types.js';
import type { ConsumeOptions } from './options.js';
import { GroupCommits } from './group-commits.js';
import { committedOffsets, GroupEnd } from './group-end.js';
import { openRangeReader, partitionsToRead, resolveRanges } from './positions.js';
import type { RecordsOut } from './records-out.js';

/** Without a group: the partitions asked for, from their resolved start offsets to their ends (if any). */
export async function readPartitions(o: ConsumeOptions, ctx: Context, clients: KafkaClients, out: RecordsOut): Promise<void> {
  const admin = await clients.admin();
  const partitions = await partitionsToRead(admin, o.topics, o.include, (topic) => o.topicPartitions?.[topic] ?? o.partitions);
  await noteLeaders(o, admin, out);
  const ranges = await resolveRanges(admin, partitions, o.offset, o.isolation, o.exitAtEnd);
  out.partitionCount = ranges.length;
  const reader = await openRangeReader(clients, admin, {
    ranges,
    isolation: o.isolation,
    fetchMaxBytes: o.fetchMaxBytes,
    warn: (m) => ctx.warn(m),
  });
  const { writer } = out;
  try {
    while (!out.done()) {
      const records = await reader.next();
      if (records === null) break;
      await out.prepare(records);
      out.emit(records);
      if (!(await writer.flush()) && writer.isClosed) break;
    }
  } finally {
    await writer.flush();
    await reader.close();
  }
}

/** As a member of `group`: what the group assigns, committing only what reached stdout. */
export async function readAsGroup(o: ConsumeOptions, group: string, ctx: Context, clients: KafkaClients, out: RecordsOut): Promise<void> {
  const admin = await clients.admin();
  const partitions = o.include || o.exitAtEnd ? await partitionsToRead(admin, o.topics, o.include, undefined) : [];
  const topics = o.include ? partitions.map((p) => p.topic) : o.topics;
  const fallback = o.offset.start.kind === 'start' ? 'earliest' : 'latest';
  await noteLeaders(o, admin, out);
  const reader = await clients.groupReader({
    groupId: group,
    topics: [...new Set(topics)],
    protocol: o.groupProtocol,
    fallback,
    isolation: o.isolation,
    onWarning: (m) => ctx.warn(m),
  });
  // Commit only after the output reached stdout: nothing beyond what was written.
  const commits = new GroupCommits((offsets) => reader.commit(offsets));
  const { writer } = out;
  let ok = false;
  try {
    const end = o.exitAtEnd
      ? await GroupEnd.start(admin, await committedOffsets(clients, group), partitions, o.isolation, fallback)
      : undefined;
    while (!out.done() && !(end && (await end.done()))) {
      const records = await reader.next();
      const reached = reader.reached();
      end?.observe(records, reached);
      await out.prepare(records);
      const taken = out.emit(records);
      // Past the last record to the fetch position only when every record was taken (not when -n cut them).
      commits.formatted(taken, taken.length === records.length ? reached : undefined);
      if (await writer.flush()) commits.flushed();
      await commits.commitIfDue();
    }
    ok = true;
  } finally {
    // What reached stdout is committed however reading ended; an error that ended it wins.
    try {
      if (await writer.flush()) commits.flushed();
      await commits.commitWritten();
    } catch (error) {
      if (ok) throw error;
    } finally {
      await reader.close();
    }
  }
}

/**
 * As a member of share group `group` (KIP-932): records are acknowledged (ACCEPT) only once written
 * to stdout; those formatted but not written (stdout gone, Ctrl-C) and those past -n are released
 * (RELEASE), so the group delivers them again, to this member or another.
 */
export async function readAsShareGroup(o: ConsumeOptions, group: string, ctx: Context, clients: KafkaClients, out: RecordsOut) {
  const reader = await clients.shareReader({ groupId: group, topics: [...new Set(o.topics)], onWarning: (m) => ctx.warn(m) });
  const { writer } = out;
  let unwritten: ConsumedRecord[] = [];
  try {
    while (!out.done()) {
      const records = await reader.next();
      await out.prepare(records);
      const taken = out.emit(records);
      if (taken.length < records.length) reader.acknowledge(records.slice(taken.length), 'release');
      unwritten.push(...taken);
      if (!(await writer.flush())) break;
      reader.acknowledge(unwritten, o.shareAck ?? 'accept');
      unwritten = [];
    }
  } finally {
    const written = unwritten.length > 0 && (await writer.flush());
    reader.acknowledge(unwritten, written ? (o.shareAck ?? 'accept') : 'release');
    await reader.close();
  }
}

/** kcat's -J names the broker each record came from: the partition's leader. */
async function noteLeaders(o: ConsumeOptions, admin: Awaited<ReturnType<KafkaClients['admin']>>, out: RecordsOut): Promise<void> {
  if (o.output.kind !== 'kcat' || !o.output.json) return;
  const { topics } = await admin.describeTopics(o.topics);
  for (const t of topics) for (const p of t.partitions) out.leaders.set(`${t.name}:${p.partition}`, p.leader);
}
