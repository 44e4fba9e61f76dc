/**
 * Replica placement. `assignReplicas` is Kafka's AdminUtils.assignReplicasToBrokers (what
 * kafka-reassign-partitions.sh --generate proposes): round robin from a start index and a replica
 * shift, rack-alternated when the brokers have racks. Java draws both at random; `random` lets the
 * tests fix them. `changeReplicationFactor` is ktool's own, for topics alter --replication-factor.
 */
import type { BrokerInfo } from '../../kafka/types.js';
import { PlanError } from './plan.js';

export interface BrokerRack {
  id: number;
  rack: string | null;
}

const replicaIndex = (first: number, shift: number, j: number, n: number) => (first + 1 + ((shift + j) % (n - 1))) % n;

/** Brokers listed one rack after another (racks sorted, each rack's brokers ascending). */
export function rackAlternated(brokers: readonly BrokerRack[]): number[] {
  const byRack = new Map<string, number[]>();
  for (const b of brokers) byRack.set(b.rack!, [...(byRack.get(b.rack!) ?? []), b.id]);
  const racks = [...byRack.keys()].sort();
  for (const r of racks) byRack.get(r)!.sort((a, b) => a - b);
  const out: number[] = [];
  const next = new Map(racks.map((r) => [r, 0]));
  for (let i = 0; out.length < brokers.length; i = (i + 1) % racks.length) {
    const list = byRack.get(racks[i])!;
    const at = next.get(racks[i])!;
    if (at < list.length) {
      out.push(list[at]);
      next.set(racks[i], at + 1);
    }
  }
  return out;
}

/** Partition -> replicas for a topic of `partitions` partitions on `brokers` (in the order given). */
export function assignReplicas(
  brokers: readonly BrokerRack[],
  partitions: number,
  replicationFactor: number,
  random: (n: number) => number = (n) => Math.floor(Math.random() * n),
): number[][] {
  if (partitions <= 0) throw new PlanError('Number of partitions must be larger than 0.');
  if (replicationFactor <= 0) throw new PlanError('Replication factor must be larger than 0.');
  if (replicationFactor > brokers.length)
    throw new PlanError(`Replication factor: ${replicationFactor} larger than available brokers: ${brokers.length}.`);
  const rackAware = brokers.some((b) => b.rack !== null);
  if (rackAware && brokers.some((b) => b.rack === null))
    throw new PlanError('Not all brokers have rack information for replica rack aware assignment.');
  const list = rackAware ? rackAlternated(brokers) : brokers.map((b) => b.id);
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
  const numRacks = new Set(brokers.map((b) => b.rack)).size;
  const n = list.length;
  const start = random(n);
  let shift = random(n);
  const out: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    if (p > 0 && p % n === 0) shift += 1;
    const first = (p + start) % n;
    const replicas = [list[first]];
    if (!rackAware) {
      for (let j = 0; j < replicationFactor - 1; j++) replicas.push(list[replicaIndex(first, shift, j, n)]);
    } else {
      const racks = new Set([rackOf.get(list[first])]);
      let k = 0;
      while (replicas.length < replicationFactor) {
        const broker = list[replicaIndex(first, shift * numRacks, k++, n)];
        const rack = rackOf.get(broker);
        if ((!racks.has(rack) || racks.size === numRacks) && (!replicas.includes(broker) || replicas.length === n)) {
          replicas.push(broker);
          racks.add(rack);
        }
      }
    }
    out.push(replicas);
  }
  return out;
}

export interface CurrentPartition {
  partition: number;
  replicas: number[];
  isr: number[];
}

/**
 * New replica lists for a new replication factor. Growing keeps every replica (the leader first, so
 * no leadership moves) and adds, per partition, a broker on a rack the partition is not on yet when
 * there is one, then the one holding fewest replicas of the topic so far (ties: rotated by partition,
 * so a topic's new replicas spread). Shrinking keeps the preferred leader, then in-sync replicas
 * before others, a replica on a rack not kept yet before a second one on the same rack, then the
 * broker keeping fewest of the topic's replicas; then `balanceKept` evens the brokers' counts over
 * the topic (the choice partition by partition alone can end 3/2/1 where 2/2/2 exists).
 */
