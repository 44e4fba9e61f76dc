/**
 * The producer behind ProducerApi (producer-types.ts). Library traps handled here (see
 * /work/shared/notes/platformatic-kafka.md): partitions are always chosen by us (Java-compatible
 * murmur2, validated against the partition count) so the library never wraps or re-hashes them;
 * close() is only called after every send settled (the caller awaits its sends).
 */
import { gzipSync } from 'node:zlib';
import { compressionsAlgorithms, crc32c, kGetConnection, murmur2, Producer, ResponseError, Writer, type Connection, type Reader } from '@platformatic/kafka';
import { NotFoundError, OperationError } from '../errors.js';
import { kafkaErrorId, leafErrors, toKtoolError } from './errors.js';
import type { KafkaClients } from './types.js';
import type { ProduceRecord, ProducerApi, ProducerSettings } from './producer-types.js';

type Transaction = NonNullable<Producer['transaction']>;
type Msg = Parameters<Producer['send']>[0]['messages'][number];

/** Java's default partitioner for keyed records: toPositive(murmur2(key)) % numPartitions. */
export function javaPartition(key: Buffer, count: number): number {
  return (murmur2(key) & 0x7fffffff) % count;
}

export async function openProducer(clients: KafkaClients, settings: ProducerSettings): Promise<ProducerApi> {
  const base = await clients.baseOptions();
  const brokers = clients.settings.bootstrap;
  const options: Record<string, unknown> = {
    ...base,
    idempotent: settings.idempotent || Boolean(settings.transactionalId),
    acks: settings.acks,
    autocreateTopics: false,
    retries: settings.retries ?? 5,
    retryDelay: settings.retryBackoffMs ?? 250,
  };
  if (settings.clientId) options.clientId = settings.clientId;
  if (settings.compression !== 'none') options.compression = settings.compression;
  if (settings.transactionalId) options.transactionalId = settings.transactionalId;
  if (settings.requestTimeoutMs !== undefined) options.timeout = settings.requestTimeoutMs;
  if (settings.maxInFlight !== undefined) options.maxInflights = settings.maxInFlight;
  if (settings.metadataMaxAgeMs !== undefined) options.metadataMaxAge = settings.metadataMaxAgeMs;
  if (options.idempotent) delete options.acks;

  const producer = new Producer(options as unknown as ConstructorParameters<typeof Producer>[0]);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await producer.close(true).catch(() => undefined);
  };
  clients.onClose(close);

  let transaction: Transaction | undefined;
  // A shared header array (-H) becomes one shared Map, not one per record.
  const headerMaps = new WeakMap<object, Map<Buffer, Buffer | null>>();
  const toMap = (headers: [Buffer, Buffer | null][]) => {
    let map = headerMaps.get(headers);
    if (!map) {
      map = new Map();
      // Distinct Buffer objects: repeated header names survive as separate entries.
      for (const [k, v] of headers) map.set(map.has(k) ? Buffer.from(k) : k, v);
      headerMaps.set(headers, map);
    }
    return map;
  };

  const fail = (error: unknown, action: string) => toKtoolError(error, brokers, action);

  const idempotent = Boolean(options.idempotent);
  const acks = idempotent ? -1 : settings.acks;
  const timeoutMs = settings.requestTimeoutMs ?? clients.settings.timeoutMs;
  const retries = settings.retries ?? 5;
  const backoff = settings.retryBackoffMs ?? 250;
  const sequences = new Map<string, number>();
  const inTransaction = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();

  type Batch = { topic: string; partition: number; bytes: Buffer };
  const getConnection = (broker: unknown) =>
    new Promise<Connection>((resolve, reject) =>
      (producer as unknown as Record<symbol, (b: unknown, cb: (e: Error | null, c: Connection) => void) => void>)[kGetConnection](broker, (e, c) => (e ? reject(e) : resolve(c))),
    );

  /** Groups batches by leader and queues one Produce request per leader; returns the acks to wait for. */
  const sendBatches = async (batches: Batch[], forceMetadata: boolean): Promise<Promise<void>[]> => {
    const topics = [...new Set(batches.map((b) => b.topic))];
    const metadata = await producer.metadata({ topics, forceUpdate: forceMetadata, autocreateTopics: false });
    const byLeader = new Map<number, Batch[]>();
    for (const b of batches) {
      const leader = metadata.topics.get(b.topic)!.partitions[b.partition].leader;
      let list = byLeader.get(leader);
      if (!list) byLeader.set(leader, (list = []));
      list.push(b);
    }
    const waits: Promise<void>[] = [];
    for (const [leader, list] of byLeader) {
      const connection = await getConnection(metadata.brokers.get(leader));
      const payload = produceRequest(list, acks, timeoutMs, transaction && producer.transaction ? producer.transaction.id : undefined);
      waits.push(
        new Promise<void>((resolve, reject) => {
          (connection as unknown as { send: (...a: unknown[]) => void }).send(PRODUCE_API, PRODUCE_VERSION, () => payload, parseProduceResponse, false, false, (error: Error | null) => (error ? reject(error) : resolve()));
        }).catch(async (error: unknown) => {
          // Same batches (same sequence numbers: the broker drops duplicates) after a fresh metadata.
          for (let attempt = 1; attempt <= retries; attempt++) {
            if (!retriable(error) || closed) break;
            await new Promise((r) => setTimeout(r, backoff * attempt));
            try {
              await Promise.all(await sendBatches(list, true));
              return;
            } catch (next) {
              error = next;
            }
          }
          throw error;
        }),
      );
    }
    return waits;
  };

  const dispatch = async (records: ProduceRecord[]): Promise<Promise<void>[]> => {
    if (records.length === 0) return [];
    const groups = new Map<string, ProduceRecord[]>();
    for (const r of records) {
      const key = `${r.topic}:${r.partition}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(r);
    }
    if (idempotent && producer.producerId === undefined) await producer.initIdempotentProducer({});
    if (transaction && producer.transaction) {
      const fresh = [...groups.values()].map((l) => l[0]).filter((r) => !inTransaction.has(`${r.topic}:${r.partition}`));
      if (fresh.length) {
        const metadata = await producer.metadata({ topics: [...new Set(fresh.map((r) => r.topic))], autocreateTopics: false });
        await producer.transaction.addPartitions(metadata, fresh.map((r) => ({ topic: r.topic, partition: r.partition })) as never);
        for (const r of fresh) inTransaction.add(`${r.topic}:${r.partition}`);
      }
    }
    const now = Date.now();
    const batches: Batch[] = [];
    for (const [key, list] of groups) {
      let baseSequence = -1;
      if (idempotent) {
        baseSequence = sequences.get(key) ?? 0;
        sequences.set(key, (baseSequence + list.length) % 2147483648);
      }
      const header: BatchHeader = {
        producerId: idempotent ? producer.producerId! : -1n,
        producerEpoch: idempotent ? producer.producerEpoch! : -1,
        baseSequence,
        transactional: Boolean(transaction),
        compression: settings.compression,
      };
      batches.push({ topic: list[0].topic, partition: list[0].partition, bytes: await encodeRecordBatch(list, header, now) });
    }
    return sendBatches(batches, false);
  };

  return {
    async partitionCount(topic) {
      let metadata;
      try {
        metadata = await producer.metadata({ topics: [topic], autocreateTopics: false });
      } catch (error) {
        const id = kafkaErrorId(error);
        if (id === 'UNKNOWN_TOPIC_OR_PARTITION' || id === 'UNKNOWN_TOPIC_ID' || /unknown topic/i.test((error as Error)?.message ?? '')) throw new NotFoundError(`topic "${topic}" does not exist`, `create it first: ktool topics create ${topic}`);
        throw fail(error, `get metadata for topic ${topic}`);
      }
      const info = metadata.topics.get(topic);
      if (!info) throw new NotFoundError(`topic "${topic}" does not exist`, `create it first: ktool topics create ${topic}`);
      return info.partitionsCount;
    },
    partitionFor: javaPartition,
    async send(records) {
      // Prepare (sequence numbers, encoding, queueing on the connection) strictly in call order;
      // then wait for the acknowledgements concurrently.
      const dispatched = chain.then(() => dispatch(records));
      chain = dispatched.catch(() => undefined);
      try {
        await Promise.all(await dispatched);
      } catch (error) {
        throw fail(error, 'produce');
      }
    },
    async beginTransaction() {
      if (transaction) throw new OperationError('a transaction is already open');
      try {
        transaction = (await producer.beginTransaction()) as unknown as Transaction;
      } catch (error) {
        throw fail(error, 'begin the transaction');
      }
    },
    async commitTransaction() {
      if (!transaction) throw new OperationError('no transaction is open');
      const t = transaction;
      transaction = undefined;
      inTransaction.clear();
      try {
        await t.commit();
      } catch (error) {
        throw fail(error, 'commit the transaction');
      }
    },
    async abortTransaction() {
      if (!transaction) return;
      const t = transaction;
      transaction = undefined;
      inTransaction.clear();
      try {
        await t.abort();
      } catch (error) {
        throw fail(error, 'abort the transaction');
      }
    },
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Fast path. The library encodes every record through its own Writer (several small buffers and
// a concat per record): about 140k records/s at best. Here a whole record batch (magic v2) is
// written into one Buffer in two passes, and the Produce request (v8) goes straight to the
// library's connection for the partition leader. The library still does everything else:
// connections (TLS/SASL), metadata, InitProducerId, AddPartitionsToTxn, EndTxn.
// ---------------------------------------------------------------------------------------------

const PRODUCE_API = 0;
const PRODUCE_VERSION = 8;
const ATTR_TRANSACTIONAL = 0x10;
const CODEC_BITS: Record<string, number> = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

function uvarintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 5;
  n = Math.floor(n / 0x800000000);
  while (n > 0) {
    size++;
    n = Math.floor(n / 0x80);
  }
  return size;
}

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const varintSize = (n: number): number => uvarintSize(zigzag(n));

function writeUvarint(buf: Buffer, pos: number, n: number): number {
  while (n >= 0x80) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n = n < 0x10000000 ? n >>> 7 : Math.floor(n / 128);
  }
  buf[pos++] = n;
  return pos;
}

const writeVarint = (buf: Buffer, pos: number, n: number): number => writeUvarint(buf, pos, zigzag(n));

function recordBodySize(r: ProduceRecord, i: number, tsDelta: number): number {
  let size = 1 + varintSize(tsDelta) + varintSize(i);
  size += r.key === null ? 1 : varintSize(r.key.length) + r.key.length;
  size += r.value === null ? 1 : varintSize(r.value.length) + r.value.length;
  const h = r.headers;
  if (!h || h.length === 0) return size + 1;
  size += varintSize(h.length);
  for (let j = 0; j < h.length; j++) {
    const [k, v] = h[j];
    size += varintSize(k.length) + k.length + (v === null ? 1 : varintSize(v.length) + v.length);
  }
  return size;
}

export interface BatchHeader {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  compression: string;
}

/** One record batch (magic 2) for records of one partition, in one Buffer. */
export async function encodeRecordBatch(records: ProduceRecord[], header: BatchHeader, now = Date.now()): Promise<Buffer> {
  const first = records[0].timestamp ?? now;
  let maxTs = first;
  let total = 0;
  const sizes = new Array<number>(records.length);
  for (let i = 0; i < records.length; i++) {
    const ts = records[i].timestamp ?? now;
    if (ts > maxTs) maxTs = ts;
    const body = recordBodySize(records[i], i, ts - first);
    sizes[i] = body;
    total += uvarintSize(zigzag(body)) + body;
  }
  let recs: Buffer = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = writeVarint(recs, pos, sizes[i]);
    recs[pos++] = 0;
    pos = writeVarint(recs, pos, (r.timestamp ?? now) - first);
    pos = writeVarint(recs, pos, i);
    if (r.key === null) recs[pos++] = 1;
    else {
      pos = writeVarint(recs, pos, r.key.length);
      pos += r.key.copy(recs, pos);
    }
    if (r.value === null) recs[pos++] = 1;
    else {
      pos = writeVarint(recs, pos, r.value.length);
      pos += r.value.copy(recs, pos);
    }
    const h = r.headers;
    if (!h || h.length === 0) recs[pos++] = 0;
    else {
      pos = writeVarint(recs, pos, h.length);
      for (let j = 0; j < h.length; j++) {
        const [k, v] = h[j];
        pos = writeVarint(recs, pos, k.length);
        pos += k.copy(recs, pos);
        if (v === null) recs[pos++] = 1;
        else {
          pos = writeVarint(recs, pos, v.length);
          pos += v.copy(recs, pos);
        }
      }
    }
  }
  let attributes = header.transactional ? ATTR_TRANSACTIONAL : 0;
  const codec = CODEC_BITS[header.compression];
  if (codec) {
    attributes |= codec;
    if (header.compression === 'gzip') recs = gzipSync(recs);
    else {
      const algorithm = (compressionsAlgorithms as unknown as Record<string, { compressSync(b: Buffer): Buffer; compress?: (b: Buffer) => Promise<Buffer> }>)[header.compression];
      recs = algorithm.compress ? await algorithm.compress(recs) : algorithm.compressSync(recs);
    }
  }
  const out = Buffer.allocUnsafe(61 + recs.length);
  out.writeBigInt64BE(0n, 0); // base offset
  out.writeInt32BE(49 + recs.length, 8); // batch length: everything after this field
  out.writeInt32BE(-1, 12); // partition leader epoch
  out[16] = 2; // magic
  out.writeInt16BE(attributes, 21);
  out.writeInt32BE(records.length - 1, 23); // last offset delta
  out.writeBigInt64BE(BigInt(first), 27);
  out.writeBigInt64BE(BigInt(maxTs), 35);
  out.writeBigInt64BE(header.producerId, 43);
  out.writeInt16BE(header.producerEpoch, 51);
  out.writeInt32BE(header.baseSequence, 53);
  out.writeInt32BE(records.length, 57);
  recs.copy(out, 61);
  out.writeUInt32BE(crc32c(out.subarray(21)) >>> 0, 17);
  return out;
}

interface PartitionResponse {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  errorMessage: string | null;
}

function parseProduceResponse(_correlationId: number, apiKey: number, apiVersion: number, r: Reader) {
  const errors: [string, [number, string | null]][] = [];
  const responses: { name: string; partitions: PartitionResponse[] }[] = [];
  const topics = r.readInt32();
  for (let i = 0; i < topics; i++) {
    const name = r.readString(false);
    const partitions: PartitionResponse[] = [];
    const count = r.readInt32();
    for (let j = 0; j < count; j++) {
      const index = r.readInt32();
      const errorCode = r.readInt16();
      const baseOffset = r.readInt64();
      r.readInt64(); // log append time
      r.readInt64(); // log start offset
      const recordErrors = r.readInt32();
      const messages: string[] = [];
      for (let k = 0; k < recordErrors; k++) {
        r.readInt32();
        const m = r.readNullableString(false);
        if (m) messages.push(m);
      }
      const errorMessage = r.readNullableString(false);
      if (errorCode !== 0) errors.push([`/responses/${i}/partitions/${j}`, [errorCode, errorMessage ?? (messages.join('; ') || null)]]);
      partitions.push({ index, errorCode, baseOffset, errorMessage });
    }
    responses.push({ name, partitions });
  }
  const response = { responses, throttleTimeMs: r.readInt32() };
  if (errors.length) throw new (ResponseError as unknown as new (...a: unknown[]) => Error)(apiKey, apiVersion, Object.fromEntries(errors), response);
  return response;
}

function retriable(error: unknown): boolean {
  return leafErrors(error).some((e) => (e as { canRetry?: boolean }).canRetry === true || (e as { hasStaleMetadata?: boolean }).hasStaleMetadata === true);
}

/** Produce request v8 (non-flexible): transactional_id, acks, timeout, [topic [partition records]]. */
function produceRequest(batches: { topic: string; partition: number; bytes: Buffer }[], acks: number, timeoutMs: number, transactionalId: string | undefined): Writer {
  const byTopic = new Map<string, { partition: number; bytes: Buffer }[]>();
  let size = 2 + 2 + 4 + 4 + (transactionalId ? Buffer.byteLength(transactionalId) : 0);
  for (const b of batches) {
    let list = byTopic.get(b.topic);
    if (!list) {
      byTopic.set(b.topic, (list = []));
      size += 2 + Buffer.byteLength(b.topic) + 4;
    }
    list.push(b);
    size += 4 + 4 + b.bytes.length;
  }
  const head = Buffer.allocUnsafe(size - batches.reduce((n, b) => n + b.bytes.length, 0));
  const writer = Writer.create();
  let pos = 0;
  if (transactionalId) {
    pos = head.writeInt16BE(Buffer.byteLength(transactionalId), pos);
    pos += head.write(transactionalId, pos);
  } else pos = head.writeInt16BE(-1, pos);
  pos = head.writeInt16BE(acks, pos);
  pos = head.writeInt32BE(timeoutMs, pos);
  pos = head.writeInt32BE(byTopic.size, pos);
  let start = 0;
  for (const [topic, list] of byTopic) {
    pos = head.writeInt16BE(Buffer.byteLength(topic), pos);
    pos += head.write(topic, pos);
    pos = head.writeInt32BE(list.length, pos);
    for (const b of list) {
      pos = head.writeInt32BE(b.partition, pos);
      pos = head.writeInt32BE(b.bytes.length, pos);
      writer.append(head.subarray(start, pos));
      writer.append(b.bytes);
      start = pos;
    }
  }
  if (acks === 0) writer.context.noResponse = true;
  return writer;
}
