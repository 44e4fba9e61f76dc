/**
 * The share consumer's requests (KIP-932), which the client library does not have: ShareGroupHeartbeat
 * v1, ShareFetch v1 and ShareAcknowledge v1, as Kafka 4.3.1's ShareGroupHeartbeatRequest/Response,
 * ShareFetchRequest/Response and ShareAcknowledgeRequest/Response (version 1, the first stable one;
 * the fields read from the 4.3.1 client jar's generated schemas). Records stay raw bytes, decoded by
 * record-batch-decode.ts as the fast Fetch path does.
 */
import { createAPI, Writer, type Reader } from '@platformatic/kafka';

export const SHARE_GROUP_HEARTBEAT = 76;
export const SHARE_FETCH = 78;
export const SHARE_ACKNOWLEDGE = 79;

/** Acknowledge types of the protocol. */
export const AckType = { gap: 0, accept: 1, release: 2, reject: 3 } as const;
export type AckTypeValue = (typeof AckType)[keyof typeof AckType];

export interface HeartbeatArgs {
  groupId: string;
  memberId: string;
  /** 0 to join, -1 to leave. */
  memberEpoch: number;
  /** null when unchanged since the last heartbeat. */
  topics: string[] | null;
}

export interface HeartbeatResponse {
  errorCode: number;
  errorMessage: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  /** null: unchanged; otherwise the whole assignment, by topic id. */
  assignment: { topicId: string; partitions: number[] }[] | null;
}

function heartbeatRequest(a: HeartbeatArgs): Writer {
  return Writer.create()
    .appendString(a.groupId)
    .appendString(a.memberId)
    .appendInt32(a.memberEpoch)
    .appendString(null) // rack
    .appendArray(a.topics, (w, t) => w.appendString(t), true, false)
    .appendTaggedFields();
}

function heartbeatResponse(_c: number, _k: number, _v: number, r: Reader): HeartbeatResponse {
  r.readInt32(); // throttle time
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  r.readNullableString(); // member id (the member's own)
  const memberEpoch = r.readInt32();
  const heartbeatIntervalMs = r.readInt32();
  let assignment: HeartbeatResponse['assignment'] = null;
  if (r.readInt8() >= 0) {
    assignment = r.readArray((x) => ({ topicId: x.readUUID(), partitions: x.readArray((y) => y.readInt32(), true, false) }));
    r.readTaggedFields();
  }
  r.readTaggedFields();
  return { errorCode, errorMessage, memberEpoch, heartbeatIntervalMs, assignment };
}

export const shareGroupHeartbeatV1 = createAPI<[HeartbeatArgs], HeartbeatResponse>(
  SHARE_GROUP_HEARTBEAT,
  1,
  heartbeatRequest,
  heartbeatResponse,
);

/** Acknowledgements of one partition: ranges of offsets, each with one type. */
export interface AckBatch {
  first: number;
  last: number;
  type: AckTypeValue;
}

export interface SharePartitionRequest {
  partition: number;
  acks: AckBatch[];
}

export interface ShareTopicRequest {
  topicId: string;
  partitions: SharePartitionRequest[];
}

export interface ShareSessionArgs {
  groupId: string;
  memberId: string;
  /** 0 opens a session, -1 closes it, otherwise one more than the last request's. */
  epoch: number;
  topics: ShareTopicRequest[];
}

export interface ShareFetchArgs extends ShareSessionArgs {
  maxWaitMs: number;
  maxBytes: number;
  maxRecords: number;
  /** Partitions to drop from the session. */
  forgotten: { topicId: string; partitions: number[] }[];
}

function appendAcks(w: Writer, acks: AckBatch[]): void {
  w.appendArray(acks, (x, a) =>
    x
      .appendInt64(BigInt(a.first))
      .appendInt64(BigInt(a.last))
      .appendArray([a.type], (y, t) => y.appendInt8(t), true, false),
  );
}

function appendTopics(w: Writer, topics: ShareTopicRequest[]): void {
  w.appendArray(topics, (x, t) =>
    x.appendUUID(t.topicId).appendArray(t.partitions, (y, p) => {
      y.appendInt32(p.partition);
      appendAcks(y, p.acks);
    }),
  );
}

