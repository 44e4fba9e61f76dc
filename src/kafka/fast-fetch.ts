import {
  compressionsAlgorithmsByBitmask,
  createAPI,
  fetchV17,
  kGetApi,
  readKnownTaggedFields,
  type CompressionAlgorithmSpecification,
  type Reader,
} from '@platformatic/kafka';
import { connectionTo, type Client } from './raw-api.js';

/**
 * One partition of a Fetch response with its record batches left as raw bytes. Ours, not the
 * library's fetchV17.FetchResponse: that one holds the batches decoded, which is the cost avoided.
 */
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
    partitions: r.readArray(
      (r) => {
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
      },
      true,
      false,
    ),
  }));
  readKnownTaggedFields(reader, {});
  return { errorCode, responses };
}

const rawFetchV17 = createAPI<fetchV17.FetchRequest, RawFetchResponse>(
  fetchV17.api.key,
  fetchV17.api.version,
  fetchV17.createRequest,
  parseResponse,
);

export function decompress(codec: number, data: Buffer): Buffer {
  const algorithm: CompressionAlgorithmSpecification | undefined = compressionsAlgorithmsByBitmask[codec];
  if (!algorithm) throw new Error(`unsupported compression codec ${codec}`);
  return algorithm.decompressSync(data);
}

/** True when the brokers speak Fetch v17 (Kafka 3.8+), which the fast path encodes. */
export function supportsFastFetch(client: Client): Promise<boolean> {
  return new Promise((resolve) => client[kGetApi]('Fetch', (error, api) => resolve(!error && api?.version === 17)));
}

export interface RawFetchPartitionRequest {
  partition: number;
  fetchOffset: bigint;
  partitionMaxBytes: number;
}

/** A full (session-less) Fetch v17 to one broker. */
export async function rawFetch(
  client: Client,
  broker: { host: string; port: number },
  o: { maxWaitMs: number; maxBytes: number; isolationLevel: number; topics: { topicId: string; partitions: RawFetchPartitionRequest[] }[] },
): Promise<RawFetchResponse> {
  const connection = await connectionTo(client, broker);
  const topics = o.topics.map((t) => ({
    topicId: t.topicId,
    partitions: t.partitions.map((p) => ({
      partition: p.partition,
      currentLeaderEpoch: -1,
      fetchOffset: p.fetchOffset,
      lastFetchedEpoch: -1,
      logStartOffset: -1n,
      partitionMaxBytes: p.partitionMaxBytes,
    })),
  }));
  return rawFetchV17.async(connection, o.maxWaitMs, 1, o.maxBytes, o.isolationLevel, 0, -1, topics, [], '');
}
