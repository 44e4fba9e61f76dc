/**
 * A record batch the broker refused as too large (larger than the topic's max.message.bytes or the
 * brokers' message.max.bytes), split as Java's ProducerBatch.split does: the same records in the
 * same order, in smaller batches that share out the refused batch's sequence numbers (the first
 * keeps its base sequence, each next one starts where the previous ends). The broker wrote nothing
 * of a refused batch, so the pieces fill exactly the range it left open: nothing after it needs a
 * new sequence number. Only a refusal pays for this (records are read back one by one).
 */
import { decompress } from './fast-fetch.js';
import type { Compression, EncodedRecords } from './producer-types.js';
import * as L from './record-batch.js';
import { varintSize, wrapRecords, writeVarint } from './record-batch-encode.js';

export const recordCount = (batch: Buffer): number => (batch.length >= L.RECORDS ? batch.readInt32BE(L.RECORD_COUNT) : 0);

const CODECS: Record<number, Compression> = { 0: 'none', 1: 'gzip', 2: 'snappy', 3: 'lz4', 4: 'zstd' };
const SEQUENCE_WRAP = 2147483648;

/** One record as it sits in the batch: its timestamp delta, and where its key, value and headers are. */
interface RecordSpan {
  attributes: number;
  timestampDelta: number;
  rest: Buffer;
}

function readVarint(buf: Buffer, at: { pos: number }): number {
  let shift = 0;
  let result = 0;
  let byte: number;
  do {
    byte = buf[at.pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
}

function recordsOf(records: Buffer, count: number): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const at = { pos: 0 };
  for (let i = 0; i < count; i++) {
    const length = readVarint(records, at);
    const end = at.pos + length;
    const attributes = records[at.pos++];
    const timestampDelta = readVarint(records, at);
    readVarint(records, at); // the offset delta: given again in the piece
    spans.push({ attributes, timestampDelta, rest: records.subarray(at.pos, end) });
    at.pos = end;
  }
  return spans;
}

/** The records [from, to) as a piece's records section: offset deltas from 0, timestamps from the piece's first. */
function encodePiece(spans: RecordSpan[], from: number, to: number, baseTimestamp: number): EncodedRecords {
  const first = spans[from].timestampDelta;
  let max = first;
  let total = 0;
  const sizes: number[] = [];
  for (let i = from; i < to; i++) {
    const s = spans[i];
    if (s.timestampDelta > max) max = s.timestampDelta;
    const body = 1 + varintSize(s.timestampDelta - first) + varintSize(i - from) + s.rest.length;
    sizes.push(body);
    total += varintSize(body) + body;
  }
  const body = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = from; i < to; i++) {
    const s = spans[i];
    pos = writeVarint(body, pos, sizes[i - from]);
    body[pos++] = s.attributes;
    pos = writeVarint(body, pos, s.timestampDelta - first);
    pos = writeVarint(body, pos, i - from);
    pos += s.rest.copy(body, pos);
  }
  return { body, count: to - from, firstTimestamp: baseTimestamp + first, maxTimestamp: baseTimestamp + max };
}

/**
 * The batch's records in order, in batches of at most `maxBytes` (records and batch header,
 * uncompressed; a record larger than that goes alone), and never fewer than two: a refused batch
 * always becomes smaller ones. Producer id, epoch, transactional bit and compression are kept.
 */
export async function splitBatch(batch: Buffer, maxBytes: number): Promise<Buffer[]> {
  const count = recordCount(batch);
  if (count < 2) throw new Error('a batch of one record cannot be split');
  const attributes = batch.readInt16BE(L.ATTRIBUTES);
  const codec = L.codecOf(attributes);
  const records = codec ? decompress(codec, batch.subarray(L.RECORDS)) : batch.subarray(L.RECORDS);
  const spans = recordsOf(records, count);
  const limit = Math.min(maxBytes - L.RECORDS, Math.ceil(records.length / 2));
  const baseTimestamp = Number(batch.readBigInt64BE(L.BASE_TIMESTAMP));
  const baseSequence = batch.readInt32BE(L.BASE_SEQUENCE);
  const header = {
    producerId: batch.readBigInt64BE(L.PRODUCER_ID),
    producerEpoch: batch.readInt16BE(L.PRODUCER_EPOCH),
    transactional: L.isTransactional(attributes),
    compression: CODECS[codec] ?? 'none',
  };
  const pieces: Promise<Buffer>[] = [];
  for (let from = 0; from < count;) {
    const first = spans[from].timestampDelta;
    // The record's size in this piece: its deltas are from the piece's first record.
    const size = (i: number) => {
      const body = 1 + varintSize(spans[i].timestampDelta - first) + varintSize(i - from) + spans[i].rest.length;
      return varintSize(body) + body;
    };
    let to = from + 1;
    let bytes = size(from);
    while (to < count && bytes + size(to) <= limit) bytes += size(to++);
    const sequence = baseSequence < 0 ? -1 : (baseSequence + from) % SEQUENCE_WRAP;
    pieces.push(wrapRecords(encodePiece(spans, from, to, baseTimestamp), { ...header, baseSequence: sequence }));
    from = to;
  }
  return Promise.all(pieces);
}
