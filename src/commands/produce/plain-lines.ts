import type { LineRecords, ProducerApi } from '../../kafka/producer-types.js';
import { LingeredSends } from './lingered-sends.js';
import type { Sender } from './sender.js';

const NL = 0x0a;
const NEWLINE = Buffer.from('\n');

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
  /** Whether records.appendLines() stopped at --batch-size. */
  private readonly cut = { full: false };

  constructor(
    private readonly producer: Pick<ProducerApi, 'lineRecords' | 'batchLimit'>,
    sender: Sender,
    private readonly topic: string,
    key: Buffer | null,
    headers: [Buffer, Buffer | null][] | undefined,
    private readonly batchBytes: number,
    lingerMs: number,
    /** The partition for the next batch; also moves the sticky partition on. */
    private readonly nextPartition: () => number,
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
    }
    if (carry && carry.length > 0) {
      // The last line, without its "\n": given one, so that it is taken as a line.
      const line = Buffer.concat([carry, NEWLINE]);
      await this.lines(line, 0, line.length);
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
      // Under what the topic was found to take (a topic whose max.message.bytes is below --batch-size).
      const limit = Math.min(this.batchBytes, this.producer.batchLimit?.(this.topic) ?? Infinity);
      start = this.records.appendLines(buf, start, end, this.now, limit, this.cut);
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

  /** After a failure: what was read and not sent; counts it as failed. */
  discard(): void {
    this.stop();
    this.sender.counts.failed += this.records.take().count;
  }
}
