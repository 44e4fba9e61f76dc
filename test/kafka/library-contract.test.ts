/**
 * What ktool's two runtime patches of @platformatic/kafka assume of the installed library. When an
 * upgrade breaks one of these, this file fails in seconds with the assumption named, instead of a
 * broker test failing in some roundabout way (or, worse, records going astray).
 * - produce-socket.ts: a Connection writes each request as ONE socket.write() of the whole frame,
 *   in the order of its send() calls.
 * - group-fetch.ts: the consumer's MessagesStream fetches through the public consumer.fetch(),
 *   skips control batches and fetches next from after the LAST batch of a partition's response.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Connection, Writer } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('the installed client library, as produce-socket.ts assumes it', () => {
  let server: Server;
  const peers: Socket[] = [];
  beforeAll(async () => {
    // Accepts and never answers: only what the client writes matters here.
    server = createServer((s) => peers.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    for (const s of peers) s.destroy();
    server.close();
  });

  it('writes each request as one socket.write() of the whole frame, in send() order', async () => {
    const connection = new Connection('ktool-contract');
    await connection.connect('127.0.0.1', (server.address() as AddressInfo).port);
    try {
      const writes: Buffer[] = [];
      const socket = connection.socket;
      const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
      (socket as unknown as { write: typeof write }).write = (chunk: unknown, ...rest: unknown[]) => {
        writes.push(Buffer.from(chunk as Uint8Array));
        return write(chunk, ...rest);
      };
      const payloads = [Buffer.alloc(10, 1), Buffer.alloc(70_000, 2), Buffer.alloc(3, 3)];
      payloads.forEach((payload, i) => {
        // API key 18 (ApiVersions) with versions 0,1,2 tells the frames apart; no answer is awaited.
        connection.send(18, i, () => Writer.create().append(payload), (() => undefined) as never, false, false, () => {});
      });
      const deadline = Date.now() + 5_000;
      while (writes.length < payloads.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(writes.length, 'one socket.write() per request (produce-socket.ts appends its batches to that write)').toBe(payloads.length);
      writes.forEach((frame, i) => {
        expect(frame.readInt32BE(0), 'the write holds the whole frame, size prefix included').toBe(frame.length - 4);
        expect(frame.readInt16BE(4)).toBe(18);
        expect(frame.readInt16BE(6), 'frames are written in send() order').toBe(i);
        expect(frame.subarray(frame.length - payloads[i].length).equals(payloads[i]), 'the frame ends with the payload').toBe(true);
      });
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
});

describe('the installed client library, as group-fetch.ts assumes it', () => {
  const source = readFileSync(new URL('../../node_modules/@platformatic/kafka/dist/clients/consumer/messages-stream.js', import.meta.url), 'utf8');

  it('MessagesStream fetches through the public consumer.fetch()', () => {
    expect(source, 'group-fetch.ts wraps consumer.fetch to take the records').toMatch(/this\.#consumer\.fetch\(\{/);
  });

  it('MessagesStream fetches next from after the last batch of a partition, control batches included', () => {
    expect(source).toMatch(/batch === recordsBatches\[recordsBatches\.length - 1\][\s\S]{0,200}batch\.firstOffset \+ BigInt\(batch\.lastOffsetDelta\)[\s\S]{0,80}#offsetsToFetch\.set\(key, lastOffset \+ 1n\)/);
    expect(source, 'a control batch delivers nothing (group-fetch.ts hands the stream one empty control batch)').toMatch(/if \(batch\.attributes & IS_CONTROL\)/);
  });
});

describe('murmur2 of our own (src/kafka/partitioner.ts) is the client library\'s', () => {
  it('agrees on keys of every length and byte', async () => {
    const { murmur2: library } = await import('@platformatic/kafka');
    const { murmur2 } = await import('../../src/kafka/partitioner.js');
    for (let length = 0; length < 64; length++) {
      for (const seed of [0, 1, 7, 255]) {
        const key = Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed * 17 + length) & 0xff));
        expect(murmur2(key), `key ${key.toString('hex')}`).toBe(library(key));
      }
    }
    expect(murmur2(Buffer.from('user-1'))).toBe(library(Buffer.from('user-1')));
  });
});
