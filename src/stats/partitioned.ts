/**
 * One StatsEngine per input partition, as Kafka Streams runs one task per input partition for a
 * keyed aggregation (groupByKey: no repartition): each partition has its own stream time, closes its
 * own windows and counts its own late records, whatever the pace at which partitions are fetched.
 * Used when every group lives in one partition (--by key, --by partition, or both); rows are per
 * group anyway, so the engines' rows are simply put together and their counts summed.
 * A key found in two partitions (a custom partitioner) gives a row per partition, as Streams' tasks do.
 */
import type { CellEntry } from './cell-log.js';
import { StatsEngine, type EngineHeader, type EngineOptions, type EngineSnapshot } from './engine.js';
import type { Segment } from './path.js';
import type { EngineCounts, EngineInput, StatsRow, StatsSpec } from './types.js';

/** What the stats run and the live table need of an engine (StatsEngine or PartitionedEngine). */
export type Stats = Pick<StatsEngine, 'process' | 'take' | 'end' | 'open' | 'counts'>;

/** True when each group lives in one partition: --by key, --by partition, or both (nothing else). */
export function groupsStayInPartition(by: Segment[][]): boolean {
  return by.length > 0 && by.every((p) => p.length === 1 && (p[0] === 'key' || p[0] === 'partition'));
}

export class PartitionedEngine implements Stats {
  private readonly engines = new Map<number, StatsEngine>();

  constructor(
    readonly spec: StatsSpec,
    private readonly options: EngineOptions & { trackChanges?: boolean } = {},
  ) {}

  /** The engine (the task) of a partition, created on its first record. */
  engine(partition: number): StatsEngine {
    let e = this.engines.get(partition);
    if (!e) this.engines.set(partition, (e = this.newEngine()));
    return e;
  }

  private newEngine(): StatsEngine {
    const e = new StatsEngine(this.spec, this.options);
    if (this.options.trackChanges) e.trackChanges();
    return e;
  }

  /** A partition's header and the cells changed since the last call (trackChanges). */
  changes(partition: number): { header: EngineHeader; cells: CellEntry[] } {
    return this.engine(partition).changes();
  }

  /** A partition's state from its changelog (a fresh engine; no header: nothing was kept). */
  restorePartition(partition: number, header: EngineHeader | null, cells: unknown[]): void {
    const e = this.newEngine();
    if (header) e.restoreChanges(header, cells);
    this.engines.set(partition, e);
  }

  /** The partition went elsewhere (a rebalance): its engine is dropped. */
  release(partition: number): void {
    this.engines.delete(partition);
  }

  process(r: EngineInput): void {
    this.engine(r.partition ?? 0).process(r);
  }

  take(): StatsRow[] {
    return this.all((e) => e.take());
  }

  /** As take(), the rows built as they are read (once, before the engines process more). */
  drain(): Iterable<StatsRow> {
    const parts = [...this.engines.values()].map((e) => e.drain());
    return (function* () {
      for (const p of parts) yield* p;
    })();
  }

  end(): StatsRow[] {
    return this.all((e) => e.end());
  }

  open(): StatsRow[] {
    return this.all((e) => e.open());
  }

  /** Summed over partitions; stream time is the largest partition's. */
  counts(): EngineCounts {
    const sum: EngineCounts = { records: 0, late: 0, badTime: 0, notNumber: this.spec.fields.map(() => 0), streamTime: -Infinity };
    for (const e of this.engines.values()) {
      const c = e.counts();
      sum.records += c.records;
      sum.late += c.late;
      sum.badTime += c.badTime;
      c.notNumber.forEach((n, i) => (sum.notNumber[i] += n));
      sum.streamTime = Math.max(sum.streamTime, c.streamTime);
    }
    return sum;
  }

  /** One snapshot per partition (what a changelog keeps per task). */
  snapshot(): Map<number, EngineSnapshot> {
    return new Map([...this.engines].map(([p, e]) => [p, e.snapshot()]));
  }

  restore(snapshots: Map<number, EngineSnapshot>): void {
    for (const [p, s] of snapshots) this.engine(p).restore(s);
  }

  private all(f: (e: StatsEngine) => StatsRow[]): StatsRow[] {
    const out: StatsRow[] = [];
    for (const e of this.engines.values()) for (const r of f(e)) out.push(r);
    return out;
  }
}
