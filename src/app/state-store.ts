/**
 * State kept per input partition by an application run with -g (the stats engine's windows; a
 * test store in the tests), made durable as Kafka Streams does: a compacted changelog topic
 * `<app>-<store>-changelog` (Kafka Streams' naming, so kafka-streams-application-reset finds it)
 * with the input's partition count. Each transaction that processed records of input partition P
 * writes the store's snapshot of P to changelog partition P, keyed `<input topic>:<P>`, in the same
 * transaction as the output records and the input offsets; compaction keeps the latest. Before an
 * assigned partition is processed, its last committed snapshot (read_committed) is restored.
 */

export interface StateStore {
  /** The whole state of one input partition, as bytes; null when there is nothing to keep. */
  snapshot(partition: number): Buffer | null;
  /** Replaces the state of a partition with a snapshot; null means empty (a new application, or a reset). */
  restore(partition: number, bytes: Buffer | null): void;
  /** The partition went to another process (a rebalance): its state here may be dropped. */
  release?(partition: number): void;
}

export interface NamedStore {
  /** Part of the changelog topic's name: letters, digits, . _ - */
  name: string;
  store: StateStore;
}

export const changelogTopic = (app: string, store: string): string => `${app}-${store}-changelog`;

/** The changelog key of input partition P's snapshot. */
export const snapshotKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/** Kafka Streams' test for its own internal topics (StreamsResetter.matchesInternalTopicFormat), for reset. */
export function isInternalTopic(app: string, topic: string): boolean {
  return topic.startsWith(`${app}-`) && (topic.endsWith('-changelog') || topic.endsWith('-repartition'));
}
