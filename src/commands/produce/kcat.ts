/**
 * kcat 1.7's producer spellings (`ktool produce -P -t T -b B [-K delim] [-k key] [-D delim] [-l] [FILE...]`):
 * a kcat-only flag (-P, -t, -D, -l, -T, -c, -Z, -z) puts produce in kcat's mode, where input is
 * read and records are placed as kcat does: messages split on -D (default \n, nothing stripped),
 * empty ones skipped, the key before the first -K delimiter (none: -k's key or no key), -Z for empty
 * sides as null, FILE arguments each one message (with -l: one file read as messages), -T echoing
 * each message, -c stopping after N, and librdkafka's partitioner (consistent_random: CRC32 of the
 * key; -X partitioner=murmur2_random for the Java client's placement).
 */
import { crc32 } from 'node:zlib';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { parseDelimiter } from '../consume/kcat-format.js';
import { int, oneOf } from './flag-values.js';
import { COMPRESSIONS } from './producer-settings.js';

export const KCAT_PRODUCE_OPTIONS = defineOptions([
  { flags: '-P, --kcat-producer', description: "kcat's producer mode: kcat's input rules and partitioner (FILE arguments, -D, -K, -Z)" },
  { flags: '-t, --kcat-topic <topic>', description: "the topic (kcat's -t); other arguments are then input files" },
  { flags: '-D, --kcat-delimiter <delim>', description: 'kcat: the message delimiter of the input (default \\n; \\t \\n \\xNN)' },
  { flags: '-l, --kcat-lines', description: 'kcat: read the one FILE as delimited messages (without -l each FILE is one message)' },
  { flags: '-T, --kcat-tee', description: 'kcat: echo each message read to stdout' },
  { flags: '-c, --kcat-count <n>', description: 'kcat: stop after N messages' },
  { flags: '-Z, --kcat-null', description: 'kcat: with -K, an empty key or value is sent as null' },
  { flags: '-z, --kcat-compression <codec>', description: 'kcat: none|gzip|snappy|lz4|zstd' },
] as const);

export interface KcatProduceFlags {
  kcatProducer?: boolean;
  kcatTopic?: string;
  kcatDelimiter?: string;
  kcatLines?: boolean;
  kcatTee?: boolean;
  kcatCount?: string;
  kcatNull?: boolean;
  kcatCompression?: string;
}

export type KcatPartitioner = 'consistent_random' | 'consistent' | 'murmur2_random' | 'murmur2' | 'random';
const PARTITIONERS: readonly KcatPartitioner[] = ['consistent_random', 'consistent', 'murmur2_random', 'murmur2', 'random'];

export interface KcatInput {
  /** Each FILE argument one message (no -l), or the messages of stdin / the -l file. */
  wholeFiles: boolean;
  delimiter: Buffer;
  keyDelimiter?: Buffer;
  fixedKey?: Buffer;
  nullEmpty: boolean;
  tee: boolean;
  count?: number;
  /** Undefined: the partitioner's choice. */
  partition?: number;
  partitioner: KcatPartitioner;
  /** -H name=value, or -H name: a header with a null value. */
  headers: [Buffer, Buffer | null][];
}

export function isKcatProduce(f: KcatProduceFlags): boolean {
  return Boolean(
    f.kcatProducer ||
    f.kcatTopic !== undefined ||
    f.kcatDelimiter !== undefined ||
    f.kcatLines ||
    f.kcatTee ||
    f.kcatCount !== undefined ||
    f.kcatNull ||
    f.kcatCompression !== undefined,
  );
}

/** librdkafka's -X names the Java client calls otherwise; `partitioner` is kcat's own business. */
const RDKAFKA_NAMES: Record<string, string> = {
  'compression.codec': 'compression.type',
  'request.required.acks': 'acks',
  'queue.buffering.max.ms': 'linger.ms',
  'message.send.max.retries': 'retries',
};

/** -X items in librdkafka's names: the partitioner taken out, the rest in the Java client's names (refused there when unknown). */
export function kcatProducerProperties(items: string[]): { partitioner: KcatPartitioner; java: string[] } {
  let partitioner: KcatPartitioner = 'consistent_random';
  const java: string[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq) : item;
    if (name === 'partitioner' || name === 'topic.partitioner') {
      partitioner = oneOf(item.slice(eq + 1), PARTITIONERS, `-X ${name}`, 'consistent_random');
    } else java.push(eq > 0 && RDKAFKA_NAMES[name] ? `${RDKAFKA_NAMES[name]}=${item.slice(eq + 1)}` : item);
  }
  return { partitioner, java };
}

