import { describe, expect, it } from 'vitest';
import { abortFilter } from '../../src/kafka/abort-filter.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import type { Compression } from '../../src/kafka/producer-types.js';
import { toConsumedRecords, type FetchedBatch } from '../../src/kafka/decode.js';
import { decompress } from '../../src/kafka/fast-fetch.js';
import * as L from '../../src/kafka/record-batch.js';
import { decodeBatches } from '../../src/kafka/record-batch-decode.js';
import { encodeRecords, wrapRecords } from '../../src/kafka/record-batch-encode.js';

/** One batch as a broker stores it: base offset set, attributes as given (CRC left as encoded: nothing here checks it). */
async function batchBytes(
  base: number,
  records: { key?: Buffer | null; value?: string }[],
  o: { producerId?: bigint; attributes?: number; compression?: Compression } = {},
): Promise<Buffer> {
  const encoded = encodeRecords(
    records.map((r) => ({
      topic: 't',
      partition: 0,
      key: r.key ?? null,
      value: r.value === undefined ? null : Buffer.from(r.value),
      timestamp: 1_700_000_000_000,
    })),
  );
  const bytes = await wrapRecords(encoded, {
    producerId: o.producerId ?? -1n,
    producerEpoch: 0,
    baseSequence: 0,
    transactional: false,
    compression: o.compression ?? 'none',
  });
  bytes.writeBigInt64BE(BigInt(base), L.BASE_OFFSET);
  if (o.attributes !== undefined) bytes.writeInt16BE(o.attributes | L.codecOf(bytes.readInt16BE(L.ATTRIBUTES)), L.ATTRIBUTES);
  return bytes;
}

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);

describe('record batch layout', () => {
  it('the header a producer writes: magic 2, offsets, counts, attribute bits where Kafka reads them', async () => {
    const encoded = encodeRecords(
      [1, 2, 3].map((i) => ({ topic: 't', partition: 0, key: null, value: Buffer.from(`v${i}`), timestamp: 1000 + i })),
    );
    const bytes = await wrapRecords(encoded, {
      producerId: 42n,
      producerEpoch: 3,
      baseSequence: 7,
      transactional: true,
      compression: 'lz4',
    });
    expect(bytes[L.MAGIC]).toBe(2);
    expect(bytes.readInt32BE(L.BATCH_LENGTH)).toBe(bytes.length - L.LENGTH_FIELD_END);
    expect(bytes.readInt16BE(L.ATTRIBUTES)).toBe(0x13); // transactional 0x10 | lz4 3
    expect(bytes.readInt32BE(L.LAST_OFFSET_DELTA)).toBe(2);
    expect(bytes.readBigInt64BE(L.BASE_TIMESTAMP)).toBe(1001n);
    expect(bytes.readBigInt64BE(L.MAX_TIMESTAMP)).toBe(1003n);
    expect(bytes.readBigInt64BE(L.PRODUCER_ID)).toBe(42n);
    expect(bytes.readInt16BE(L.PRODUCER_EPOCH)).toBe(3);
    expect(bytes.readInt32BE(L.BASE_SEQUENCE)).toBe(7);
    expect(bytes.readInt32BE(L.RECORD_COUNT)).toBe(3);
    expect(bytes.readInt32BE(L.PARTITION_LEADER_EPOCH)).toBe(-1);
  });

  it('attribute bits: codec, LogAppendTime, transactional, control', () => {
    expect(L.writeAttributes({ transactional: false, compression: 'none' })).toBe(0);
    expect(
      (['gzip', 'snappy', 'lz4', 'zstd'] as const).map((compression) => L.writeAttributes({ transactional: false, compression })),
    ).toEqual([1, 2, 3, 4]);
    expect(L.writeAttributes({ transactional: true, compression: 'zstd' })).toBe(0x14);
    const attributes = 0x3b; // control | transactional | LogAppendTime | lz4
    expect([L.codecOf(attributes), L.isLogAppendTime(attributes), L.isTransactional(attributes), L.isControl(attributes)]).toEqual([
      3,
      true,
      true,
      true,
    ]);
    expect([L.codecOf(0), L.isLogAppendTime(0), L.isTransactional(0), L.isControl(0)]).toEqual([0, false, false, false]);
  });

  it('an abort marker is a control key of type 0 with at least 4 bytes (a later key version may append fields)', () => {
    expect(L.isAbortMarker(ABORT)).toBe(true);
    expect(L.isAbortMarker(Buffer.from([0, 1, 0, 0, 9, 9]))).toBe(true);
    expect(L.isAbortMarker(COMMIT)).toBe(false);
    expect(L.isAbortMarker(Buffer.from([0, 0, 0]))).toBe(false);
    expect(L.isAbortMarker(null)).toBe(false);
    expect(L.isAbortMarker(undefined)).toBe(false);
  });

  it('the first record key of a batch, read from its bytes', async () => {
    const bytes = await batchBytes(0, [{ key: ABORT, value: 'x' }, { key: COMMIT }]);
    expect(L.firstRecordKey(bytes.subarray(L.RECORDS))).toEqual(ABORT);
    expect(L.firstRecordKey((await batchBytes(0, [{ value: 'x' }])).subarray(L.RECORDS))).toBeNull();
    expect(() => L.readVarint(Buffer.from([0x80]), { pos: 0 })).toThrow(RangeError);
  });
});

