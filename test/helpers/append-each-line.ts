import type { LineRecords } from '../../src/kafka/producer-types.js';

/**
 * LineRecords.appendLines by its definition, one append() per line: what stand-in builders use,
 * and what the real builder's one-loop version is compared with.
 */
export function appendEachLine(
  records: Pick<LineRecords, 'count' | 'bytes' | 'append'>,
  src: Buffer,
  start: number,
  end: number,
  timestamp: number,
  limit: number,
  out: { full: boolean },
): number {
  out.full = false;
  let nl = src.indexOf(10, start);
  while (nl !== -1 && nl < end) {
    const stop = nl > start && src[nl - 1] === 13 ? nl - 1 : nl;
    if (records.count > 0 && records.bytes + (stop - start) > limit) {
      out.full = true;
      return start;
    }
    records.append(src, start, stop, timestamp);
    start = nl + 1;
    if (records.bytes >= limit) {
      out.full = true;
      return start;
    }
    nl = src.indexOf(10, start);
  }
  return start;
}
