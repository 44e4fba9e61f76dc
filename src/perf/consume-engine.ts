/**
 * ConsumerPerformance's loop on ktool's group reader: join the group (the join time is
 * rebalance.time.ms), read until --num-records are counted or no record came for --timeout ms,
 * counting key + value bytes; a progress row each --reporting-interval (the Java tool checks per
 * record, after each poll). Like the Java tool it counts every record of the last poll (the total
 * may pass --num-records), unless `exact` (ktool's own spelling) stops at the number.
 */
import type { GroupReader } from '../kafka/consumer-types.js';

export interface ConsumePlan {
  numRecords: number;
  timeoutMs: number;
  reportingIntervalMs: number;
  exact: boolean;
}

export interface ConsumeProgress {
  /** Time of the row (ms since the epoch). */
  endMs: number;
  startMs: number;
  bytes: number;
  lastBytes: number;
  records: number;
  lastRecords: number;
  /** Join time within this interval (the first one carries the group join). */
  joinMs: number;
}

export interface ConsumeOutcome {
  startMs: number;
  endMs: number;
  joinMs: number;
  records: number;
  bytes: number;
  /** Stopped by --timeout before --num-records. */
  timedOut: boolean;
  interrupted: boolean;
}

const MB = 1024 * 1024;

export async function consumePerf(
  open: () => Promise<GroupReader>,
  plan: ConsumePlan,
  onProgress: (p: ConsumeProgress) => void,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<ConsumeOutcome> {
  const startMs = now();
  const reader = await open();
  const joinMs = now() - startMs;
  let joinInRound = joinMs;
  let records = 0;
  let bytes = 0;
  let lastRecords = 0;
  let lastBytes = 0;
  // As the Java tool: the first interval and the record timeout count from before the group join.
  let current = now();
  let lastReport = startMs;
  let lastConsumed = startMs;
  // Every partition's position as far as it was read (each next() names only those it moved).
  const reached = new Map<string, { topic: string; partition: number; offset: bigint }>();
  try {
    while (records < plan.numRecords && current - lastConsumed <= plan.timeoutMs && !signal.aborted) {
      const batch = await reader.next();
      for (const [k, position] of reader.reached()) reached.set(k, position);
      current = now();
      if (batch.length > 0) lastConsumed = current;
      for (const r of batch) {
        if (plan.exact && records >= plan.numRecords) break;
        records++;
        if (r.key) bytes += r.key.length;
        if (r.value) bytes += r.value.length;
        if (current - lastReport >= plan.reportingIntervalMs) {
          onProgress({ endMs: current, startMs: lastReport, bytes, lastBytes, records, lastRecords, joinMs: joinInRound });
          joinInRound = 0;
          lastReport = current;
          lastRecords = records;
          lastBytes = bytes;
        }
      }
    }
    const endMs = now();
    await reader.commit([...reached.values()]).catch(() => undefined);
    return { startMs, endMs, joinMs, records, bytes, timedOut: records < plan.numRecords && !signal.aborted, interrupted: signal.aborted };
  } finally {
    await reader.close();
  }
}

/** ConsumerPerformance's final figures (what its last line prints). */
export function consumeTotals(o: ConsumeOutcome) {
  const elapsedSec = (o.endMs - o.startMs) / 1000;
  const fetchMs = o.endMs - o.startMs - o.joinMs;
  const mb = o.bytes / MB;
  return {
    mb,
    mbPerSec: mb / elapsedSec,
    records: o.records,
    recordsPerSec: o.records / elapsedSec,
    rebalanceMs: o.joinMs,
    fetchMs,
    fetchMbPerSec: mb / (fetchMs / 1000),
    fetchRecordsPerSec: o.records / (fetchMs / 1000),
  };
}

/** ConsumerPerformance.printConsumerProgress's figures for one interval. */
export function progressFigures(p: ConsumeProgress) {
  const elapsedMs = p.endMs - p.startMs;
  const intervalMb = (p.bytes - p.lastBytes) / MB;
  const fetchMs = elapsedMs - p.joinMs;
  const intervalRecords = p.records - p.lastRecords;
  return {
    mb: p.bytes / MB,
    mbPerSec: (1000 * intervalMb) / elapsedMs,
    records: p.records,
    recordsPerSec: (intervalRecords / elapsedMs) * 1000,
    rebalanceMs: p.joinMs,
    fetchMs,
    fetchMbPerSec: fetchMs <= 0 ? 0 : (1000 * intervalMb) / fetchMs,
    fetchRecordsPerSec: fetchMs <= 0 ? 0 : (1000 * intervalRecords) / fetchMs,
  };
}
