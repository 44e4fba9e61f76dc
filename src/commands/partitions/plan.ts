/**
 * Kafka's reassignment JSON (kafka-reassign-partitions.sh's files), read and written the way
 * ReassignPartitionsCommand does, so plans move between ktool and Kafka's tool both ways:
 * `{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2],"log_dirs":["any","any"]}]}`
 * (compact, sorted by topic then partition, as Java's Json.encodeAsString prints it).
 */
import type { TopicPartition } from '../../kafka/types.js';

export const ANY_LOG_DIR = 'any';

export interface PlanEntry extends TopicPartition {
  replicas: number[];
  /** One per replica: 'any' or an absolute log directory on that broker. */
  logDirs: string[];
}

/** A plan or topics file Kafka's tool refuses, in its words (AdminCommandFailedException / AdminOperationException). */
export class PlanError extends Error {}

/** Java's TopicPartition.toString. */
export const tpName = (tp: TopicPartition): string => `${tp.topic}-${tp.partition}`;

export const compareTp = (a: TopicPartition, b: TopicPartition): number =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

function parseJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanError(`The input string is not a valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PlanError('The input string is not a JSON object');
  return value as Record<string, unknown>;
}

function version(js: Record<string, unknown>): void {
  const v = js.version ?? 1;
  if (v !== 1) throw new PlanError(`Not supported version field value ${String(v)}`);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function field<T>(o: Record<string, unknown>, name: string, ok: (v: unknown) => v is T, what: string): T {
  if (!(name in o)) throw new PlanError(`No such field exists: \`${name}\``);
  const v = o[name];
  if (!ok(v)) throw new PlanError(`\`${name}\` is not ${what}: ${JSON.stringify(v)}`);
  return v;
}

const isIntList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isInt);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{"topics":[{"topic":"foo"}],"version":1}` -> the names, in file order (duplicates refused). */
export function parseTopicsJson(text: string): string[] {
  const js = parseJson(text);
  version(js);
  const list = js.topics === undefined ? [] : field(js, 'topics', (v): v is unknown[] => Array.isArray(v), 'an array');
  const topics = list.map((t) => field(isObject(t) ? t : {}, 'topic', isString, 'a string'));
  const dup = duplicates(topics);
  if (dup.length) throw new PlanError(`List of topics to reassign contains duplicate entries: [${dup.join(', ')}]`);
  return topics;
}

/** The partitions of a reassignment file, in file order (parsePartitionReassignmentData). */
export function parsePlanJson(text: string): PlanEntry[] {
  const js = parseJson(text);
  version(js);
  const list = js.partitions === undefined ? [] : field(js, 'partitions', (v): v is unknown[] => Array.isArray(v), 'an array');
  return list.map((item) => {
    const p = isObject(item) ? item : {};
    const topic = field(p, 'topic', isString, 'a string');
    const partition = field(p, 'partition', isInt, 'an int');
    const replicas = field(p, 'replicas', isIntList, 'a list of ints');
    const logDirs = 'log_dirs' in p ? field(p, 'log_dirs', isStringList, 'a list of strings') : replicas.map(() => ANY_LOG_DIR);
    if (logDirs.length !== replicas.length)
      throw new PlanError(
        `Size of replicas list [${replicas.join(', ')}] is different from size of log dirs list [${logDirs.join(', ')}] ` +
          `for partition ${tpName({ topic, partition })}`,
      );
    return { topic, partition, replicas, logDirs };
  });
}

/** A plan to execute: not empty, no empty replica list, no partition twice, no broker twice in a partition. */
export function checkExecutable(plan: readonly PlanEntry[]): void {
  if (plan.length === 0) throw new PlanError('Partition reassignment list cannot be empty');
  if (plan.some((p) => p.replicas.length === 0)) throw new PlanError('Partition replica list cannot be empty');
  const dupParts = duplicates(plan.map(tpName));
  if (dupParts.length) throw new PlanError(`Partition reassignment contains duplicate topic partitions: ${dupParts.join(',')}`);
  const dupReplicas = plan
    .map((p) => ({ p, dup: duplicates(p.replicas) }))
    .filter((x) => x.dup.length)
    .map((x) => `${tpName(x.p)} contains multiple entries for ${x.dup.join(',')}`);
  if (dupReplicas.length) throw new PlanError(`Partition replica lists may not contain duplicate entries: ${dupReplicas.join('. ')}`);
}

export function duplicates<T>(xs: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const x of xs) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** formatAsReassignmentJson: sorted, compact, every log dir 'any' unless given. */
export function planJson(entries: readonly (TopicPartition & { replicas: number[]; logDirs?: string[] })[]): string {
  const partitions = [...entries].sort(compareTp).map((e) => ({
    topic: e.topic,
    partition: e.partition,
    replicas: e.replicas,
    log_dirs: e.logDirs ?? e.replicas.map(() => ANY_LOG_DIR),
  }));
  return JSON.stringify({ version: 1, partitions });
}

/** Parses a broker list "1,2,3" as Java's Integer.parseInt would. */
export function parseBrokerList(text: string): number[] {
  const ids = text.split(',').map((s) => {
    if (!/^[+-]?\d+$/.test(s)) throw new PlanError(`For input string: "${s}"`);
    return Number(s);
  });
  const dup = duplicates(ids);
  if (dup.length) throw new PlanError(`Broker list contains duplicate entries: [${dup.join(', ')}]`);
  return ids;
}
