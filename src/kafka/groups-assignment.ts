import type { TopicPartition } from './types.js';

/**
 * A classic consumer member's assignment (Kafka's ConsumerProtocolAssignment, any version):
 * int16 version, [string topic, [int32 partition]], bytes user data. Garbage yields nothing.
 */
export function decodeAssignment(buf: Buffer | null | undefined): TopicPartition[] {
  if (!buf || buf.length < 6) return [];
  const out: TopicPartition[] = [];
  try {
    let at = 2;
    const topics = buf.readInt32BE(at);
    at += 4;
    for (let t = 0; t < topics; t++) {
      const len = buf.readInt16BE(at);
      at += 2;
      const topic = buf.toString('utf8', at, at + len);
      at += len;
      const count = buf.readInt32BE(at);
      at += 4;
      for (let p = 0; p < count; p++, at += 4) out.push({ topic, partition: buf.readInt32BE(at) });
    }
  } catch {
    return [];
  }
  return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The inverse, for tests. */
export function encodeAssignment(partitions: TopicPartition[]): Buffer {
  const topics = new Map<string, number[]>();
  for (const p of partitions) topics.set(p.topic, [...(topics.get(p.topic) ?? []), p.partition]);
  const parts: Buffer[] = [Buffer.from([0, 1]), int32(topics.size)];
  for (const [topic, ps] of topics) {
    const name = Buffer.from(topic);
    const len = Buffer.alloc(2);
    len.writeInt16BE(name.length);
    parts.push(len, name, int32(ps.length), ...ps.map(int32));
  }
  parts.push(int32(-1));
  return Buffer.concat(parts);
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
