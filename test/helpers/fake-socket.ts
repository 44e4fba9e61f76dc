import { Writer, type Connection, type Reader } from '@platformatic/kafka';
import { EventEmitter } from 'node:events';

/**
 * A client socket that records writes: a corked run of writes is one group, as one writev would
 * send it (the produce pipeline and produce-socket tests check what went out, and in which writes).
 */
export class FakeSocket extends EventEmitter {
  groups: Buffer[][] = [];
  /** The error the socket was destroyed with, if it was. */
  destroyedWith: Error | undefined;
  private corked = false;

  /** strict: destroying the socket is a test failure (throws), for tests where nothing may go wrong on it. */
  constructor(private readonly strict = false) {
    super();
  }

  write(chunk: Buffer): boolean {
    if (this.corked) this.groups[this.groups.length - 1].push(chunk);
    else this.groups.push([chunk]);
    return true;
  }

  cork() {
    this.corked = true;
    this.groups.push([]);
  }

  uncork() {
    this.corked = false;
  }

  destroy(error: Error) {
    if (this.strict) throw error;
    this.destroyedWith = error;
  }
}

export type Parser = (correlationId: number, apiKey: number, apiVersion: number, reader: Reader) => unknown;
export type SendCallback = (error: Error | null, response?: unknown) => void;

/**
 * A Connection over `socket` whose send() frames each request as the library does (size, API key,
 * version, correlation id 1, client id) and writes it; `onRequest` gets the corked groups that
 * request wrote (the frame first), its parser and its callback, to answer when the test wants.
 */
export function fakeConnection(
  socket: FakeSocket,
  onRequest: (groups: Buffer[][], parser: Parser, callback: SendCallback) => void,
): Connection {
  return {
    socket,
    send: (
      apiKey: number,
      apiVersion: number,
      createPayload: () => Writer,
      parser: Parser,
      _a: boolean,
      _b: boolean,
      callback: SendCallback,
    ) => {
      const before = socket.groups.length;
      const frame = Writer.create().appendInt16(apiKey).appendInt16(apiVersion).appendInt32(1).appendString('ktool', false);
      socket.write(frame.appendFrom(createPayload()).prependLength().buffer);
      onRequest(socket.groups.slice(before), parser, callback);
    },
  } as unknown as Connection;
}
