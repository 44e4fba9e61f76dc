import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FD_CHUNK_BYTES, fdChunks } from '../../src/commands/produce/fd-chunks.js';

function fileWith(data: Buffer): number {
  const path = join(mkdtempSync(join(tmpdir(), 'fdc-')), 'data');
  writeFileSync(path, data);
  return openSync(path, 'r');
}

describe('fdChunks', () => {
  const data = Buffer.alloc(FD_CHUNK_BYTES * 2 + 123, 'abc');

  it('reads a file to its end in 1 MiB chunks, each its own buffer unless reuse', async () => {
    for (const reuse of [false, true]) {
      const fd = fileWith(data);
      const seen: Buffer[] = [];
      const copies: Buffer[] = [];
      for await (const chunk of fdChunks(fd, { reuse, signal: new AbortController().signal })) {
        seen.push(chunk);
        copies.push(Buffer.from(chunk));
      }
      closeSync(fd);
      expect(copies.map((c) => c.length)).toEqual([FD_CHUNK_BYTES, FD_CHUNK_BYTES, 123]);
      expect(Buffer.concat(copies).equals(data)).toBe(true);
      expect(seen[0].buffer === seen[1].buffer).toBe(reuse);
    }
  });

  it('stops with an AbortError once the signal aborts', async () => {
    const fd = fileWith(data);
    const controller = new AbortController();
    let chunks = 0;
    await expect(async () => {
      for await (const _ of fdChunks(fd, { reuse: true, signal: controller.signal })) {
        chunks++;
        controller.abort();
      }
    }).rejects.toMatchObject({ name: 'AbortError' });
    closeSync(fd);
    expect(chunks).toBe(1);
  });
});
