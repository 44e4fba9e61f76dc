import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM end any command within a second, with 130 / 143, even while it waits
 * for a broker that never answers (a long --timeout); produce loses nothing acknowledged.
 */

interface Silent {
  address: string;
  /** Resolves on the first connection: the command is then waiting for the broker's answer. */
  connected: Promise<void>;
  close(): void;
}

async function silentBroker(): Promise<Silent> {
  const sockets: Socket[] = [];
  let connected!: () => void;
  const first = new Promise<void>((resolve) => (connected = resolve));
  const server: Server = createServer((s) => {
    sockets.push(s);
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    connected: first,
    close() {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From the signal to the process's exit. */
  afterSignalMs: number;
}

/** Spawns bin/ktool, sends `signal` once `ready` resolves, and reports how it ended. */
async function signalled(
  args: string[],
  signal: NodeJS.Signals,
  ready: (stderr: () => string) => Promise<unknown>,
  feed?: (write: (s: string) => boolean) => () => void,
  onStdout?: (chunk: string) => void,
): Promise<Ended> {
  const child = spawn(KTOOL_BIN, args, { env: testEnv() as NodeJS.ProcessEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    onStdout?.(c.toString());
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.on('error', () => undefined);
  const stopFeeding = feed?.((s) => child.stdin.write(s));
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    await Promise.race([ready(() => stderr), exited.then(() => Promise.reject(new Error(`ktool ended before the signal: ${stderr}`)))]);
    const sent = Date.now();
    child.kill(signal);
    const [code, by] = await exited;
    return { code, signal: by, stdout, stderr, afterSignalMs: Date.now() - sent };
  } finally {
    clearTimeout(killer);
    stopFeeding?.();
    child.kill('SIGKILL');
  }
}

const SIGNALS: [NodeJS.Signals, number][] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
];

const topic = uniqueName('signals');
const group = uniqueName('signals-group');

/**
 * Each waits on the silent broker with --timeout 60s when the signal comes. Every command says
 * `error: interrupted`, but consume: Ctrl-C is how a consume following a topic ends, so it ends
 * quietly whatever it was waiting on (spec.quietOnSignal).
 */
const interrupted = (name: string) => (name.startsWith('consume') ? '' : 'error: interrupted\n');
const families: [string, string[]][] = [
  ['produce', ['produce', topic]],
  ['consume', ['consume', topic]],
  ['consume -g', ['consume', topic, '-g', group]],
  ['topics list', ['topics', 'list']],
  ['topics create', ['topics', 'create', topic]],
  ['groups describe', ['groups', 'describe', group]],
  ['groups list', ['groups', 'list']],
  ['lag', ['lag']],
  ['lag --watch', ['lag', '--watch', '1s']],
  ['configs describe', ['configs', 'describe', '--topic', topic]],
  ['offsets', ['offsets', topic]],
  ['delete-records', ['delete-records', `${topic}:0`, '--before', '1', '--yes']],
  ['acls list', ['acls', 'list']],
  ['users list', ['users', 'list']],
  ['cluster info', ['cluster', 'info']],
  ['cluster health', ['cluster', 'health']],
];

describe('Ctrl-C and SIGTERM against a broker that never answers (--timeout 60s)', () => {
  for (const [name, argv] of families) {
    it.each(SIGNALS)(`${name}: %s ends it within a second, exit %i`, async (signal, code) => {
      const broker = await silentBroker();
      try {
        const r = await signalled([...argv, '-b', broker.address, '--timeout', '60s'], signal, () =>
          broker.connected.then(() => new Promise((res) => setTimeout(res, 300))),
        );
        expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code, signal: null, stderr: interrupted(name) });
        expect(r.stdout).toBe('');
        expect(r.afterSignalMs).toBeLessThan(1_000);
      } finally {
        broker.close();
      }
    });
  }

  // The kafka-*.sh spellings end as the JVM does on a signal: 130/143, whatever the script prints of its interrupted request.
  const originals: [string, string[]][] = [
    ['kafka-topics.sh --list', ['topics', '--list']],
    ['kafka-consumer-groups.sh --list', ['groups', '--list']],
    ['kafka-configs.sh --describe', ['configs', '--describe', '--entity-type', 'topics']],
  ];
  for (const [name, argv] of originals) {
    it.each(SIGNALS)(`${name}: %s ends it within a second, exit %i`, async (signal, code) => {
      const broker = await silentBroker();
      try {
        const r = await signalled([...argv, '--bootstrap-server', broker.address], signal, () =>
          broker.connected.then(() => new Promise((res) => setTimeout(res, 300))),
        );
        expect({ code: r.code, signal: r.signal }).toEqual({ code, signal: null });
        expect(r.afterSignalMs).toBeLessThan(1_000);
      } finally {
        broker.close();
      }
    });
  }

  it.each(SIGNALS)(
    "kafka-delete-records.sh's spelling while its retries wait for an unknown partition (60 s): %s ends it within a second, exit %i",
    async (signal, code) => {
      const file = join(mkdtempSync(join(tmpdir(), 'ktool-signals-')), 'offsets.json');
      writeFileSync(file, JSON.stringify({ partitions: [{ topic: uniqueName('signals-none'), partition: 0, offset: 1 }], version: 1 }));
      let started!: () => void;
      const executing = new Promise<void>((resolve) => (started = resolve));
      const r = await signalled(
        ['delete-records', '--bootstrap-server', process.env.KTOOL_TEST_BOOTSTRAP!, '--offset-json-file', file],
        signal,
        () => executing.then(() => new Promise((res) => setTimeout(res, 300))),
        undefined,
        (chunk) => chunk.includes('Executing records delete operation') && started(),
      );
      // The JVM's exit on a signal: no line of its own.
      expect({ code: r.code, signal: r.signal, stdout: r.stdout, stderr: r.stderr }).toEqual({
        code,
        signal: null,
        stdout: 'Executing records delete operation\n',
        stderr: '',
      });
      expect(r.afterSignalMs).toBeLessThan(1_000);
    },
  );

  it.each(SIGNALS)('mirror from a silent source: %s ends it within a second, exit %i', async (signal, code) => {
    const broker = await silentBroker();
    try {
      const args = [
        'mirror',
        '--from-bootstrap',
        broker.address,
        '--to-bootstrap',
        process.env.KTOOL_TEST_BOOTSTRAP!,
        '--topics',
        topic,
        '--timeout',
        '60s',
      ];
      const r = await signalled(args, signal, () => broker.connected);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: 'error: interrupted\n' });
      expect(r.afterSignalMs).toBeLessThan(1_000);
    } finally {
      broker.close();
    }
  });
});

