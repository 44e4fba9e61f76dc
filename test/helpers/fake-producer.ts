import type {
  EncodedRecords,
  LineRecords,
  ProduceRecord,
  ProducerApi,
  RecordsBuilder,
  TxnGroup,
  TxnOffset,
} from '../../src/kafka/producer-types.js';
import { javaPartition } from '../../src/kafka/partitioner.js';
import { topicsNotFound } from '../../src/kafka/not-found.js';
import { appendEachLine } from './append-each-line.js';

/** A record as the fake broker took it: text for the test to compare. */
export interface FakeRecord {
  topic: string;
  partition: number;
  key: string | null;
  value: string | null;
  headers?: [string, string | null][];
}

export interface FakeProducer extends ProducerApi {
  /** Records acknowledged, in order. */
  readonly records: FakeRecord[];
  /** Every send (send and sendEncoded), acknowledged or not: its record count. */
  readonly sends: number[];
  /** begin, offsets, commit, abort and close, in order. */
  readonly calls: string[];
  /** Every sendOffsetsToTransaction, in order. */
  readonly offsets: { group: TxnGroup; offsets: TxnOffset[] }[];
}

export interface FakeProducerOptions {
  /** The error the nth send (1-based) fails with, if any. */
  failSend?: (n: number) => Error | undefined;
  /** The error partitionCount fails with for a topic (before the not-found check). */
  failMetadata?: (topic: string) => Error | undefined;
  /** The error commitTransaction fails with. */
  failCommit?: Error;
  /** The error the nth sendOffsetsToTransaction (1-based) fails with, if any. */
  failOffsets?: (n: number) => Error | undefined;
}

const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));

/** Tier-2 fake of ProducerApi over topics and their partition counts: no client library, no broker. */
export function fakeProducer(topics: Record<string, number>, options: FakeProducerOptions = {}): FakeProducer {
  const records: FakeRecord[] = [];
  const sends: number[] = [];
  const calls: string[] = [];
  const offsets: { group: TxnGroup; offsets: TxnOffset[] }[] = [];
  /** What sendEncoded's records hold (the fake's "encoding" keeps the lines). */
  const encoded = new WeakMap<EncodedRecords, { key: Buffer | null; headers: [Buffer, Buffer | null][] | undefined; values: string[] }>();
  const encodedMany = new WeakMap<
    EncodedRecords,
    { key: string | null; value: string | null; headers: [string, string | null][] | undefined }[]
  >();
  const ack = async (count: number, accept: () => void) => {
    const n = sends.push(count);
    // Acknowledged later, as a broker would: the sender keeps reading meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    const error = options.failSend?.(n);
    if (error) throw error;
    accept();
  };
  const toFake = (r: ProduceRecord): FakeRecord => {
    const record: FakeRecord = { topic: r.topic, partition: r.partition, key: text(r.key), value: text(r.value) };
    if (r.headers) record.headers = r.headers.map(([k, v]) => [k.toString('utf8'), text(v)]);
    return record;
  };
  return {
    records,
    sends,
    calls,
    offsets,
    async partitionCount(topic) {
      const error = options.failMetadata?.(topic);
      if (error) throw error;
      if (!(topic in topics)) throw topicsNotFound([topic], `create it first: ktool topics create ${topic} (produce never creates topics)`);
      return topics[topic];
    },
    partitionFor: javaPartition,
    send: (batch) => ack(batch.length, () => records.push(...batch.map(toFake))),
    lineRecords(key, headers): LineRecords {
      let values: string[] = [];
      let bytes = 0;
      return {
        get count() {
          return values.length;
        },
        get bytes() {
          return bytes;
        },
        append(src, start, end) {
          values.push(src.toString('utf8', start, end));
          bytes += end - start;
        },
        appendLines(...args) {
          return appendEachLine(this, ...args);
        },
        take() {
          const taken: EncodedRecords = { body: Buffer.alloc(bytes), count: values.length, firstTimestamp: 0, maxTimestamp: 0 };
          encoded.set(taken, { key, headers, values });
          values = [];
          bytes = 0;
          return taken;
        },
      };
    },
    sendEncoded(topic, partition, batch) {
      const { key, headers, values } = encoded.get(batch)!;
      return ack(batch.count, () =>
        records.push(...values.map((value) => toFake({ topic, partition, key, value: Buffer.from(value), headers }))),
      );
    },
    recordsBuilder(): RecordsBuilder {
      let taken: { key: string | null; value: string | null; headers: [string, string | null][] | undefined }[] = [];
      let bytes = 0;
      const range = (b: Buffer | null, start: number, end: number) => (b === null || start < 0 ? null : b.toString('utf8', start, end));
      return {
        get count() {
          return taken.length;
        },
        get bytes() {
          return bytes;
        },
        append(_ts, key, keyStart, keyEnd, value, valueStart, valueEnd, h) {
          const headers: [string, string | null][] = [];
          for (let i = 0; i < 2 * h.count; i += 2)
            headers.push([range(h.bufs[i], h.starts[i], h.ends[i])!, range(h.bufs[i + 1], h.starts[i + 1], h.ends[i + 1])]);
          taken.push({
            key: range(key, keyStart, keyEnd),
            value: range(value, valueStart, valueEnd),
            headers: h.count ? headers : undefined,
          });
          bytes += (value === null ? 0 : valueEnd - valueStart) + 1;
        },
        take() {
          const records: EncodedRecords = { body: Buffer.alloc(bytes), count: taken.length, firstTimestamp: 0, maxTimestamp: 0 };
          encodedMany.set(records, taken);
          taken = [];
          bytes = 0;
          return records;
        },
      };
    },
    sendEncodedMany(list) {
      const count = list.reduce((n, item) => n + item.records.count, 0);
      return ack(count, () => {
        for (const { topic, partition, records: batch } of list)
          for (const r of encodedMany.get(batch)!) {
            const record: FakeRecord = { topic, partition, key: r.key, value: r.value };
            if (r.headers) record.headers = r.headers;
            records.push(record);
          }
      });
    },
    async beginTransaction() {
      calls.push('begin');
    },
    async sendOffsetsToTransaction(group, list) {
      calls.push('offsets');
      const error = options.failOffsets?.(offsets.length + 1);
      offsets.push({ group, offsets: list });
      if (error) throw error;
    },
    async commitTransaction() {
      calls.push('commit');
      if (options.failCommit) throw options.failCommit;
    },
    async abortTransaction() {
      calls.push('abort');
    },
    async close() {
      calls.push('close');
    },
  };
}
