import { ResponseError, type Reader } from '@platformatic/kafka';

/** Produce v8 (non-flexible), sent on the library's connection to the partition leader. */
export const PRODUCE_API = 0;
export const PRODUCE_VERSION = 8;

interface PartitionResponse {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  errorMessage: string | null;
}

export interface ProduceResponse {
  responses: { name: string; partitions: PartitionResponse[] }[];
  throttleTimeMs: number;
}

/**
 * The response as it is: each batch's outcome is read from its own partition's answer
 * (partitionError), so that one partition's refusal does not fail or re-send the others.
 */
export function parseProduceResponse(_correlationId: number, _apiKey: number, _apiVersion: number, r: Reader): ProduceResponse {
  const responses: ProduceResponse['responses'] = [];
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
      partitions.push({ index, errorCode, baseOffset, errorMessage: errorMessage ?? (messages.join('; ') || null) });
    }
    responses.push({ name, partitions });
  }
  return { responses, throttleTimeMs: r.readInt32() };
}

/**
 * One partition's refusal as the client would have thrown it (a ResponseError holding a
 * ProtocolError with the code's retriable flag), or undefined when it was written. A response that
 * does not name the partition is a refusal too: nothing says the batch was written.
 */
export function partitionError(response: ProduceResponse, topic: string, partition: number): Error | undefined {
  for (let i = 0; i < response.responses.length; i++) {
    if (response.responses[i].name !== topic) continue;
    const partitions = response.responses[i].partitions;
    for (let j = 0; j < partitions.length; j++) {
      const p = partitions[j];
      if (p.index !== partition) continue;
      if (p.errorCode === 0) return undefined;
      return new ResponseError(
        PRODUCE_API,
        PRODUCE_VERSION,
        { [`/responses/${i}/partitions/${j}`]: [p.errorCode, p.errorMessage] },
        response,
      );
    }
  }
  return new Error(`the produce response does not answer for ${topic}-${partition}`);
}

/** A Produce request's bytes: the small fields before the first record batch, then the rest. */
export interface ProduceRequestParts {
  head: Buffer;
  /** The first batch, then each following partition's fields and batch. */
  tail: Buffer[];
  tailBytes: number;
}

/** Produce request v8 (non-flexible): transactional_id, acks, timeout, [topic [partition records]]. */
export function produceRequest(
  batches: { topic: string; partition: number; bytes: Buffer }[],
  acks: number,
  timeoutMs: number,
  transactionalId: string | undefined,
): ProduceRequestParts {
  const byTopic = new Map<string, { partition: number; bytes: Buffer }[]>();
  let size = 2 + 2 + 4 + 4 + (transactionalId ? Buffer.byteLength(transactionalId) : 0);
  for (const b of batches) {
    let list = byTopic.get(b.topic);
    if (!list) {
      byTopic.set(b.topic, (list = []));
      size += 2 + Buffer.byteLength(b.topic) + 4;
    }
    list.push(b);
    size += 4 + 4;
  }
  const fields = Buffer.allocUnsafe(size);
  const pieces: Buffer[] = [];
  let pos = 0;
  if (transactionalId) {
    pos = fields.writeInt16BE(Buffer.byteLength(transactionalId), pos);
    pos += fields.write(transactionalId, pos);
  } else pos = fields.writeInt16BE(-1, pos);
  pos = fields.writeInt16BE(acks, pos);
  pos = fields.writeInt32BE(timeoutMs, pos);
  pos = fields.writeInt32BE(byTopic.size, pos);
  let start = 0;
  for (const [topic, list] of byTopic) {
    pos = fields.writeInt16BE(Buffer.byteLength(topic), pos);
    pos += fields.write(topic, pos);
    pos = fields.writeInt32BE(list.length, pos);
    for (const b of list) {
      pos = fields.writeInt32BE(b.partition, pos);
      pos = fields.writeInt32BE(b.bytes.length, pos);
      pieces.push(fields.subarray(start, pos), b.bytes);
      start = pos;
    }
  }
  const [head, ...tail] = pieces;
  return { head, tail, tailBytes: tail.reduce((n, b) => n + b.length, 0) };
}
