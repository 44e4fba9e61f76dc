/**
 * Partition reassignments and leader elections over the shared admin connection. The library has
 * AlterPartitionReassignments and ListPartitionReassignments as API modules (no Admin method) and no
 * ElectLeaders at all: that one is ktool's own ElectLeaders v2 (below), which every broker ktool
 * supports takes (Kafka 2.4+; 4.x keeps v0-v2). Brokers forward all three to the controller.
 */
import { createAPI, protocolErrors, Writer, type Admin, type Reader } from '@platformatic/kafka';
import { errorForKafkaCode, errorName } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi, connectionTo } from './raw-api.js';
import type { ElectionType, OngoingReassignment, PartitionOutcome, PartitionsApi } from './partitions-types.js';
import type { TopicPartition } from './types.js';

export type * from './partitions-types.js';

const TIMEOUT_MS = 30_000;

interface ElectLeadersResponse {
  errorCode: number;
  results: { topic: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
}

/*
  ElectLeaders Request (Version: 2) => election_type [topic_partitions] timeout_ms TAG_BUFFER
    election_type => INT8
    topic_partitions => topic [partitions] TAG_BUFFER   (COMPACT_NULLABLE_ARRAY: null is every partition)
*/
function createElectRequest(type: number, topics: { topic: string; partitions: number[] }[] | null, timeoutMs: number): Writer {
  return Writer.create()
    .appendInt8(type)
    .appendArray(topics, (w, t) => {
      w.appendString(t.topic).appendArray(t.partitions, (w, p) => w.appendInt32(p), true, false);
    })
    .appendInt32(timeoutMs)
    .appendTaggedFields();
}

/*
  ElectLeaders Response (Version: 2) => throttle_time_ms error_code [replica_election_results] TAG_BUFFER
    replica_election_results => topic [partition_result] TAG_BUFFER
      partition_result => partition_id error_code error_message TAG_BUFFER
*/
function parseElectResponse(_c: number, _k: number, _v: number, reader: Reader): ElectLeadersResponse {
  reader.readInt32();
  const errorCode = reader.readInt16();
  const results = reader.readArray((r) => ({
    topic: r.readString(),
    partitions: r.readArray((r) => ({ partition: r.readInt32(), errorCode: r.readInt16(), errorMessage: r.readNullableString() })),
  }));
  reader.readTaggedFields();
  return { errorCode, results };
}

const electLeadersV2 = createAPI<[number, { topic: string; partitions: number[] }[] | null, number], ElectLeadersResponse>(
  43,
  2,
  createElectRequest,
  parseElectResponse,
);

const ELECTION_TYPES: Record<ElectionType, number> = { PREFERRED: 0, UNCLEAN: 1 };

/** Java's exception message for a code: the broker's words, else Kafka's text for it. */
function outcome(tp: TopicPartition, code: number, message: string | null): PartitionOutcome {
  if (!code) return { ...tp };
  const error = errorName(code);
  return { ...tp, error, message: message || protocolErrors[error]?.message || error };
}

function byTopic(partitions: TopicPartition[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const p of partitions) map.set(p.topic, [...(map.get(p.topic) ?? []), p.partition]);
  return map;
}

const compareTp = (a: TopicPartition, b: TopicPartition) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

function failOnTopLevel(code: number, message: string | null | undefined, what: string): void {
  if (!code) return;
  const error = errorName(code);
  throw errorForKafkaCode(error, `${what}: ${message || protocolErrors[error]?.message || error} (${error})`);
}

export function makePartitionsApi(admin: Admin): PartitionsApi {
  return {
    async listReassignments(partitions) {
      const topics = partitions ? [...byTopic(partitions)].map(([name, partitionIndexes]) => ({ name, partitionIndexes })) : null;
      const response = await callApi(admin, PINNED.ListPartitionReassignments, [TIMEOUT_MS, topics]);
      failOnTopLevel(response.errorCode, response.errorMessage, 'listing partition reassignments');
      const out: OngoingReassignment[] = response.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.name,
          partition: p.partitionIndex,
          replicas: p.replicas,
          adding: p.addingReplicas,
          removing: p.removingReplicas,
        })),
      );
      return out.sort(compareTp);
    },

    async alterReassignments(changes, allowReplicationFactorChange) {
      const topics = [...new Set(changes.map((c) => c.topic))].map((name) => ({
        name,
        partitions: changes.filter((c) => c.topic === name).map((c) => ({ partitionIndex: c.partition, replicas: c.replicas })),
      }));
      const response = await callApi(admin, PINNED.AlterPartitionReassignments, [TIMEOUT_MS, allowReplicationFactorChange, topics]);
      failOnTopLevel(response.errorCode, response.errorMessage, 'reassigning partitions');
      const answers = new Map(response.responses.flatMap((t) => t.partitions.map((p) => [`${t.name}\0${p.partitionIndex}`, p] as const)));
      return changes.map((c) => {
        const a = answers.get(`${c.topic}\0${c.partition}`);
        return outcome(c, a?.errorCode ?? 0, a?.errorMessage ?? null);
      });
    },

    async electLeaders(type, partitions) {
      const topics = partitions ? [...byTopic(partitions)].map(([topic, ps]) => ({ topic, partitions: ps })) : null;
      const connection = await connectionTo(admin);
      let response: ElectLeadersResponse;
      try {
        response = await electLeadersV2.async(connection, ELECTION_TYPES[type], topics, TIMEOUT_MS);
      } catch (error) {
        if (error instanceof Error && 'response' in error && error.response) response = error.response as ElectLeadersResponse;
        else throw error;
      }
      failOnTopLevel(response.errorCode, null, 'electing leaders');
      return response.results.flatMap((t) =>
        t.partitions.map((p) => outcome({ topic: t.topic, partition: p.partition }, p.errorCode, p.errorMessage)),
      );
    },
  };
}
