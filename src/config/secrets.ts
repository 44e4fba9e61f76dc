import { UsageError } from '../errors.js';
import type { SecretSource } from './connection.js';

/** Turns a secret reference into its value at connect time. Errors never include the value. */
export async function resolveSecret(
  source: SecretSource | undefined,
  env: Record<string, string | undefined>,
  what: string,
): Promise<string | undefined> {
  if (!source) return undefined;
  if ('value' in source) return source.value;
  if ('env' in source) {
    const value = env[source.env];
    if (value === undefined) throw new UsageError(`${what}: environment variable ${source.env} is not set`);
    return value;
  }
  // Loaded here, not at the top: this module is on every connecting command's path, a command secret is rare.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', source.command], { env: env as NodeJS.ProcessEnv, timeout: 30_000 }, (error, stdout) => {
      if (error)
        reject(new UsageError(`${what}: command \`${source.command}\` failed (exit ${(error as { code?: unknown }).code ?? '?'})`));
      else resolve(stdout.replace(/\r?\n$/, ''));
    });
  });
}

/** How a secret is shown: its source, never its value. */
export function describeSecret(source: SecretSource | undefined): string | undefined {
  if (!source) return undefined;
  if ('value' in source) return '<redacted>';
  if ('env' in source) return `<from env ${source.env}>`;
  return `<from command>`;
}
