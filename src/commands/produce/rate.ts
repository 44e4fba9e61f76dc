import { UsageError } from '../../errors.js';

const UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

/** `--rate 1000`, `1000/s`, `6000/m`, `1.5k/s`, `100/h` -> records per second. */
export function parseRate(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM])?\s*(?:\/\s*([a-z]+))?\s*$/.exec(text);
  if (!m) throw new UsageError(`--rate: expected N/s (records per second), e.g. 1000/s, got "${text}"`);
  let n = Number(m[1]);
  if (m[2]) n *= m[2].toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const unit = !m[3] ? 1 : Object.hasOwn(UNITS, m[3]) ? UNITS[m[3]] : undefined;
  if (unit === undefined) throw new UsageError(`--rate: unknown unit "/${m[3]}"`, 'use /s, /m or /h');
  const perSecond = n / unit;
  if (!(perSecond > 0)) throw new UsageError(`--rate must be above 0, got "${text}"`);
  // 1e400/s is Infinity: no limit at all, which is what leaving --rate out says.
  if (!Number.isFinite(perSecond))
    throw new UsageError(`--rate "${text}" is too large`, 'leave --rate out to produce as fast as the broker takes it');
  return perSecond;
}

/** Paces records: delayFor(count) is how long to wait before record number `count` (0-based) may go. */
export class RateLimiter {
  private readonly start: number;
  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }
  delayFor(count: number): number {
    const due = this.start + (count * 1000) / this.perSecond;
    const wait = due - this.now();
    return wait > 0 ? wait : 0;
  }
}
