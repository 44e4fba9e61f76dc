/**
 * The registry goes down in the middle of a following `consume` and comes back (issue 12's bad-input case),
 * with the real registry behind a TCP proxy that the test closes and reopens: a record whose schema
 * id was not fetched yet is shown raw (base64 in --json) with a warning naming topic[partition]@offset,
 * reading goes on, and once the registry answers again records decode again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';

const registry = process.env.KTOOL_TEST_SCHEMA_REGISTRY ?? '';
const env = { KTOOL_SCHEMA_REGISTRY: registry };
const dir = mkdtempSync(join(tmpdir(), 'ktool-sr-down-'));
let consumer: ChildProcess | undefined;
let topic: string | undefined;

/** A TCP proxy to the registry on a fixed port, that can stop (refusing and cutting connections) and start again. */
class Proxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server!;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => server.close(r));
  }
}
const proxy = new Proxy(new URL(registry || 'http://127.0.0.1:1'));

afterAll(async () => {
  consumer?.kill('SIGKILL');
  await proxy.down().catch(() => {});
  if (topic) await spawnKtool(['topics', 'delete', '--yes', topic], { env });
  rmSync(dir, { recursive: true, force: true });
});

const schema = (name: string) => JSON.stringify({ type: 'record', name, namespace: 'srdown', fields: [{ name: 'n', type: 'int' }] });

describe('consume (following) while the registry is down, then back', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  it('raw with a warning naming the record while down, never dropped; decoded again once back', async () => {
    topic = uniqueName('srdown');
    expect((await spawnKtool(['topics', 'create', topic], { env })).code).toBe(0);
    writeFileSync(join(dir, 'a.avsc'), schema('A'));
    writeFileSync(join(dir, 'b.avsc'), schema('B'));
    // Two subjects, two schema ids; the consumer only ever sees the registry through the proxy.
    const produce = async (file: string, subject: string, n: number) => {
      const args = ['produce', topic!, '--value-format', 'avro', '--value-schema', join(dir, file), '--value-subject', subject];
      const r = await spawnKtool([...args, '--register', '-q'], { env, stdin: `{"n":${n}}\n` });
      expect(r.code, r.stderr).toBe(0);
    };
    await proxy.up();
    const url = new URL(registry);
    const viaProxy = `http://127.0.0.1:${proxy.port}${url.pathname}`;
    consumer = spawn(KTOOL_BIN, ['consume', topic, '-o', 'start', '--json', '--schema-registry', viaProxy], {
      env: testEnv() as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    consumer.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    consumer.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const records = () =>
      stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { offset: number; value: unknown; valueEncoding: string; valueSchemaId?: number });

    await produce('a.avsc', `${topic}-a`, 1);
    await pollUntil(() => records().length === 1, { timeoutMs: 60_000, what: `the first record (stderr: ${stderr})` });
    expect(records()[0]).toMatchObject({ offset: 0, value: { n: 1 }, valueEncoding: 'avro' });

    await proxy.down();
    await produce('b.avsc', `${topic}-b`, 2); // a schema id the consumer has not fetched
    await produce('a.avsc', `${topic}-a`, 3); // a cached one still decodes
    await pollUntil(() => records().length === 3, { timeoutMs: 60_000, what: 'the records while the registry is down' });
    expect(records()[1], JSON.stringify(records()) + stderr).toMatchObject({ offset: 1, valueEncoding: 'base64' });
    expect(Buffer.from(records()[1].value as string, 'base64')[0]).toBe(0);
    expect(records()[2]).toMatchObject({ offset: 2, value: { n: 3 }, valueEncoding: 'avro' });
    expect(stderr).toMatch(new RegExp(`warning: ${topic}\\[0\\]@1: value shown raw: .*`));

    await proxy.up();
    // Produced until one decodes: the consumer asks again after a pause, not on every record.
    let n = 4;
    await pollUntil(
      async () => {
        await produce('b.avsc', `${topic}-b`, n++);
        return records().some((r) => r.valueEncoding === 'avro' && (r.value as { n: number }).n >= 4);
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'a record decoded again once the registry is back' },
    );
    expect(records().map((r) => r.offset)).toEqual(records().map((_, i) => i)); // none dropped
    expect(consumer.exitCode).toBe(null); // still reading
  }, 240_000);
});
