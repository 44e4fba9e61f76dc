import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testEnv } from './cli.js';

export const KTOOL_BIN = fileURLToPath(new URL('../../bin/ktool', import.meta.url));

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Tier 3: runs the real bin/ktool (the built bundle) as a user would. */
export function spawnKtool(
  args: string[],
  options: { env?: Record<string, string | undefined>; stdin?: string | Buffer; timeoutMs?: number; shell?: string } = {},
): Promise<SpawnResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env = { ...testEnv(), ...options.env } as NodeJS.ProcessEnv;
    const child = options.shell
      ? spawn('/bin/sh', ['-c', options.shell], { env: { ...env, KTOOL: KTOOL_BIN } })
      : spawn(KTOOL_BIN, args, { env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** bin/ktool's stdout, for set-up steps (local clusters); rejects with its stderr when it fails. */
export function ktoolOutput(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(KTOOL_BIN, args, { env, timeout: timeoutMs, maxBuffer: 8 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`ktool ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
