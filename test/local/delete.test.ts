import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap, scratchCache } from './fake-cluster.js';

const s = scratchCache('local-delete');
const cli = s.cli;
const config = s.config;
afterAll(() => s.dispose());
beforeEach(() => s.reset());

describe('ktool local delete', () => {
  it('a stopped cluster: asks on a terminal, needs --yes otherwise; removes its data and the profiles start saved', async () => {
    const dr = await s.cluster('dr', { sasl: true });
    const dir = join(s.clusters, 'dr');
    await cli(['profile', 'add', 'dr', '-b', bootstrap(dr), '--use']);
    await cli(['profile', 'add', 'dr-sasl', '-b', bootstrap(dr, 'sasl')]);
    await cli(['profile', 'add', 'mirror-target', '-b', bootstrap(dr)]);
    await cli(['profile', 'add', 'prod', '-b', 'kafka:9092']);

    const noTty = await cli(['local', 'delete', 'dr']);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/not a terminal/);
    expect(noTty.stderr).toMatch(/--yes/);
    const no = await cli(['local', 'delete', 'dr'], { tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(
      new RegExp(
        `${dir.replace(/[.]/g, '\\.')}\\n.*Delete local cluster dr with all its topics and data, and its profiles dr, dr-sasl\\? \\[y/N\\]`,
      ),
    );
    expect(existsSync(dir)).toBe(true);

    const yes = await cli(['local', 'delete', 'dr'], { tty: true, stdin: 'y\n' });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toBe('Deleted local cluster dr; removed profiles dr, dr-sasl\n');
    expect(yes.stderr).toMatch(/warning: profile mirror-target still points at the deleted cluster dr/);
    expect(existsSync(dir)).toBe(false);
    const profiles = readFileSync(config, 'utf8');
    expect(profiles).not.toMatch(/^ {2}dr(-sasl)?:/m);
    expect(profiles).toMatch(/^ {2}mirror-target:/m);
    expect(profiles).toMatch(/^ {2}prod:/m);
    expect(profiles).not.toMatch(/current-profile: dr/);
    expect(JSON.parse((await cli(['local', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('a profile named like the cluster but pointing elsewhere is kept; --json', async () => {
    await s.cluster('dr');
    await cli(['profile', 'add', 'dr', '-b', 'other:9092']);
    const r = await cli(['local', 'delete', 'dr', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: 'dr', dir: join(s.clusters, 'dr'), stoppedNodes: [], removedProfiles: [] });
    expect(readFileSync(config, 'utf8')).toMatch(/^ {2}dr:/m);
  });

  it('a running cluster is refused unless --stop, which stops it first', async () => {
    const busy = await s.cluster('busy');
    const broker = await s.broker(busy);
    const refused = await cli(['local', 'delete', 'busy', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: local cluster "busy" is running (1 node(s) up): its data is in use\n' +
        'hint: stop it first (ktool local stop --name busy) or pass --stop\n',
    );
    expect(existsSync(join(s.clusters, 'busy'))).toBe(true);
    const exited = new Promise((r) => broker.once('exit', r));
    const stopped = await cli(['local', 'delete', 'busy', '--stop', '--yes', '--json']);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ name: 'busy', stoppedNodes: [1] });
    await exited;
    expect(existsSync(join(s.clusters, 'busy'))).toBe(false);
  });

  it('a pid saved before a reboot that now belongs to another process: neither refused nor signalled', async () => {
    // The pid of this test process: were it taken for the broker, --stop would kill the test.
    await s.cluster('stale', { pid: process.pid });
    const r = await cli(['local', 'delete', 'stale', '--stop', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stoppedNodes: [] });
  });

  it('unknown name: exit 3; no name or a path: usage errors', async () => {
    const missing = await cli(['local', 'delete', 'nope', '--yes']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no local cluster named "nope"\nhint: `ktool local list` shows them/);
    expect((await cli(['local', 'delete'])).code).toBe(2);
    const path = await cli(['local', 'delete', '../../etc', '--yes']);
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/invalid cluster name/);
  });
});
