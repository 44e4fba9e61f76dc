import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

describe('bin/ktool end to end', () => {
  it('--help documents commands and exit codes on stdout, exit 0', async () => {
    const r = await spawnKtool(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: ktool/);
    expect(r.stdout).toMatch(/Exit codes:\n\s+0\s+success/);
    expect(r.stdout).toMatch(/4\s+connection, authentication or TLS failure/);
    expect(r.stderr).toBe('');
  });

  it('unknown commands and flags exit 2 with a hint on stderr', async () => {
    const r = await spawnKtool(['topcs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'topcs'/);
    expect(r.stderr).toMatch(/Did you mean topics\?/);
    expect(r.stdout).toBe('');
  });

  it('topics list --json pipes into jq', async () => {
    const name = uniqueName('e2e');
    expect((await spawnKtool(['topics', 'create', name, '-p', '2'])).code).toBe(0);
    try {
      const r = await spawnKtool([], { shell: `"$KTOOL" topics list --json | jq -r '.[] | select(.name == "${name}") | .partitions'` });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('2\n');
    } finally {
      await spawnKtool(['topics', 'delete', name, '--yes']);
    }
  });

  it('topics describe | head exits cleanly on a closed pipe', async () => {
    const r = await spawnKtool([], { shell: `"$KTOOL" topics describe | head -1; echo "status=\${PIPESTATUS:-$?}"` });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('an unreachable broker fails within the timeout with one line and exit 4', async () => {
    const r = await spawnKtool(['topics', 'list', '-b', '127.0.0.1:1', '--timeout', '3s']);
    expect(r.code).toBe(4);
    expect(r.stderr.split('\n')[0]).toBe('error: cannot connect to 127.0.0.1:1: connection refused');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(8_000);
  });

  describe('a broker that accepts connections but never answers', () => {
    let server: Server;
    let port = 0;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      server = createServer((s) => sockets.push(s));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => {
      sockets.forEach((s) => s.destroy());
      server.close();
    });

    it('gives up after --timeout with exit 4', async () => {
      const r = await spawnKtool(['topics', 'list', '-b', `127.0.0.1:${port}`, '--timeout', '2s']);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(new RegExp(`127.0.0.1:${port}`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.ms).toBeLessThan(3_500);
    });

    it('in first place of several bootstrap brokers: the next one answers and the command succeeds (exit 0, not 4)', async () => {
      const r = await spawnKtool(['topics', 'list', '-b', `127.0.0.1:${port},${process.env.KTOOL_TEST_BOOTSTRAP}`, '--timeout', '10s']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  });

  it('--debug adds the stack trace', async () => {
    const r = await spawnKtool(['topics', 'list', '-b', '127.0.0.1:1', '--timeout', '2s', '--debug']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('a missing topic exits 3; bad usage exits 2; --version prints the version', async () => {
    expect((await spawnKtool(['topics', 'describe', uniqueName('missing')])).code).toBe(3);
    expect((await spawnKtool(['topics', 'create', 'x', '-p', 'lots'])).code).toBe(2);
    const v = await spawnKtool(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
