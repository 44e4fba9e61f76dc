import type { Context } from '../../cli/context.js';
import type { StartDecision } from './engine.js';
import type { TopicPlan } from './topics.js';

/** Where one partition of a topic pair started (the JSON summary's topics[].starts). */
export interface PartitionStart {
  partition: number;
  offset: bigint;
  from: StartDecision['from'];
  /** Offsets committed in the group for another copy, not resumed from. */
  ignored?: { offset: bigint; reason: string };
}

const SHOWN = 6;

function list(items: string[]): string {
  return items.length > SHOWN ? `${items.slice(0, SHOWN).join(', ')}, ... (${items.length} partitions)` : items.join(', ');
}

/**
 * Says on stderr where each topic pair starts the first time this run reads it: a resume from
 * committed offsets always (so a partial copy is never silent), committed offsets that belong to
 * another copy as a warning with the reason, a plain start only on a terminal.
 */
export class StartReport {
  private readonly byTopic = new Map<string, PartitionStart[]>();
  private readonly targets: Map<string, string>;

  constructor(
    private readonly ctx: Context,
    plans: TopicPlan[],
    private readonly group: string,
  ) {
    this.targets = new Map(plans.map((p) => [p.source, p.target]));
  }

  add(decisions: StartDecision[]): void {
    const topics = new Map<string, StartDecision[]>();
    for (const d of decisions) topics.set(d.topic, [...(topics.get(d.topic) ?? []), d]);
    for (const [topic, ds] of topics) {
      this.byTopic.set(
        topic,
        [
          ...(this.byTopic.get(topic) ?? []),
          ...ds.map(({ partition, offset, from, ignored }) => ({ partition, offset, from, ignored })),
        ].sort((a, b) => a.partition - b.partition),
      );
      this.say(`${topic} -> ${this.targets.get(topic)}`, ds);
    }
  }

  private say(pair: string, ds: StartDecision[]): void {
    const at = (d: { partition: number; offset: bigint }) => `partition ${d.partition} at ${d.offset}`;
    const resumed = ds.filter((d) => d.from === 'committed');
    const fresh = ds.filter((d) => d.from !== 'committed');
    const ignored = ds.filter((d) => d.ignored);
    if (ignored.length) {
      const reasons = [...new Set(ignored.map((d) => d.ignored!.reason))].join('; ');
      this.ctx.warn(
        `${pair}: not resuming from the offsets committed in group ${this.group} ` +
          `(${list(ignored.map((d) => at({ partition: d.partition, offset: d.ignored!.offset })))}): ` +
          `${reasons}; starting from ${fresh[0].from} (${list(ignored.map(at))})`,
      );
    }
    if (resumed.length) {
      const others = fresh.length ? `; ${list(fresh.map((d) => `partition ${d.partition} from ${d.from} at ${d.offset}`))}` : '';
      this.ctx.io.stderr.write(`resuming ${pair} from committed offsets (${list(resumed.map(at))}${others})\n`);
    } else if (!ignored.length) {
      this.ctx.info(`copying ${pair} from ${fresh[0].from} (${list(fresh.map(at))})`);
    }
  }

  starts(topic: string): PartitionStart[] {
    return this.byTopic.get(topic) ?? [];
  }
}