/** -z as kcat: librdkafka's codec names. */
export function kcatCompression(codec: string): (typeof COMPRESSIONS)[number] {
  return oneOf(codec, COMPRESSIONS, '-z', 'none');
}

export function kcatInput(
  f: KcatProduceFlags & { keySeparator?: string; key?: string; partition?: string; header?: string[] },
  files: string[],
  partitioner: KcatPartitioner,
): KcatInput {
  const delimiter = parseDelimiter(f.kcatDelimiter ?? '\\n', '-D');
  if (delimiter.length === 0) throw new UsageError('Message delimiter -D must not be empty when producing');
  if (f.kcatLines && files.length > 1) throw new UsageError('Only one file allowed for line mode (-l)');
  const partition = f.partition === undefined ? undefined : int(f.partition, '-p', -1, 2 ** 31 - 1);
  return {
    wholeFiles: files.length > 0 && !f.kcatLines,
    delimiter,
    ...(f.keySeparator !== undefined ? { keyDelimiter: parseDelimiter(f.keySeparator, '-K') } : {}),
    ...(f.key !== undefined ? { fixedKey: Buffer.from(f.key) } : {}),
    nullEmpty: Boolean(f.kcatNull),
    tee: Boolean(f.kcatTee),
    ...(f.kcatCount !== undefined ? { count: int(f.kcatCount, '-c', 1, Number.MAX_SAFE_INTEGER) } : {}),
    ...(partition !== undefined && partition >= 0 ? { partition } : {}),
    partitioner,
    headers: (f.header ?? []).map((h) => {
      const eq = h.indexOf('=');
      if (eq === 0 || h === '') throw new UsageError('Expected -H "name=value.." or -H "name"');
      return eq < 0 ? [Buffer.from(h), null] : [Buffer.from(h.slice(0, eq)), Buffer.from(h.slice(eq + 1))];
    }),
  };
}

/** A message of the input -> its key and value, as kcat splits it. */
export function splitMessage(msg: Buffer, input: KcatInput): { key: Buffer | null; value: Buffer | null } {
  let key: Buffer | null = null;
  let value: Buffer | null = msg;
  if (input.keyDelimiter && input.keyDelimiter.length) {
    const at = msg.indexOf(input.keyDelimiter);
    if (at >= 0) {
      key = msg.subarray(0, at);
      value = msg.subarray(at + input.keyDelimiter.length);
      if (input.nullEmpty) {
        if (value.length === 0) value = null;
        if (key.length === 0) key = null;
      }
    }
  }
  if (key === null && input.fixedKey) key = input.fixedKey;
  return { key, value };
}

/** librdkafka's partitioners; `javaHash` is the Java client's murmur2 placement. */
export function kcatPartition(
  partitioner: KcatPartitioner,
  key: Buffer | null,
  count: number,
  javaHash: (key: Buffer, count: number) => number,
  random: () => number = Math.random,
): number {
  const pick = () => Math.floor(random() * count);
  switch (partitioner) {
    case 'random':
      return pick();
    case 'consistent':
      return crc32(key ?? Buffer.alloc(0)) % count;
    case 'consistent_random':
      return key === null || key.length === 0 ? pick() : crc32(key) % count;
    case 'murmur2':
      return javaHash(key ?? Buffer.alloc(0), count);
    case 'murmur2_random':
      return key === null ? pick() : javaHash(key, count);
  }
}

/** The messages of the chunks, split on the delimiter (nothing stripped); the last one needs no delimiter. */
export async function* messages(chunks: AsyncIterable<Buffer | string>, delimiter: Buffer): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of chunks) {
    let buf = rest.length ? Buffer.concat([rest, Buffer.from(chunk)]) : Buffer.from(chunk);
    let from = 0;
    for (let at = buf.indexOf(delimiter, from); at >= 0; at = buf.indexOf(delimiter, from)) {
      yield buf.subarray(from, at);
      from = at + delimiter.length;
    }
    // The chunk may be reused by the reader: the incomplete tail is copied.
    rest = Buffer.from(buf.subarray(from));
    buf = rest;
  }
  if (rest.length) yield rest;
}
