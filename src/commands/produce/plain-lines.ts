import type { LineEncoder } from '../../kafka/line-encoder.js';
import type { EncodedRecords, LineRecords, ProducerApi } from '../../kafka/producer-types.js';
import { LingeredSends } from './lingered-sends.js';
import type { Sender } from './sender.js';

const NL = 0x0a;
const CR = 0x0d;
const NEWLINE = Buffer.from('\n');
/**
 * Input read on the main thread before the rest is encoded on a worker thread (when the producer
 * offers one): a small or slow input never starts it, a bulk one gains a core from ~4 MB on.
 */
export const WORKER_AFTER_BYTES = 4 << 20;
/** Batches from the worker not handed to the sender yet, past which reading waits. */
const WORKER_BACKLOG = 2;

/**
 * Appends the lines of src[start, end) ("\n" ends a line, a "\r" before it is cut), each one
 * record, while the batch holds fewer than `limit` bytes: a line that would take a batch with
 * records past `limit` is left for the next batch (out.full becomes true), and so is what follows
 * a line that filled it. Returns where the lines not taken start: a line without its "\n" yet (the
 * caller keeps it for the next chunk) or, when full, the next line. One call per chunk: the
 * input's hot loop, with no callback per line.
 */
export function appendLines(
  records: LineRecords,
  src: Buffer,
  start: number,
  end: number,
  timestamp: number,
  limit: number,
  out: { full: boolean },
): number {
  out.full = false;
  let nl = src.indexOf(NL, start);
  while (nl !== -1 && nl < end) {
    const stop = nl > start && src[nl - 1] === CR ? nl - 1 : nl;
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
    nl = src.indexOf(NL, start);
  }
  return start;
}

/** Thrown from the reading when an earlier request failed: nothing more is read. */
export class SendFailed extends Error {}

/**
 * The fast path for plain lines (no key or header parsing, text values, no null marker, no rate):
 * each line is copied from the input chunk straight into the record batch, with no Buffer or
 * record object per line. A batch goes out when it holds --batch-size bytes, after --linger-ms,
 * and at the end; its partition is chosen then (sticky for keyless records, as Java does).
 */
export class PlainLines extends LingeredSends {
  private readonly records: LineRecords;
  private now = Date.now();
  /** Whether appendLines() stopped at --batch-size. */
  private readonly cut = { full: false };
  /** Bytes read so far on the main thread. */
  private readBytes = 0;
  /** The worker's encoder, once started; chunks go to it once it runs (`encoding`). */
  private encoder: LineEncoder | undefined;
  private workerReady = false;
  /** Chunks go to the worker (from the chunk after the one where it was found running) until the end of reading. */
  private encoding = false;
  /** Batches from the worker not handed to the sender yet. */
  private backlog = 0;

  constructor(
    private readonly producer: Pick<ProducerApi, 'lineRecords'> & Partial<Pick<ProducerApi, 'lineEncoder'>>,
    sender: Sender,
    private readonly topic: string,
    private readonly key: Buffer | null,
    private readonly headers: [Buffer, Buffer | null][] | undefined,
    private readonly batchBytes: number,
    lingerMs: number,
    /** The partition for the next batch; also moves the sticky partition on. */
    private readonly nextPartition: () => number,
    /** Bytes read before the worker starts (tests start it at once). */
    private readonly workerAfterBytes = WORKER_AFTER_BYTES,
  ) {
    super(sender, lingerMs);
    this.records = producer.lineRecords(key, headers, batchBytes + (64 << 10));
  }

