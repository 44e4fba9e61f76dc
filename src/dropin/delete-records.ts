/**
 * kafka-delete-records.sh (org.apache.kafka.tools.DeleteRecordsCommand), drop-in:
 * `ktool delete-records --bootstrap-server B --offset-json-file f`. No prompt (the original has
 * none), its lines byte for byte ("Executing records delete operation", "partition: t-0\tlow_watermark:
 * N" or "\terror: <exception>: <message>", sorted: the original's order is salted per JVM), offset -1
 * sent as is (the broker reads it as the high watermark). Failures of the file on stderr, exit 1. A
 * topic or partition that does not exist (or has no leader) is asked again until the command config's
 * default.api.timeout.ms (60 s by default), as the admin client retries its metadata, and then is the
 * admin client's TimeoutException line (its deadline, tries and times are this run's).
 */
import { readFile } from 'node:fs/promises';
import { loadCommandConfig } from '../config/command-config.js';
import { CancelledError, KtoolError } from '../errors.js';
import type { DeleteRecordsOutcome, DeleteRecordsRequest, RecordsApi } from '../kafka/records-types.js';
import { javaHashOrder, javaTpHash } from './java-hash-order.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';
import { sleep } from '../util/sleep.js';

export const DELETE_RECORDS_OPTIONS: readonly JoptOption[] = [
  { name: 'bootstrap-server', value: true },
  { name: 'command-config', value: true },
  { name: 'help', value: false, unsupported: 'see ktool delete-records --help' },
  { name: 'offset-json-file', value: true },
  { name: 'version', value: false },
];

/** The original's messages for a partition's error code (the exception's toString). */
const ERRORS: Record<string, string> = {
  OFFSET_OUT_OF_RANGE: 'OffsetOutOfRangeException: The requested offset is not within the range of offsets maintained by the server.',
  UNKNOWN_TOPIC_OR_PARTITION: 'UnknownTopicOrPartitionException: This server does not host this topic-partition.',
  NOT_LEADER_OR_FOLLOWER:
    'NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not ' +
    'the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of ' +
    'the topic partition.',
  LEADER_NOT_AVAILABLE:
    'LeaderNotAvailableException: There is no leader for this topic-partition as we are in the middle of a leadership election.',
  TOPIC_AUTHORIZATION_FAILED: 'TopicAuthorizationException: Topic authorization failed.',
  POLICY_VIOLATION: 'PolicyViolationException: Request parameters do not satisfy the configured policy.',
};

const RETRIED = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_OR_FOLLOWER']);

/** The admin client's retry.backoff.ms and retry.backoff.max.ms (the wait doubles between them). */
const BACKOFF_MS = 100;
const BACKOFF_MAX_MS = 1000;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * DeleteRecords as KafkaAdminClient does it: a partition answered with an error it retries (unknown,
 * no leader) is asked again after a backoff until `timeoutMs` (default.api.timeout.ms) has passed; one
 * still failing then is its TimeoutException text (a string), the others their outcome, by `t-p`.
 * Ctrl-C (`signal`) ends the waiting: interrupted.
 */
