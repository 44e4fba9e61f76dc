/**
 * State kept per input partition by an application run with -g (the stats engine's windows; a
 * test store in the tests), made durable as Kafka Streams does: a compacted changelog topic
 * `<app>-<store>-changelog` (Kafka Streams' naming, so kafka-streams-application-reset finds it)
 * with the input's partition count. Each transaction that processed records of input partition P
 * writes what the store changed in P to changelog partition P, keyed `<input topic>:<P>:<store key>`
 * (null: the key is gone), in the same transaction as the output records and the input offsets;
 * compaction keeps the latest value of each key. Before an assigned partition is processed, the
 * latest committed value of each of its keys (read_committed) is restored.
 */

export interface ChangelogRecord {
  /** The store's key within the partition. */
  key: string;
  /** null: a tombstone, the key is gone. */
  value: Buffer | null;
}

export interface StateStore {
  /** What changed in input partition P since the last call (taken at the call; an iterable may encode the records as they are read). */
  changes(partition: number): Iterable<ChangelogRecord>;
  /** Replaces the state of P with the latest value of each of its keys; an empty map: nothing kept (a new application, a reset). */
  restore(partition: number, entries: Map<string, Buffer>): void;
  /** The partition went to another process (a rebalance): its state here may be dropped. */
  release?(partition: number): void;
}

export interface NamedStore {
  /** Part of the changelog topic's name: letters, digits, . _ - */
  name: string;
  store: StateStore;
}

export const changelogTopic = (app: string, store: string): string => `${app}-${store}-changelog`;

/** The changelog keys of input partition P start so. */
export const changelogPrefix = (topic: string, partition: number): string => `${topic}:${partition}:`;

/** Kafka Streams' test for its own internal topics (StreamsResetter.matchesInternalTopicFormat), for reset. */
export function isInternalTopic(app: string, topic: string): boolean {
  return topic.startsWith(`${app}-`) && (topic.endsWith('-changelog') || topic.endsWith('-repartition'));
}
