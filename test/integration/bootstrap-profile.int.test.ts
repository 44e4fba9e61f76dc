import { mkdtempSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName, type CliRun } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

/**
 * A bootstrap given with -b (or KTOOL_BROKERS) names a cluster: it starts from defaults, so the
 * current profile's SASL settings and credentials do not go to that host. Against the SASL
 * cluster: its SASL listener in the profile, its PLAINTEXT listener on the command line.
 */
const saslBootstrap = () => process.env.KTOOL_TEST_SASL_BOOTSTRAP!;
const plaintextBootstrap = () => process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP!;
const SECRET = 'admin-secret';
const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;

function isolated() {
  const dir = mkdtempSync(join(tmpdir(), 'ktool-bootstrap-profile-'));
  const env = { KTOOL_CONFIG: join(dir, 'config.yaml'), KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined };
  const run = (argv: string[], extra: Record<string, string> = {}, stdin?: string) => runCli(argv, { env: { ...env, ...extra }, stdin });
  return { run };
}

/** A profile on the SASL listener with PLAIN (the password crosses the wire in clear, so a capture would show it), made current. */
async function saslProfile() {
  const p = isolated();
  const add = await p.run([
    'profile',
    'add',
    'sasl',
    '-b',
    saslBootstrap(),
    '--sasl-mechanism',
    'PLAIN',
    '--username',
    'admin',
    '--password',
    SECRET,
    '--use',
  ]);
  expect(add.code).toBe(0);
  return p;
}

function expectNoSecret(...runs: CliRun[]) {
  for (const r of runs) expect(r.stdout + r.stderr).not.toContain(SECRET);
}

/** A TCP relay to `target` that records the API key of every request the client sends, and all its bytes. */
async function recordingProxy(
  target: string,
): Promise<{ address: string; apiKeys: number[]; bytes: () => Buffer; close: () => Promise<void> }> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const chunks: Buffer[] = [];
  const apiKeys: number[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    let pending = Buffer.alloc(0);
    client.on('data', (data: Buffer) => {
      chunks.push(data);
      // Kafka framing: int32 size, then the request header's int16 api key.
      pending = Buffer.concat([pending, data]);
      while (pending.length >= 6 && pending.length >= 4 + pending.readInt32BE(0)) {
        apiKeys.push(pending.readInt16BE(4));
        pending = pending.subarray(4 + pending.readInt32BE(0));
      }
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => client.write(data));
    const end = () => (client.destroy(), upstream.destroy());
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKeys,
    bytes: () => Buffer.concat(chunks),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const topics: string[] = [];
afterAll(async () => {
  if (topics.length)
    await runCli(['topics', 'delete', ...topics, '--yes', '--if-exists', '-b', plaintextBootstrap()], {
      env: { KTOOL_BROKERS: undefined },
    });
});

describe('-b with a current SASL profile (the profile is not used)', needs('KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  it('-b to the PLAINTEXT listener works: create, produce, consume; the password is never printed', async () => {
    const p = await saslProfile();
    const b = plaintextBootstrap();
    const topic = uniqueName('bootstrap-profile');
    topics.push(topic);
    const create = await p.run(['topics', 'create', topic, '-b', b]);
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    const produce = await p.run(['produce', topic, '-b', b], {}, 'one\ntwo\n');
    expect(produce.code).toBe(0);
    const consume = await p.run(['consume', topic, '-o', 'start', '-e', '-b', b]);
    expect(consume.stdout).toBe('one\ntwo\n');
    expect(consume.code).toBe(0);
    // KTOOL_BROKERS names a cluster in the same way.
    const env = await p.run(['topics', 'list', '--json'], { KTOOL_BROKERS: b });
    expect(env.code).toBe(0);
    expect(JSON.parse(env.stdout).map((t: { name: string }) => t.name)).toContain(topic);
    expectNoSecret(create, produce, consume, env);
  });

  it('profile show --resolved says why no profile applies and how to use it', async () => {
    const p = await saslProfile();
    const text = await p.run(['profile', 'show', '--resolved', '-b', plaintextBootstrap()]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(
      'profile: none (a bootstrap given with -b starts from defaults, so the current profile sasl is not ' +
        'used; add --profile sasl to use its settings)',
    );
    expect(text.stdout).toMatch(/^security: none$/m);
    const json = JSON.parse((await p.run(['profile', 'show', '--resolved', '--json', '-b', plaintextBootstrap()])).stdout);
    expect(json).toMatchObject({ profile: null, profileSource: 'none', bootstrapSource: 'flag', security: 'none', sasl: null, tls: null });
    expect(json.profileNote).toMatch(/add --profile sasl/);
    const env = JSON.parse((await p.run(['profile', 'show', '--resolved', '--json'], { KTOOL_BROKERS: plaintextBootstrap() })).stdout);
    expect(env).toMatchObject({ profile: null, bootstrapSource: 'env', sasl: null });
    expect(env.profileNote).toMatch(/^a bootstrap given in KTOOL_BROKERS starts from defaults/);
    // With --profile the profile applies and -b replaces only its brokers.
    const withProfile = JSON.parse(
      (await p.run(['profile', 'show', '--resolved', '--json', '--profile', 'sasl', '-b', plaintextBootstrap()])).stdout,
    );
    expect(withProfile).toMatchObject({
      profile: 'sasl',
      profileSource: 'flag',
      bootstrap: plaintextBootstrap(),
      security: 'profile',
      sasl: { mechanism: 'PLAIN', username: 'admin', password: '<redacted>' },
    });
    expect(withProfile.profileNote).toBeUndefined();
    // --brokers, the hidden alias of -b, is -b (it was ignored: the command went to localhost:9092).
    const alias = JSON.parse((await p.run(['profile', 'show', '--resolved', '--json', '--brokers', plaintextBootstrap()])).stdout);
    expect(alias).toMatchObject({ profile: null, bootstrap: plaintextBootstrap(), bootstrapSource: 'flag', sasl: null });
    expectNoSecret(text);
  });

  it('the credentials are not sent to the -b host; with --profile they are (the capture can see them)', async () => {
    const p = await saslProfile();
    const toPlaintext = await recordingProxy(plaintextBootstrap());
    const toSasl = await recordingProxy(saslBootstrap());
    try {
      const r = await p.run(['topics', 'list', '-b', toPlaintext.address]);
      expect(r.code).toBe(0);
      expect(toPlaintext.apiKeys.length).toBeGreaterThan(0);
      expect(toPlaintext.apiKeys).not.toContain(SASL_HANDSHAKE);
      expect(toPlaintext.apiKeys).not.toContain(SASL_AUTHENTICATE);
      expect(toPlaintext.bytes().includes(Buffer.from(SECRET))).toBe(false);

      // The control: --profile keeps the profile's SASL settings, and PLAIN's password is on the wire.
      const withProfile = await p.run(['topics', 'list', '--profile', 'sasl', '-b', toSasl.address]);
      expect(withProfile.code).toBe(0);
      expect(toSasl.apiKeys).toContain(SASL_HANDSHAKE);
      expect(toSasl.bytes().includes(Buffer.from(SECRET))).toBe(true);
      expectNoSecret(r, withProfile);
    } finally {
      await Promise.all([toPlaintext.close(), toSasl.close()]);
    }
  });
});