  /**
   * Every line of the chunks, each one record; a last line without "\n" counts, a trailing "\r"
   * is cut (as Java's readLine). Chunks may be one buffer read into again: what is kept of one (a
   * line not ended yet) is copied. Returns once every line was appended or handed to the sender.
   */
  async read(chunks: AsyncIterable<Buffer | string>): Promise<void> {
    let carry: Buffer | undefined;
    for await (const raw of chunks) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      if (this.encoding) {
        await this.toWorker(chunk);
        continue;
      }
      let start = 0;
      if (carry) {
        const nl = chunk.indexOf(NL);
        if (nl === -1) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        const line = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
        carry = undefined;
        await this.lines(line, 0, line.length);
        start = nl + 1;
      }
      start = await this.lines(chunk, start, chunk.length);
      // A copy: the next chunk may be read into the same buffer.
      if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
      this.afterChunk();
      this.readBytes += chunk.length;
      if (this.readBytes >= this.workerAfterBytes) carry = await this.switchToWorker(carry);
    }
    if (this.encoding) return this.encoder!.eof();
    if (carry && carry.length > 0) {
      // The last line, without its "\n": given one, so that it is taken as a line.
      const line = Buffer.concat([carry, NEWLINE]);
      await this.lines(line, 0, line.length);
    }
  }

  /**
   * Starts the worker (once) and, when it runs, hands it the rest: what was read here goes out
   * first, then the unended line. Returns the line still kept here (the worker is not running yet).
   */
  private async switchToWorker(carry: Buffer | undefined): Promise<Buffer | undefined> {
    const { producer } = this;
    if (!producer.lineEncoder) return carry;
    if (!this.encoder) {
      const encoder = producer.lineEncoder(this.key, this.headers, this.batchBytes, this.lingerMs, (records) => this.fromWorker(records));
      this.encoder = encoder;
      void encoder.ready.then(() => (this.workerReady = this.encoder === encoder));
      // The worker's start overlaps the reading here, but for a test that asks for it from the first byte.
      if (this.workerAfterBytes === 0) await this.encoder.ready;
    }
    if (!this.workerReady) return carry;
    this.encoding = true;
    void this.flush();
    if (carry) await this.toWorker(carry);
    return undefined;
  }

  /** A chunk for the worker; waits while it is behind or its batches wait for the sender (back-pressure on the input). */
  private async toWorker(chunk: Buffer): Promise<void> {
    if (this.sender.error !== undefined) throw new SendFailed();
    await this.encoder!.write(chunk);
    while (this.backlog > WORKER_BACKLOG) await this.queued();
  }

  private fromWorker(records: EncodedRecords): void {
    this.backlog++;
    void this.enqueue(() => {
      this.backlog--;
      return this.sender.sendEncoded(this.topic, this.nextPartition(), records);
    });
  }

  /**
   * The end of reading (the input's, Ctrl-C's, a failure's): every line given to the worker is in a
   * send queued after the ones before, and the worker stops.
   */
  private async endWorker(): Promise<void> {
    const { encoder, encoding } = this;
    if (!encoder) return;
    this.encoder = undefined;
    this.encoding = false;
    try {
      // A worker that never got a chunk (it started too late, or failed to) has nothing to give back.
      if (encoding) await encoder.end();
    } finally {
      await encoder.close();
    }
  }

  /**
   * Appends the lines of buf[start, end), sending each batch that reaches --batch-size (a line that
   * would take a batch past it goes into the next one: a batch over the broker's message.max.bytes,
   * 1 MiB by default, would be refused and split). Returns where the part without "\n" starts.
   */
  private async lines(buf: Buffer, start: number, end: number): Promise<number> {
    for (;;) {
      // A failed request stops the run: nothing after it is read. (It can only be learnt between awaits.)
      if (this.sender.error !== undefined) throw new SendFailed();
      start = appendLines(this.records, buf, start, end, this.now, this.batchBytes, this.cut);
      if (!this.cut.full) return start;
      await this.flush();
    }
  }

  private afterChunk(): void {
    this.now = Date.now();
    this.arm();
  }

  protected pending(): number {
    return this.records.count;
  }

  protected take(): () => Promise<void> {
    const partition = this.nextPartition();
    const records = this.records.take();
    return () => this.sender.sendEncoded(this.topic, partition, records);
  }

  /** Sends everything read, the worker's batches included; resolves once all of it is with the sender. */
  async finish(): Promise<void> {
    await this.endWorker();
    await this.flush();
  }

  /** After a failure: what was read and not sent; counts it as failed. */
  async discard(): Promise<void> {
    this.stop();
    this.sender.counts.failed += this.records.take().count;
    // The worker's batches go to a sender that failed: it counts them as failed.
    await this.endWorker().catch(() => undefined);
    await this.queued();
  }
}
