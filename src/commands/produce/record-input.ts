/**
 * Input handling: sources -> records for the Sender. Each input mode has its handler (plain lines,
 * parsed lines, JSON envelopes, a whole file); a bad line goes to the --on-error policy. Reading
 * stops at the end of the input, on Ctrl-C/SIGTERM (the signal) or on the first error. Records
 * other than plain lines are encoded into their partition's batch as they are read (record-batches.ts).
 */
import { CancelledError, UsageError } from '../../errors.js';
import type { HeaderSpans, ProducerApi } from '../../kafka/producer-types.js';
import { serdeFor, type Serde } from '../../serde/serde.js';
import { sleep } from '../../util/sleep.js';
import { Stop, type BadLines } from './bad-lines.js';
import { addHeaders, EnvelopeLines, headerSpanBytes, type Enqueue } from './envelope-lines.js';
import { LineError, makeLineParser, type ParsedLine } from './line-parser.js';
import type { ProduceOptions } from './options.js';
import type { Partitions } from './partitions.js';
import { PlainLines, SendFailed } from './plain-lines.js';
import { RateLimiter } from './rate.js';
import { forEachLine, lineAt, readWhole, type Source } from './readers.js';
import { RecordBatches } from './record-batches.js';
import type { Sender } from './sender.js';
import type { TypedSides } from './typed-sides.js';

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

export class RecordInput {
  /** The fast path for plain lines (plain-lines.ts), when nothing is parsed from them. */
  readonly plain: PlainLines | undefined;
  /** Every other record: encoded into its partition's batch as it is read. */
  readonly batches: RecordBatches | undefined;
  private readonly keySerde: Serde;
  private readonly valueSerde: Serde;
  private readonly fixedKey: Buffer | null;
  /** -H, on every record. */
  private readonly headers: [Buffer, Buffer | null][] | undefined;
  /** The headers of the record being read: -H's (the first globalCount), then its own. */
  private readonly spans: HeaderSpans = { count: 0, bufs: [], starts: [], ends: [] };
  private readonly globalCount: number;
  private readonly limiter: RateLimiter | undefined;
  /** Records handed to the sender so far (--rate paces by it). */
  private queued = 0;

  constructor(
    private readonly options: ProduceOptions,
    producer: Pick<ProducerApi, 'lineRecords' | 'recordsBuilder'>,
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
    if (this.headers) addHeaders(this.spans, this.headers);
    this.globalCount = this.spans.count;
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
    this.batches = plainLines ? undefined : new RecordBatches(producer, sender, options.batchBytes, options.lingerMs, partitions.next);
  }

  /** Reads every source in turn, handing records to the sender, until the end, the signal or an error. */
  async read(sources: Source[]): Promise<ReadOutcome> {
    const { signal, plain, batches } = this;
    const afterChunk = () => batches!.afterChunk();
    try {
      for (const source of sources) {
        if (signal.aborted) break;
        // Lines are copied into their batch before the next chunk is read: the input buffer can be reused.
        const stream = source.open(signal, this.options.input !== 'whole');
        if (this.options.input === 'whole') await this.whole(source, stream);
        else if (plain) await plain.read(stream);
        else await forEachLine(stream, this.options.input === 'json' ? this.jsonHandler(source) : this.lineHandler(source), afterChunk);
      }
    } catch (error) {
      // Stopped on purpose: a bad line or a failed request.
      if (error instanceof Stop || error instanceof SendFailed) return { interrupted: signal.aborted };
      if (signal.aborted && ((error as Error)?.name === 'AbortError' || error instanceof CancelledError)) return { interrupted: true };
      return { fatal: error, interrupted: signal.aborted };
    } finally {
      batches?.stop();
      plain?.stop();
    }
    return { interrupted: signal.aborted };
  }

  /**
   * Hands a record (key and value as byte ranges; a null buffer: null) to its batch, with this.spans
   * as its headers: paced by --rate, waiting while the batch is full (back-pressure on the input).
   * A promise only when it has to wait.
   */
  private readonly enqueue: Enqueue = (topic, partition, timestamp, key, keyStart, keyEnd, value, valueStart, valueEnd, size) => {
    const batches = this.batches!;
    const add = () => {
      if (batches.add(topic, partition, timestamp, key, keyStart, keyEnd, value, valueStart, valueEnd, this.spans, size))
        return batches.flush();
    };
    const place = () => (batches.fits(size) ? add() : batches.flush().then(add));
    return this.limiter ? this.paced().then(place) : place();
  };

  /** --rate: waits until the next record may go (what was read meanwhile is sent). */
  private async paced(): Promise<void> {
    const wait = this.limiter!.delayFor(this.queued++);
    if (wait <= 0) return;
    void this.batches!.flush();
    await sleep(wait, this.signal);
    if (this.signal.aborted) throw new CancelledError();
  }

  /** --input line with keys, headers, a null marker, an encoding or a rate: each line parsed into a record. */
  private lineHandler(source: Source): LineHandler {
    const { sender, partitions, fixedKey, badLines, spans, globalCount } = this;
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
      const { value } = out;
      spans.count = globalCount;
      if (out.headers) addHeaders(spans, out.headers);
      const size = (key?.length ?? 0) + (value?.length ?? 0) + 16 + headerSpanBytes(spans);
      const partition = partitions.of(topic, key, count);
      return this.enqueue(topic, partition, undefined, key, 0, key?.length ?? 0, value, 0, value?.length ?? 0, size);
    };
  }

  /** --input json: one envelope per line (envelope-lines.ts). */
  private jsonHandler(source: Source): LineHandler {
    const { sender, options } = this;
    const envelopes = new EnvelopeLines({
      topic: options.topic,
      partition: options.partition,
      keepPartitions: options.keepPartitions,
      partitions: this.partitions,
      badLines: this.badLines,
      typed: this.typed,
      spans: this.spans,
      globalCount: this.globalCount,
      enqueue: this.enqueue,
    });
    return (line, lineNo) => {
      if (sender.error !== undefined) throw new Stop();
      return envelopes.line(line, source, lineNo);
    };
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
    const partition = this.partitions.of(topic, fixedKey, this.partitions.known(topic)!);
    this.spans.count = this.globalCount;
    const size = (value?.length ?? 0) + (fixedKey?.length ?? 0) + 16 + headerSpanBytes(this.spans);
    this.batches!.now = Date.now();
    await this.enqueue(topic, partition, undefined, fixedKey, 0, fixedKey?.length ?? 0, value, 0, value?.length ?? 0, size);
  }
}
