import { parseTime, TIME_HINT } from '../../cli/time-spec.js';
import { UsageError } from '../../errors.js';

/** One end of a read: an absolute position, or one computed per partition from the log. */
export type Position =
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'offset'; offset: bigint }
  | { kind: 'fromStart'; delta: bigint }
  | { kind: 'fromEnd'; delta: bigint }
  | { kind: 'time'; ms: number };

/** Where to start, and optionally where to stop (exclusive), per partition. */
export interface OffsetSpec {
  start: Position;
  end?: Position;
}

const HELP = `use start, end, N, -N, +N, N:M, @TIME, @TIME:@TIME or @TIME:end; ${TIME_HINT}`;

/**
 * rpk's offset syntax plus kafka-console-consumer's words:
 *   start|earliest|oldest, end|latest|newest, N (exact), -N (N before the end), +N (N after the
 *   start), N:M (from N to M, M exclusive), @TIME (first record at or after TIME), @T1:@T2, @T:end,
 *   :M and N: (open ranges). TIME is ktool's one time syntax (src/cli/time-spec.ts): epoch ms,
 *   ISO-8601, or relative to now (`-1h`, `+30m`).
 */
export function parseOffsetSpec(text: string, now: number): OffsetSpec {
  const t = text.trim();
  if (t === '') throw new UsageError('empty offset', HELP);
  const colon = splitRange(t);
  if (colon) {
    const [a, b] = colon;
    const start = a === '' ? ({ kind: 'start' } as Position) : parsePosition(a, now, t);
    const end = b === '' ? undefined : parsePosition(b, now, t);
    if (end?.kind === 'fromStart' || end?.kind === 'fromEnd')
      throw new UsageError(`invalid offset range "${t}": the end must be an offset, a time or "end"`, HELP);
    if (start.kind === 'offset' && end?.kind === 'offset' && end.offset < start.offset)
      throw new UsageError(`invalid offset range "${t}": ${end.offset} is before ${start.offset}`);
    return { start, end: end?.kind === 'end' ? { kind: 'end' } : end };
  }
  return { start: parsePosition(t, now, t) };
}

/** An ISO time after '@' may hold colons (hh:mm:ss, +hh:mm): the range colon is the one after it. */
const AT_ISO = /^@\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

/** Splits on the range colon, not on colons inside an ISO time (`@2026-01-01T10:00:00+02:00:end`). */
function splitRange(t: string): [string, string] | undefined {
  const iso = AT_ISO.exec(t)?.[0];
  const colon = iso ? (t[iso.length] === ':' ? iso.length : -1) : t.indexOf(':');
  if (iso && colon < 0 && t.length > iso.length) throw new UsageError(`invalid offset "${t}"`, HELP);
  return colon < 0 ? undefined : [t.slice(0, colon), t.slice(colon + 1)];
}

function parsePosition(p: string, now: number, whole: string): Position {
  const lower = p.toLowerCase();
  if (['start', 'earliest', 'oldest', 'beginning'].includes(lower)) return { kind: 'start' };
  if (['end', 'latest', 'newest'].includes(lower)) return { kind: 'end' };
  if (/^\d+$/.test(p)) return { kind: 'offset', offset: BigInt(p) };
  if (/^-\d+$/.test(p)) return { kind: 'fromEnd', delta: BigInt(p.slice(1)) };
  if (/^\+\d+$/.test(p)) return { kind: 'fromStart', delta: BigInt(p.slice(1)) };
  if (p.startsWith('@'))
    return { kind: 'time', ms: parseTime(p.slice(1), { what: `-o/--offset "${whole}"`, now, alternatives: 'after the @: ' }) };
  throw new UsageError(`invalid offset "${whole}"`, HELP);
}
