/**
 * Produce requests sent on the client's connection without the client's copy of them. The client
 * frames a request by concatenating its header with the payload (a Buffer.concat: 100 MB copied,
 * into as much fresh memory, for a million 100-byte records). Here the client gets only the
 * request's fields up to the first record batch; the batches wait in a queue kept for the
 * connection's socket and are written right behind that frame (corked: one writev), whose size
 * prefix is grown by their length.
 *
 * This relies on two properties of the client (its version is pinned in package.json; every
 * produce test goes through here): a connection writes its requests in the order of its send()
 * calls, and writes each as one socket.write() of the whole frame. A Produce frame that does not
 * end with the expected fields means the queue is out of step: the socket is destroyed (the request
 * fails and is retried on a new connection) rather than anything wrong sent.
 */
import type { Socket } from 'node:net';
import { Writer, type Connection } from '@platformatic/kafka';
import { parseProduceResponse, PRODUCE_API, PRODUCE_VERSION, type ProduceRequestParts, type ProduceResponse } from './produce-request.js';

const queues = new WeakMap<Socket, ProduceRequestParts[]>();

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

function isProduceFrame(chunk: unknown): chunk is Buffer {
  return Buffer.isBuffer(chunk) && chunk.length >= 8 && chunk.readInt16BE(4) === PRODUCE_API && chunk.readInt16BE(6) === PRODUCE_VERSION;
}

function queueFor(socket: Socket): ProduceRequestParts[] {
  const existing = queues.get(socket);
  if (existing) return existing;
  const queue: ProduceRequestParts[] = [];
  queues.set(socket, queue);
  const write = socket.write as Write;
  (socket as { write: Write }).write = function (this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
    if (queue.length === 0 || !isProduceFrame(chunk)) return write.call(this, chunk, ...rest);
    const next = queue.shift()!;
    if (chunk.length < next.head.length || !chunk.subarray(chunk.length - next.head.length).equals(next.head)) {
      this.destroy(new Error('produce requests out of step with their record batches'));
      return false;
    }
    chunk.writeInt32BE(chunk.readInt32BE(0) + next.tailBytes, 0);
    this.cork();
    let ok = write.call(this, chunk);
    for (let i = 0; i < next.tail.length; i++)
      ok = i === next.tail.length - 1 ? write.call(this, next.tail[i], ...rest) : write.call(this, next.tail[i]);
    this.uncork();
    return ok;
  };
  return queue;
}

/**
 * Sends one Produce request on the connection; callback gets the request's error (the connection
 * lost, a timeout) or the response, whose partitions each carry their own error code
 * (partitionError). Several may be in flight on one connection: the client writes them in the order
 * of these calls, which is the order of the queue. With noResponse (acks=0) the callback comes once
 * the request is written (no response), and the socket may still hold the batches: do not reuse
 * their buffers.
 */
export function sendProduce(
  connection: Connection,
  parts: ProduceRequestParts,
  noResponse: boolean,
  callback: (error: Error | null, response?: ProduceResponse) => void,
): void {
  const payload = Writer.create().append(parts.head);
  if (noResponse) payload.context.noResponse = true;
  const queue = parts.tail.length > 0 && connection.socket ? queueFor(connection.socket) : undefined;
  queue?.push(parts);
  connection.send(
    PRODUCE_API,
    PRODUCE_VERSION,
    () => payload,
    parseProduceResponse,
    false,
    false,
    (error, response) => {
      // A request that failed before it was written never will be (its connection is gone): its batches leave the queue.
      const waiting = error && queue ? queue.indexOf(parts) : -1;
      if (waiting !== -1) queue!.splice(waiting, 1);
      // With noResponse the callback gets no response (or the connection's placeholder): only an object is an answer.
      callback(error, error || typeof response !== 'object' || response === null ? undefined : response);
    },
  );
}
