import { UsageError } from '../../errors.js';

/** Kafka partitions are int32. */
const MAX_PARTITION = 2 ** 31 - 1;

export interface OffsetFileEntry {
  topic: string;
  partition: number;
  /** -1 means the high watermark (delete everything), as in kafka-delete-records.sh. */
  offset: bigint;
}

/**
 * kafka-delete-records.sh `--offset-json-file`:
 * `{"partitions":[{"topic":"t","partition":0,"offset":3}],"version":1}`. Offsets may be numbers or
 * numeric strings (for values beyond 2^53); a partition listed twice is an error.
 */
export function parseOffsetFile(text: string, file = 'offset JSON file'): OffsetFileEntry[] {
  let doc: unknown;
  try {
    // Read big offsets exactly: quote bare integers of 16+ digits before JSON.parse.
    doc = JSON.parse(text.replace(/("offset"\s*:\s*)(-?\d{16,})/g, '$1"$2"'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const bad = (why: string): never => {
    throw new UsageError(`${file}: ${why}`, 'expected {"partitions":[{"topic":"t","partition":0,"offset":3}],"version":1}');
  };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) bad('not a JSON object');
  const { partitions, version } = doc as { partitions?: unknown; version?: unknown };
  if (version !== undefined && version !== 1) bad(`unsupported version ${JSON.stringify(version)} (only 1)`);
  if (!Array.isArray(partitions)) bad('"partitions" must be an array');
  if ((partitions as unknown[]).length === 0) bad('"partitions" is empty');
  const seen = new Set<string>();
  return (partitions as unknown[]).map((item, i) => {
    const e = item as { topic?: unknown; partition?: unknown; offset?: unknown };
    if (!e || typeof e !== 'object') bad(`partitions[${i}] is not an object`);
    if (typeof e.topic !== 'string' || !e.topic) bad(`partitions[${i}].topic must be a non-empty string`);
    if (typeof e.partition !== 'number' || !Number.isInteger(e.partition) || e.partition < 0 || e.partition > MAX_PARTITION)
      bad(`partitions[${i}].partition must be a whole number from 0 to ${MAX_PARTITION}`);
    // A safe integer only: 1e21 is an integer to JSON but String() writes it "1e+21", which BigInt refuses.
    const offsetText =
      typeof e.offset === 'number' && Number.isSafeInteger(e.offset)
        ? String(e.offset)
        : typeof e.offset === 'string' && /^-?\d+$/.test(e.offset)
          ? e.offset
          : undefined;
    if (offsetText === undefined) bad(`partitions[${i}].offset must be a whole number`);
    const offset = BigInt(offsetText!);
    if (offset < -1n) bad(`partitions[${i}].offset must be >= 0 (or -1 for the high watermark)`);
    const key = `${e.topic}:${e.partition}`;
    if (seen.has(key)) bad(`partition ${e.topic}-${e.partition} is listed more than once`);
    seen.add(key);
    return { topic: e.topic as string, partition: e.partition as number, offset };
  });
}
