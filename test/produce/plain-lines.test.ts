/**
 * The plain-lines hot path: LineRecordsBuilder.appendLines (every line of a chunk in one call) and
 * PlainLines.read (chunks -> batches). Compared with the per-line rules they replace: each line is
 * a record appended as append() does, a line that would take a batch with records past the limit
 * starts the next batch, a batch that reached it goes out, "\r\n" and a last line without "\n".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlainLines } from '../../src/commands/produce/plain-lines.js';
import { Sender } from '../../src/commands/produce/sender.js';
import type { EncodedRecords } from '../../src/kafka/producer-types.js';
import { LineRecordsBuilder } from '../../src/kafka/line-records-builder.js';
import { appendEachLine } from '../helpers/append-each-line.js';
import { seededRandom } from '../helpers/seeded-random.js';

const TS = 1_800_000_000_000;
/** appendLines's out: whether it stopped at the limit. */
const cut = { full: false };

/** The lines as Java's readLine gives them: "\n" ends one, a "\r" before it is cut, a last line without "\n" counts. */
function linesOf(text: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let nl = text.indexOf(10); nl !== -1; nl = text.indexOf(10, start)) {
    spans.push([start, nl > start && text[nl - 1] === 13 ? nl - 1 : nl]);
    start = nl + 1;
  }
  if (start < text.length) spans.push([start, text[text.length - 1] === 13 ? text.length - 1 : text.length]);
  return spans;
}

/**
 * The batches the per-line rules make: one append() per line, a new batch before a line that would
 * overflow or after one that filled it.
 */
function expectedBatches(text: Buffer, limit: number, key: Buffer | null = null): string[] {
  const out: string[] = [];
  const builder = new LineRecordsBuilder(key, undefined, limit);
  for (const [start, end] of linesOf(text)) {
    if (builder.count > 0 && builder.bytes + (end - start) > limit) out.push(builder.take().body.toString('hex'));
    builder.append(text, start, end, TS);
    if (builder.bytes >= limit) out.push(builder.take().body.toString('hex'));
  }
  if (builder.count > 0) out.push(builder.take().body.toString('hex'));
  return out;
}

const sample = Buffer.from(
  ['alpha', '', 'beta gamma\r', 'x'.repeat(300), '\r', 'delta', 'é€ unicode', 'y'.repeat(40), 'last line no newline\r'].join('\n'),
);

