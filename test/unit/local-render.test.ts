import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, portOpen } from '../../src/local/ports.js';
import type { ClusterState } from '../../src/local/state.js';
import { runCli } from '../helpers/cli.js';

// Tier 2 for `ktool local` without a JVM: clusters are state.json files in a scratch cache, none
// running (pid 0), so list, status, stop, logs and delete only read and remove files.
const root = mkdtempSync(join(tmpdir(), 'ktool-local-render-'));
const empty = { XDG_CACHE_HOME: join(root, 'empty-cache'), KTOOL_CONFIG: join(root, 'empty.yaml'), KTOOL_BROKERS: undefined };
const env = { XDG_CACHE_HOME: join(root, 'cache'), KTOOL_CONFIG: join(root, 'config.yaml'), KTOOL_BROKERS: undefined };
const clusters = join(root, 'cache', 'ktool', 'clusters');
let port = 0;

function writeCluster(name: string, nodes: number, sasl = false): ClusterState {
  const state: ClusterState = {
    name,
    version: '4.3.1',
    clusterId: `id-${name}`,
    libs: '/nowhere',
    sasl,
    tls: false,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: i + 1,
      pid: 0,
      ports: { broker: port + i, controller: port + 10 + i, ...(sasl ? { sasl: port + 20 + i } : {}) },
      dir: join(clusters, name, `node-${i + 1}`),
    })),
    startedAt: '2026-01-01T00:00:00.000Z',
  };
  for (const n of state.nodes) mkdirSync(n.dir, { recursive: true });
  writeFileSync(join(clusters, name, 'state.json'), JSON.stringify(state));
  return state;
}

beforeAll(async () => {
  // Nothing listens there: the stopped nodes are unreachable. The nodes use port + 0..22, so every
  // one of them must be free, not only the first (a test cluster's broker there made a node 'reachable').
  for (;;) {
    port = await freePort();
    const offsets = Array.from({ length: 23 }, (_, i) => port + i);
    if (port + 22 < 65536 && !(await Promise.all(offsets.map((p) => portOpen(p)))).some(Boolean)) break;
  }
  writeCluster('alpha', 1, true);
  writeCluster('beta', 3);
  writeFileSync(join(clusters, 'alpha', 'node-1', 'server.log'), Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
  writeFileSync(env.KTOOL_CONFIG, `profiles:\n  alpha:\n    bootstrap: 127.0.0.1:${port}\n  other:\n    bootstrap: kafka:9092\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('local list rendering', () => {
  it('no clusters: the header only, exit 0; on a terminal a pointer to local start on stderr; --json is []', async () => {
    expect(await runCli(['local', 'list'], { env: empty })).toEqual({
      code: 0,
      stdout: 'NAME  STATE  NODES  BOOTSTRAP  VERSION  PROFILES\n',
      stderr: '',
    });
    const tty = await runCli(['local', 'list'], { env: empty, tty: true });
    expect(tty.stderr).toBe(`no local clusters under ${join(root, 'empty-cache', 'ktool')}; start one with \`ktool local start\`\n`);
    expect(await runCli(['local', 'list', '--json'], { env: empty })).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('off a TTY: plain aligned columns, no DIR (wide only), no colour codes', async () => {
    const r = await runCli(['local', 'list'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const b = `127.0.0.1:${port}`;
    const beta = `127.0.0.1:${port},127.0.0.1:${port + 1},127.0.0.1:${port + 2}`;
    const w = beta.length + 2;
    expect(r.stdout).toBe(
      [
        `NAME   STATE    NODES  ${'BOOTSTRAP'.padEnd(w)}VERSION  PROFILES`,
        `alpha  stopped      1  ${b.padEnd(w)}4.3.1    alpha`,
        `beta   stopped      3  ${beta.padEnd(w)}4.3.1    -`,
        '',
      ].join('\n'),
    );
    const wide = await runCli(['local', 'list', '--format', 'wide'], { env });
    expect(wide.stdout.split('\n')[0]).toMatch(/PROFILES +DIR$/);
    expect(wide.stdout).toContain(join(clusters, 'beta'));
  });

  it('on a TTY with FORCE_COLOR: bold headers; --no-color: none', async () => {
    const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };
    expect((await runCli(['local', 'list'], { env: colour, tty: true })).stdout).toContain('\u001b[1mNAME');
    expect((await runCli(['local', 'list', '--no-color'], { env: colour, tty: true })).stdout).not.toContain('\u001b[');
  });

  it('--json and --format yaml', async () => {
    const r = await runCli(['local', 'list', '--json'], { env });
    expect(JSON.parse(r.stdout)).toEqual([
      {
        name: 'alpha',
        state: 'stopped',
        nodes: 1,
        bootstrap: `127.0.0.1:${port}`,
        saslBootstrap: `127.0.0.1:${port + 20}`,
        tlsBootstrap: null,
        version: '4.3.1',
        clusterId: 'id-alpha',
        profiles: ['alpha'],
        dir: join(clusters, 'alpha'),
      },
      {
        name: 'beta',
        state: 'stopped',
        nodes: 3,
        bootstrap: `127.0.0.1:${port},127.0.0.1:${port + 1},127.0.0.1:${port + 2}`,
        saslBootstrap: null,
        tlsBootstrap: null,
        version: '4.3.1',
        clusterId: 'id-beta',
        profiles: [],
        dir: join(clusters, 'beta'),
      },
    ]);
    const yaml = await runCli(['local', 'list', '--format', 'yaml'], { env });
    expect(yaml.stdout).toMatch(/^- name: alpha\n  state: stopped\n  nodes: 1\n/);
  });

  it('an argument is a usage error', async () => {
    const r = await runCli(['local', 'list', 'alpha'], { env });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: too many arguments for 'list'. Expected 0 arguments but got 1: alpha.\n(run with --help for usage)\n",
    });
  });
});

