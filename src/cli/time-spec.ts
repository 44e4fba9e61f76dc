import { UsageError } from '../errors.js';
import { parseDuration } from '../util/duration.js';

/**
 * ktool's one syntax for a point in time, wherever a flag takes one (consume -o @TIME, offsets
 * --time, delete-records --before @TIME, groups reset-offsets --to-datetime):
 *   - epoch milliseconds: 1714521600000
 *   - ISO-8601: 2024-05-01, 2024-05-01T10:00, 2024-05-01T10:00:00.250Z, 2024-05-01 10:00:00+02:00
 *     (a space for the T; a zone as Z, +hh, +hhmm or +hh:mm; UTC without one, as in
 *     kafka-consumer-groups.sh --to-datetime here; a date alone is its midnight)
 *   - relative to now: -1h, +30m, -1d2h, -90s, -PT1H (a unit is required: -10 is no time)
 */
export const TIME_HINT =
  'TIME is epoch ms (1714521600000), ISO-8601 (2024-05-01T10:00:00Z; UTC without a zone) or relative to now (-1h, +30m, -1d2h)';

export interface TimeOptions {
  /** The flag, for messages: `--time`, `-o/--offset`. */
  what: string;
  /** What relative times count from (tests inject it). */
  now?: number;
  /** What else the flag takes, put before the time syntax in the hint: `earliest, latest or `. */
  alternatives?: string;
}

/** A time without a leading '@' (the caller strips it where '@' marks a time among offsets). */
export function parseTime(text: string, o: TimeOptions): number {
  const t = text.trim();
  const fail = (why = `cannot read "${text}" as a time`, hint = TIME_HINT) =>
    new UsageError(`${o.what}: ${why}`, `${o.alternatives ?? ''}${hint}`);
  let ms: number | undefined;
  if (/^\d+$/.test(t)) ms = Number(t);
  else if (/^[+-]/.test(t)) {
    const body = t.slice(1);
    // A bare number would be seconds to parseDuration; -1 and -2 mean other things (offsets --time).
    if (/^\d+$/.test(body)) throw fail(undefined, `a relative time needs a unit (${t}s, ${t}m, ${t}h); ${TIME_HINT}`);
    if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(body) && !/^P/i.test(body)) throw fail();
    const span = parseDuration(body, `${o.what} relative time`);
    ms = (o.now ?? Date.now()) + (t.startsWith('-') ? -span : span);
  } else {
    ms = parseIsoTime(t);
    if (ms === undefined) throw fail();
  }
  if (!Number.isSafeInteger(ms) || ms < 0) throw fail(`"${text}" is not a time after 1970`);
  return ms;
}

/** A flag that takes only a time: the '@' of consume's -o @TIME is allowed but not needed. */
export function parseTimeArg(text: string, o: TimeOptions): number {
  const t = text.trim();
  return parseTime(t.startsWith('@') ? t.slice(1) : t, o);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** ISO-8601 date or date-time to epoch ms; undefined when the text is not one, or no such date. */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')));
  // Date.UTC rolls 2024-02-31 over to March; refuse dates and times that do not exist.
  const check = new Date(local);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return undefined;
  if (zone.toUpperCase() === 'Z') return local;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  if (Number(z[2]) > 23 || Number(z[3] ?? 0) > 59) return undefined;
  const offset = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000;
  return z[1] === '+' ? local - offset : local + offset;
}

/** Whether text reads as a time: for hints where a time was given without its '@'. */
export function isTime(text: string): boolean {
  try {
    parseTime(text, { what: '' });
    return true;
  } catch {
    return false;
  }
}
