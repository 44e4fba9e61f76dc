/**
 * WriteTxnMarkers v1, which the client library (2.12) does not implement: what Java's
 * Admin.abortTransaction sends to a partition's leader to abort a hanging transaction (one abort
 * marker for one producer). Brokers refuse it without ClusterAction on the cluster. Same encoding
 * as the library's own modules (its Writer and Reader, compact arrays, tagged fields). v1 is the
 * first flexible version and the only one every broker ktool supports takes (Kafka 3.3: v0-v1, Kafka
 * 4: v1-v2; v2 only adds the marker's transaction version): sent as is, not chosen from ApiVersions,
 * which the library only consults for APIs it implements.
 */
import { createAPI, Writer, type Reader } from '@platformatic/kafka';

export interface TxnMarker {
  producerId: bigint;
  producerEpoch: number;
  /** true: commit, false: abort. */
  committed: boolean;
  topics: { name: string; partitions: number[] }[];
  coordinatorEpoch: number;
}

export interface WriteTxnMarkersResponse {
  markers: { producerId: bigint; topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[] }[];
}

/*
  WriteTxnMarkers Request (Version: 1) => [markers] TAG_BUFFER
    markers => producer_id producer_epoch transaction_result [topics] coordinator_epoch TAG_BUFFER
      topics => name [partition_indexes] TAG_BUFFER
*/
export function createRequest(markers: TxnMarker[]): Writer {
  return Writer.create()
    .appendArray(markers, (w, m) => {
      w.appendInt64(m.producerId)
        .appendInt16(m.producerEpoch)
        .appendBoolean(m.committed)
        .appendArray(m.topics, (w, t) => {
          w.appendString(t.name).appendArray(t.partitions, (w, p) => w.appendInt32(p), true, false);
        })
        .appendInt32(m.coordinatorEpoch);
    })
    .appendTaggedFields();
}

/*
  WriteTxnMarkers Response (Version: 1) => [markers] TAG_BUFFER
    markers => producer_id [topics] TAG_BUFFER
      topics => name [partitions] TAG_BUFFER
        partitions => partition_index error_code TAG_BUFFER
*/
export function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader): WriteTxnMarkersResponse {
  const markers = reader.readArray((r) => ({
    producerId: r.readInt64(),
    topics: r.readArray((r) => ({
      name: r.readString(),
      partitions: r.readArray((r) => ({ partitionIndex: r.readInt32(), errorCode: r.readInt16() })),
    })),
  }));
  reader.readTaggedFields();
  return { markers };
}

export const writeTxnMarkersV1 = createAPI<[markers: TxnMarker[]], WriteTxnMarkersResponse>(27, 1, createRequest, parseResponse);