describe('a signal against the test broker loses nothing acknowledged', () => {
  const topics: string[] = [];
  const groups: string[] = [];
  afterAll(async () => {
    if (topics.length) await runCli(['topics', 'delete', ...topics, '--yes', '--if-exists']);
    if (groups.length) await runCli(['groups', 'delete', ...groups, '--yes']);
  });

  it.each(SIGNALS)('consume -g, %s: exit %i within a second, quietly, with everything written committed', async (signal, code) => {
    const name = uniqueName('signals-consume');
    topics.push(name);
    expect((await runCli(['topics', 'create', name, '-p', '3'])).code).toBe(0);
    expect((await runCli(['produce', name], { stdin: Array.from({ length: 300 }, (_, i) => `r${i}\n`).join('') })).code).toBe(0);
    const g = uniqueName('signals-consume-group');
    groups.push(g);
    let stdout = '';
    const written = async (_stderr: () => string) => {
      for (;;) {
        if (stdout.split('\n').filter(Boolean).length === 300) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const r = await signalled(['consume', name, '-g', g, '-o', 'start'], signal, written, undefined, (c) => (stdout += c));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: '' });
    expect(r.afterSignalMs).toBeLessThan(1_000);
    const described = await runCli(['groups', 'describe', g, '--json']);
    const offsets = JSON.parse(described.stdout)[0].offsets as { currentOffset: number | null }[];
    expect(offsets.reduce((n, o) => n + (o.currentOffset ?? 0), 0)).toBe(300);
  });

  it.each(SIGNALS)('produce, %s: exit %i within a second, the summary counts what a consumer reads', async (signal, code) => {
    const name = uniqueName('signals-produce');
    topics.push(name);
    expect((await runCli(['topics', 'create', name, '-p', '3'])).code).toBe(0);
    // An endless input: lines keep coming until the signal, as from a tail -f.
    let n = 0;
    const feed = (write: (s: string) => boolean) => {
      const timer = setInterval(() => {
        let chunk = '';
        for (let i = 0; i < 500; i++) chunk += `record ${n++}\n`;
        write(chunk);
      }, 2);
      return () => clearInterval(timer);
    };
    // Some records acknowledged before the signal: the topic has them.
    const someAcked = async () => {
      for (;;) {
        const offsets = await runCli(['offsets', name, '--json']);
        const total = (JSON.parse(offsets.stdout) as { offset: number }[]).reduce((sum, p) => sum + p.offset, 0);
        if (total > 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const r = await signalled(['produce', name, '--timeout', '60s'], signal, someAcked, feed);
    expect(r.code).toBe(code);
    expect(r.afterSignalMs).toBeLessThan(1_000);
    const summary = /^(\d+) records? sent to topic \S+, (\d+) failed .*; interrupted$/m.exec(r.stderr);
    expect(summary, r.stderr).not.toBeNull();
    const [sent, failed] = [Number(summary![1]), Number(summary![2])];
    expect(r.stderr).toContain(`error: interrupted: ${sent} sent, ${failed} failed`);
    expect(sent).toBeGreaterThan(0);
    expect(failed).toBe(0);
    const consumed = await runCli(['consume', name, '-o', 'start', '-e']);
    expect(consumed.code).toBe(0);
    const lines = consumed.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBe(sent);
    // Each record once: acknowledged batches are not sent twice.
    expect(new Set(lines).size).toBe(lines.length);
  });
});