describe('local status and stop rendering', () => {
  it('a stopped cluster: its nodes, exit 3', async () => {
    const r = await runCli(['local', 'status', '--name', 'alpha'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    // Ephemeral ports have five digits; SSL PORT is '-' without --tls; DIR is wide only.
    expect(r.stdout).toBe(
      `alpha: not running (Kafka 4.3.1, bootstrap 127.0.0.1:${port})\n\n` +
        `NODE  PID  ALIVE  PORT   SASL PORT  SSL PORT  REACHABLE\n` +
        `1     0    no     ${port}  ${port + 20}      -         no\n`,
    );
    const json = await runCli(['local', 'status', '--name', 'beta', '--json'], { env });
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      name: 'beta',
      running: false,
      version: '4.3.1',
      clusterId: 'id-beta',
      saslBootstrap: null,
      tlsBootstrap: null,
    });
    expect(
      JSON.parse(json.stdout).nodes.map((n: { id: number; alive: boolean; reachable: boolean }) => [n.id, n.alive, n.reachable]),
    ).toEqual([
      [1, false, false],
      [2, false, false],
      [3, false, false],
    ]);
  });

  it('no such cluster: exit 3 with a hint (status, stop and logs alike)', async () => {
    for (const verb of ['status', 'stop', 'logs']) {
      const r = await runCli(['local', verb, '--name', 'nope'], { env });
      expect([verb, r]).toEqual([
        verb,
        { code: 3, stdout: '', stderr: 'error: no local cluster named "nope"\nhint: start one with `ktool local start`\n' },
      ]);
    }
    expect((await runCli(['local', 'status'], { env: empty })).stderr).toMatch(/no local cluster named "local"/);
  });

  it('stop of a stopped cluster: nothing to stop, exit 0; --json', async () => {
    expect(await runCli(['local', 'stop', '--name', 'beta'], { env })).toEqual({ code: 0, stdout: 'beta was not running\n', stderr: '' });
    expect(JSON.parse((await runCli(['local', 'stop', '--name', 'beta', '--json'], { env })).stdout)).toEqual({
      name: 'beta',
      stoppedNodes: [],
      schemaRegistryStopped: false,
    });
  });
});

describe('local logs', () => {
  it('the last lines of the node log, as they are', async () => {
    expect(await runCli(['local', 'logs', '--name', 'alpha', '-n', '2'], { env })).toEqual({
      code: 0,
      stdout: 'line 149\nline 150\n',
      stderr: '',
    });
    expect((await runCli(['local', 'logs', '--name', 'alpha'], { env })).stdout.split('\n')[0]).toBe('line 51');
  });

  it('an unknown node or a node without a log: exit 3; an output format: exit 2', async () => {
    expect(await runCli(['local', 'logs', '--name', 'alpha', '--node', '7'], { env })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: cluster alpha has no node 7\nhint: nodes: 1\n',
    });
    const none = await runCli(['local', 'logs', '--name', 'beta', '--node', '2'], { env });
    expect(none.code).toBe(3);
    expect(none.stderr).toBe(`error: no log yet at ${join(clusters, 'beta', 'node-2', 'server.log')}\n`);
    const json = await runCli(['local', 'logs', '--name', 'alpha', '--json'], { env });
    expect(json).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: local logs prints the broker's log as it is: --format and --json do not apply\nhint: filter it with grep\n",
    });
    expect((await runCli(['local', 'logs', '--name', 'alpha', '-n', '0'], { env })).code).toBe(2);
  });
});

describe('local start usage errors (refused before any JVM)', () => {
  it.each([
    [['--nodes', '2'], /argument '2' is invalid\. Allowed choices are 1, 3\./],
    [['--name', 'a b'], /^error: invalid cluster name "a b"\n$/],
    [['--kafka-version', '2.8.2'], /2\.8\.2/],
    [
      ['--kafka-version', '4.3.1', '--version', '4.2.0'],
      /^error: --kafka-version 4\.3\.1 and --version 4\.2\.0 disagree\nhint: give one of them\n$/,
    ],
  ])('%j: exit 2', async (args, message) => {
    const r = await runCli(['local', 'start', ...args], { env: empty });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('local delete', () => {
  it('refuses without --yes off a terminal (exit 2), deletes with it (--json), then the name is unknown (exit 3)', async () => {
    writeCluster('gamma', 1);
    const refused = await runCli(['local', 'delete', 'gamma'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const r = await runCli(['local', 'delete', 'gamma', '--yes', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: 'gamma', dir: join(clusters, 'gamma'), stoppedNodes: [], removedProfiles: [] });
    expect(await runCli(['local', 'delete', 'gamma', '--yes'], { env })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: no local cluster named "gamma"\nhint: `ktool local list` shows them\n',
    });
  });

  it('no name, two names or a path: usage errors', async () => {
    expect((await runCli(['local', 'delete'], { env })).code).toBe(2);
    expect((await runCli(['local', 'delete', 'a', 'b'], { env })).code).toBe(2);
    expect((await runCli(['local', 'delete', '..', '--yes'], { env })).stderr).toBe('error: invalid cluster name ".."\n');
  });
});
