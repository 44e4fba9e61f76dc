/**
 * --input json: one envelope per line (as consume --json prints) -> a record, its topic and
 * partition kept where they apply. The common envelope is read in place (envelope-scan.ts); any
 * other line goes through JSON.parse and fromEnvelope, which also word its errors.
 */
import { ExitCode, KtoolError, UsageError } from '../../errors.js';
import type { HeaderSpans } from '../../kafka/producer-types.js';
import { schemaIdsToLoad } from '../../serde/envelope-input.js';
import { emptyScan, EnvelopeScanner, type ScannedEnvelope } from '../../serde/envelope-scan.js';
import { fromEnvelope } from '../../serde/envelope.js';
import { parseJsonExact } from '../../serde/field-error.js';
import type { BadLines } from './bad-lines.js';
import type { Partitions } from './partitions.js';
import { lineAt, type Source } from './readers.js';
import type { TypedSides } from './typed-sides.js';

/** Hands a record on (record-input.ts's enqueue). */
export type Enqueue = (
  topic: string,
  partition: number,
  timestamp: number | undefined,
  key: Buffer | null,
  keyStart: number,
  keyEnd: number,
  value: Buffer | null,
  valueStart: number,
  valueEnd: number,
  size: number,
) => void | Promise<void>;

/** The bytes a record's headers count against --batch-size (as the per-record path counted them). */
export function headerSpanBytes(h: HeaderSpans): number {
  let n = 0;
  const { starts, ends } = h;
  for (let i = 0; i < 2 * h.count; i += 2) n += ends[i] - starts[i] + (starts[i + 1] < 0 ? 0 : ends[i + 1] - starts[i + 1]) + 4;
  return n;
}

/** Appends [name, value] pairs to the spans. */
export function addHeaders(h: HeaderSpans, pairs: [Buffer, Buffer | null][]): void {
  for (const [k, v] of pairs) {
    const j = 2 * h.count++;
    h.bufs[j] = k;
    h.starts[j] = 0;
    h.ends[j] = k.length;
    h.bufs[j + 1] = v ?? k;
    h.starts[j + 1] = v === null ? -1 : 0;
    h.ends[j + 1] = v === null ? -1 : v.length;
  }
}

export interface EnvelopeContext {
  topic: string | undefined;
  partition: number | undefined;
  keepPartitions: boolean;
  partitions: Partitions;
  badLines: BadLines;
  typed: TypedSides | undefined;
  /** The record's headers: -H's first (`globalCount` of them), the envelope's after them. */
  spans: HeaderSpans;
  globalCount: number;
  enqueue: Enqueue;
}

export class EnvelopeLines {
  private readonly scanner: EnvelopeScanner | undefined;
  private readonly env: ScannedEnvelope = emptyScan();
  /** The last "topic" read in place, its bytes and string. */
  private topicBytes = Buffer.alloc(0);
  private topicName = '';

  constructor(private readonly c: EnvelopeContext) {
    // --key-format/--value-format encode plain keys/values with a schema: the general path only.
    this.scanner = c.typed?.key || c.typed?.value ? undefined : new EnvelopeScanner();
    this.env.headers = c.spans;
  }

  /** One line (without its "\n"). */
  line(line: Buffer, source: Source, lineNo: number): void | Promise<void> {
    const { env, c } = this;
    c.spans.count = c.globalCount;
    if (this.scanner && line[0] === 0x7b && this.scanner.scan(line, env)) return this.route(env, this.topicIn(line), source, lineNo);
    return this.general(line, source, lineNo);
  }

  private topicIn(line: Buffer): string | undefined {
    const { topicStart: start, topicEnd: end } = this.env;
    if (start < 0) return undefined;
    const t = this.topicBytes;
    if (t.length !== end - start || t.compare(line, start, end) !== 0) {
      this.topicBytes = Buffer.from(line.subarray(start, end));
      this.topicName = line.toString('utf8', start, end);
    }
    return this.topicName;
  }

  /** JSON.parse and fromEnvelope: every form the envelope has, and the errors' wording. */
  private async general(line: Buffer, source: Source, lineNo: number): Promise<void> {
    const { c, env } = this;
    if (line.length === 0 || /^\s*$/.test(line.toString('latin1'))) return;
    let decoded;
    try {
      const json = c.typed ? parseJsonExact(line.toString('utf8')) : JSON.parse(line.toString('utf8'));
      const ids = c.typed ? schemaIdsToLoad(json) : [];
      if (ids.length) await c.typed!.load(ids);
      decoded = fromEnvelope(json, c.typed);
    } catch (error) {
      const where = lineAt(source, lineNo);
      if (error instanceof SyntaxError) return c.badLines.report(where, `invalid JSON: ${error.message}`);
      if (error instanceof UsageError) return c.badLines.report(where, error.message);
      throw error;
    }
    env.partition = decoded.partition ?? -1;
    env.timestamp = decoded.timestamp;
    const { key, value } = decoded;
    env.key = key;
    env.keyStart = 0;
    env.keyEnd = key?.length ?? 0;
    env.value = value;
    env.valueStart = 0;
    env.valueEnd = value?.length ?? 0;
    addHeaders(c.spans, decoded.headers);
    return this.route(env, decoded.topic, source, lineNo);
  }

  private route(env: ScannedEnvelope, recordTopic: string | undefined, source: Source, lineNo: number): void | Promise<void> {
    const { c } = this;
    const topic = c.topic ?? recordTopic;
    if (topic === undefined) return c.badLines.report(lineAt(source, lineNo), 'no "topic" in the record and no TOPIC on the command line');
    const count = c.partitions.known(topic);
    if (count === undefined) return this.routeNewTopic(env, topic, recordTopic, source, lineNo);
    let partition: number;
    const keep = env.partition >= 0 && c.partition === undefined && (c.topic === undefined || c.keepPartitions || recordTopic === c.topic);
    if (keep) {
      if (env.partition >= count)
        return c.badLines.report(
          lineAt(source, lineNo),
          `"partition": ${env.partition} is out of range: topic ${topic} has ${count} partitions`,
        );
      partition = env.partition;
    } else partition = c.partitions.ofRange(topic, env.key, env.keyStart, env.keyEnd, count);
    const size =
      (env.key === null ? 0 : env.keyEnd - env.keyStart) +
      (env.value === null ? 0 : env.valueEnd - env.valueStart) +
      24 +
      headerSpanBytes(c.spans);
    const { key, keyStart, keyEnd, value, valueStart, valueEnd } = env;
    return c.enqueue(topic, partition, env.timestamp, key, keyStart, keyEnd, value, valueStart, valueEnd, size);
  }

  /** The first record of a topic the envelope names: its partition count asked first. */
  private async routeNewTopic(
    env: ScannedEnvelope,
    topic: string,
    recordTopic: string | undefined,
    source: Source,
    lineNo: number,
  ): Promise<void> {
    const { c } = this;
    try {
      await c.partitions.count(topic);
    } catch (error) {
      // A record's own topic (missing, refused) is a bad line; an unreachable cluster or Ctrl-C is not.
      const perRecord = error instanceof KtoolError && error.exitCode !== ExitCode.connection && error.exitCode !== ExitCode.interrupted;
      if (perRecord && c.topic === undefined) return c.badLines.report(lineAt(source, lineNo), error.message);
      throw error;
    }
    return this.route(env, recordTopic, source, lineNo);
  }
}
