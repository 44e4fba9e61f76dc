import { createHash } from 'node:crypto';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';

/** The header `--provenance` adds: left out of digests, so a copy with it still matches. */
export const PROVENANCE_HEADER = 'ktool.mirror.source';

const NULL = Buffer.from([0]);
const PRESENT = Buffer.from([1]);

/**
 * A record's identity for `verify --deep`: key, value, headers (in order, names and values) and
 * timestamp, each length-prefixed so that moving bytes between fields changes the digest.
 */
export function recordDigest(r: Pick<ConsumedRecord, 'key' | 'value' | 'headers' | 'timestamp'>): string {
  const h = createHash('sha1');
  const field = (b: Buffer | null) => {
    if (b === null) {
      h.update(NULL);
      return;
    }
    const len = Buffer.allocUnsafe(5);
    len[0] = 1;
    len.writeUInt32BE(b.length, 1);
    h.update(len);
    h.update(b);
  };
  field(r.key);
  field(r.value);
  for (const [k, v] of r.headers) {
    if (k.toString('latin1') === PROVENANCE_HEADER) continue;
    h.update(PRESENT);
    field(k);
    field(v);
  }
  h.update(NULL);
  const ts = Buffer.allocUnsafe(8);
  ts.writeDoubleBE(r.timestamp);
  h.update(ts);
  return h.digest('base64');
}

export interface Sequence {
  digests: string[];
  offsets: number[];
}

/** Result of comparing one source sequence with its copy. */
export interface Comparison {
  source: number;
  target: number;
  /** Source records with no copy (counted as multisets: a record twice in the source needs two copies). */
  missing: number;
  /** Extra copies of records that are in the source. */
  duplicated: number;
  /** Target records that match no source record at all. */
  unexpected: number;
  /** The first position where the sequences differ (null when one is a prefix of the other and counts match). */
  firstDifference: { index: number; sourceOffset: number | null; targetOffset: number | null } | null;
  match: boolean;
}

export function compareSequences(src: Sequence, tgt: Sequence, ordered = true): Comparison {
  const counts = new Map<string, number>();
  for (const d of src.digests) counts.set(d, (counts.get(d) ?? 0) + 1);
  const seen = new Map<string, number>();
  let duplicated = 0;
  let unexpected = 0;
  for (const d of tgt.digests) {
    const n = (seen.get(d) ?? 0) + 1;
    seen.set(d, n);
    const expected = counts.get(d);
    if (expected === undefined) unexpected++;
    else if (n > expected) duplicated++;
  }
  let missing = 0;
  for (const [d, n] of counts) missing += Math.max(0, n - (seen.get(d) ?? 0));
  let firstDifference: Comparison['firstDifference'] = null;
  if (ordered) {
    const n = Math.max(src.digests.length, tgt.digests.length);
    for (let i = 0; i < n; i++) {
      if (src.digests[i] !== tgt.digests[i]) {
        firstDifference = { index: i, sourceOffset: src.offsets[i] ?? null, targetOffset: tgt.offsets[i] ?? null };
        break;
      }
    }
  }
  const match = missing === 0 && duplicated === 0 && unexpected === 0 && (!ordered || firstDifference === null);
  return { source: src.digests.length, target: tgt.digests.length, missing, duplicated, unexpected, firstDifference, match };
}
