import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeringFirst, splitAddress } from '../../src/kafka/bootstrap-probe.js';

const sockets: Socket[] = [];
const servers: Server[] = [];
/** A listener that accepts and then, when `answer`, replies to whatever arrives; else stays silent (a hung broker). */
async function listener(answer: boolean): Promise<string> {
  const server = createServer((s) => {
    sockets.push(s);
    if (answer) s.on('data', () => s.write(Buffer.alloc(8)));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

let hung: string;
let live: string;
let live2: string;
let refused: string;
beforeAll(async () => {
  [hung, live, live2] = [await listener(false), await listener(true), await listener(true)];
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  refused = `127.0.0.1:${(closed.address() as { port: number }).port}`;
  await new Promise((r) => closed.close(r));
});
afterAll(() => {
  sockets.forEach((s) => s.destroy());
  servers.forEach((s) => s.close());
});

describe('answeringFirst: the bootstrap broker that answers goes first', () => {
  it('a silent broker in first place moves behind the one that answers; the rest keep their order', async () => {
    expect(await answeringFirst([hung, refused, live], 5_000)).toEqual([live, hung, refused]);
  });

  it('one broker: untouched, nothing sent', async () => {
    expect(await answeringFirst([hung], 5_000)).toEqual([hung]);
  });

  it('nobody answering within the wait, or every one refusing: the list as it was', async () => {
    expect(await answeringFirst([hung, refused], 300)).toEqual([hung, refused]);
    expect(await answeringFirst([refused, refused], 5_000)).toEqual([refused, refused]);
  });

  it('all answering: one of them first, none lost', async () => {
    const order = await answeringFirst([live, live2], 5_000);
    expect([...order].sort()).toEqual([live, live2].sort());
  });
});

describe('splitAddress', () => {
  it.each([
    ['broker-1:9093', { host: 'broker-1', port: 9093 }],
    ['broker-1', { host: 'broker-1', port: 9092 }],
    ['[::1]:9094', { host: '::1', port: 9094 }],
    ['[::1]', { host: '::1', port: 9092 }],
  ])('%s', (address, expected) => expect(splitAddress(address)).toEqual(expected));
});
