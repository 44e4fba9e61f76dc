/** kafka-leader-election.sh's work as data, for both spellings of `ktool partitions elect-leaders`. */
import { readFile } from 'node:fs/promises';
import type { Context } from '../../cli/context.js';
import type { ElectionType, PartitionOutcome } from '../../kafka/partitions-types.js';
import type { TopicPartition } from '../../kafka/types.js';
import { PlanError, tpName } from './plan.js';

export interface Election {
  type: ElectionType;
  /** Elected now. */
  elected: TopicPartition[];
  /** ELECTION_NOT_NEEDED: the wanted leader leads already. */
  notNeeded: TopicPartition[];
  failed: PartitionOutcome[];
}

/** `{"partitions":[{"topic":"foo","partition":1}]}` (parseReplicaElectionData): duplicates refused. */
export async function readElectionFile(path: string): Promise<TopicPartition[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new PlanError(`${path} (No such file or directory)`);
  }
  let js: unknown;
  try {
    js = JSON.parse(text);
  } catch {
    throw new PlanError('Replica election data is empty');
  }
  const list = (js as { partitions?: unknown })?.partitions;
  if (!Array.isArray(list)) throw new PlanError('Replica election data is missing "partitions" field');
  const partitions = list.map((p: { topic?: unknown; partition?: unknown }) => {
    if (typeof p?.topic !== 'string') throw new PlanError('No such field exists: `topic`');
    if (typeof p.partition !== 'number' || !Number.isInteger(p.partition)) throw new PlanError('No such field exists: `partition`');
    return { topic: p.topic, partition: p.partition };
  });
  const names = partitions.map(tpName);
  const dup = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dup.length) throw new PlanError(`Replica election data contains duplicate partitions: [${dup.join(', ')}]`);
  return partitions;
}

/** One ElectLeaders request: these partitions, or null for every partition the controller finds eligible. */
export async function electLeaders(ctx: Context, type: ElectionType, partitions: TopicPartition[] | null): Promise<Election> {
  const outcomes = await (await (await ctx.kafka()).partitions()).electLeaders(type, partitions);
  const pick = (o: PartitionOutcome): TopicPartition => ({ topic: o.topic, partition: o.partition });
  return {
    type,
    elected: outcomes.filter((o) => !o.error).map(pick),
    notNeeded: outcomes.filter((o) => o.error === 'ELECTION_NOT_NEEDED').map(pick),
    failed: outcomes.filter((o) => o.error && o.error !== 'ELECTION_NOT_NEEDED'),
  };
}
