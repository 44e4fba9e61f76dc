/**
 * Input handling: sources -> records for the Sender. Each input mode has its handler (plain lines,
 * parsed lines, JSON envelopes, a whole file); a bad line goes to the --on-error policy. Reading
 * stops at the end of the input, on Ctrl-C/SIGTERM (the signal) or on the first error.
 */
import { CancelledError, ExitCode, KtoolError, UsageError } from '../../errors.js';
import type { ProduceRecord, ProducerApi } from '../../kafka/producer-types.js';
import { schemaIdsToLoad } from '../../serde/envelope-input.js';
import { fromEnvelope } from '../../serde/envelope.js';
import { parseJsonExact } from '../../serde/field-error.js';
import { serdeFor, type Serde } from '../../serde/serde.js';
import { sleep } from '../../util/sleep.js';
import { Stop, type BadLines } from './bad-lines.js';
import { LineError, makeLineParser, type ParsedLine } from './line-parser.js';
import type { ProduceOptions } from './options.js';
import type { Partitions } from './partitions.js';
import { PlainLines, SendFailed } from './plain-lines.js';
import { RateLimiter } from './rate.js';
import { forEachLine, lineAt, readWhole, type Source } from './readers.js';
import type { Sender } from './sender.js';
import type { TypedSides } from './typed-sides.js';

type Headers = [Buffer, Buffer | null][];
type LineHandler = (line: Buffer, lineNo: number) => void | Promise<void>;

/** How reading ended: a fatal error (not a bad line or a failed request, which stop it on purpose), or the signal. */
export interface ReadOutcome {
  fatal?: unknown;
  interrupted: boolean;
}

function encodeFixedKey(serde: Serde, key: string): Buffer {
  try {
    return serde.encode(key);
  } catch (error) {
    throw new UsageError(`-k/--key: ${(error as Error).message}`);
  }
}

const headerBytesOf = (h: Headers) => h.reduce((n, [k, v]) => n + k.length + (v?.length ?? 0) + 4, 0);

export class RecordInput {
  /** The fast path for plain lines (plain-lines.ts), when nothing is parsed from them. */
  readonly plain: PlainLines | undefined;
  private readonly keySerde: Serde;
  private readonly valueSerde: Serde;
  private readonly fixedKey: Buffer | null;
  /** -H, on every record. */
  private readonly headers: Headers | undefined;
  private readonly headerBytes: number;
  private readonly limiter: RateLimiter | undefined;
  /** Records handed to the sender so far (--rate paces by it). */
  private queued = 0;

  constructor(
    private readonly options: ProduceOptions,
    producer: Pick<ProducerApi, 'lineRecords'>,
    private readonly sender: Sender,
    private readonly partitions: Partitions,
    private readonly badLines: BadLines,
    private readonly signal: AbortSignal,
    private readonly typed?: TypedSides,
  ) {
    this.keySerde = typed?.key ?? serdeFor(options.keyEncoding, '--key-encoding');
    this.valueSerde = typed?.value ?? serdeFor(options.valueEncoding, '--value-encoding');
    this.fixedKey = options.fixedKey !== undefined ? encodeFixedKey(this.keySerde, options.fixedKey) : null;
    this.headers = options.headers.length ? options.headers.map(([k, v]) => [Buffer.from(k, 'utf8'), Buffer.from(v, 'utf8')]) : undefined;
    this.headerBytes = this.headers ? headerBytesOf(this.headers) : 0;
    this.limiter = options.rate !== undefined ? new RateLimiter(options.rate) : undefined;
    const { line } = options;
    const plainLines =
      options.input === 'line' &&
      !line.parseKey &&
      !line.parseHeaders &&
      line.nullMarker === undefined &&
      this.valueSerde.name === 'text' &&
      !this.limiter;
    this.plain = plainLines
      ? new PlainLines(producer, sender, options.topic!, this.fixedKey, this.headers, options.batchBytes, options.lingerMs, () => {
          const partition = partitions.of(options.topic!, this.fixedKey, partitions.known(options.topic!)!);
          sender.onFlush?.();
          return partition;
        })
      : undefined;
  }

  /** Reads every source in turn, handing records to the sender, until the end, the signal or an error. */
  async read(sources: Source[]): Promise<ReadOutcome> {
    const { signal, plain } = this;
    const linger = this.lingerTimer();
    try {
      for (const source of sources) {
        if (signal.aborted) break;
        // Plain lines are copied into the batch as they are read: the input buffer can be reused.
        const stream = source.open(signal, Boolean(plain));
        if (this.options.input === 'whole') await this.whole(source, stream);
        else if (plain) await plain.read(stream);
        else
          await forEachLine(stream, this.options.input === 'json' ? this.jsonHandler(source) : this.lineHandler(source), linger.afterChunk);
      }
    } catch (error) {
      // Stopped on purpose: a bad line or a failed request.
      if (error instanceof Stop || error instanceof SendFailed) return { interrupted: signal.aborted };
      if (signal.aborted && ((error as Error)?.name === 'AbortError' || error instanceof CancelledError)) return { interrupted: true };
      return { fatal: error, interrupted: signal.aborted };
    } finally {
      linger.stop();
      plain?.stop();
    }
    return { interrupted: signal.aborted };
  }

  /** Hands a record to the sender: paced by --rate, waiting while the batch is full (back-pressure on the input). */
  private async enqueue(record: ProduceRecord, size: number): Promise<void> {
    const { sender, limiter } = this;
    if (limiter) {
      const wait = limiter.delayFor(this.queued);
      if (wait > 0) {
        sender.flushNow();
        await sleep(wait, this.signal);
        if (this.signal.aborted) throw new CancelledError();
      }
    }
    this.queued++;
    if (!sender.fits(size)) await sender.flush();
    if (sender.add(record, size)) await sender.flush();
  }