describe('control batches, decoded from bytes', () => {
  it('are never delivered, and the next offset moves past them', async () => {
    const data = Buffer.concat([
      await batchBytes(0, [{ value: 'a' }]),
      await batchBytes(1, [{ key: COMMIT }], { attributes: L.CONTROL | L.TRANSACTIONAL }),
      await batchBytes(2, [{ value: 'b' }]),
    ]);
    const out: ConsumedRecord[] = [];
    expect(decodeBatches(data, 't', 0, 0, undefined, out, decompress)).toBe(3);
    expect(out.map((r) => [r.offset, r.value?.toString()])).toEqual([
      [0, 'a'],
      [2, 'b'],
    ]);
  });

  it(
    'read_committed: a producer is dropped from its aborted transaction up to its ABORT marker, also in ' + 'a compressed control batch',
    async () => {
      const tx = L.TRANSACTIONAL;
      for (const compression of ['none', 'zstd'] as const) {
        const data = Buffer.concat([
          await batchBytes(0, [{ value: 'aborted-1' }, { value: 'aborted-2' }], { producerId: 7n, attributes: tx, compression }),
          await batchBytes(2, [{ value: 'committed' }], { producerId: 8n, attributes: tx, compression }),
          await batchBytes(3, [{ key: Buffer.from([0, 1, 0, 0, 0, 0]) }], { producerId: 7n, attributes: L.CONTROL | tx, compression }),
          await batchBytes(4, [{ key: COMMIT }], { producerId: 8n, attributes: L.CONTROL | tx, compression }),
          await batchBytes(5, [{ value: 'after-abort' }], { producerId: 7n, attributes: tx, compression }),
        ]);
        const out: ConsumedRecord[] = [];
        const next = decodeBatches(data, 't', 0, 0, undefined, out, decompress, abortFilter([{ producerId: 7n, firstOffset: 0n }]));
        expect([compression, next, out.map((r) => r.value?.toString())]).toEqual([compression, 6, ['committed', 'after-abort']]);
      }
    },
  );

  it('the library-decoded path takes the same abort marker (a 6-byte control key ends the aborted transaction too)', () => {
    const batch = (offset: bigint, attributes: number, key: Buffer | null, value: string | null): FetchedBatch => ({
      firstOffset: offset,
      lastOffsetDelta: 0,
      producerId: 7n,
      attributes,
      firstTimestamp: 0n,
      maxTimestamp: 0n,
      records: [{ offsetDelta: 0, timestampDelta: 0n, key, value: value === null ? null : Buffer.from(value), headers: [] }],
    });
    const batches = [
      batch(0n, L.TRANSACTIONAL, null, 'aborted'),
      batch(1n, L.CONTROL | L.TRANSACTIONAL, Buffer.from([0, 1, 0, 0, 0, 0]), null),
      batch(2n, L.TRANSACTIONAL, null, 'next transaction'),
    ];
    const { records, nextOffset } = toConsumedRecords('t', 0, batches, 0, undefined, abortFilter([{ producerId: 7n, firstOffset: 0n }]));
    expect(records.map((r) => r.value?.toString())).toEqual(['next transaction']);
    expect(nextOffset).toBe(3);
  });
});
