import { compressionsAlgorithmsByBitmask, createAPI, fetchV17, kGetApi, kGetConnection, readKnownTaggedFields, type Base, type Reader } from '@platformatic/kafka';

/** One partition of a Fetch response with its record batches left as raw bytes. */
export interface RawFetchPartition {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null;
  records: Buffer | null;
}

export interface RawFetchResponse {
  errorCode: number;
  responses: { topicId: string; partitions: RawFetchPartition[] }[];
}

// Fetch v17 response layout (the library's parser, minus decoding the records: see record-batch-decode.ts).
function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader): RawFetchResponse {
  reader.readInt32(); // throttle time
  const errorCode = reader.readInt16();
  reader.readInt32(); // session id
  const responses = reader.readArray((r) => ({
    topicId: r.readUUID(),
    partitions: r.readArray((r) => {
      const p: RawFetchPartition = {
        partitionIndex: r.readInt32(),
        errorCode: r.readInt16(),
        highWatermark: r.readInt64(),
        abortedTransactions: null,
        records: null,
      };
      r.readInt64(); // last stable offset
      r.readInt64(); // log start offset
      p.abortedTransactions = r.readNullableArray((r) => ({ producerId: r.readInt64(), firstOffset: r.readInt64() }));
      r.readInt32(); // preferred read replica
      const size = r.readUnsignedVarInt();
      if (size > 1) {
        p.records = r.buffer.slice(r.position, r.position + size - 1);
        r.skip(size - 1);
      }
      readKnownTaggedFields(r, {});
      return p;
    }, true, false),
  }));
  readKnownTaggedFields(reader, {});
  return { errorCode, responses } as RawFetchResponse;
}

const rawFetchV17 = createAPI(1, 17, fetchV17.createRequest, parseResponse as never);

export function decompress(codec: number, data: Buffer): Buffer {
  const algorithm = (compressionsAlgorithmsByBitmask as Record<number, { decompressSync(b: Buffer): Buffer } | undefined>)[codec];
  if (!algorithm) throw new Error(`unsupported compression codec ${codec}`);
  return algorithm.decompressSync(data);
}

type Callback<T> = (error: Error | null, value: T) => void;
interface Internals {
  [kGetApi](name: string, cb: Callback<{ version: number }>): void;
  [kGetConnection](broker: { host: string; port: number }, cb: Callback<unknown>): void;
}

/** True when the brokers speak Fetch v17 (Kafka 3.8+), which the fast path encodes. */
export function supportsFastFetch(client: Base<any>): Promise<boolean> {
  return new Promise((resolve) => (client as unknown as Internals)[kGetApi]('Fetch', (error, api) => resolve(!error && api.version === 17)));
}

export interface RawFetchPartitionRequest {
  partition: number;
  fetchOffset: bigint;
  partitionMaxBytes: number;
}

/** A full (session-less) Fetch v17 to one broker. */
export function rawFetch(client: Base<any>, broker: { host: string; port: number }, o: { maxWaitMs: number; maxBytes: number; isolationLevel: number; topics: { topicId: string; partitions: RawFetchPartitionRequest[] }[] }): Promise<RawFetchResponse> {
  return new Promise((resolve, reject) => {
    (client as unknown as Internals)[kGetConnection](broker, (error, connection) => {
      if (error) return reject(error);
      const topics = o.topics.map((t) => ({ topicId: t.topicId, partitions: t.partitions.map((p) => ({ partition: p.partition, currentLeaderEpoch: -1, fetchOffset: p.fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1n, partitionMaxBytes: p.partitionMaxBytes })) }));
      (rawFetchV17 as unknown as (...args: unknown[]) => void)(connection, o.maxWaitMs, 1, o.maxBytes, o.isolationLevel, 0, -1, topics, [], '', (err: Error | null, response: RawFetchResponse) => (err ? reject(err) : resolve(response)));
    });
  });
}
