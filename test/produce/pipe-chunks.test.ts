import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { constants, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pipeChunks } from '../../src/commands/produce/pipe-chunks.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A FIFO open for reading (non-blocking open: no writer yet) and a child process writing `script`'s output into it. */
function fifoFrom(script: string): number {
  const path = join(mkdtempSync(join(tmpdir(), 'pipec-')), 'fifo');
  execFileSync('mkfifo', [path]);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const child = spawn(process.execPath, ['-e', script, path], { stdio: 'ignore' });
  children.push(child);
  return fd;
}

describe('pipeChunks', () => {
  it('reads a pipe to its end, in order, every chunk the same buffer (the pipe is paused while the consumer holds one)', async () => {
    // 3 MB in writes of 100,000 bytes, each byte its position mod 251.
    const total = 3_000_000;
    const fd = fifoFrom(
      `const fs = require('fs'); const out = fs.openSync(process.argv[1], 'w'); const b = Buffer.alloc(100000);
       for (let at = 0; at < ${total}; at += b.length) { for (let i = 0; i < b.length; i++) b[i] = (at + i) % 251; fs.writeSync(out, b); }`,
    );
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of pipeChunks(fd, new AbortController().signal, 64 << 10)) {
      buffers.add(chunk.buffer);
      copies.push(Buffer.from(chunk));
      // The consumer is slow: the writer must wait, not have its bytes read over this chunk.
      if (copies.length % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const data = Buffer.concat(copies);
    expect(data.length).toBe(total);
    let wrong = -1;
    for (let i = 0; i < data.length && wrong === -1; i++) if (data[i] !== i % 251) wrong = i;
    expect(wrong).toBe(-1);
    expect(buffers.size).toBe(1);
    expect(copies.length).toBeGreaterThan(1);
  });

  it('stops with an AbortError once the signal aborts, while the writer is idle (no thread held)', async () => {
    const fd = fifoFrom(
      `const fs = require('fs'); const out = fs.openSync(process.argv[1], 'w'); fs.writeSync(out, 'a\\n'); setTimeout(() => {}, 60000);`,
    );
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const chunk of pipeChunks(fd, controller.signal)) {
        seen.push(chunk.toString());
        // Aborted while the next chunk is awaited.
        setTimeout(() => controller.abort(), 50);
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['a\n']);
  });
});
