/**
 * The order Java's HashMap iterates string keys in. Kafka's tools print some maps as they come
 * (TopicCommand --describe of several topics: the admin client's `new HashMap<>(n)` of names), so a
 * drop-in that prints them in the same order must compute it: a key's bucket is its String.hashCode
 * spread (h ^ h >>> 16) masked by the table size the map grew to; a bucket keeps insertion order
 * (a resize splits lists without reordering them). Buckets of 8+ keys (a tree) are not modelled.
 */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** The table size of `new HashMap<>(initialCapacity)` after `size` puts. */
export function javaHashMapCapacity(initialCapacity: number, size: number): number {
  let cap = 1;
  while (cap < initialCapacity) cap *= 2;
  let threshold = Math.floor(cap * 0.75);
  for (let n = 1; n <= size; n++) {
    if (n > threshold) {
      const old = cap;
      cap *= 2;
      threshold = old >= 16 ? threshold * 2 : Math.floor(cap * 0.75);
    }
  }
  return cap;
}

/** Keys in the order a `new HashMap<>(initialCapacity)` they were put into, in this order, iterates them. */
export function javaHashMapOrder(keys: readonly string[], initialCapacity = keys.length): string[] {
  const mask = javaHashMapCapacity(initialCapacity, keys.length) - 1;
  const bucket = (k: string) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & mask;
  };
  return keys
    .map((key, i) => ({ key, i, b: bucket(key) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.key);
}

/**
 * Items in the order a Java HashSet/HashMap of default capacity (16) iterates them after they were
 * added in this order, for any hashCode (Integer: the value; TopicPartition: javaTpHash).
 */
export function javaHashOrder<T>(items: readonly T[], hash: (item: T) => number, initialCapacity = 16): T[] {
  const mask = javaHashMapCapacity(initialCapacity, items.length) - 1;
  return items
    .map((item, i) => {
      const h = hash(item);
      return { item, i, b: (h ^ (h >>> 16)) & mask };
    })
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.item);
}

/** TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(), in int arithmetic. */
export const javaTpHash = (tp: { topic: string; partition: number }): number =>
  (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;
