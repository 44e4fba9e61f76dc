/**
 * Plain lines encoded on a worker thread (line-encoder.ts): the same records and batch boundaries
 * as the main thread's LineRecordsBuilder, wherever the chunks cut the input; and PlainLines handing
 * its input over to the worker mid-run without losing, repeating or reordering a line.
 */
import { describe, expect, it } from 'vitest';
import { PlainLines } from '../../src/commands/produce/plain-lines.js';
import { Sender } from '../../src/commands/produce/sender.js';
import { startLineEncoder } from '../../src/kafka/line-encoder.js';
import type { EncodedRecords } from '../../src/kafka/producer-types.js';
import { LineRecordsBuilder } from '../../src/kafka/record-batch-encode.js';

const KEY = Buffer.from('key-1');
const HEADERS: [Buffer, Buffer | null][] = [
  [Buffer.from('h'), Buffer.from('v')],
  [Buffer.from('n'), null],
];
const lines = ['alpha', '', 'beta gamma\r', 'x'.repeat(300), '\r', 'delta', 'é€ unicode', 'y'.repeat(40), 'last line no newline\r'];
const sample = Buffer.from(lines.join('\n'));
/** Java's readLine: a "\r" before "\n" is cut, and so at the end of a last line without "\n". */
const values = lines.map((l) => l.replace(/\r$/, ''));

/** The batches the main thread makes (one timestamp for all: deltas 0). */
function mainThreadBatches(limit: number, key: Buffer | null, headers: typeof HEADERS | undefined): string[] {
  const out: string[] = [];
  const builder = new LineRecordsBuilder(key, headers, limit);
  for (const v of values) {
    const bytes = Buffer.from(v);
    if (builder.count > 0 && builder.bytes + bytes.length > limit) out.push(builder.take().body.toString('hex'));
    builder.append(bytes, 0, bytes.length, 0);
    if (builder.bytes >= limit) out.push(builder.take().body.toString('hex'));
  }
  if (builder.count > 0) out.push(builder.take().body.toString('hex'));
  return out;
}

function zigzagVarint(buf: Buffer, pos: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  return [v % 2 === 0 ? v / 2 : -(v + 1) / 2, pos];
}

/** The values of a batch's records (keys and headers skipped). */
function valuesOf(body: Buffer): string[] {
  const out: string[] = [];
  for (let pos = 0; pos < body.length;) {
    const [length, start] = zigzagVarint(body, pos);
    let p = start + 1; // attributes
    [, p] = zigzagVarint(body, p); // timestamp delta
    [, p] = zigzagVarint(body, p); // offset delta
    const [keyLength, afterKey] = zigzagVarint(body, p);
    p = afterKey + Math.max(0, keyLength);
    const [valueLength, afterValue] = zigzagVarint(body, p);
    out.push(body.toString('utf8', afterValue, afterValue + valueLength));
    pos = start + length;
  }
  return out;
}

async function encodeInWorker(parts: Buffer[], limit: number, key: Buffer | null, headers: typeof HEADERS | undefined) {
  const batches: EncodedRecords[] = [];
  const encoder = startLineEncoder(key, headers, limit, 60_000, (r) => batches.push(r));
  await encoder.ready;
  for (const part of parts) await encoder.write(part);
  encoder.eof();
  await encoder.end();
  await encoder.close();
  return batches;
}

