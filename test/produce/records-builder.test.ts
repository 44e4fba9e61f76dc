import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderSpans, ProduceRecord } from '../../src/kafka/producer-types.js';
import { encodeRecords } from '../../src/kafka/record-batch-encode.js';
import { BufferPool, PartitionRecordsBuilder } from '../../src/kafka/records-builder.js';
import { javaPartition, javaPartitionOf } from '../../src/kafka/partitioner.js';

/** Appends the record from byte ranges inside a larger buffer, as the envelope scan hands them. */
function append(builder: PartitionRecordsBuilder, r: ProduceRecord, timestamp: number): void {
  const pad = Buffer.from('<<');
  const inBuf = (b: Buffer | null): [Buffer | null, number, number] =>
    b === null ? [null, 0, 0] : [Buffer.concat([pad, b, pad]), pad.length, pad.length + b.length];
  const h: HeaderSpans = { count: 0, bufs: [], starts: [], ends: [] };
  for (const [k, v] of r.headers ?? []) {
    const j = 2 * h.count++;
    [h.bufs[j], h.starts[j], h.ends[j]] = inBuf(k) as [Buffer, number, number];
    const [vb, vs, ve] = inBuf(v);
    [h.bufs[j + 1], h.starts[j + 1], h.ends[j + 1]] = vb === null ? [k, -1, -1] : [vb, vs, ve];
  }
  const [kb, ks, ke] = inBuf(r.key);
  const [vb, vs, ve] = inBuf(r.value);
  builder.append(timestamp, kb, ks, ke, vb, vs, ve, h);
}

const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
const record = fc.record({
  key: fc.option(bytes, { nil: null }),
  value: fc.option(bytes, { nil: null }),
  headers: fc.array(
    fc.tuple(
      fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)),
      fc.option(bytes, { nil: null }),
    ),
    {
      maxLength: 3,
    },
  ),
  timestamp: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
});

describe('PartitionRecordsBuilder: records from byte ranges', () => {
  it('writes the same record batch body, count and timestamps as encodeRecords (the per-record encoder)', () => {
    const pool = new BufferPool();
    const builder = new PartitionRecordsBuilder(pool);
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), (list) => {
        const records: ProduceRecord[] = list.map((r) => ({ topic: 't', partition: 0, ...r }));
        for (const r of records) append(builder, r, r.timestamp!);
        expect(builder.count).toBe(records.length);
        const got = builder.take();
        const want = encodeRecords(records);
        expect(got.body.equals(want.body)).toBe(true);
        expect(builder.bytes).toBe(0);
        expect([got.count, got.firstTimestamp, got.maxTimestamp]).toEqual([want.count, want.firstTimestamp, want.maxTimestamp]);
        expect(got.headroom!.subarray(got.headroom!.length - got.body.length).equals(got.body)).toBe(true);
        got.release!();
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('grows past its first buffer, and a released buffer is written again', () => {
    const pool = new BufferPool();
    const builder = new PartitionRecordsBuilder(pool);
    const big: ProduceRecord = { topic: 't', partition: 0, key: Buffer.from('k'), value: Buffer.alloc(5000, 7), timestamp: 1 };
    const records = Array.from({ length: 50 }, () => big);
    for (const r of records) append(builder, r, 1);
    const first = builder.take();
    expect(first.body.equals(encodeRecords(records).body)).toBe(true);
    first.release!();
    const small: ProduceRecord = { topic: 't', partition: 0, key: null, value: Buffer.from('v'), timestamp: 2 };
    append(builder, small, 2);
    const second = builder.take();
    expect(second.headroom!.buffer).toBe(first.headroom!.buffer);
    expect(second.body.equals(encodeRecords([small]).body)).toBe(true);
  });

  it('javaPartitionOf a byte range is javaPartition of those bytes', () => {
    fc.assert(
      fc.property(bytes, fc.nat(5), fc.integer({ min: 1, max: 1000 }), (key, pad, count) => {
        const buf = Buffer.concat([Buffer.alloc(pad, 1), key, Buffer.alloc(pad, 2)]);
        expect(javaPartitionOf(buf, pad, pad + key.length, count)).toBe(javaPartition(key, count));
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