export async function deleteRetrying(
  api: RecordsApi,
  requests: DeleteRecordsRequest[],
  timeoutMs: number,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Map<string, DeleteRecordsOutcome | string>> {
  const deadline = clock.now() + timeoutMs;
  const result = new Map<string, DeleteRecordsOutcome | string>();
  const key = (p: { topic: string; partition: number }) => `${p.topic}-${p.partition}`;
  let pending = requests;
  let backoff = BACKOFF_MS;
  for (let tries = 1; pending.length; tries++) {
    const again = new Set<string>();
    for (const r of await api.deleteRecords(pending))
      if (r.errorCode && RETRIED.has(r.errorCode)) again.add(key(r));
      else result.set(key(r), r);
    pending = pending.filter((p) => again.has(key(p)));
    if (!pending.length) break;
    if (clock.now() + backoff < deadline) {
      await clock.sleep(backoff);
      if (signal?.aborted) throw new CancelledError();
      backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      continue;
    }
    await clock.sleep(Math.max(0, deadline - clock.now()));
    if (signal?.aborted) throw new CancelledError();
    const at = clock.now();
    const call = `Call(callName=deleteRecords(api=METADATA), deadlineMs=${deadline}, tries=${tries}, nextAllowedTryMs=${at + backoff})`;
    for (const p of pending) result.set(key(p), `TimeoutException: ${call} timed out at ${at} after ${tries} attempt(s)`);
    break;
  }
  return result;
}

/** default.api.timeout.ms of the --command-config file (the admin client's 60 s without it). */
async function apiTimeoutMs(o: JoptResult): Promise<number> {
  const path = valueOf(o, 'command-config');
  const value = path === undefined ? undefined : (await loadCommandConfig(path)).all.get('default.api.timeout.ms')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : 60_000;
}

/** An exception of the original's: its message on stderr, exit 1. */
class Failed extends Error {}

interface Entry {
  topic: string;
  partition: number;
  offsets: bigint[];
}

/** parseOffsetJsonStringWithoutDedup: version 1 (the default), partitions of topic/partition/offset. */
export function parseDeleteRecordsJson(text: string): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/("offset"\s*:\s*)(-?\d{16,})/g, '$1"$2"'));
  } catch {
    throw new Failed('The input string is not a valid JSON');
  }
  const o = (doc ?? {}) as { version?: unknown; partitions?: unknown };
  const version = o.version ?? 1;
  if (version !== 1) throw new Failed(`Not supported version field value ${String(version)}`);
  if (o.partitions === undefined) throw new Failed('Missing partitions field');
  if (!Array.isArray(o.partitions)) throw new Failed('Expected JSON array');
  const byKey = new Map<string, Entry>();
  for (const item of o.partitions as { topic?: unknown; partition?: unknown; offset?: unknown }[]) {
    if (typeof item?.topic !== 'string') throw new Failed('Expected `topic` to be a string');
    if (typeof item.partition !== 'number' || !Number.isInteger(item.partition)) throw new Failed('Expected `partition` to be an int');
    const offset = typeof item.offset === 'number' || typeof item.offset === 'string' ? String(item.offset) : '';
    if (!/^-?\d+$/.test(offset)) throw new Failed('Expected `offset` to be a long');
    const key = `${item.topic}-${item.partition}`;
    const entry = byKey.get(key) ?? { topic: item.topic, partition: item.partition, offsets: [] };
    entry.offsets.push(BigInt(offset));
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

async function run(o: JoptResult, ctx: Parameters<DropinScript['run']>[1], out: Parameters<DropinScript['run']>[2]): Promise<number> {
  const missing = ['bootstrap-server', 'offset-json-file'].find((n) => !has(o, n));
  if (missing) throw new UsageExit(`Missing required argument "[${missing}]"`);
  const path = valueOf(o, 'offset-json-file')!;
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Failed(`Unable to read file ${path}`);
  });
  const entries = parseDeleteRecordsJson(text);
  // The duplicates in the order of Java's HashMap of TopicPartition, filled in the file's order.
  const duplicates = javaHashOrder(entries, javaTpHash).filter((e) => e.offsets.length > 1);
  // The result lines: the admin client's futures are an immutable map (Collectors.toUnmodifiableMap),
  // whose order is salted per JVM (three runs, three orders): ktool prints them sorted.
  const ordered = [...entries].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  if (duplicates.length)
    throw new Failed(
      `Offset json file contains duplicate topic partitions: ${duplicates.map((e) => `${e.topic}-${e.partition}`).join(',')}`,
    );
  await out.stdout('Executing records delete operation\n');
  const records = await (await ctx.kafka()).records();
  const requests = ordered.map((e) => ({ topic: e.topic, partition: e.partition, offset: e.offsets[0] }));
  const { signal } = ctx.io;
  const clock: Clock = { now: () => ctx.io.now(), sleep: (ms) => sleep(ms, signal) };
  const byKey = await deleteRetrying(records, requests, await apiTimeoutMs(o), clock, signal);
  let lines = 'Records delete operation completed:\n';
  for (const e of ordered) {
    const name = `${e.topic}-${e.partition}`;
    const r = byKey.get(name);
    if (typeof r === 'string') lines += `partition: ${name}\terror: org.apache.kafka.common.errors.${r}\n`;
    else if (r?.lowWatermark !== undefined) lines += `partition: ${name}\tlow_watermark: ${r.lowWatermark}\n`;
    else {
      const code = r?.errorCode ?? 'UNKNOWN_SERVER_ERROR';
      // The admin client logs a partition's error at ERROR (Kafka's tools log WARN and above to stderr),
      // but for the ones it retries until its timeout instead (a partition unknown or without a leader).
      if (!RETRIED.has(code))
        await out.stderr(
          `ERROR [AdminClient clientId=adminclient-1] DeleteRecords request for topic partition ${name} ` +
            `failed due to an unexpected error ${code} (org.apache.kafka.clients.admin.KafkaAdminClient)\n`,
        );
      const message = ERRORS[code] ?? `${code}: ${r?.error ?? 'The server experienced an unexpected error when processing the request.'}`;
      lines += `partition: ${name}\terror: org.apache.kafka.common.errors.${message}\n`;
    }
  }
  await out.stdout(lines);
  return 0;
}

export const DELETE_RECORDS: DropinScript = {
  script: 'kafka-delete-records.sh',
  options: DELETE_RECORDS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(o, ctx, out) {
    try {
      return await run(o, ctx, out);
    } catch (error) {
      // Ctrl-C while the admin client's retries wait: no line of the original's (main makes it 130/143).
      if (error instanceof CancelledError) throw error;
      if (!(error instanceof Failed || error instanceof KtoolError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
