import { Writer, type Connection } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { produceRequest } from '../../src/kafka/produce-request.js';
import { sendProduce } from '../../src/kafka/produce-socket.js';
import { FakeSocket } from '../helpers/fake-socket.js';

/** Frames requests as the client's Connection does: one Buffer, one socket.write(). */
function fakeConnection(socket: FakeSocket, drop: (n: number) => Error | 'silently' | undefined = () => undefined) {
  let correlationId = 0;
  return {
    socket,
    send(
      apiKey: number,
      apiVersion: number,
      createPayload: () => Writer,
      _parser: unknown,
      _a: boolean,
      _b: boolean,
      callback: (e: Error | null) => void,
    ) {
      const n = ++correlationId;
      const dropped = drop(n);
      if (dropped === 'silently') return;
      if (dropped) return callback(dropped);
      const frame = Writer.create()
        .appendInt16(apiKey)
        .appendInt16(apiVersion)
        .appendInt32(n)
        .appendString('ktool', false)
        .appendFrom(createPayload())
        .prependLength();
      socket.write(frame.buffer);
      callback(null);
    },
  } as unknown as Connection;
}

const batch = (partition: number, size: number) => ({ topic: 'orders', partition, bytes: Buffer.alloc(size, partition + 1) });

/** What the client would have written had it been given the whole request. */
function expectedFrame(correlationId: number, parts: ReturnType<typeof produceRequest>): Buffer {
  const body = Buffer.concat([parts.head, ...parts.tail]);
  return Writer.create().appendInt16(0).appendInt16(8).appendInt32(correlationId).appendString('ktool', false).append(body).prependLength()
    .buffer;
}

describe('produce requests on the client socket without the copy', () => {
  it('each frame goes out whole, batches behind it in one corked write, size prefix covering them', () => {
    const socket = new FakeSocket();
    const connection = fakeConnection(socket);
    const first = produceRequest([batch(0, 1000), batch(2, 300)], -1, 30_000, undefined);
    const second = produceRequest([batch(1, 70_000)], -1, 30_000, 'tx-1');
    const errors: (Error | null)[] = [];
    sendProduce(connection, first, false, (e) => errors.push(e));
    sendProduce(connection, second, false, (e) => errors.push(e));
    expect(errors).toEqual([null, null]);
    expect(socket.destroyedWith).toBeUndefined();
    expect(socket.groups.map((g) => Buffer.concat(g))).toEqual([expectedFrame(1, first), expectedFrame(2, second)]);
    // The batches themselves were written, not copies.
    expect(socket.groups[0][1]).toBe(first.tail[0]);
  });

  it('other requests on the socket pass untouched', () => {
    const socket = new FakeSocket();
    const connection = fakeConnection(socket);
    sendProduce(connection, produceRequest([batch(0, 10)], 1, 1000, undefined), false, () => undefined);
    const metadata = Writer.create().appendInt16(3).appendInt16(12).appendInt32(9).appendString('ktool', false).prependLength().buffer;
    socket.write(metadata);
    expect(socket.groups.at(-1)).toEqual([metadata]);
  });

  it('a request that fails before it is written leaves the queue; the next one gets its own batches', () => {
    const socket = new FakeSocket();
    const connection = fakeConnection(socket, (n) => (n === 1 ? new Error('Connection closed') : undefined));
    const lost = produceRequest([batch(0, 500)], -1, 30_000, undefined);
    const next = produceRequest([batch(1, 600)], -1, 30_000, undefined);
    const errors: (string | null)[] = [];
    sendProduce(connection, lost, false, (e) => errors.push(e?.message ?? null));
    sendProduce(connection, next, false, (e) => errors.push(e?.message ?? null));
    expect(errors).toEqual(['Connection closed', null]);
    expect(socket.groups.map((g) => Buffer.concat(g))).toEqual([expectedFrame(2, next)]);
  });

  it('out of step (a frame that is not the next one queued): the socket is destroyed, nothing wrong sent', () => {
    const socket = new FakeSocket();
    const connection = fakeConnection(socket, (n) => (n === 1 ? 'silently' : undefined));
    sendProduce(connection, produceRequest([batch(0, 500)], -1, 30_000, undefined), false, () => undefined);
    sendProduce(connection, produceRequest([batch(1, 600)], -1, 30_000, undefined), false, () => undefined);
    expect(socket.destroyedWith?.message).toMatch(/out of step/);
    expect(socket.groups).toEqual([]);
  });
});
