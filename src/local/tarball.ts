import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const DEFAULT_DIST_URL = 'https://archive.apache.org/dist/kafka';

/**
 * Reads a .sha512 file as Apache publishes it (`name: 1A2B 3C4D ...` in spaced, wrapped upper-case
 * groups) or as sha512sum writes it (`hex  name`). Returns lower-case hex.
 */
export function parseSha512File(text: string): string {
  const body =
    text.includes(':') && !/^[0-9a-fA-F]{128}\s/.test(text.trim()) ? text.slice(text.indexOf(':') + 1) : text.trim().split(/\s+/)[0];
  const hex = body.replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(hex)) throw new Error('unreadable .sha512 file');
  return hex;
}

/** Downloads kafka_2.13-VERSION.tgz, checks its SHA-512, and moves its libs/ to `dest`. */
export async function fetchTarball(o: { version: string; dest: string; baseUrl?: string }): Promise<void> {
  const name = `kafka_2.13-${o.version}`;
  const url = `${(o.baseUrl ?? DEFAULT_DIST_URL).replace(/\/$/, '')}/${o.version}/${name}.tgz`;
  const work = await mkdtemp(join(tmpdir(), 'ktool-dist-'));
  try {
    const expected = parseSha512File(await (await get(`${url}.sha512`)).text());
    const archive = join(work, `${name}.tgz`);
    const hash = createHash('sha512');
    const response = await get(url);
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, createWriteStream(archive));
    const actual = hash.digest('hex');
    if (actual !== expected)
      throw new Error(`checksum mismatch for ${url}: expected sha512 ${expected.slice(0, 16)}..., got ${actual.slice(0, 16)}...`);
    await new Promise<void>((resolve, reject) =>
      execFile('tar', ['-xzf', archive, '-C', work], (error) =>
        error ? reject(new Error(`cannot unpack ${name}.tgz: ${error.message}`)) : resolve(),
      ),
    );
    const libs = join(work, name, 'libs');
    if (!(await readdir(libs)).some((f) => f.startsWith('kafka_2.13-'))) throw new Error(`${name}.tgz has no libs/kafka_2.13-*.jar`);
    await mkdir(dirname(o.dest), { recursive: true });
    await rm(o.dest, { recursive: true, force: true });
    await rename(libs, o.dest);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
  } catch (error) {
    throw new Error(
      `cannot reach ${new URL(url).host}: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`,
    );
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