describe('the line encoder worker', () => {
  it('makes the main thread batches byte for byte (keys, headers, any limit) from one chunk', async () => {
    for (const limit of [1, 20, 150, 400, 10_000])
      for (const [key, headers] of [
        [null, undefined],
        [KEY, HEADERS],
      ] as const) {
        const got = await encodeInWorker([sample], limit, key, headers as typeof HEADERS | undefined);
        expect(
          got.map((b) => b.body.toString('hex')),
          `limit ${limit}`,
        ).toEqual(mainThreadBatches(limit, key, headers as typeof HEADERS | undefined));
        expect(got.every((b) => b.headroom!.length === b.body.length + 61)).toBe(true);
      }
  });

  it('the same records and boundaries wherever the chunks cut the input (inside "\\r\\n" too)', async () => {
    const want = mainThreadBatches(150, null, undefined).map((hex) => valuesOf(Buffer.from(hex, 'hex')));
    for (let cut = 0; cut <= sample.length; cut += 17) {
      const second = Math.min(sample.length, cut + 5);
      const parts = [sample.subarray(0, cut), sample.subarray(cut, second), sample.subarray(second)].filter((p) => p.length > 0);
      const got = await encodeInWorker(parts, 150, null, undefined);
      expect(
        got.map((b) => valuesOf(b.body)),
        `cut ${cut}/${second}`,
      ).toEqual(want);
    }
  });

  it('batches given back after their acknowledgement: the later ones are whole', async () => {
    const batches: EncodedRecords[] = [];
    const seen: string[][] = [];
    const encoder = startLineEncoder(null, undefined, 10, 60_000, (r) => (batches.push(r), seen.push(valuesOf(r.body))));
    await encoder.ready;
    await encoder.write(Buffer.from('0123456789\n'));
    await encoder.write(Buffer.from('abcdefghij\n'));
    await encoder.end();
    batches[0].release!();
    await encoder.write(Buffer.from('klmnopqrst\n'));
    await encoder.end();
    await encoder.close();
    expect(seen).toEqual([['0123456789'], ['abcdefghij'], ['klmnopqrst']]);
    // Given back (transferred): the main thread's view of it is gone.
    expect(batches[0].headroom!.length).toBe(0);
  });
});

/** A PlainLines with the worker encoder, from its first chunk on. */
function plainLines(limit: number, failAt?: number) {
  const sent: string[][] = [];
  const producer = {
    lineRecords: (key: Buffer | null, headers: undefined, capacity: number) => new LineRecordsBuilder(key, headers, capacity),
    lineEncoder: startLineEncoder,
    send: async () => undefined,
    sendEncoded: async (_topic: string, _partition: number, records: EncodedRecords) => {
      if (sent.length === failAt) throw new Error('refused');
      sent.push(valuesOf(records.body));
    },
  };
  const sender = new Sender(producer, limit, 5);
  const plain = new PlainLines(producer, sender, 't', null, undefined, limit, 60_000, () => 0, 0);
  return { plain, sent, sender };
}

async function* chunksOf(parts: Buffer[]): AsyncGenerator<Buffer> {
  // One buffer read into again, as a file's input is.
  const shared = Buffer.alloc(Math.max(1, ...parts.map((p) => p.length)));
  for (const p of parts) {
    shared.fill(0);
    p.copy(shared);
    yield shared.subarray(0, p.length);
  }
}

describe('PlainLines with the worker', () => {
  const many = Array.from({ length: 5_000 }, (_, i) => `line ${i} ${'v'.repeat(i % 50)}`);
  const text = Buffer.from(many.join('\r\n') + '\n' + 'tail without newline');
  const parts = Array.from({ length: Math.ceil(text.length / 1_000) }, (_, i) => text.subarray(i * 1_000, (i + 1) * 1_000));

  it('every line once and in order, the first chunk encoded here and the rest in the worker', async () => {
    const { plain, sent, sender } = plainLines(4_096);
    await plain.read(chunksOf(parts));
    await plain.finish();
    await sender.drain();
    expect(sent.flat()).toEqual([...many, 'tail without newline']);
    expect(sender.counts).toMatchObject({ sent: many.length + 1, failed: 0 });
    // More than the first chunk's batch: the worker made the rest.
    expect(sent.length).toBeGreaterThan(10);
  });

  it("several inputs in turn (files): each one's last line counts, every line once and in order", async () => {
    const { plain, sent, sender } = plainLines(4_096);
    const second = Array.from({ length: 3_000 }, (_, i) => `second ${i}`);
    await plain.read(chunksOf(parts));
    await plain.read(chunksOf([Buffer.from(second.join('\n'))]));
    await plain.finish();
    await sender.drain();
    expect(sent.flat()).toEqual([...many, 'tail without newline', ...second]);
  });

  it('after a refused send, reading stops and what was read and not sent counts as failed', async () => {
    const { plain, sent, sender } = plainLines(4_096, 3);
    await expect(plain.read(chunksOf(parts))).rejects.toThrow();
    await plain.discard();
    await sender.drain();
    expect(sender.counts.sent).toBe(sent.flat().length);
    expect(sender.counts.failed).toBeGreaterThan(0);
  });
});
