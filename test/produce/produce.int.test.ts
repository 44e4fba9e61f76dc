import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool as spawnBin } from '../helpers/spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const BIN = join(process.cwd(), 'bin/ktool');
const created: string[] = [];

async function topic(partitions = 3): Promise<string> {
  const name = uniqueName('produce');
  const r = await runCli(['topics', 'create', name, '-p', String(partitions)]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

/** key|value|headers|partition per record, via kcat (consume is written elsewhere). */
function readBack(t: string, format = '%k|%s|%h|%p\\n', extra: string[] = []): string[] {
  const out = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-f', format.replace(/\\n/g, '\n'), ...extra], {
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 << 20,
  });
  return out.split('\n').filter(Boolean).sort();
}

async function readCount(t: string, n: number, format?: string, extra?: string[]): Promise<string[]> {
  return pollUntil(
    () => {
      const lines = readBack(t, format, extra);
      return lines.length >= n ? lines : undefined;
    },
    { what: `${n} records in ${t}` },
  );
}

function spawnKtool(args: string[], stdin?: string | Buffer) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...testEnv() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('ktool produce (in-process)', () => {
  it('keys, values and headers per line; summary on stderr; nothing on stdout', async () => {
    const t = await topic();
    const r = await runCli(['produce', t, '--property', 'parse.headers=true', '--property', 'parse.key=true', '-H', 'g=1'], {
      stdin: 'h1:v1,h2:v2\tk1\tone\nh1:x\tk2\ttwo\n',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 records sent to topic .*, 0 failed/);
    const lines = await readCount(t, 2, '%k|%s|%h\\n');
    expect(lines).toEqual(['k1|one|g=1,h1=v1,h2=v2', 'k2|two|g=1,h1=x']);
  });

  it('records too big to share a batch go in batches of their own, never one over the broker limit', async () => {
    // 600 KB lines: two in one batch would pass message.max.bytes (1 MiB) and fail together.
    const line = (c: string) => c.repeat(600_000);
    const t = await topic(1);
    const plain = await runCli(['produce', t, '--json'], { stdin: ['a', 'b', 'c'].map(line).join('\n') + '\n' });
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ sent: 3, failed: 0 });
    const keyed = await runCli(['produce', t, '-K', ':', '--json'], {
      stdin: ['d', 'e', 'f'].map((c) => `k${c}:${line(c)}`).join('\n') + '\n',
    });
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(JSON.parse(keyed.stdout)).toMatchObject({ sent: 3, failed: 0 });
    const back = await readCount(t, 6, '%k|%S\\n');
    expect(back).toEqual(['kd|600000', 'ke|600000', 'kf|600000', '|600000', '|600000', '|600000'].sort());
  });

  it('interrupted (Ctrl-C, SIGTERM): what was read is sent, even inside --linger-ms, then exit 130', async () => {
    const t = await topic(1);
    const stdin = new PassThrough();
    const interrupt = new AbortController();
    const running = runCli(['produce', t, '--linger-ms', '600000'], { stdin, signal: interrupt.signal });
    stdin.write('first\nsecond\n');
    // Read means taken from stdin; the linger would hold the batch for ten minutes.
    await pollUntil(() => stdin.readableLength === 0 && stdin.readableFlowing !== null, { what: 'the lines read' });
    await new Promise((r) => setImmediate(r));
    interrupt.abort('SIGINT');
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/2 records sent to topic .*, 0 failed .*; interrupted/);
    expect(readBack(t, '%s\\n')).toEqual(['first', 'second']);
  });

  // Bulk plain lines (the produce fast path over many batches): each record once, in order.
  const bulkLines = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => `${tag}-${String(i).padStart(7, '0')}-${'v'.repeat(60)}`);

  /** Writes the text to stdin in pieces that cut lines, each read before the next. */
  const feed = async (stdin: PassThrough, text: string) => {
    for (let i = 0; i < text.length; i += 300_007) {
      stdin.write(text.slice(i, i + 300_007));
      await pollUntil(() => stdin.readableLength === 0, { what: 'the input read' });
    }
  };

  it('a bulk input (9 MB in pieces that cut lines), zstd: every line once, in order, key and header on each', async () => {
    const t = await topic(3);
    const lines = bulkLines(100_000, 'bulk');
    const stdin = new PassThrough();
    const running = runCli(['produce', t, '-k', 'K', '-H', 'h=1', '--compression', 'zstd', '--json'], { stdin });
    // "\r\n" line ends; the last line has none and counts at the end of the input.
    await feed(stdin, lines.join('\r\n'));
    stdin.end();
    const r = await running;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: lines.length, failed: 0 });
    const back = (await readCount(t, lines.length, '%k|%h|%p|%s\n')).map((l) => l.split('|'));
    expect(back.length).toBe(lines.length);
    // One key: one partition, and the lines in input order there.
    expect(new Set(back.map(([k, h, p]) => `${k}|${h}|${p}`)).size).toBe(1);
    expect(back[0].slice(0, 2)).toEqual(['K', 'h=1']);
    const inOrder = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-p', back[0][2], '-f', '%s\n'], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 << 20,
    });
    expect(inOrder.split('\n').filter(Boolean)).toEqual(lines);
  });

  it('Ctrl-C during a bulk input: what was read is sent, each line once, then exit 130', async () => {
    const t = await topic(3);
    const stdin = new PassThrough();
    const interrupt = new AbortController();
    const running = runCli(['produce', t, '--json'], { stdin, signal: interrupt.signal });
    const lines = bulkLines(120_000, 'int');
    // 9 MB; the last line has no "\n" yet when the signal comes.
    await feed(stdin, lines.join('\n'));
    interrupt.abort('SIGINT');
    const r = await running;
    expect(r.code, r.stderr).toBe(130);
    const summary = JSON.parse(r.stdout) as { sent: number; failed: number; interrupted: boolean };
    expect(summary).toMatchObject({ failed: 0, interrupted: true });
    // Every complete line read (the unended last one is not a line yet, as on the main thread).
    expect(summary.sent).toBe(lines.length - 1);
    const back = await readCount(t, summary.sent, '%s\n');
    expect(back).toEqual(lines.slice(0, -1).sort());
  });

  it('--reader-property, --key-encoding hex, --rate, --batch-size and --linger-ms, --acks 0 and 1', async () => {
    const t = await topic(1);
    const kip1147 = await runCli(
      ['produce', t, '--reader-property', 'parse.key=true', '--reader-property', 'key.separator=|', '--key-encoding', 'hex'],
      { stdin: '6b31|one\n6b32|two\n' },
    );
    expect(kip1147.code, kip1147.stderr).toBe(0);
    const started = Date.now();
    const paced = await runCli(['produce', t, '--rate', '10/s', '-k', 'r'], { stdin: 'r1\nr2\nr3\nr4\nr5\nr6\n' });
    expect(paced.code, paced.stderr).toBe(0);
    // Six records at ten a second: half a second at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    const small = await runCli(['produce', t, '--batch-size', '64', '--linger-ms', '0', '-k', 'b', '--json'], { stdin: 'b1\nb2\nb3\n' });
    expect(JSON.parse(small.stdout)).toMatchObject({ sent: 3, failed: 0 });
    for (const acks of ['0', '1']) {
      const r = await runCli(['produce', t, '--acks', acks, '-X', 'enable.idempotence=false', '-k', `a${acks}`], {
        stdin: `acks-${acks}\n`,
      });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(await readCount(t, 13, '%k|%s\\n')).toEqual(
      [
        'k1|one',
        'k2|two',
        ...['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((v) => `r|${v}`),
        'b|b1',
        'b|b2',
        'b|b3',
        'a0|acks-0',
        'a1|acks-1',
      ].sort(),
    );
  });

  it('--json summary on stdout only; -q: no summary unless something failed', async () => {
    const t = await topic(1);
    const r = await runCli(['produce', t, '--json'], { stdin: 'a\nb\nc\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ topics: [t], sent: 3, failed: 0, skipped: 0, interrupted: false });
    expect(r.stderr).toBe('');
    const quiet = await runCli(['produce', t, '-q'], { stdin: 'd\n' });
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    expect((await runCli(['produce', t, '--quiet', '--json'], { stdin: 'e\n' })).stdout).toMatch(/"sent": 1/);
    // Something went wrong: the summary is said even with -q.
    const skipped = await runCli(['produce', t, '-q', '-K', ':', '--on-error', 'skip'], { stdin: 'k:f\nbroken\n' });
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toMatch(/^warning: line 2: .*\(skipped\)\n1 record sent to topic .*, 0 failed, 1 skipped/);
    const failed = await runCli(['produce', t, '-q', '-K', ':'], { stdin: 'broken\n' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^0 records sent to topic .*\nerror: line 1/);
    expect(await readCount(t, 6, '%s\\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('partition out of range is a usage error; -p writes to that partition', async () => {
    const t = await topic(2);
    const bad = await runCli(['produce', t, '-p', '2'], { stdin: 'x\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/out of range: topic .* has 2 partitions \(0-1\)/);
    const ok = await runCli(['produce', t, '-p', '1'], { stdin: 'x\ny\n' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(await readCount(t, 2, '%s|%p\\n')).toEqual(['x|1', 'y|1']);
  });

  it('missing topic: not found', async () => {
    const r = await runCli(['produce', uniqueName('nope')], { stdin: 'x\n' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not exist/);
  });

  it('bad line: line number, nothing after it is sent, exit 1; --on-error skip goes on', async () => {
    const t = await topic(1);
    const r = await runCli(['produce', t, '-K', ':'], { stdin: 'a:1\nb:2\nbroken\nc:3\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 3: no key separator ":" found/);
    expect(r.stderr).toMatch(/2 records sent/);
    expect(await readCount(t, 2, '%k|%s\\n')).toEqual(['a|1', 'b|2']);
    const s = await runCli(['produce', t, '-K', ':', '--on-error', 'skip', '--json'], { stdin: 'd:4\nbroken\ne:5\n' });
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ sent: 2, skipped: 1 });
    expect(s.stderr).toMatch(/line 2: .*skipped/);
  });

  it('null marker makes tombstones and null keys', async () => {
    const t = await topic(1);
    const r = await runCli(['produce', t, '-K', ':', '--null-marker', 'NULL'], { stdin: 'k:NULL\nNULL:v\n' });
    expect(r.code, r.stderr).toBe(0);
    // kcat -Z prints NULL for null key/value.
    expect(await readCount(t, 2, '%k|%s\\n', ['-Z'])).toEqual(['NULL|v', 'k|NULL']);
  });

  it('--input whole and --value-encoding base64 with a fixed key', async () => {
    const t = await topic(1);
    const dir = mkdtempSync(join(tmpdir(), 'kp-'));
    writeFileSync(join(dir, 'a.txt'), 'line1\nline2\n');
    const r = await runCli(['produce', t, '--input', 'whole', '-f', join(dir, 'a.txt'), '-k', 'doc']);
    expect(r.code, r.stderr).toBe(0);
    const b = await runCli(['produce', t, '--value-encoding', 'base64', '-k', 'b64'], {
      stdin: Buffer.from('hello').toString('base64') + '\n',
    });
    expect(b.code, b.stderr).toBe(0);
    await readCount(t, 2, '%k\\n');
    const raw = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-f', '%k=%s;'], { encoding: 'utf8' });
    expect(raw).toContain('doc=line1\nline2\n;');
    expect(raw).toContain('b64=hello;');
  });

  it('--input json: binary values, headers, timestamps and tombstones copied byte for byte', async () => {
    const t = await topic(3);
    const value = Buffer.from([0, 1, 2, 0xff, 0xfe]);
    // An hour ago: a set time, yet inside the retention (older records may be deleted mid-test).
    const ts = Date.now() - 3_600_000;
    const input = [
      JSON.stringify({ key: 'k1', value: 'v1', headers: { a: '1' }, timestamp: ts }),
      JSON.stringify({
        key: Buffer.from('k2').toString('base64'),
        value: value.toString('base64'),
        encoding: 'base64',
        headers: [
          ['r', 'x'],
          ['r', 'y'],
        ],
      }),
      JSON.stringify({ key: 'k3', value: null }),
      '',
    ].join('\n');
    const r = await runCli(['produce', '--input', 'json', t], { stdin: input });
    expect(r.code, r.stderr).toBe(0);
    const lines = await readCount(t, 3, '%k|%h|%T|%S\\n', ['-Z']);
    expect(lines).toContain(`k1|a=1|${ts}|2`);
    expect(lines.find((l) => l.startsWith('k2|'))).toMatch(/^k2\|r=x,r=y\|\d+\|5$/);
    expect(lines.find((l) => l.startsWith('k3|'))).toMatch(/\|-1$/);
    const bad = await runCli(['produce', '--input', 'json', t], { stdin: '{"value":"ok"}\n{not json}\n' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 2: invalid JSON/);
  });

  it('--input json is strict: unknown fields, wrong types and non-objects name the line; --on-error skip goes on', async () => {
    const t = await topic(1);
    const input = ['{"key":"a","value":"1"}', '{"key":"b","value":"2"}', '{"k":"c","v":"3"}', '{"key":"d","value":"4"}'].join('\n');
    const r = await runCli(['produce', '--input', 'json', t], { stdin: input });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`line 3: unknown fields "k", "v" in the JSON envelope \(known: topic, partition, offset, timestamp, ` +
          String.raw`timestampType, key, keyEncoding, keySchemaId, keyBytes, value, valueEncoding, valueSchemaId, valueBytes, ` +
          String.raw`headers, headerEncoding, encoding\); did you ` +
          String.raw`mean "key", "value"\?`,
      ),
    );
    expect(r.stderr).toMatch(/2 records sent/);
    expect(await readCount(t, 2, '%k|%s\\n')).toEqual(['a|1', 'b|2']);
    const bad = [
      '{"key":"e","value":"5"}',
      '[1,2]',
      '{"key":7,"value":"x"}',
      '"text"',
      '{"key":"f"}',
      '{"key":"g","value":{"a":1},"valueEncoding":"base64"}',
      '{"key":"h","value":"8"}',
    ].join('\n');
    const s = await runCli(['produce', '--input', 'json', t, '--on-error', 'skip', '--json'], { stdin: bad });
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ sent: 2, skipped: 5 });
    expect(s.stderr).toMatch(/line 2: expected a JSON object \(one envelope per line\), got an array \(skipped\)/);
    expect(s.stderr).toMatch(/line 3: "key" must be a string or null .*got a number \(skipped\)/);
    expect(s.stderr).toMatch(/line 4: expected a JSON object .*got a string \(skipped\)/);
    expect(s.stderr).toMatch(/line 5: no "value" field \(a tombstone is "value": null\) \(skipped\)/);
    expect(s.stderr).toMatch(/line 6: "value" must be a string or null with "valueEncoding": "base64", got an object \(skipped\)/);
    // No tombstone was written for any of them.
    expect(await readCount(t, 4, '%k|%s\\n')).toEqual(['a|1', 'b|2', 'e|5', 'h|8']);
  });

  it('transaction: the whole input is committed once; a bad line aborts it', async () => {
    const t = await topic(2);
    const ok = await runCli(['produce', t, '--transactional-id', uniqueName('tx'), '--json'], { stdin: 'a\nb\nc\n' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ sent: 3, transaction: 'committed' });
    const bad = await runCli(['produce', t, '--transactional-id', uniqueName('tx'), '-K', ':', '--json'], { stdin: 'k:x\nbroken\n' });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ sent: 0, failed: 1, transaction: 'aborted' });
    // read_committed: only the committed three.
    const lines = await readCount(t, 3, '%s\\n', ['-X', 'isolation.level=read_committed']);
    expect(lines).toEqual(['a', 'b', 'c']);
  });

  it('compression codecs round trip', async () => {
    const t = await topic(1);
    for (const c of ['gzip', 'snappy', 'lz4', 'zstd']) {
      const r = await runCli(['produce', t, '--compression', c, '-k', c], { stdin: `${c}-1\n${c}-2\n` });
      expect(r.code, `${c}: ${r.stderr}`).toBe(0);
    }
    expect(await readCount(t, 8, '%k|%s\\n')).toHaveLength(8);
  });
});

describe('ktool produce (Java compatibility)', () => {
  it('same key -> same partition as kafka-console-producer (murmur2, Java partitioner)', async () => {
    const t1 = await topic(7);
    const t2 = await topic(7);
    const keys = Array.from({ length: 60 }, (_, i) => `key-${i}-${'x'.repeat(i % 5)}`);
    const input = keys.map((k) => `${k}:v`).join('\n') + '\n';
    const java = await runKafkaTool(
      'org.apache.kafka.tools.ConsoleProducer',
      ['--bootstrap-server', bootstrap(), '--topic', t1, '--property', 'parse.key=true', '--property', 'key.separator=:'],
      { stdin: input },
    );
    expect(java.code, java.stderr).toBe(0);
    const ours = await runCli(['produce', '--topic', t2, '--property', 'parse.key=true', '--property', 'key.separator=:'], {
      stdin: input,
    });
    expect(ours.code, ours.stderr).toBe(0);
    const a = await readCount(t1, keys.length, '%k|%p\\n');
    const b = await readCount(t2, keys.length, '%k|%p\\n');
    expect(b).toEqual(a);
    expect(new Set(b.map((l) => l.split('|')[1])).size).toBeGreaterThan(3);
  });

  it("records are readable by Kafka's Java consumer (CRC checked)", async () => {
    const t = await topic(1);
    const r = await runCli(['produce', t, '-K', ':', '-H', 'h=1'], { stdin: 'k:v1\nk:v2\n' });
    expect(r.code, r.stderr).toBe(0);
    const out = await runKafkaTool('org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--bootstrap-server',
      bootstrap(),
      '--topic',
      t,
      '--from-beginning',
      '--max-messages',
      '2',
      '--formatter-property',
      'print.key=true',
      '--formatter-property',
      'print.headers=true',
      '--command-property',
      'check.crcs=true',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(['h:1\tk\tv1', 'h:1\tk\tv2']);
  });
});

describe('ktool produce (end to end, bin/ktool)', () => {
  it('exit codes and streams', async () => {
    const t = await topic(1);
    const ok = await spawnKtool(['produce', t, '-b', bootstrap()], 'one\ntwo\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toMatch(/2 records sent/);
    const usage = await spawnKtool(['produce', t, '--acks', '7', '-b', bootstrap()]);
    expect(usage.code).toBe(2);
    const bad = await spawnKtool(['produce', t, '-K', ':', '-b', bootstrap()], 'x\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 1/);
  });

  it('SIGTERM: sends what it read, waits for acks, exits 143', async () => {
    const t = await topic(1);
    const child = spawn(BIN, ['produce', t, '-b', bootstrap()], { env: { ...process.env, ...testEnv() } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdin.write('first\nsecond\n');
    await pollUntil(() => readBack(t, '%s\\n').length === 2 || undefined, { what: 'records sent before the signal' }).catch(
      () => undefined,
    );
    child.kill('SIGTERM');
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/2 records sent/);
    expect(readBack(t, '%s\\n')).toEqual(['first', 'second']);
  });

  /**
   * Lines of every length from 0 to ~300 KB (binary bytes but no newline or CR), ~6 MB in all: lines
   * cross the 1 MiB read chunks, batches fill and flush early for a long line, and batch buffers
   * are written again after their acks. Byte for byte, in order, from each way input arrives.
   */
  function varied(seed: number): Buffer {
    let x = seed;
    const rand = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    const lines: Buffer[] = [];
    let total = 0;
    while (total < 6_000_000) {
      const kind = rand(100);
      const len = kind === 0 ? 200_000 + rand(100_000) : kind < 10 ? 0 : kind < 50 ? rand(120) : rand(4000);
      const line = Buffer.alloc(len);
      for (let i = 0; i < len; i++) {
        const b = rand(254);
        line[i] = b >= 0x0a ? (b >= 0x0d - 1 ? b + 2 : b + 1) : b;
      }
      lines.push(line, Buffer.from('\n'));
      total += len + 1;
    }
    return Buffer.concat(lines);
  }

  function readPartition0(t: string): Buffer {
    return execFileSync(
      'kcat',
      ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-p', '0', '-o', 'beginning', '-f', '%s\n', '-X', 'fetch.message.max.bytes=4000000'],
      { timeout: 60_000, maxBuffer: 64 << 20 },
    );
  }

  it.each([
    [
      'stdin from a socket (spawned by Node)',
      (t: string, file: string) => spawnBin(['produce', t, '-b', bootstrap(), '-p', '0', '--json'], { stdin: readFileSync(file) }),
    ],
    [
      'stdin from a pipe',
      (t: string, file: string) => spawnBin([], { shell: `cat "${file}" | "$KTOOL" produce ${t} -b ${bootstrap()} -p 0 --json` }),
    ],
    [
      'stdin from a file',
      (t: string, file: string) => spawnBin([], { shell: `"$KTOOL" produce ${t} -b ${bootstrap()} -p 0 --json < "${file}"` }),
    ],
    ['--file', (t: string, file: string) => spawnBin(['produce', t, '-b', bootstrap(), '-p', '0', '--json', '--file', file])],
  ])('plain lines of every length round trip byte for byte: %s', async (_how, produce) => {
    const t = await topic(1);
    const input = varied(created.length);
    expect(input.includes(0x0d)).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'kp-')), 'varied.bin');
    writeFileSync(file, input);
    const r = await produce(t, file);
    expect(r.code, r.stderr).toBe(0);
    const lines = input.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: lines, failed: 0 });
    const back = readPartition0(t);
    expect(back.length).toBe(input.length);
    expect(back.equals(input)).toBe(true);
  });
});
