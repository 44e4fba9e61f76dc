import { describe, expect, it } from 'vitest';
import { abortFilter } from '../../src/kafka/abort-filter.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { decompress } from '../../src/kafka/fast-fetch.js';
import * as L from '../../src/kafka/record-batch.js';
import { BatchCursor, decodeBatches } from '../../src/kafka/record-batch-decode.js';
import { encodeRecords, wrapRecords } from '../../src/kafka/record-batch-encode.js';
import { RecordQueue } from '../../src/kafka/record-queue.js';

/** `count` records with values `${base + i}` in one batch at offset `base`. */
async function batch(base: number, count: number, o: { producerId?: bigint; attributes?: number } = {}): Promise<Buffer> {
  const records = Array.from({ length: count }, (_, i) => ({
    topic: 't',
    partition: 0,
    key: null,
    value: Buffer.from(String(base + i)),
    timestamp: 1_700_000_000_000,
  }));
  const bytes = await wrapRecords(encodeRecords(records), {
    producerId: o.producerId ?? -1n,
    producerEpoch: 0,
    baseSequence: 0,
    transactional: false,
    compression: 'none',
  });
  bytes.writeBigInt64BE(BigInt(base), L.BASE_OFFSET);
  if (o.attributes !== undefined) bytes.writeInt16BE(o.attributes, L.ATTRIBUTES);
  return bytes;
}

const values = (records: ConsumedRecord[]) => records.map((r) => Number(r.value!.toString()));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const cursor = (data: Buffer, from = 0, end?: number) => new BatchCursor(data, { topic: 't', partition: 0, from, end, decompress });

describe('BatchCursor: fetched bytes decoded a few batches at a time', () => {
  it('knows the next offset from the headers alone, before decoding anything (partial batch at the end ignored)', async () => {
    const data = Buffer.concat([await batch(0, 10), await batch(10, 10), (await batch(20, 10)).subarray(0, 30)]);
    const c = cursor(data);
    expect(c.nextOffset).toBe(20);
    expect(c.done).toBe(false);
    expect(cursor(data, 0, 15).nextOffset).toBe(15);
  });

  it('take(out, n) decodes n more records, stopping inside a batch and going on from there; together: decodeBatches', async () => {
    const data = Buffer.concat(await Promise.all(range(0, 10).map((i) => batch(i * 7, 7))));
    const c = cursor(data, 3, 65);
    const slices: number[][] = [];
    while (!c.done) {
      const out: ConsumedRecord[] = [];
      c.take(out, 10);
      slices.push(values(out));
    }
    expect(slices.map((s) => s.length)).toEqual([10, 10, 10, 10, 10, 10, 2]);
    const whole: ConsumedRecord[] = [];
    expect(decodeBatches(data, 't', 0, 3, 65, whole, decompress)).toBe(65);
    expect(slices.flat()).toEqual(values(whole));
    expect(slices.flat()).toEqual(range(3, 65));
  });

  it('an aborted transaction is filtered in order across slices (the filter is stateful)', async () => {
    const tx = L.TRANSACTIONAL;
    const data = Buffer.concat([
      await batch(0, 2, { producerId: 7n, attributes: tx }),
      await batch(2, 2, { producerId: 8n, attributes: tx }),
      await batch(4, 1, { producerId: 7n, attributes: L.CONTROL | tx }), // value "4" as key-less control: not an abort marker
      await batch(5, 2),
    ]);
    const c = new BatchCursor(data, {
      topic: 't',
      partition: 0,
      from: 0,
      end: undefined,
      decompress,
      keep: abortFilter([{ producerId: 7n, firstOffset: 0n }]),
    });
    const out: ConsumedRecord[] = [];
    while (!c.done) c.take(out, 1);
    expect(values(out)).toEqual([2, 3, 5, 6]);
  });

  it('a batch larger than a slice is handed out across takes (ktool produce writes thousands of records per batch)', async () => {
    // Two batches of 2,500 records, read from inside the first to inside the second.
    const data = Buffer.concat([await batch(0, 2500), await batch(2500, 2500)]);
    const c = cursor(data, 700, 4200);
    const lengths: number[] = [];
    const all: ConsumedRecord[] = [];
    while (!c.done) {
      const out: ConsumedRecord[] = [];
      c.take(out, 1000);
      lengths.push(out.length);
      all.push(...out);
    }
    expect(lengths).toEqual([1000, 1000, 1000, 500]);
    expect(values(all)).toEqual(range(700, 4200));
    expect(all.map((r) => r.offset)).toEqual(range(700, 4200));
    const whole: ConsumedRecord[] = [];
    decodeBatches(data, 't', 0, 700, 4200, whole, decompress);
    expect(all).toEqual(whole);
  });

  it('a transaction aborted or kept is decided once per batch, also when the batch is handed out in pieces', async () => {
    const tx = L.TRANSACTIONAL;
    const data = Buffer.concat([
      await batch(0, 1500, { producerId: 7n, attributes: tx }), // aborted
      await batch(1500, 1500, { producerId: 8n, attributes: tx }),
      await batch(3000, 1, { producerId: 7n, attributes: L.CONTROL | tx }),
      await batch(3001, 1500),
    ]);
    const c = new BatchCursor(data, {
      topic: 't',
      partition: 0,
      from: 0,
      end: undefined,
      decompress,
      keep: abortFilter([{ producerId: 7n, firstOffset: 0n }]),
    });
    const lengths: number[] = [];
    const out: ConsumedRecord[] = [];
    while (!c.done) {
      const before = out.length;
      c.take(out, 1000);
      lengths.push(out.length - before);
    }
    expect(lengths).toEqual([1000, 1000, 1000]);
    expect(values(out)).toEqual([...range(1500, 3000), ...range(3001, 4501)]);
  });
});

