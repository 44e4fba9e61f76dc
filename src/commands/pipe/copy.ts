/**
 * `ktool pipe IN OUT` without -g: reads IN as `consume` does (the same offsets, partitions and
 * isolation flags), transforms each record and writes it to OUT through produce's Sender
 * (batches of up to 1 MB, 5 requests in flight, idempotent with --acks all). At-least-once:
 * nothing is committed anywhere; -g gives exactly once.
 */
import type { Context } from '../../cli/context.js';
import { openRangeReader, partitionsToRead, resolveRanges } from '../consume/positions.js';
import { Sender } from '../produce/sender.js';
import type { PipeOptions } from './options.js';
import { outputRecord, recordSize } from './route.js';
import type { Transform } from './transform.js';

export interface CopyOutcome {
  written: number;
  failed: number;
  error?: unknown;
}

const BATCH_BYTES = 1_000_000;
const IN_FLIGHT = 5;

export async function copy(o: PipeOptions, ctx: Context, transform: Transform): Promise<CopyOutcome> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const pick = (topic: string) => o.selection.topicPartitions?.[topic] ?? o.selection.partitions;
  const partitions = await partitionsToRead(admin, [o.input], undefined, pick);
  const ranges = await resolveRanges(admin, partitions, o.offset, o.isolation, o.exitAtEnd);
  const { signal } = ctx.io;
  const producer = await clients.producer(o.producer, { signal, onWarning: (m) => ctx.warn(m) });
  const count = await producer.partitionCount(o.output);
  const reader = await openRangeReader(clients, admin, {
    ranges,
    isolation: o.isolation,
    fetchMaxBytes: o.fetchMaxBytes,
    warn: (m) => ctx.warn(m),
  });
  const sender = new Sender(producer, BATCH_BYTES, IN_FLIGHT, signal);
  let left = o.maxMessages ?? Infinity;
  let error: unknown;
  try {
    while (left > 0 && !signal.aborted && sender.error === undefined) {
      const records = await reader.next();
      if (records === null) break;
      for (const r of records) {
        const t = transform.apply(r);
        if (t === null) continue;
        const out = outputRecord(o.output, count, r, t);
        if (sender.add(out, recordSize(out))) await sender.flush();
        if (--left === 0) break;
      }
      // A fetch is the batch: what it gave goes out before the next (no linger to wait for).
      await sender.flush();
    }
  } catch (e) {
    error = e;
  } finally {
    await reader.close();
  }
  // What came before a record whose expression failed is written: the run stops at that record.
  if (sender.error === undefined) sender.flushNow();
  else sender.counts.failed += sender.discardPending();
  await sender.drain();
  await producer.close();
  return { written: sender.counts.sent, failed: sender.counts.failed, error: error ?? sender.error };
}