  /** -H headers, then the line's own. */
  private withHeaders(lineHeaders: Headers | undefined): Headers | undefined {
    const global = this.headers;
    return lineHeaders && lineHeaders.length ? (global ? [...global, ...lineHeaders] : lineHeaders) : global;
  }

  private headerBytesOf(h: Headers | undefined): number {
    return h === undefined ? 0 : h === this.headers ? this.headerBytes : headerBytesOf(h);
  }

  /** --input line with keys, headers, a null marker, an encoding or a rate: each line parsed into a record. */
  private lineHandler(source: Source): LineHandler {
    const { sender, partitions, fixedKey, badLines } = this;
    const topic = this.options.topic!;
    const count = partitions.known(topic)!;
    const parse = makeLineParser(this.options.line, this.keySerde, this.valueSerde);
    const out: ParsedLine = { key: undefined, value: null, headers: undefined };
    return (line, lineNo) => {
      if (sender.error !== undefined) throw new Stop();
      try {
        parse(line, out);
      } catch (error) {
        if (error instanceof LineError) return badLines.report(lineAt(source, lineNo), error.message);
        throw error;
      }
      const key = out.key === undefined ? fixedKey : out.key;
      const headers = this.withHeaders(out.headers);
      const record: ProduceRecord = { topic, partition: partitions.of(topic, key, count), key, value: out.value, headers };
      return this.enqueue(record, (key?.length ?? 0) + (out.value?.length ?? 0) + 16 + this.headerBytesOf(headers));
    };
  }

  /** --input json: one envelope per line (as consume --json prints), its topic and partition kept where they apply. */
  private jsonHandler(source: Source): LineHandler {
    const { sender, partitions, badLines, options } = this;
    return async (line, lineNo) => {
      if (sender.error !== undefined) throw new Stop();
      const where = lineAt(source, lineNo);
      if (line.length === 0 || /^\s*$/.test(line.toString('latin1'))) return;
      let decoded;
      try {
        const json = this.typed ? parseJsonExact(line.toString('utf8')) : JSON.parse(line.toString('utf8'));
        if (this.typed) await this.typed.load(schemaIdsToLoad(json));
        decoded = fromEnvelope(json, this.typed);
      } catch (error) {
        if (error instanceof SyntaxError) return badLines.report(where, `invalid JSON: ${error.message}`);
        if (error instanceof UsageError) return badLines.report(where, error.message);
        throw error;
      }
      const topic = options.topic ?? decoded.topic;
      if (topic === undefined) return badLines.report(where, 'no "topic" in the record and no TOPIC on the command line');
      const count = partitions.known(topic) ?? (await this.countOfRecordTopic(topic, where));
      if (count === undefined) return;
      let partition: number;
      const keep =
        decoded.partition !== undefined &&
        options.partition === undefined &&
        (options.topic === undefined || options.keepPartitions || decoded.topic === options.topic);
      if (keep) {
        if (decoded.partition! >= count)
          return badLines.report(where, `"partition": ${decoded.partition} is out of range: topic ${topic} has ${count} partitions`);
        partition = decoded.partition!;
      } else partition = partitions.of(topic, decoded.key, count);
      const headers = this.withHeaders(decoded.headers.length ? decoded.headers : undefined);
      const record: ProduceRecord = { topic, partition, key: decoded.key, value: decoded.value, headers };
      if (decoded.timestamp !== undefined) record.timestamp = decoded.timestamp;
      return this.enqueue(record, (decoded.key?.length ?? 0) + (decoded.value?.length ?? 0) + 24 + this.headerBytesOf(headers));
    };
  }

  /** The partition count of a topic a record names; undefined when the record was a bad line (skipped). */
  private async countOfRecordTopic(topic: string, where: string): Promise<number | undefined> {
    try {
      return await this.partitions.count(topic);
    } catch (error) {
      // A record's own topic (missing, refused) is a bad line; an unreachable cluster or Ctrl-C is not.
      const perRecord = error instanceof KtoolError && error.exitCode !== ExitCode.connection && error.exitCode !== ExitCode.interrupted;
      if (perRecord && this.options.topic === undefined) {
        this.badLines.report(where, error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** --input whole: the source is one record. */
  private async whole(source: Source, stream: AsyncIterable<Buffer | string>): Promise<void> {
    const data = await readWhole(stream);
    const topic = this.options.topic!;
    const { fixedKey } = this;
    let value: Buffer | null = data;
    if (this.options.line.nullMarker !== undefined && data.equals(Buffer.from(this.options.line.nullMarker, 'utf8'))) value = null;
    else if (this.valueSerde.name !== 'text') {
      try {
        value = this.valueSerde.encode(data.toString('utf8'));
      } catch (error) {
        this.badLines.report(source.name, (error as Error).message);
        return;
      }
    }
    const record: ProduceRecord = {
      topic,
      partition: this.partitions.of(topic, fixedKey, this.partitions.known(topic)!),
      key: fixedKey,
      value,
      headers: this.headers,
    };
    await this.enqueue(record, (value?.length ?? 0) + (fixedKey?.length ?? 0) + 16 + this.headerBytes);
  }

  /** Parsed lines: a partial batch goes after --linger-ms without more input (plain lines have their own). */
  private lingerTimer(): { afterChunk: () => void; stop: () => void } {
    const { sender } = this;
    const { lingerMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    return {
      afterChunk: () => {
        if (sender.pendingCount === 0 || timer) return;
        if (lingerMs === 0) sender.flushNow();
        else
          timer = setTimeout(() => {
            timer = undefined;
            sender.flushNow();
          }, lingerMs);
      },
      stop: () => {
        if (timer) clearTimeout(timer);
      },
    };
  }
}
