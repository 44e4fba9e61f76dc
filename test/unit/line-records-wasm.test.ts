/**
 * The WebAssembly loop of LineRecordsBuilder.appendLines (src/kafka/line-records-wasm.ts) against
 * the JavaScript one it replaces: the same bytes, record counts, timestamps, batch ends and
 * returned positions, also where the input does not fit its windows (lines across and longer than
 * the 1 MiB input window, records that fill its 2 MiB output, keys too long for it).
 */
import { describe, expect, it } from 'vitest';
import { IN_CAP, lineEncoder, OUT_CAP } from '../../src/kafka/line-records-wasm.js';
import { LineRecordsBuilder } from '../../src/kafka/line-records-builder.js';
import { seededRandom } from '../helpers/seeded-random.js';

const TS = 1_800_000_000_000;
type Headers = [Buffer, Buffer | null][] | undefined;

/** Every batch both builders make of text (chunked at the given ends), compared as they are taken. */
function expectSameBatches(
  text: Buffer,
  chunkEnds: number[],
  limit: number,
  key: Buffer | null = null,
  headers: Headers = undefined,
): number {
  expect(lineEncoder()).not.toBeNull(); // made now: input of any size goes to it
  const wasm = new LineRecordsBuilder(key, headers, 1024);
  const js = new LineRecordsBuilder(key, headers, 1024, true);
  const [a, b] = [{ full: false }, { full: false }];
  let [sa, sb] = [0, 0];
  let batches = 0;
  const compare = () => {
    const [x, y] = [wasm.take(), js.take()];
    expect(x.count).toBe(y.count);
    expect(x.body.equals(y.body), `batch ${batches}`).toBe(true);
    expect([x.firstTimestamp, x.maxTimestamp]).toEqual([y.firstTimestamp, y.maxTimestamp]);
    batches++;
  };
  for (const [i, end] of chunkEnds.entries()) {
    for (;;) {
      sa = wasm.appendLines(text, sa, end, TS + i, limit, a);
      sb = js.appendLines(text, sb, end, TS + i, limit, b);
      expect([sa, a.full, wasm.count, wasm.bytes]).toEqual([sb, b.full, js.count, js.bytes]);
      if (!a.full) break;
      compare();
    }
  }
  if (js.count > 0) compare();
  return batches;
}

const lines = (...parts: string[]) => Buffer.from(parts.join('\n') + '\n');

describe('LineRecordsBuilder, WebAssembly against JavaScript', () => {
  it('has the encoder on this Node', () => {
    expect(lineEncoder()).not.toBeNull();
  });

  it('random lines, "\\r\\n", keys, headers, limits, chunk ends and timestamps', () => {
    const random = seededRandom(848);
    const pick = (n: number) => Math.floor(random() * n);
    for (let run = 0; run < 400; run++) {
      const text = Buffer.from(
        Array.from({ length: pick(60) }, () => 'v'.repeat(pick(4) === 0 ? pick(400) : pick(30)) + (pick(5) === 0 ? '\r' : '')).join(
          pick(8) === 0 ? '\r\n' : '\n',
        ) + (pick(2) ? '\n' : ''),
      );
      const ends = [...Array.from({ length: pick(4) }, () => pick(text.length + 1)).sort((x, y) => x - y), text.length];
      const key = pick(2) ? Buffer.from('k'.repeat(pick(300))) : null;
      const headers: Headers = pick(2)
        ? [[Buffer.from('h'.repeat(pick(5))), pick(2) ? Buffer.from('v'.repeat(pick(200))) : null]]
        : undefined;
      expectSameBatches(text, ends, 1 + pick(2000), key, headers);
    }
  });

  it('lines across the input window, and lines longer than it', () => {
    const long = 'L'.repeat(IN_CAP + 1000);
    const text = lines('a'.repeat(IN_CAP - 3), 'bb', long, 'c', 'x'.repeat(IN_CAP), 'd\r');
    expect(expectSameBatches(text, [text.length], 1_000_000)).toBeGreaterThan(3);
    expectSameBatches(text, [IN_CAP, IN_CAP + 10, 3 * IN_CAP, text.length], 16 << 20);
  });

  it('tiny lines whose records outgrow the output window, under a large limit', () => {
    const text = Buffer.from('a\n'.repeat(IN_CAP));
    expect(text.length).toBeGreaterThan(OUT_CAP / 2);
    expect(expectSameBatches(text, [text.length], 64 << 20)).toBe(1);
    expectSameBatches(text, [text.length], 1_000_000);
  });

  it('a key and headers too long for the encoder: the JavaScript loop', () => {
    expectSameBatches(lines('one', 'two', 'three'), [18], 100, Buffer.alloc(70_000, 'k'), [[Buffer.from('h'), Buffer.from('v')]]);
  });

  it('builders in turn (the encoder is shared): each keeps its own key', () => {
    const text = lines('x', 'y', 'z');
    const [p, q] = [new LineRecordsBuilder(Buffer.from('p'), undefined, 64), new LineRecordsBuilder(Buffer.from('qq'), undefined, 64)];
    const [rp, rq] = [
      new LineRecordsBuilder(Buffer.from('p'), undefined, 64, true),
      new LineRecordsBuilder(Buffer.from('qq'), undefined, 64, true),
    ];
    const out = { full: false };
    for (const b of [p, q, p, rp, rq, rp]) b.appendLines(text, 0, text.length, TS, 1000, out);
    expect(p.take().body.equals(rp.take().body)).toBe(true);
    expect(q.take().body.equals(rq.take().body)).toBe(true);
  });
});