describe('appendLines', () => {
  it('makes the same records and batch boundaries as one append() per line, for any limit', () => {
    for (const limit of [1, 7, 20, 64, 150, 400, 1000, 10_000]) {
      const builder = new LineRecordsBuilder(null, undefined, limit);
      const text = Buffer.concat([sample, Buffer.from('\n')]);
      const got: string[] = [];
      let start = 0;
      for (;;) {
        start = builder.appendLines(text, start, text.length, TS, limit, cut);
        if (!cut.full) break;
        got.push(builder.take().body.toString('hex'));
      }
      expect(start).toBe(text.length);
      if (builder.count > 0) got.push(builder.take().body.toString('hex'));
      expect(got, `limit ${limit}`).toEqual(expectedBatches(text, limit));
    }
  });

  it('gives the bytes one append() per line gives, on random lines, keys, headers, limits and chunk ends', () => {
    const random = seededRandom(15);
    const pick = (n: number) => Math.floor(random() * n);
    for (let run = 0; run < 300; run++) {
      const lines = Array.from(
        { length: 1 + pick(40) },
        () => 'x'.repeat(pick(3) === 0 ? pick(300) : pick(20)) + (pick(4) === 0 ? '\r' : ''),
      );
      const text = Buffer.from(lines.join('\n') + (pick(2) ? '\n' : ''));
      const limit = 1 + pick(600);
      const key = pick(2) ? Buffer.from('k'.repeat(pick(200))) : null;
      const headers: [Buffer, Buffer | null][] | undefined = pick(2) ? [[Buffer.from('h'), pick(2) ? Buffer.from('v') : null]] : undefined;
      const one = new LineRecordsBuilder(key, headers, 16);
      const each = new LineRecordsBuilder(key, headers, 16);
      const [a, b] = [{ full: false }, { full: false }];
      // The same chunk end for both; past the last "\n" a line is not taken yet.
      const end = pick(3) === 0 ? pick(text.length + 1) : text.length;
      let [sa, sb] = [0, 0];
      for (let round = 0; round < 1000; round++) {
        sa = one.appendLines(text, sa, end, TS + round, limit, a);
        sb = appendEachLine(each, text, sb, end, TS + round, limit, b);
        expect([sa, a.full, one.count]).toEqual([sb, b.full, each.count]);
        const [x, y] = [one.take(), each.take()];
        expect(x.body.equals(y.body), `run ${run}`).toBe(true);
        expect([x.firstTimestamp, x.maxTimestamp]).toEqual([y.firstTimestamp, y.maxTimestamp]);
        if (!a.full) break;
      }
    }
  });

  it('stops at the end given, and before a line without its "\\n"', () => {
    const builder = new LineRecordsBuilder(Buffer.from('k'), [[Buffer.from('h'), Buffer.from('v')]], 1000);
    const text = Buffer.from('one\ntwo\nthr');
    expect(builder.appendLines(text, 0, 5, TS, 1000, cut)).toBe(4); // "t" of two: not a line yet
    expect(builder.count).toBe(1);
    expect(builder.appendLines(text, 4, text.length, TS, 1000, cut)).toBe(8);
    expect([builder.count, cut.full]).toEqual([2, false]);
    const reference = new LineRecordsBuilder(Buffer.from('k'), [[Buffer.from('h'), Buffer.from('v')]], 1000);
    reference.append(text, 0, 3, TS);
    reference.append(text, 4, 7, TS);
    expect(builder.take().body.equals(reference.take().body)).toBe(true);
  });

  it('a line longer than the limit is a batch of its own', () => {
    const builder = new LineRecordsBuilder(null, undefined, 10);
    const text = Buffer.from(`ab\n${'z'.repeat(50)}\ncd\n`);
    expect(builder.appendLines(text, 0, text.length, TS, 10, cut)).toBe(3);
    expect([builder.count, cut.full]).toEqual([1, true]);
    builder.take();
    expect(builder.appendLines(text, 3, text.length, TS, 10, cut)).toBe(54);
    expect([builder.count, cut.full]).toEqual([1, true]);
    expect(builder.take().body.length).toBeGreaterThan(50);
  });
});

/** A PlainLines over a real builder and Sender; the batches are collected, acknowledged at once or when ack() is called. */
function plainLines(limit: number, lingerMs = 0, maxInFlight = 5, autoAck = true, learnt?: () => number | undefined) {
  const sent: EncodedRecords[] = [];
  const acks: (() => void)[] = [];
  const producer = {
    batchLimit: (topic: string) => (topic === 't' ? learnt?.() : undefined),
    lineRecords: (key: Buffer | null, headers: undefined, capacity: number) => new LineRecordsBuilder(key, headers, capacity),
    send: async () => undefined,
    sendEncoded: (_topic: string, _partition: number, records: EncodedRecords) => {
      sent.push(records);
      return autoAck ? Promise.resolve() : new Promise<void>((resolve) => acks.push(resolve));
    },
  };
  const sender = new Sender(producer, limit, maxInFlight);
  const plain = new PlainLines(producer, sender, 't', null, undefined, limit, lingerMs, () => 0);
  return { plain, sent, ack: () => acks.shift()!() };
}

/** Input fed by the test, one chunk at a time (undefined: the end). */
function fedInput() {
  let feed!: (chunk: Buffer | undefined) => void;
  async function* input(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = await new Promise<Buffer | undefined>((resolve) => (feed = resolve));
      if (!chunk) return;
      yield chunk;
    }
  }
  return { input: input(), feed: (text: string | undefined) => feed(text === undefined ? undefined : Buffer.from(text)) };
}

async function* chunksOf(parts: Buffer[], reuse = false): AsyncGenerator<Buffer> {
  // With reuse every chunk is one buffer read into again, as fd input does.
  const shared = Buffer.alloc(Math.max(1, ...parts.map((p) => p.length)));
  for (const p of parts) {
    if (!reuse) yield p;
    else {
      shared.fill(0);
      p.copy(shared);
      yield shared.subarray(0, p.length);
    }
  }
}