export function changeReplicationFactor(
  partitions: readonly CurrentPartition[],
  brokers: readonly BrokerInfo[],
  factor: number,
): number[][] {
  if (factor < 1) throw new PlanError('Replication factor must be larger than 0.');
  if (factor > brokers.length) throw new PlanError(`Replication factor: ${factor} larger than available brokers: ${brokers.length}.`);
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
  const load = new Map(brokers.map((b) => [b.id, 0]));
  for (const p of partitions) for (const r of p.replicas) load.set(r, (load.get(r) ?? 0) + 1);
  const ids = brokers.map((b) => b.id).sort((a, b) => a - b);
  // What shrinking keeps, per broker: the preferred leaders first (always kept), then each choice.
  const kept = new Map(brokers.map((b) => [b.id, 0]));
  for (const p of partitions) if (factor < p.replicas.length) kept.set(p.replicas[0], (kept.get(p.replicas[0]) ?? 0) + 1);
  const out = partitions.map((p) => {
    if (factor <= p.replicas.length) return shrink(p, factor, rackOf, kept);
    const replicas = [...p.replicas];
    while (replicas.length < factor) {
      const racks = new Set(replicas.map((r) => rackOf.get(r) ?? null));
      const rotated = ids.map((_, i) => ids[(i + p.partition) % ids.length]).filter((id) => !replicas.includes(id));
      const score = (id: number) => (rackOf.get(id) !== null && !racks.has(rackOf.get(id)!) ? 0 : 1);
      const best = rotated.reduce((a, b) => (score(b) < score(a) || (score(b) === score(a) && load.get(b)! < load.get(a)!) ? b : a));
      replicas.push(best);
      load.set(best, load.get(best)! + 1);
    }
    return replicas;
  });
  balanceKept(partitions, out, factor, ids, rackOf);
  return out;
}

/**
 * Evens the replica count per broker after a shrink, keeping what ranks above balance: a move
 * swaps a kept replica (never the preferred leader) for a dropped replica of the same partition
 * only when the partition keeps as many in-sync replicas and as many racks. Each step moves one
 * replica along a path of such swaps (breadth first over brokers) from a broker with the most
 * replicas to one with at least two fewer; the sum of squared counts falls each time, so it ends.
 */
export function balanceKept(
  partitions: readonly CurrentPartition[],
  targets: number[][],
  factor: number,
  ids: readonly number[],
  rackOf: ReadonlyMap<number, string | null>,
): void {
  const shrunk = partitions.map((p, i) => i).filter((i) => factor < partitions[i].replicas.length);
  const score = (i: number, set: readonly number[]) => {
    const isr = set.filter((b) => partitions[i].isr.includes(b)).length;
    const racks = new Set(set.map((b) => rackOf.get(b) ?? `none-${b}`)).size;
    return isr * 1000 + racks;
  };
  const swapped = (i: number, from: number, to: number) => targets[i].map((b) => (b === from ? to : b));
  for (;;) {
    const load = new Map(ids.map((id) => [id, 0]));
    for (const t of targets) for (const b of t) load.set(b, (load.get(b) ?? 0) + 1);
    const max = Math.max(...load.values());
    const sources = ids.filter((id) => load.get(id) === max);
    const via = new Map<number, { from: number; i: number } | null>(sources.map((s) => [s, null]));
    const usedOnPath = (b: number): Set<number> => {
      const used = new Set<number>();
      for (let step = via.get(b); step; step = via.get(step.from)) used.add(step.i);
      return used;
    };
    const queue = [...sources];
    let target: number | undefined;
    while (queue.length && target === undefined) {
      const x = queue.shift()!;
      const used = usedOnPath(x);
      for (const i of shrunk) {
        const p = partitions[i];
        if (used.has(i) || !targets[i].includes(x) || x === p.replicas[0]) continue;
        for (const y of p.replicas) {
          if (via.has(y) || targets[i].includes(y) || !load.has(y) || score(i, swapped(i, x, y)) < score(i, targets[i])) continue;
          via.set(y, { from: x, i });
          queue.push(y);
          if (load.get(y)! <= max - 2) {
            target = y;
            break;
          }
        }
        if (target !== undefined) break;
      }
    }
    if (target === undefined) return;
    const path: { from: number; to: number; i: number }[] = [];
    for (let to = target, step = via.get(to); step; to = step.from, step = via.get(to)) path.unshift({ from: step.from, to, i: step.i });
    for (const { from, to, i } of path)
      targets[i] = partitions[i].replicas.filter((b) => b === to || (b !== from && targets[i].includes(b)));
  }
}

function shrink(p: CurrentPartition, factor: number, rackOf: Map<number, string | null>, kept: Map<number, number>): number[] {
  if (factor === p.replicas.length) return [...p.replicas];
  const chosen = [p.replicas[0]];
  const rest = p.replicas.slice(1);
  while (chosen.length < factor) {
    const racks = new Set(chosen.map((r) => rackOf.get(r) ?? null));
    const rank = (b: number) => [
      p.isr.includes(b) ? 0 : 1,
      rackOf.get(b) !== null && rackOf.get(b) !== undefined && !racks.has(rackOf.get(b)!) ? 0 : 1,
      kept.get(b) ?? 0,
      rest.indexOf(b),
    ];
    const best = rest
      .filter((b) => !chosen.includes(b))
      .reduce((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        const i = ra.findIndex((x, k) => x !== rb[k]);
        return i >= 0 && rb[i] < ra[i] ? b : a;
      });
    chosen.push(best);
    kept.set(best, (kept.get(best) ?? 0) + 1);
  }
  return p.replicas.filter((r) => chosen.includes(r));
}
