/** `groups reset-offsets`' output: the plan as a table (or, with --export, as the CSV --from-file reads). */
import type { CommandResult } from '../../cli/dispatch.js';
import { formatPlanCsv } from './reset-plan.js';
import type { ResetOptions, ResetRow } from './reset-rows.js';

export function resetResult(rows: ResetRow[], options: ResetOptions): CommandResult {
  const result: CommandResult = {
    data: rows,
    view: [
      {
        head: ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'NEW-OFFSET', 'LOG-START', 'LOG-END', 'NOTE'],
        rows: rows.map((r) => [
          r.group,
          r.topic,
          r.partition,
          r.currentOffset,
          r.newOffset,
          r.logStartOffset,
          r.logEndOffset,
          r.clampedFrom !== undefined ? `clamped from ${r.clampedFrom}` : '',
        ]),
        numeric: [2, 3, 4, 5, 6],
        wideOnly: [5, 6, 7],
      },
    ],
  };
  if (options.export)
    result.text = formatPlanCsv(rows.map((r) => ({ group: r.group, topic: r.topic, partition: r.partition, offset: r.newOffset })));
  return result;
}
