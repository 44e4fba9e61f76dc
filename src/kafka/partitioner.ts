/**
 * Java's default partitioner for keyed records, toPositive(murmur2(key)) % numPartitions, without
 * the client library: commands (the mirror's batcher) pick partitions before any producer is open.
 * A test checks it against the library's murmur2 (test/kafka/library-contract.test.ts).
 */
export function javaPartition(key: Buffer, count: number): number {
  return (murmur2(key) & 0x7fffffff) % count;
}

/** javaPartition of the key data[start, end), without a Buffer for it. */
export function javaPartitionOf(data: Buffer, start: number, end: number, count: number): number {
  return (murmur2(data, start, end) & 0x7fffffff) % count;
}

/** Kafka's Utils.murmur2 (seed 0x9747b28c) of data[start, end), as 32-bit signed arithmetic. */
export function murmur2(data: Buffer, start = 0, end = data.length): number {
  const length = end - start;
  const m = 0x5bd1e995;
  const r = 24;
  let h = 0x9747b28c ^ length;
  const whole = length >> 2;
  for (let i = 0; i < whole; i++) {
    const at = start + i * 4;
    let k = (data[at] & 0xff) + ((data[at + 1] & 0xff) << 8) + ((data[at + 2] & 0xff) << 16) + ((data[at + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = start + whole * 4;
  switch (length & 3) {
    case 3:
      h ^= (data[tail + 2] & 0xff) << 16;
    // falls through
    case 2:
      h ^= (data[tail + 1] & 0xff) << 8;
    // falls through
    case 1:
      h ^= data[tail] & 0xff;
      h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
