import type { Context } from '../../cli/context.js';
import { formatDuration } from '../../util/duration.js';
import type { View } from '../../output/view.js';
import type { GroupLag, LagSnapshot } from './collect.js';
import type { LagOptions } from './options.js';

/** Partitions over --max-lag/--max-time-lag, as lines for stderr. */
export function violations(snapshot: LagSnapshot, o: LagOptions): string[] {
  const out: string[] = [];
  for (const g of snapshot.groups) {
    for (const p of g.partitions) {
      if (o.maxLag !== undefined && p.lag !== null && p.lag > o.maxLag)
        out.push(`${g.group} ${p.topic}:${p.partition} lag ${p.lag} > ${o.maxLag}`);
      if (o.maxTimeLagMs !== undefined && p.timeLagMs !== null && p.timeLagMs > o.maxTimeLagMs)
        out.push(`${g.group} ${p.topic}:${p.partition} time lag ${formatDuration(p.timeLagMs)} > ${formatDuration(o.maxTimeLagMs)}`);
    }
  }
  return out;
}

export function reportViolations(ctx: Context, lines: string[]): void {
  if (!lines.length) return;
  for (const l of lines) ctx.io.stderr.write(`lag check failed: ${l}\n`);
  ctx.io.stderr.write(`error: ${lines.length} partition(s) over the lag threshold\n`);
}

export const timeLagText = (ms: number | null) => (ms === null ? '-' : ms === 0 ? '0s' : formatDuration(ms));

export function lagView(groups: GroupLag[], trend?: Map<string, { ratePerSec: number | null; etaSeconds: number | null }>): View {
  const summaryHead = ['GROUP', 'STATE', 'MEMBERS', 'PARTITIONS', 'LAG', 'TIME-LAG'];
  if (trend) summaryHead.push('RATE/S', 'CATCH-UP');
  return [
    {
      head: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'TIME-LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'],
      rows: groups.flatMap((g) =>
        g.partitions.map((p) => [
          g.group,
          p.topic,
          p.partition,
          p.currentOffset,
          p.logEndOffset,
          p.lag,
          timeLagText(p.timeLagMs),
          p.memberId,
          p.host,
          p.clientId,
        ]),
      ),
      numeric: [2, 3, 4, 5, 6],
      wideOnly: [7, 8, 9],
      // A narrow terminal wraps names and gives up the owner columns before any offset or lag.
      wrap: [0, 1, 7, 8, 9],
      drop: [7, 9, 8],
    },
    {
      head: summaryHead,
      rows: groups.map((g) => {
        const t = trend?.get(g.group);
        const row: (string | number | null)[] = [g.group, g.state, g.members, g.partitions.length, g.lag, timeLagText(g.timeLagMs)];
        if (trend)
          row.push(
            t?.ratePerSec === null || t === undefined ? '-' : (t.ratePerSec > 0 ? '+' : '') + t.ratePerSec.toFixed(1),
            t?.etaSeconds === null || t === undefined ? (g.lag ? 'not catching up' : '-') : formatDuration(t.etaSeconds * 1000),
          );
        return row;
      }),
      numeric: trend ? [2, 3, 4, 5, 6, 7] : [2, 3, 4, 5],
    },
  ];
}
