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
