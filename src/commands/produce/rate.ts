import { UsageError } from '../../errors.js';

const UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

/** `--rate 1000`, `1000/s`, `6000/m`, `1.5k/s`, `100/h` -> records per second. */
export function parseRate(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM])?\s*(?:\/\s*([a-z]+))?\s*$/.exec(text);
  if (!m) throw new UsageError(`--rate: expected N/s (records per second), e.g. 1000/s, got "${text}"`);
  let n = Number(m[1]);
  if (m[2]) n *= m[2].toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const unit = m[3] ? UNITS[m[3]] : 1;
  if (unit === undefined) throw new UsageError(`--rate: unknown unit "/${m[3]}"`, 'use /s, /m or /h');
  const perSecond = n / unit;
  if (!(perSecond > 0)) throw new UsageError(`--rate must be above 0, got "${text}"`);
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

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };

/** `--batch-size 1048576`, `512k`, `1MB` -> bytes. */
export function parseSize(text: string, flag: string, { min = 1, max = 64 * 1024 * 1024 } = {}): number {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`${flag}: expected a size in bytes (e.g. 1048576, 512k, 1MB), got "${text}"`);
  const n = Number(m[1]) * unit;
  if (n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max} bytes, got "${text}"`);
  return n;
}
