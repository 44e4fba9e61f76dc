import { parseTimeArg } from '../../cli/time-spec.js';
import type { OffsetQuery } from '../../kafka/types.js';

/** kafka-get-offsets.sh `--time` values and ktool's names for them. */
const NAMED: Record<string, OffsetQuery> = {
  earliest: 'earliest',
  '-2': 'earliest',
  latest: 'latest',
  '-1': 'latest',
  'max-timestamp': 'max-timestamp',
  '-3': 'max-timestamp',
  'earliest-local': { timestamp: -4 },
  '-4': { timestamp: -4 },
  'latest-tiered': { timestamp: -5 },
  '-5': { timestamp: -5 },
};

/**
 * `offsets --time`: earliest|latest|max-timestamp|earliest-local|latest-tiered (or -2/-1/-3/-4/-5
 * as kafka-get-offsets.sh), else a time in ktool's one syntax (src/cli/time-spec.ts), with or
 * without consume's leading '@': epoch ms, ISO-8601, or relative like -1h.
 */
export function parseTimeSpec(text: string, flag = '--time', now = Date.now()): OffsetQuery {
  const t = text.trim().toLowerCase();
  if (Object.hasOwn(NAMED, t)) return NAMED[t];
  return {
    timestamp: parseTimeArg(text, { what: flag, now, alternatives: 'use earliest, latest, max-timestamp (or -2, -1, -3) or a time: ' }),
  };
}

/** How a query is shown to people. */
export function describeQuery(q: OffsetQuery): string {
  return typeof q === 'string'
    ? q
    : q.timestamp === -4
      ? 'earliest-local'
      : q.timestamp === -5
        ? 'latest-tiered'
        : new Date(q.timestamp).toISOString();
}
