/**
 * The one list of topics ktool treats as internal: those that Kafka itself, Kafka Connect, Kafka
 * Streams, MirrorMaker 2 or Schema Registry own, whose loss or change breaks them (deleting
 * __consumer_offsets loses every group's committed offsets). Every verb that deletes or changes
 * topics (topics delete/alter, delete-records, configs alter) goes through refuseInternalTopics,
 * and topics delete's patterns through splitPatternMatches, so they all agree with the README
 * ("Destructive commands").
 */
import { UsageError } from '../errors.js';

export const ALLOW_INTERNAL_FLAG = '--allow-internal-topics';

/** Checked in order; the first match names the owner in messages. Names only: no broker round trip. */
export const INTERNAL_TOPIC_RULES: readonly { match: RegExp; owner: string }[] = [
  { match: /^__consumer_offsets$/, owner: "Kafka's committed offsets of every consumer group" },
  { match: /^__transaction_state$/, owner: "Kafka's transaction log" },
  { match: /^__share_group_state$/, owner: "Kafka's share group state" },
  { match: /^__cluster_metadata$/, owner: "KRaft's cluster metadata log" },
  { match: /^__remote_log_metadata$/, owner: "tiered storage's remote log metadata" },
  { match: /^__/, owner: 'a Kafka internal topic: its name starts with __' },
  { match: /^_schemas$/, owner: "Schema Registry's schemas" },
  { match: /^_/, owner: 'internal by convention (Schema Registry, Confluent Platform, ksqlDB): its name starts with _' },
  // connect-configs, docker-connect-offsets, connect-cluster-status, my_connect_statuses ...
  {
    match: /(^|[-_.])connect([-_.][\w.-]*)?[-_.](configs|offsets|status|statuses)$/,
    owner: "Kafka Connect's worker configs, offsets or status",
  },
  { match: /^mm2-/, owner: "MirrorMaker 2's offset syncs, configs, offsets or status" },
  { match: /\.checkpoints\.internal$/, owner: "MirrorMaker 2's consumer group checkpoints" },
  { match: /\.internal$/, owner: 'MirrorMaker 2 or Kafka Connect internal: its name ends with .internal' },
  { match: /^(.+\.)?heartbeats$/, owner: "MirrorMaker 2's heartbeats" },
  { match: /-changelog$/, owner: "a Kafka Streams state store's changelog" },
  { match: /-repartition$/, owner: 'a Kafka Streams repartition topic' },
  { match: /-KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\d+-topic$/, owner: "a Kafka Streams foreign-key join's topic" },
];

/** Who owns an internal topic (for messages), or undefined for an ordinary topic. */
export function internalTopicOwner(name: string): string | undefined {
  return INTERNAL_TOPIC_RULES.find((r) => r.match.test(name))?.owner;
}

export function isInternalTopic(name: string): boolean {
  return internalTopicOwner(name) !== undefined;
}

/** `__consumer_offsets (Kafka's committed offsets of every consumer group)`. */
export function describeInternal(name: string): string {
  const owner = internalTopicOwner(name);
  return owner ? `${name} (internal: ${owner})` : name;
}

/**
 * Refuses to `action` ("delete", "change the configs of" ...) exactly named internal topics
 * unless allowed (--allow-internal-topics): a usage error, exit 2, before anything is sent.
 */
export function refuseInternalTopics(names: readonly string[], allowed: boolean, action: string): void {
  if (allowed) return;
  const internal = [...new Set(names.filter(isInternalTopic))];
  if (!internal.length) return;
  const listed = internal.map((n) => `${n} (${internalTopicOwner(n)})`).join(', ');
  throw new UsageError(
    `refusing to ${action} internal topic${internal.length > 1 ? 's' : ''} ${listed}`,
    `this can break Kafka or the applications that own ${internal.length > 1 ? 'them' : 'it'}; ` +
      `if you really mean it, name ${internal.length > 1 ? 'each one' : 'it'} exactly and add ` +
      `${ALLOW_INTERNAL_FLAG}`,
  );
}

/**
 * The topics a whole-name pattern selects: never an internal one, even with
 * --allow-internal-topics (those come back apart, so the caller can say they were left out).
 */
export function splitPatternMatches(pattern: RegExp, topics: readonly string[]): { selected: string[]; internal: string[] } {
  const matched = topics.filter((t) => pattern.test(t));
  return { selected: matched.filter((t) => !isInternalTopic(t)), internal: matched.filter(isInternalTopic) };
}