describe('PlainLines.read', () => {
  afterEach(() => void vi.useRealTimers());

  it('the same batches wherever the chunks split the input (inside "\\r\\n" too), with the chunk buffer reused or not', async () => {
    vi.useFakeTimers({ now: TS });
    for (const limit of [20, 150, 10_000]) {
      const want = expectedBatches(sample, limit);
      for (let cut = 0; cut <= sample.length; cut += 3) {
        for (const second of [cut, Math.min(sample.length, cut + 5)]) {
          const parts = [sample.subarray(0, cut), sample.subarray(cut, second), sample.subarray(second)].filter((p) => p.length > 0);
          for (const reuse of [false, true]) {
            // (--linger-ms 0 would send what each chunk left: batches as the chunks cut them.)
            const { plain, sent } = plainLines(limit, 60_000);
            await plain.read(chunksOf(parts, reuse));
            await plain.flush();
            expect(
              sent.map((r) => r.body.toString('hex')),
              `limit ${limit} cut ${cut}/${second} reuse ${reuse}`,
            ).toEqual(want);
          }
        }
      }
    }
  });

  it('once the topic refused a batch as too large, batches are cut at what it takes (producer.batchLimit), not --batch-size', async () => {
    vi.useFakeTimers({ now: TS });
    let learnt: number | undefined;
    const { plain, sent } = plainLines(100_000, 60_000, 5, true, () => learnt);
    const line = 'x'.repeat(99) + '\n';
    const { input, feed } = fedInput();
    const reading = plain.read(input);
    await vi.advanceTimersByTimeAsync(0);
    feed(line.repeat(300)); // 30 kB: under --batch-size, held for --linger-ms
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.length).toBe(0);
    learnt = 1_000; // a refusal was answered meanwhile
    feed(line.repeat(30));
    await vi.advanceTimersByTimeAsync(0);
    feed(undefined);
    await reading;
    await plain.flush();
    plain.stop();
    // The batch already over the limit goes out as it is (the pipeline splits it); every later one stays under it.
    expect(sent.slice(1).every((r) => r.body.length <= 1_000)).toBe(true);
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.reduce((n, r) => n + r.count, 0)).toBe(330);
  });

  it('--linger-ms counts from the first records of a batch, not of the batch sent full before it', async () => {
    vi.useFakeTimers({ now: TS });
    const { plain, sent } = plainLines(20, 10_000);
    const { input, feed } = fedInput();
    const reading = plain.read(input);
    const settle = () => vi.advanceTimersByTimeAsync(0);
    await settle();
    feed('aaaa\n'); // a partial batch: its linger starts
    await vi.advanceTimersByTimeAsync(6_000);
    feed('bbbbbbbb\ncc\n'); // fills it (sent full), "cc" starts the next batch
    await settle();
    expect(sent.map((r) => r.count)).toEqual([2]);
    // 10 s after the first batch's records: the old timer must not send "cc" early.
    await vi.advanceTimersByTimeAsync(6_000);
    expect(sent.map((r) => r.count)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(4_100);
    expect(sent.map((r) => r.count)).toEqual([2, 1]);
    feed(undefined);
    await reading;
    plain.stop();
  });

  it('a lingered batch waiting for room among the requests in flight takes the lines read meanwhile (as Java drains a batch)', async () => {
    vi.useFakeTimers({ now: TS });
    const { plain, sent, ack } = plainLines(1000, 5, 1, false);
    const { input, feed } = fedInput();
    const reading = plain.read(input);
    await vi.advanceTimersByTimeAsync(0);
    feed('a\n');
    await vi.advanceTimersByTimeAsync(10); // lingered: goes out, unacknowledged (1 in flight at most)
    expect(sent.map((r) => r.count)).toEqual([1]);
    feed('b\n');
    await vi.advanceTimersByTimeAsync(10); // lingered too, but no room: it waits, still open
    feed('c\nd\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.map((r) => r.count)).toEqual([1]);
    ack();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((r) => r.count)).toEqual([1, 3]);
    ack();
    feed(undefined);
    await reading;
    plain.stop();
    await plain.flush();
    expect(sent.map((r) => r.count)).toEqual([1, 3]);
  });
});
