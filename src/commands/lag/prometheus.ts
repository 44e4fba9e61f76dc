import type { LagSnapshot } from './collect.js';

/** Label values escaped as the exposition format wants: backslash, double quote, newline. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string | number>): string {
  return `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${label(String(v))}"`)
    .join(',')}}`;
}

const seconds = (ms: number) => String(Math.round(ms) / 1000);

/**
 * OpenMetrics text (also valid Prometheus text format 0.0.4 for a node_exporter textfile
 * collector): per-partition lag, time lag and offsets, per-group totals, ending in `# EOF`.
 */
export function toOpenMetrics(snapshot: LagSnapshot): string {
  const families: { name: string; help: string; unit?: string; samples: string[] }[] = [
    { name: 'kafka_consumergroup_lag', help: 'Records between the committed offset and the log end offset.', samples: [] },
    {
      name: 'kafka_consumergroup_lag_seconds',
      help: 'Age of the record at the committed offset (0 without lag).',
      unit: 'seconds',
      samples: [],
    },
    { name: 'kafka_consumergroup_current_offset', help: 'The committed offset.', samples: [] },
    { name: 'kafka_consumergroup_log_end_offset', help: 'The log end offset of the partition.', samples: [] },
    { name: 'kafka_consumergroup_group_lag', help: 'Sum of the lag over the partitions of the group.', samples: [] },
    {
      name: 'kafka_consumergroup_group_lag_seconds',
      help: 'Largest time lag over the partitions of the group.',
      unit: 'seconds',
      samples: [],
    },
    { name: 'kafka_consumergroup_members', help: 'Active members of the group.', samples: [] },
  ];
  const [lag, lagSeconds, current, end, groupLag, groupSeconds, members] = families;
  for (const g of snapshot.groups) {
    for (const p of g.partitions) {
      const l = labels({ group: g.group, topic: p.topic, partition: p.partition });
      if (p.lag !== null) lag.samples.push(`${lag.name}${l} ${p.lag}`);
      if (p.timeLagMs !== null) lagSeconds.samples.push(`${lagSeconds.name}${l} ${seconds(p.timeLagMs)}`);
      if (p.currentOffset !== null) current.samples.push(`${current.name}${l} ${p.currentOffset}`);
      if (p.logEndOffset !== null) end.samples.push(`${end.name}${l} ${p.logEndOffset}`);
    }
    const gl = labels({ group: g.group });
    groupLag.samples.push(`${groupLag.name}${gl} ${g.lag}`);
    if (g.timeLagMs !== null) groupSeconds.samples.push(`${groupSeconds.name}${gl} ${seconds(g.timeLagMs)}`);
    members.samples.push(`${members.name}${gl} ${g.members}`);
  }
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# TYPE ${f.name} gauge`);
    if (f.unit) lines.push(`# UNIT ${f.name} ${f.unit}`);
    lines.push(`# HELP ${f.name} ${f.help}`);
    lines.push(...f.samples);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
