import type { PartitionInfo } from '../../kafka/types.js';

export type PartitionFilter = 'under-replicated' | 'unavailable' | 'under-min-isr' | 'at-min-isr';

/** kafka-topics.sh --describe filters, with the same definitions as TopicCommand. */
export function partitionMatches(filter: PartitionFilter, p: PartitionInfo, liveBrokers: Set<number>, minIsr: number): boolean {
  switch (filter) {
    case 'under-replicated':
      return p.isr.length < p.replicas.length;
    case 'unavailable':
      return p.leader < 0 || !liveBrokers.has(p.leader);
    case 'under-min-isr':
      return p.isr.length < minIsr;
    case 'at-min-isr':
      return p.isr.length === minIsr;
  }
}

export function filtersFrom(flags: Record<string, unknown>): PartitionFilter[] {
  const out: PartitionFilter[] = [];
  if (flags.underReplicatedPartitions) out.push('under-replicated');
  if (flags.unavailablePartitions) out.push('unavailable');
  if (flags.underMinIsrPartitions) out.push('under-min-isr');
  if (flags.atMinIsrPartitions) out.push('at-min-isr');
  return out;
}
