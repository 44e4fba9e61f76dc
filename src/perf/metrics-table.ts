/**
 * What the perf tools' --print-metrics prints in ktool. The Java tools print their client's whole
 * metric registry (ToolsUtils.printMetrics: ~110 producer, ~140 consumer metrics: network, buffer
 * pool, per node, per topic); ktool's client keeps no such registry, so it prints the figures its
 * run measured, under the Java metric of the same meaning, in the same layout: a blank line, the
 * `Metric Name   Value` header, then `group:name:{tags} : value` sorted by name, names padded to
 * the longest, numbers as `%.3f`.
 */
import { javaFixed } from './java-format.js';
import type { ConsumeOutcome } from './consume-engine.js';
import type { TotalRow } from './latency-stats.js';

export interface Metric {
  group: string;
  name: string;
  tags: Record<string, string>;
  value: number | string;
}

/** ToolsUtils.printMetrics' text (its trailing newline included); nothing for no metrics, as the original. */
export function metricsTable(metrics: readonly Metric[]): string {
  if (metrics.length === 0) return '';
  const rows = metrics
    .map((m) => {
      const tags = Object.entries(m.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      return [`${m.group}:${m.name}:{${tags}}`, typeof m.value === 'number' ? javaFixed(m.value, 3) : m.value] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(...rows.map(([name]) => name.length));
  return [`\n${'Metric Name'.padEnd(width)}   Value`, ...rows.map(([name, value]) => `${name.padEnd(width)} : ${value}`)].join('\n') + '\n';
}

/** A producer run's figures: records sent and failed, the send rate over the run. */
export function producerMetrics(clientId: string, total: TotalRow, failed: number): Metric[] {
  const tags = { 'client-id': clientId };
  const group = 'producer-metrics';
  return [
    { group, name: 'record-send-total', tags, value: total.records },
    { group, name: 'record-send-rate', tags, value: total.recordsPerSec },
    { group, name: 'record-error-total', tags, value: failed },
  ];
}

/** A consumer run's figures: records and bytes (keys and values) consumed, their rates over the run, the group join. */
export function consumerMetrics(clientId: string, outcome: ConsumeOutcome): Metric[] {
  const tags = { 'client-id': clientId };
  const group = 'consumer-fetch-manager-metrics';
  const seconds = (outcome.endMs - outcome.startMs) / 1000;
  return [
    { group, name: 'records-consumed-total', tags, value: outcome.records },
    { group, name: 'records-consumed-rate', tags, value: seconds > 0 ? outcome.records / seconds : 0 },
    { group, name: 'bytes-consumed-total', tags, value: outcome.bytes },
    { group, name: 'bytes-consumed-rate', tags, value: seconds > 0 ? outcome.bytes / seconds : 0 },
    { group: 'consumer-coordinator-metrics', name: 'join-time-max', tags, value: outcome.joinMs },
  ];
}
