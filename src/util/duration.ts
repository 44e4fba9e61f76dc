import { UsageError } from '../errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parses a duration to milliseconds: `500ms`, `10s`, `1m30s`, `2h`, `1d`, a bare number of seconds
 * (`10`), or ISO-8601 `PnDTnHnMnS` (kafka-consumer-groups.sh --by-duration).
 */
export function parseDuration(input: string, what = 'duration'): number {
  const ms = readDuration(input, what);
  // 99999999999999999999 (seconds) is 1e23 ms: no timer or clock takes it, and Infinity is no duration.
  if (!Number.isSafeInteger(ms))
    throw new UsageError(`${what} "${input}" is too long`, 'use e.g. 500ms, 10s, 1m30s, 2h, 1d, or ISO-8601 PT10M');
  return ms;
}

/**
 * The longest duration a Node timer takes (2^31-1 ms, about 24.8 days): a longer one fires at once
 * (TimeoutOverflowWarning), so --timeout 30d would time out immediately.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A duration that becomes a timer (--timeout, --watch, --idle-timeout): at most MAX_TIMER_MS. */
export function parseTimerDuration(input: string, what = 'duration'): number {
  const ms = parseDuration(input, what);
  if (ms > MAX_TIMER_MS)
    throw new UsageError(`${what} "${input}" is longer than ${formatDuration(MAX_TIMER_MS)}, the longest ktool can wait`);
  return ms;
}

function readDuration(input: string, what: string): number {
  const text = input.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const iso = /^-?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (iso && text.toUpperCase() !== 'P' && !/T$/i.test(text)) {
    const [, d, h, m, s] = iso;
    const ms = Number(d ?? 0) * UNITS.d + Number(h ?? 0) * UNITS.h + Number(m ?? 0) * UNITS.m + Number(s ?? 0) * UNITS.s;
    return Math.round(text.startsWith('-') ? -ms : ms);
  }
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * UNITS[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length) {
    throw new UsageError(`invalid ${what} "${input}"`, 'use e.g. 500ms, 10s, 1m30s, 2h, 1d, or ISO-8601 PT10M');
  }
  return Math.round(total);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  return `${Math.floor(h / 24)}d${h % 24 ? `${h % 24}h` : ''}`;
}