function fetchRequest(a: ShareFetchArgs): Writer {
  const w = Writer.create()
    .appendString(a.groupId)
    .appendString(a.memberId)
    .appendInt32(a.epoch)
    .appendInt32(a.maxWaitMs)
    .appendInt32(1) // min bytes
    .appendInt32(a.maxBytes)
    .appendInt32(a.maxRecords)
    .appendInt32(a.maxRecords); // batch size
  appendTopics(w, a.topics);
  w.appendArray(a.forgotten, (x, t) => x.appendUUID(t.topicId).appendArray(t.partitions, (y, p) => y.appendInt32(p), true, false));
  return w.appendTaggedFields();
}

export interface SharePartitionResponse {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  ackErrorCode: number;
  ackErrorMessage: string | null;
  records: Buffer | null;
  acquired: { first: number; last: number; deliveryCount: number }[];
}

export interface ShareFetchResponse {
  errorCode: number;
  errorMessage: string | null;
  acquisitionLockTimeoutMs: number;
  responses: { topicId: string; partitions: SharePartitionResponse[] }[];
}

function readFetchPartition(r: Reader): SharePartitionResponse {
  const partition = r.readInt32();
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  const ackErrorCode = r.readInt16();
  const ackErrorMessage = r.readNullableString();
  r.readInt32(); // current leader id
  r.readInt32(); // its epoch
  r.readTaggedFields();
  const size = r.readUnsignedVarInt();
  let records: Buffer | null = null;
  if (size > 1) {
    records = r.buffer.slice(r.position, r.position + size - 1);
    r.skip(size - 1);
  }
  const acquired = r.readArray((x) => ({ first: Number(x.readInt64()), last: Number(x.readInt64()), deliveryCount: x.readInt16() }));
  return { partition, errorCode, errorMessage, ackErrorCode, ackErrorMessage, records, acquired };
}

function skipNodeEndpoints(r: Reader): void {
  r.readArray((x) => {
    x.readInt32();
    x.readString();
    x.readInt32();
    x.readNullableString();
  });
}

function fetchResponse(_c: number, _k: number, _v: number, r: Reader): ShareFetchResponse {
  r.readInt32(); // throttle time
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  const acquisitionLockTimeoutMs = r.readInt32();
  const responses = r.readArray((x) => ({ topicId: x.readUUID(), partitions: x.readArray(readFetchPartition) }));
  skipNodeEndpoints(r);
  r.readTaggedFields();
  return { errorCode, errorMessage, acquisitionLockTimeoutMs, responses };
}

export const shareFetchV1 = createAPI<[ShareFetchArgs], ShareFetchResponse>(SHARE_FETCH, 1, fetchRequest, fetchResponse);

export interface ShareAcknowledgeResponse {
  errorCode: number;
  errorMessage: string | null;
  responses: { topicId: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
}

function acknowledgeRequest(a: ShareSessionArgs): Writer {
  const w = Writer.create().appendString(a.groupId).appendString(a.memberId).appendInt32(a.epoch);
  appendTopics(w, a.topics);
  return w.appendTaggedFields();
}

function acknowledgeResponse(_c: number, _k: number, _v: number, r: Reader): ShareAcknowledgeResponse {
  r.readInt32(); // throttle time
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  const responses = r.readArray((x) => ({
    topicId: x.readUUID(),
    partitions: x.readArray((y) => {
      const p = { partition: y.readInt32(), errorCode: y.readInt16(), errorMessage: y.readNullableString() };
      y.readInt32(); // current leader id
      y.readInt32(); // its epoch
      y.readTaggedFields();
      return p;
    }),
  }));
  skipNodeEndpoints(r);
  r.readTaggedFields();
  return { errorCode, errorMessage, responses };
}

export const shareAcknowledgeV1 = createAPI<[ShareSessionArgs], ShareAcknowledgeResponse>(
  SHARE_ACKNOWLEDGE,
  1,
  acknowledgeRequest,
  acknowledgeResponse,
);

/** Offsets with one type each, as the fewest ranges (consecutive offsets of one type share a range). */
export function ackRanges(acks: { offset: number; type: AckTypeValue }[]): AckBatch[] {
  const sorted = [...acks].sort((a, b) => a.offset - b.offset);
  const out: AckBatch[] = [];
  for (const a of sorted) {
    const last = out[out.length - 1];
    if (last && last.type === a.type && last.last + 1 === a.offset) last.last = a.offset;
    else if (!last || last.last < a.offset) out.push({ first: a.offset, last: a.offset, type: a.type });
  }
  return out;
}
