import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

afterAll(async () => {
  for (const t of created) await runCli(['topics', 'delete', t, '--yes']);
});

/** partition and value of every record, each partition in offset order (kcat). */
function readAll(topic: string): string[] {
  return execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', topic, '-f', '%p %s\n'], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  })
    .split('\n')
    .filter(Boolean);
}

describe('produce with requests in flight (max.in.flight.requests.per.connection)', () => {
  it('5 in flight, many small batches across 6 partitions: every record once, each partition in input order', async () => {
    const topic = uniqueName('inflight');
    expect((await runCli(['topics', 'create', topic, '-p', '6'])).code).toBe(0);
    created.push(topic);
    const n = 200_000;
    const file = join(mkdtempSync(join(tmpdir(), 'ktool-inflight-')), 'lines.txt');
    writeFileSync(file, Array.from({ length: n }, (_, i) => `${i}`).join('\n') + '\n');
    // 16 KB batches: about 180 requests, five of them in flight at a time.
    const r = await spawnKtool([
      'produce',
      topic,
      '-b',
      bootstrap(),
      '--file',
      file,
      '--batch-size',
      '16384',
      '-X',
      'max.in.flight.requests.per.connection=5',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readAll(topic);
    expect(rows.length).toBe(n);
    const last = new Map<string, number>();
    const seen = new Set<number>();
    for (const row of rows) {
      const [p, v] = row.split(' ');
      const value = Number(v);
      expect(value, `partition ${p}: ${value} after ${last.get(p)}`).toBeGreaterThan(last.get(p) ?? -1);
      last.set(p, value);
      seen.add(value);
    }
    expect(seen.size).toBe(n);
    expect(last.size).toBeGreaterThan(1);
  });

  it('more than 5 in flight: an error with idempotence asked for, idempotence off otherwise (as Java)', async () => {
    const topic = uniqueName('inflight');
    expect((await runCli(['topics', 'create', topic, '-p', '1'])).code).toBe(0);
    created.push(topic);
    const refused = await runCli(['produce', topic, '-X', 'enable.idempotence=true', '-X', 'max.in.flight.requests.per.connection=6'], {
      stdin: 'a\n',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/error: -X max.in.flight.requests.per.connection=6: at most 5 with idempotence/);
    const plain = await runCli(['produce', topic, '-X', 'max.in.flight.requests.per.connection=6'], { stdin: 'a\nb\n' });
    expect(plain.code, plain.stderr).toBe(0);
    expect(readAll(topic)).toEqual(['0 a', '0 b']);
  });
});
