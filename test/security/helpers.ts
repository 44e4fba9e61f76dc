import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun, type CliRunOptions } from '../helpers/cli.js';

/** The SASL cluster's SASL_PLAINTEXT listener (admin/admin-secret, alice/alice-secret; authorizer on). */
export const saslBootstrap = () => process.env.KTOOL_TEST_SASL_BOOTSTRAP!;
/** The same cluster's PLAINTEXT listener: principal User:ANONYMOUS, a super user there (broker-config.ts). */
export const plaintextBootstrap = () => process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP!;
export const haveSaslCluster = () => Boolean(process.env.KTOOL_TEST_SASL_BOOTSTRAP && process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP);

const dir = mkdtempSync(join(tmpdir(), 'ktool-security-'));
let files = 0;

/** A kafka-*.sh client properties file logging in as `user` over the SASL listener. */
export function clientConfig(mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512', user: string, password: string): string {
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  const file = join(dir, `client-${files++}.properties`);
  writeFileSync(
    file,
    `bootstrap.servers=${saslBootstrap()}\nsecurity.protocol=SASL_PLAINTEXT\n` +
      `sasl.mechanism=${mechanism}\n` +
      `sasl.jaas.config=${module} required username="${user}" password="${password}";\n`,
  );
  return file;
}

/** ktool as the cluster's super user (ANONYMOUS on the PLAINTEXT listener). */
export function asAdmin(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return runCli(argv, { ...options, env: { KTOOL_BROKERS: plaintextBootstrap(), ...options.env } });
}

let aliceFile: string | undefined;
/** ktool as alice (SASL PLAIN), who has no ACLs unless a test grants them. */
export function asAlice(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  aliceFile ??= clientConfig('PLAIN', 'alice', 'alice-secret');
  return runCli([...argv, '--command-config', aliceFile], { ...options, env: { KTOOL_BROKERS: undefined, ...options.env } });
}

/** A one-line error (plus an optional hint line), no stack trace, with this exit code. */
export function expectOneLineError(r: CliRun, code: number, message: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code, stderr: expect.stringMatching(message) });
  expect(r.stderr).toMatch(/^error: [^\n]+\n(hint: [^\n]+\n)?$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Refused by the authorizer: exit 4 and an `error: ...AUTHORIZATION_FAILED` line (produce adds its summary line first). */
export function expectDenied(r: CliRun): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({
    code: 4,
    stderr: expect.stringMatching(/^error: [^\n]*_AUTHORIZATION_FAILED[^\n]*\n(hint: [^\n]+\n)?$/m),
  });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
}

export function json<T>(r: CliRun): T {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}
