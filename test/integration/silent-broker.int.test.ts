import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

/**
 * Every command honours --timeout against a broker that accepts TCP and never answers (a wrong
 * port, another protocol, a hung broker): exit 4 within the timeout plus a margin, one error line
 * naming the broker (and a hint), no stack trace. Each command family, run as bin/ktool.
 */
const TIMEOUT_S = 3;
/**
 * A correctness bound, not a speed test: less than two timeouts, so a command that waits out --timeout
 * twice (groups list asked again after its first question timed out) fails, and so did ~80 s for produce
 * and forever for consume -g; a loaded CI machine's start-up of 34 processes fits in the other 3 s.
 */
const BOUND_MS = 2 * TIMEOUT_S * 1000;

let server: Server;
let silent = '';
const sockets: Socket[] = [];
const real = () => process.env.KTOOL_TEST_BOOTSTRAP!;

const topic = uniqueName('silent');
/** On the test broker: the source of the mirror to a silent target. */
const source = uniqueName('silent-source');

beforeAll(async () => {
  server = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  silent = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect((await runCli(['topics', 'create', source])).code).toBe(0);
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  server.close();
  await runCli(['topics', 'delete', source, '--yes', '--if-exists']);
});
const group = uniqueName('silent-group');

/** [name, argv without the bootstrap, stdin]; each gets `-b SILENT --timeout TIMEOUT_S`. */
const commands: [string, string[], string?][] = [
  ['topics list', ['topics', 'list']],
  ['topics describe', ['topics', 'describe', topic]],
  ['topics create', ['topics', 'create', topic, '-p', '3']],
  ['topics alter', ['topics', 'alter', topic, '--partitions', '6']],
  ['topics delete', ['topics', 'delete', topic, '--yes']],
  ['produce (stdin lines)', ['produce', topic], 'one\ntwo\nthree\n'],
  ['produce --input json (topic per record)', ['produce', '--input', 'json'], `{"topic":"${topic}","value":"v"}\n`],
  ['produce --transactional-id', ['produce', topic, '--transactional-id', uniqueName('silent-tx')], 'one\n'],
  ['consume', ['consume', topic]],
  ['consume -e', ['consume', topic, '-o', 'start', '-e']],
  ['consume -g', ['consume', topic, '-g', group]],
  ['consume -g -e', ['consume', topic, '-g', group, '-e']],
  ['groups list', ['groups', 'list']],
  ['groups describe', ['groups', 'describe', group]],
  ['groups delete', ['groups', 'delete', group, '--yes']],
  ['groups reset-offsets', ['groups', 'reset-offsets', group, '--topic', topic, '--to-earliest']],
  ['groups delete-offsets', ['groups', 'delete-offsets', group, '--topic', topic, '--yes']],
  ['lag', ['lag']],
  ['lag GROUP', ['lag', group]],
  ['configs describe', ['configs', 'describe', '--topic', topic]],
  ['configs alter', ['configs', 'alter', '--topic', topic, '--add-config', 'retention.ms=60000']],
  ['offsets', ['offsets', topic]],
  ['delete-records', ['delete-records', `${topic}:0`, '--before', '1', '--yes']],
  ['acls list', ['acls', 'list']],
  ['acls create', ['acls', 'create', '--allow-principal', 'User:silent', '--operation', 'Read', '--topic', topic]],
  ['users list', ['users', 'list']],
  ['users delete', ['users', 'delete', 'silent-user', '--yes']],
  ['cluster info', ['cluster', 'info']],
  ['cluster health', ['cluster', 'health']],
  ['cluster log-dirs', ['cluster', 'log-dirs']],
  ['cluster api-versions', ['cluster', 'api-versions']],
];

function expectNoAnswer(r: { code: number | null; stderr: string; ms: number }, broker: string) {
  const lines = r.stderr.trimEnd().split('\n');
  expect({ code: r.code, first: lines[0] }).toEqual({ code: 4, first: `error: no answer from ${broker} within ${TIMEOUT_S}s (--timeout)` });
  // One error line, then at most its hint; no stack trace.
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1] !== undefined) expect(lines[1]).toMatch(/^hint: .*--timeout/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.ms).toBeLessThan(BOUND_MS);
}

describe('a broker that accepts connections and never answers: exit 4 within --timeout', () => {
  it.concurrent.each(commands)('%s', async (_name, argv, stdin) => {
    const r = await spawnKtool([...argv, '-b', silent, '--timeout', `${TIMEOUT_S}s`], { stdin, timeoutMs: 30_000 });
    expect(r.stdout).toBe('');
    expectNoAnswer(r, silent);
  });

  it.concurrent('KTOOL_BROKERS (no profile, no -b)', async () => {
    const r = await spawnKtool(['topics', 'list', '--timeout', `${TIMEOUT_S}s`], { env: { KTOOL_BROKERS: silent } });
    expectNoAnswer(r, silent);
  });

  it.concurrent('a profile that names the broker (KTOOL_TIMEOUT instead of --timeout)', async () => {
    const env = { KTOOL_CONFIG: join(mkdtempSync(join(tmpdir(), 'ktool-silent-')), 'config.yaml'), KTOOL_BROKERS: undefined };
    expect((await spawnKtool(['profile', 'add', 'silent', '-b', silent, '--use'], { env })).code).toBe(0);
    const r = await spawnKtool(['produce', topic], { env: { ...env, KTOOL_TIMEOUT: `${TIMEOUT_S}s` }, stdin: 'one\n' });
    expectNoAnswer(r, silent);
  });

  it.concurrent('mirror from a silent source to the test broker, and from the test broker to a silent target', async () => {
    const from = await spawnKtool([
      'mirror',
      '--from-bootstrap',
      silent,
      '--to-bootstrap',
      real(),
      '--topics',
      source,
      '--timeout',
      `${TIMEOUT_S}s`,
    ]);
    expectNoAnswer(from, silent);
    const to = await spawnKtool([
      'mirror',
      '--from-bootstrap',
      real(),
      '--to-bootstrap',
      silent,
      '--topics',
      source,
      '--timeout',
      `${TIMEOUT_S}s`,
    ]);
    expectNoAnswer(to, silent);
    const verify = await spawnKtool([
      'mirror',
      'verify',
      '--from-bootstrap',
      real(),
      '--to-bootstrap',
      silent,
      '--topics',
      source,
      '--timeout',
      `${TIMEOUT_S}s`,
    ]);
    expectNoAnswer(verify, silent);
  });
});
