import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { uniqueName } from './cli.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an installed ktool (an npm install, the standalone executable) with exactly `env`. */
export function runInstalled(file: string, args: string[], env: Record<string, string>, stdin = ''): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(stdin);
  });
}

/**
 * topics create, topics list, produce (lz4: the client's bundled WebAssembly; CRC-32C without the
 * optional native package) and consume back, against a real broker; deletes its topic.
 */
export async function expectRoundTrip(run: (args: string[], stdin?: string) => Promise<RunResult>, bootstrap: string): Promise<void> {
  const topic = uniqueName('installed');
  const created = await run(['topics', 'create', topic, '-p', '2', '-b', bootstrap]);
  expect(created.code, created.stderr).toBe(0);
  try {
    const listed = await run(['topics', 'list', '-b', bootstrap]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${topic}\\s`, 'm'));
    const lines = ['one', 'two', 'three', 'ünïcödé'];
    const produced = await run(
      ['produce', topic, '-b', bootstrap, '--compression', 'lz4', '-K', ':'],
      lines.map((v, i) => `k${i}:${v}\n`).join(''),
    );
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stderr).toMatch(/4 records sent/);
    const consumed = await run(['consume', topic, '-b', bootstrap, '-e', '-f', '%k=%v\n']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean).sort()).toEqual(lines.map((v, i) => `k${i}=${v}`).sort());
  } finally {
    await run(['topics', 'delete', topic, '--yes', '-b', bootstrap]);
  }
}
