import type { Admin } from '@platformatic/kafka';
import { decompress, rawFetch, supportsFastFetch } from './fast-fetch.js';
import { leadersOf } from './leaders.js';
import type { OffsetToCommit } from './groups-types.js';
import { timestampKey as key } from './types.js';
import * as L from './record-batch.js';

/** One partition with the offsets whose record timestamps are wanted. */
interface Wanted {
  topic: string;
  partition: number;
  topicId: string;
  leader: number;
  /** Offsets still unresolved, each with where to read from (past control batches). */
  pending: { offset: number; from: number }[];
  /** Bytes to ask for; raised when the first batch did not fit. */
  limit: number;
}

const READ_UNCOMMITTED = 0;

type Found = { timestamp: number } | { next: number } | { incomplete: true };

/**
 * The timestamp of the first data record at or after `want` in a fetched log slice, reading only
 * record headers. An uncompressed batch cut off by the size limit is still read as far as it goes.
 */
export function timestampAt(data: Buffer, want: number): Found {
  let at = 0;
  let next = want;
  while (at + L.RECORDS <= data.length) {
    const firstOffset = Number(data.readBigInt64BE(at + L.BASE_OFFSET));
    const batchEnd = at + L.LENGTH_FIELD_END + data.readInt32BE(at + L.BATCH_LENGTH);
    const attributes = data.readInt16BE(at + L.ATTRIBUTES);
    const last = firstOffset + data.readInt32BE(at + L.LAST_OFFSET_DELTA);
    const firstTimestamp = Number(data.readBigInt64BE(at + L.BASE_TIMESTAMP));
    const maxTimestamp = Number(data.readBigInt64BE(at + L.MAX_TIMESTAMP));
    const count = data.readInt32BE(at + L.RECORD_COUNT);
    const complete = batchEnd <= data.length;
    if (last < want || L.isControl(attributes)) {
      if (!complete) return { incomplete: true };
      next = Math.max(next, last + 1);
      at = batchEnd;
      continue;
    }
    if (L.isLogAppendTime(attributes)) return { timestamp: maxTimestamp };
    const codec = L.codecOf(attributes);
    if (codec && !complete) return { incomplete: true };
    const body = codec
      ? decompress(codec, data.subarray(at + L.RECORDS, batchEnd))
      : data.subarray(at + L.RECORDS, Math.min(batchEnd, data.length));
    const cursor = { pos: 0 };
    try {
      for (let i = 0; i < count; i++) {
        const length = L.readVarint(body, cursor);
        const end = cursor.pos + length;
        cursor.pos++; // attributes
        const delta = L.readVarint(body, cursor);
        const offset = firstOffset + L.readVarint(body, cursor);
        if (offset >= want) return { timestamp: firstTimestamp + delta };
        cursor.pos = end;
      }
    } catch {
      return { incomplete: true };
    }
    if (!complete) return { incomplete: true };
    next = Math.max(next, last + 1);
    at = batchEnd;
  }
  return at === 0 && data.length > 0 ? { incomplete: true } : { next };
}

const FIRST_LIMIT = 32 << 10;
const MAX_LIMIT = 8 << 20;

/**
 * Time lag needs the timestamp of one record per lagging partition and group. Per partition, one
 * Fetch from the smallest offset still wanted answers every wanted offset inside the returned
 * slice (groups on the same partition usually sit close together); all partitions of a leader go
 * in one request per round. A partition whose first batch did not fit is asked again, alone, with a
 * larger limit (the broker returns the first batch of a response whole).
 */
export async function readRecordTimestamps(admin: Admin, positions: OffsetToCommit[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!(await supportsFastFetch(admin))) return out;
  const where = await leadersOf(
    admin,
    positions.map((p) => p.topic),
  );
  const partitions = new Map<string, Wanted>();
  for (const p of positions) {
    const tp = `${p.topic}:${p.partition}`;
    let w = partitions.get(tp);
    if (!w) {
      const l = where.partition(p.topic, p.partition);
      if (!l || l.errorCode || !where.broker(l.leader)) continue;
      w = { topic: p.topic, partition: p.partition, topicId: l.topicId, leader: l.leader, pending: [], limit: FIRST_LIMIT };
      partitions.set(tp, w);
    }
    const offset = Number(p.offset);
    if (!w.pending.some((x) => x.offset === offset)) w.pending.push({ offset, from: offset });
  }

  const fetchFrom = async (leader: number, list: Wanted[]): Promise<void> => {
    const topics = new Map<string, Wanted[]>();
    for (const w of list) topics.set(w.topicId, [...(topics.get(w.topicId) ?? []), w]);
    const starts = new Map(list.map((w) => [w, Math.min(...w.pending.map((x) => x.from))]));
    const response = await rawFetch(admin, where.broker(leader)!, {
      maxWaitMs: 0,
      maxBytes: 256 << 20,
      isolationLevel: READ_UNCOMMITTED,
      topics: [...topics].map(([topicId, ws]) => ({
        topicId,
        partitions: ws.map((w) => ({ partition: w.partition, fetchOffset: BigInt(starts.get(w)!), partitionMaxBytes: w.limit })),
      })),
    });
    for (const t of response.responses) {
      for (const p of t.partitions) {
        const w = list.find((x) => x.topicId === t.topicId && x.partition === p.partitionIndex);
        if (!w) continue;
        // Out of range (deleted by retention), or nothing left to read: no timestamp to give.
        if (p.errorCode || (!p.records && starts.get(w)! >= Number(p.highWatermark)) || (!p.records && w.limit >= MAX_LIMIT)) {
          w.pending = [];
          continue;
        }
        if (!p.records) {
          // Only the first partition of a response may exceed its limit; the others come back empty.
          w.limit = Math.min(w.limit * 16, MAX_LIMIT);
          continue;
        }
        let progressed = false;
        const still: Wanted['pending'] = [];
        for (const x of w.pending) {
          const found = timestampAt(p.records, x.from);
          if ('timestamp' in found) {
            out.set(key(w.topic, w.partition, x.offset), found.timestamp);
            progressed = true;
            continue;
          }
          if ('next' in found && found.next > x.from) {
            x.from = found.next;
            progressed = true;
          }
          still.push(x);
        }
        w.pending = still;
        if (!progressed) w.limit = Math.min(w.limit * 16, MAX_LIMIT);
      }
    }
  };

  for (let round = 0; round < 20; round++) {
    const open = [...partitions.values()].filter((w) => w.pending.length);
    if (!open.length) break;
    // Partitions that need a larger first batch go alone; the rest in one request per leader.
    const batched = new Map<number, Wanted[]>();
    const alone: Wanted[] = [];
    for (const w of open) {
      if (w.limit > FIRST_LIMIT) alone.push(w);
      else batched.set(w.leader, [...(batched.get(w.leader) ?? []), w]);
    }
    await Promise.all([...[...batched].map(([leader, ws]) => fetchFrom(leader, ws)), ...alone.map((w) => fetchFrom(w.leader, [w]))]);
  }
  return out;
}

export { key as timestampKey };
