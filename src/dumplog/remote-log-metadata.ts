/**
 * kafka-dump-log.sh --remote-log-metadata-decoder (DumpLogSegments' RemoteMetadataLogMessageParser):
 * each record value of __remote_log_metadata read as RemoteLogMetadataSerde does (frame version 1, api
 * key, version as unsigned varints, then RemoteLogSegmentMetadataRecord, ...UpdateRecord,
 * RemotePartitionDeleteMetadataRecord or RemoteLogSegmentMetadataSnapshotRecord from message-schemas.json)
 * and printed as the Java object's toString(); what does not read prints "Error at offset N, skipping."
 * and the exception's message, with the original's words (Kafka 4.3.1).
 */
import { JavaError, readApiMessageAndVersion } from './api-message-serde.js';
import type { MessageDef } from './message-codec.js';
import type { JObject } from './message-json.js';
import type { MessageParser } from './parsers.js';

interface TopicIdPartitionEntry {
  name: string;
  id: string;
  partition: number;
}

interface SegmentId {
  topicIdPartition: TopicIdPartitionEntry;
  id: string;
}

const SEGMENT_STATES = ['COPY_SEGMENT_STARTED', 'COPY_SEGMENT_FINISHED', 'DELETE_SEGMENT_STARTED', 'DELETE_SEGMENT_FINISHED'];
const PARTITION_DELETE_STATES = ['DELETE_PARTITION_MARKED', 'DELETE_PARTITION_STARTED', 'DELETE_PARTITION_FINISHED'];

/** RemoteLogSegmentState.forId: null for an unknown id, which the constructors refuse. */
function segmentState(id: number): string {
  const state = SEGMENT_STATES[id];
  if (state === undefined) throw new JavaError('state can not be null');
  return state;
}

/** TopicIdPartition.toString(). */
const topicIdPartition = (t: TopicIdPartitionEntry) => `${t.id}:${t.name}-${t.partition}`;
const segmentId = (s: SegmentId) => `RemoteLogSegmentId{topicIdPartition=${topicIdPartition(s.topicIdPartition)}, id=${s.id}}`;
const customMetadata = (b: unknown) => (Buffer.isBuffer(b) ? `Optional[CustomMetadata{${b.length} bytes}]` : 'Optional.empty');

/** The leader epochs as a HashMap (a repeated epoch: the last wins), printed as the TreeMap the objects keep. */
function leaderEpochs(entries: unknown): string {
  const map = new Map<number, bigint>();
  for (const e of entries as { leaderEpoch: number; offset: bigint }[]) map.set(e.leaderEpoch, e.offset);
  if (map.size === 0) throw new JavaError('segmentLeaderEpochs can not be null or empty');
  const keys = [...map.keys()].sort((a, b) => a - b);
  return `{${keys.map((k) => `${k}=${map.get(k)}`).join(', ')}}`;
}

/** RemoteLogSegmentMetadataTransform: a RemoteLogSegmentMetadata (its checks) with the record's state applied. */
function segmentMetadata(d: JObject): string {
  const start = d.startOffset as bigint;
  const end = d.endOffset as bigint;
  if (start < 0n) throw new JavaError(`Unexpected start offset = ${start}. StartOffset for a remote segment cannot be negative`);
  if (end < start)
    throw new JavaError(`Unexpected end offset = ${end}. EndOffset for a remote segment cannot be less than startOffset = ${start}`);
  const epochs = leaderEpochs(d.segmentLeaderEpochs);
  const state = segmentState(d.remoteLogSegmentState as number);
  return (
    `RemoteLogSegmentMetadata{remoteLogSegmentId=${segmentId(d.remoteLogSegmentId as unknown as SegmentId)}, ` +
    `startOffset=${start}, endOffset=${end}, brokerId=${d.brokerId}, maxTimestampMs=${d.maxTimestampMs}, ` +
    `eventTimestampMs=${d.eventTimestampMs}, segmentLeaderEpochs=${epochs}, segmentSizeInBytes=${d.segmentSizeInBytes}, ` +
    `customMetadata=${customMetadata(d.customMetadata)}, state=${state}, txnIdxEmpty=${d.txnIndexEmpty === true}}`
  );
}

function segmentUpdate(d: JObject): string {
  const state = segmentState(d.remoteLogSegmentState as number);
  return (
    `RemoteLogSegmentMetadataUpdate{remoteLogSegmentId=${segmentId(d.remoteLogSegmentId as unknown as SegmentId)}, ` +
    `customMetadata=${customMetadata(d.customMetadata)}, state=${state}, eventTimestampMs=${d.eventTimestampMs}, brokerId=${d.brokerId}}`
  );
}

function partitionDelete(d: JObject): string {
  const state = PARTITION_DELETE_STATES[d.remotePartitionDeleteState as number];
  // Objects.requireNonNull(state) without a message: a NullPointerException whose message is null.
  if (state === undefined) throw new JavaError('null');
  return (
    `RemotePartitionDeleteMetadata{topicPartition=${topicIdPartition(d.topicIdPartition as unknown as TopicIdPartitionEntry)}, ` +
    `state=${state}, eventTimestampMs=${d.eventTimestampMs}, brokerId=${d.brokerId}}`
  );
}

/** RemoteLogSegmentMetadataSnapshot: its constructor checks the state before the epochs, and not the offsets. */
function segmentSnapshot(d: JObject): string {
  const state = segmentState(d.remoteLogSegmentState as number);
  const epochs = leaderEpochs(d.segmentLeaderEpochs);
  return (
    `RemoteLogSegmentMetadataSnapshot{segmentId=${d.segmentId}, startOffset=${d.startOffset}, endOffset=${d.endOffset}, ` +
    `maxTimestampMs=${d.maxTimestampMs}, segmentLeaderEpochs=${epochs}, segmentSizeInBytes=${d.segmentSizeInBytes}, ` +
    `customMetadata=${customMetadata(d.customMetadata)}, state=${state}, txnIdxEmpty=${d.txnIndexEmpty === true}}`
  );
}

const TRANSFORMS: Record<string, (d: JObject) => string> = {
  RemoteLogSegmentMetadataRecord: segmentMetadata,
  RemoteLogSegmentMetadataUpdateRecord: segmentUpdate,
  RemotePartitionDeleteMetadataRecord: partitionDelete,
  RemoteLogSegmentMetadataSnapshotRecord: segmentSnapshot,
};

/** RemoteLogMetadataSerde.deserialize(value).toString(). */
export function remoteLogMetadataText(value: Buffer, defs: readonly MessageDef[]): string {
  const { def, data } = readApiMessageAndVersion(value, defs);
  return TRANSFORMS[def.name](data);
}

/** The parser: the payload only (no key), an error line in its place, as RemoteMetadataLogMessageParser. */
export function remoteLogMetadataParser(defs: readonly MessageDef[]): MessageParser {
  return (record) => {
    try {
      // Record.value() of a null value: the JVM's own NullPointerException message.
      if (record.value === null)
        throw new JavaError(
          'Cannot invoke "java.nio.ByteBuffer.remaining()" because the return value of ' +
            '"org.apache.kafka.common.record.internal.Record.value()" is null',
        );
      return { value: remoteLogMetadataText(record.value, defs) };
    } catch (e) {
      if (!(e instanceof JavaError)) throw e;
      return { value: `Error at offset ${record.offset}, skipping. ${e.message}` };
    }
  };
}