describe('RecordQueue with fetched bytes', () => {
  it('shift() hands out slices, in order, arrays and bytes mixed; onLast once the last chunk is started', async () => {
    const q = new RecordQueue();
    const big = cursor(Buffer.concat(await Promise.all(range(0, 30).map((i) => batch(i * 100, 100)))));
    q.push([
      { topic: 't', partition: 1, offset: 0, timestamp: 0, timestampType: 'CreateTime', key: null, value: Buffer.from('-1'), headers: [] },
    ]);
    q.push(big);
    expect(q.onLast).toBe(false);
    const got: number[] = [];
    let slices = 0;
    for (let r = q.shift(); r; r = q.shift()) {
      got.push(...values(r));
      slices++;
      if (slices === 2) expect(q.onLast).toBe(true);
    }
    expect(got).toEqual([-1, ...range(0, 3000)]);
    expect(slices).toBe(4);
    expect(q.length).toBe(0);
    expect(q.onLast).toBe(true);
  });

  it('each slice is told to its chunk, done only with its last record; chunks without a record are passed, told done', async () => {
    const q = new RecordQueue();
    const told: string[] = [];
    q.push(cursor(Buffer.concat(await Promise.all(range(0, 25).map((i) => batch(i * 100, 100))))), (done) => told.push(`a${done}`));
    // Only a control batch (a transaction marker): no record, its position still to be reached.
    q.push(cursor(await batch(2500, 1, { attributes: L.CONTROL })), (done) => told.push(`m${done}`));
    q.push(cursor(await batch(2501, 5)), (done) => told.push(`b${done}`));
    const lengths: number[] = [];
    for (let r = q.shift(); r; r = q.shift()) lengths.push(r.length);
    expect(lengths).toEqual([1000, 1000, 500, 5]);
    expect(told).toEqual(['afalse', 'afalse', 'atrue', 'mtrue', 'btrue']);
    q.push(cursor(await batch(2506, 1, { attributes: L.CONTROL })), (done) => told.push(`c${done}`));
    expect(q.shift()).toBeUndefined();
    expect(told.at(-1)).toBe('ctrue');
    expect(q.length).toBe(0);
  });
});
