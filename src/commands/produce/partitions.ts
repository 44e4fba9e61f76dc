import { javaPartitionOf } from '../../kafka/partitioner.js';
import type { ProducerApi } from '../../kafka/producer-types.js';

/**
 * Which partition a record goes to: -p, the key's hash (as the Java client), or for a keyless
 * record its topic's sticky partition, moved on after each flush (as Java's sticky partitioner).
 * Each topic's partition count is asked once.
 */
export class Partitions {
  private readonly counts = new Map<string, number>();
  private readonly sticky = new Map<string, number>();

  constructor(
    private readonly producer: Pick<ProducerApi, 'partitionCount'>,
    /** -p: every record goes there. */
    private readonly fixed: number | undefined,
  ) {}

  /** The topic's partition count once count() asked for it. */
  known(topic: string): number | undefined {
    return this.counts.get(topic);
  }

  async count(topic: string): Promise<number> {
    return this.counts.get(topic) ?? this.remember(topic, await this.producer.partitionCount(topic));
  }

  /** A partition count learnt elsewhere (the console producer's metadata wait): not asked again. */
  remember(topic: string, n: number): number {
    if (!this.counts.has(topic)) {
      this.counts.set(topic, n);
      this.sticky.set(topic, Math.floor(Math.random() * n));
    }
    return this.counts.get(topic)!;
  }

  /** The partition of a record of `topic` (`count` partitions) with this key. */
  of(topic: string, key: Buffer | null, count: number): number {
    return this.ofRange(topic, key, 0, key?.length ?? 0, count);
  }

  /** of() for the key key[start, end) (a null buffer: a null key), without a Buffer for it. */
  ofRange(topic: string, key: Buffer | null, start: number, end: number, count: number): number {
    if (this.fixed !== undefined) return this.fixed;
    if (key !== null) return javaPartitionOf(key, start, end, count);
    return this.sticky.get(topic)!;
  }

  /** After each flush: keyless records move to each topic's next partition. */
  readonly next = (): void => {
    for (const [topic, p] of this.sticky) this.sticky.set(topic, (p + 1) % this.counts.get(topic)!);
  };

  /** Every topic written to (asked for), in order. */
  topics(): string[] {
    return [...this.counts.keys()];
  }
}
