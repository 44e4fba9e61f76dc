import { UsageError } from '../../errors.js';
import { parseDuration } from '../../util/duration.js';

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

const HELP = 'use start, end, N, -N, +N, N:M, @TIME, @TIME:@TIME or @TIME:end (TIME: epoch ms, ISO-8601, or relative like -1h)';

/**
 * rpk's offset syntax plus kafka-console-consumer's words:
 *   start|earliest|oldest, end|latest|newest, N (exact), -N (N before the end), +N (N after the
 *   start), N:M (from N to M, M exclusive), @TIME (first record at or after TIME), @T1:@T2, @T:end,
 *   :M and N: (open ranges). TIME is epoch ms, ISO-8601, or relative to now (`-1h`, `-30m`).
 */
export function parseOffsetSpec(text: string, now: number): OffsetSpec {
  const t = text.trim();
  if (t === '') throw new UsageError('empty offset', HELP);
  const colon = splitRange(t);
  if (colon) {
    const [a, b] = colon;
    const start = a === '' ? ({ kind: 'start' } as Position) : parsePosition(a, now, t);
    const end = b === '' ? undefined : parsePosition(b, now, t);
    if (end?.kind === 'fromStart' || end?.kind === 'fromEnd') throw new UsageError(`invalid offset range "${t}": the end must be an offset, a time or "end"`, HELP);
    if (start.kind === 'offset' && end?.kind === 'offset' && end.offset < start.offset) throw new UsageError(`invalid offset range "${t}": ${end.offset} is before ${start.offset}`);
    return { start, end: end?.kind === 'end' ? { kind: 'end' } : end };
  }
  return { start: parsePosition(t, now, t) };
}

/** Splits on the range colon, not on colons inside an ISO time (`@2026-01-01T10:00:00Z:end`). */
function splitRange(t: string): [string, string] | undefined {
  const parts: string[] = [];
  let depthIso = false;
  let current = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '@') depthIso = true;
    if (ch === ':' && depthIso && /\d$/.test(current) && /^\d/.test(t.slice(i + 1)) && /T\d{1,2}(:\d{2})?$/.test(current)) {
      current += ch; // the colon of hh:mm or mm:ss
      continue;
    }
    if (ch === ':') {
      parts.push(current);
      current = '';
      depthIso = false;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  if (parts.length === 1) return undefined;
  if (parts.length !== 2) throw new UsageError(`invalid offset "${t}"`, HELP);
  return [parts[0], parts[1]];
}

function parsePosition(p: string, now: number, whole: string): Position {
  const lower = p.toLowerCase();
  if (['start', 'earliest', 'oldest', 'beginning'].includes(lower)) return { kind: 'start' };
  if (['end', 'latest', 'newest'].includes(lower)) return { kind: 'end' };
  if (/^\d+$/.test(p)) return { kind: 'offset', offset: BigInt(p) };
  if (/^-\d+$/.test(p)) return { kind: 'fromEnd', delta: BigInt(p.slice(1)) };
  if (/^\+\d+$/.test(p)) return { kind: 'fromStart', delta: BigInt(p.slice(1)) };
  if (p.startsWith('@')) return { kind: 'time', ms: parseTime(p.slice(1), now, whole) };
  throw new UsageError(`invalid offset "${whole}"`, HELP);
}

/** Epoch ms, ISO-8601 (a date alone is midnight UTC), or relative to now: -1h, +30m, -1d2h. */
export function parseTime(text: string, now: number, whole = text): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[+-]\d/.test(text)) {
    const ms = parseDuration(text.slice(1), 'relative time');
    return text.startsWith('-') ? now - ms : now + ms;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UsageError(`invalid time in offset "${whole}"`, 'TIME is epoch ms, ISO-8601 like 2026-01-01T00:00:00Z, or relative like -1h');
}
