import { execFileSync, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

async function topic(partitions = 1): Promise<string> {
  const name = uniqueName('consume');
  const r = await runCli(['topics', 'create', name, '-p', String(partitions)]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

async function produceLines(t: string, lines: string[], ...args: string[]) {
  const r = await runCli(['produce', t, ...args], { stdin: lines.map((l) => `${l}\n`).join('') });
  expect(r.code, r.stderr).toBe(0);
}

const consume = async (...argv: string[]) => runCli(['consume', ...argv]);
const lines = (s: string) => s.split('\n').filter(Boolean);

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('consume against a real broker', () => {
  it('every offset spec on one partition of 10 records', async () => {
    const t = await topic(1);
    await produceLines(
      t,
      Array.from({ length: 10 }, (_, i) => `v${i}`),
    );
    const read = async (spec: string, ...extra: string[]) =>
      lines((await consume(t, '-o', spec, '-e', '-f', '%o ', ...extra)).stdout.replace(/ /g, '\n'));
    expect(await read('start')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(await read('earliest')).toHaveLength(10);
    expect(await read('end')).toEqual([]);
    expect(await read('7')).toEqual(['7', '8', '9']);
    expect(await read('-3')).toEqual(['7', '8', '9']);
    expect(await read('+8')).toEqual(['8', '9']);
    expect(await read('2:5')).toEqual(['2', '3', '4']);
    expect(await read(':2')).toEqual(['0', '1']);
    expect(await read('-100')).toHaveLength(10);
    const bounded = await consume(t, '-o', '3:6', '-f', '%o\\n');
    expect(lines(bounded.stdout)).toEqual(['3', '4', '5']);
    expect(bounded.code).toBe(0);
  });

  it('@TIME specs find records by timestamp', async () => {
    const t = await topic(1);
    const base = Date.now() - 10 * 60_000;
    const input = [0, 1, 2, 3].map((i) => JSON.stringify({ value: `t${i}`, timestamp: base + i * 60_000 })).join('\n');
    expect((await runCli(['produce', t, '--input', 'json'], { stdin: input })).code).toBe(0);
    const at = async (spec: string) => lines((await consume(t, '-o', spec, '-e')).stdout);
    expect(await at(`@${base + 60_000}`)).toEqual(['t1', 't2', 't3']);
    expect(await at(`@${new Date(base + 90_000).toISOString()}`)).toEqual(['t2', 't3']);
    expect(await at(`@${base}:@${base + 120_000}`)).toEqual(['t0', 't1']);
    expect(await at('@-8m30s:end')).toEqual(['t2', 't3']);
    expect(await at('@-1m')).toEqual([]);
  });

  it('binary-safe round trip: keys, headers, null keys, tombstones, timestamps, byte for byte', async () => {
    const src = await topic(3);
    const dst = await topic(3);
    const binary = Buffer.from([0, 255, 1, 254, 10, 13]).toString('base64');
    // An hour ago: a set time, yet inside the retention (older records may be deleted mid-test).
    const ts = Date.now() - 3_600_000;
    const input = [
      { key: 'k1', value: 'plain', headers: { a: '1' }, timestamp: ts },
      { key: null, value: 'no key' },
      { key: 'tomb', value: null },
      // Older ktool output: one "encoding", headers as pairs.
      {
        key: Buffer.from('k2').toString('base64'),
        value: binary,
        encoding: 'base64',
        headers: [
          ['dup', 'x'],
          ['dup', 'y'],
        ],
      },
      // This version's: a binary key with a text value, repeated and binary headers, a null header value.
      {
        key: '/w==',
        keyEncoding: 'base64',
        value: 'text',
        headers: { bin: ['/w==', 'b2s='], n: null, r: ['1', '2'] },
        headerEncoding: { bin: 'base64' },
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    expect((await runCli(['produce', src, '--input', 'json'], { stdin: input })).code).toBe(0);
    const copy = await spawnKtool([], {
      shell: `"$KTOOL" consume ${src} -o start -e --json | "$KTOOL" produce --input json ${dst} --keep-partitions`,
    });
    expect(copy.code, copy.stderr).toBe(0);
    const strip = (s: string) =>
      lines(s)
        .map((l) => {
          const { topic: _t, offset: _o, timestamp, ...rest } = JSON.parse(l);
          return { ...rest, ts: timestamp };
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const a = strip((await consume(src, '-o', 'start', '-e', '--json')).stdout);
    const b = strip((await consume(dst, '-o', 'start', '-e', '--json')).stdout);
    expect(b).toEqual(a);
    expect(a).toHaveLength(5);
    // One shape: headers always an object, each side its own encoding field.
    expect(a.find((r) => r.value === binary)).toMatchObject({ key: 'k2', valueEncoding: 'base64', headers: { dup: ['x', 'y'] } });
    expect(a.find((r) => r.value === binary).keyEncoding).toBeUndefined();
    const mixed = a.find((r) => r.keyEncoding === 'base64');
    expect(mixed).toMatchObject({
      key: '/w==',
      value: 'text',
      headers: { bin: ['/w==', 'b2s='], n: null, r: ['1', '2'] },
      headerEncoding: { bin: 'base64' },
    });
    expect(mixed.valueEncoding).toBeUndefined();
    expect(a.find((r) => r.key === 'tomb')).toMatchObject({ value: null, headers: {} });
    expect(a.find((r) => r.key === 'k1')).toMatchObject({ ts, headers: { a: '1' } });
    expect(a.every((r) => !('encoding' in r))).toBe(true);
    // kcat reads the same bytes.
    const viaKcat = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', dst, '-f', '%k|%S|%h\\n']).toString('latin1');
    expect(lines(viaKcat).sort()).toEqual(
      ['k1|5|a=1', 'k2|6|dup=x,dup=y', 'tomb|-1|', '|6|', '\xff|4|bin=\xff,bin=ok,n=NULL,r=1,r=2'].sort(),
    );
  });

  it('a group commits only what was written; a second run resumes after it', async () => {
    const t = await topic(2);
    await produceLines(
      t,
      Array.from({ length: 10 }, (_, i) => `r${i}`),
    );
    const group = uniqueName('group');
    const first = await consume(t, '-g', group, '-o', 'start', '-n', '4');
    expect(lines(first.stdout)).toHaveLength(4);
    const described = await runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--group',
      group,
    ]);
    const committed = lines(described.stdout)
      .filter((l) => l.startsWith(group))
      .map((l) => Number(l.split(/\s+/)[3]))
      .reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0);
    expect(committed).toBe(4);
    const second = await consume(t, '-g', group, '--timeout-ms', '3000');
    expect(lines(second.stdout)).toHaveLength(6);
    expect([...lines(first.stdout), ...lines(second.stdout)].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`).sort());
  });

  it('-g with -e stops at the end offsets seen at start, for either group protocol', async () => {
    const t = await topic(3);
    await produceLines(
      t,
      Array.from({ length: 12 }, (_, i) => `k${i},e${i}`),
      '-K',
      ',',
    );
    for (const protocol of ['classic', 'consumer']) {
      const group = uniqueName(`end-${protocol}`);
      const all = await consume(t, '-g', group, '--group-protocol', protocol, '-o', 'start', '-e');
      expect(all.code, all.stderr).toBe(0);
      expect(lines(all.stdout).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `e${i}`).sort());
      // Everything is committed: a second run has nothing left and ends at once.
      const again = await consume(t, '-g', group, '--group-protocol', protocol, '-o', 'start', '-e');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toBe('');
    }
  });

  it('a consumer-protocol (KIP-848) group works too', async () => {
    const t = await topic(1);
    await produceLines(t, ['x', 'y']);
    const r = await consume(t, '-g', uniqueName('kip848'), '--group-protocol', 'consumer', '-o', 'start', '-n', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['x', 'y']);
  });

  it('read_committed hides an aborted transaction that is in the log', async () => {
    const t = await topic(1);
    await produceLines(t, ['before']);
    // A transactional producer that is interrupted after its records reached the log aborts them.
    const child = spawn(KTOOL_BIN, ['produce', t, '--transactional-id', uniqueName('tx'), '--linger-ms', '0'], {
      env: { ...testEnv() } as NodeJS.ProcessEnv,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stdin.write('aborted-1\naborted-2\n');
    await pollUntil(async () => lines((await consume(t, '-o', 'start', '-e')).stdout).includes('aborted-2'), {
      what: 'uncommitted records in the log',
    });
    child.kill('SIGINT');
    await new Promise((r) => child.on('close', r));
    await produceLines(t, ['after']);
    expect(lines((await consume(t, '-o', 'start', '-e', '--isolation-level', 'read_committed')).stdout)).toEqual(['before', 'after']);
    expect(lines((await consume(t, '-o', 'start', '-e')).stdout)).toEqual(['before', 'aborted-1', 'aborted-2', 'after']);
  });

  it.each(['gzip', 'snappy', 'lz4', 'zstd'])("decodes %s batches written by Kafka's own producer", async (codec) => {
    const t = await topic(1);
    const tool = await runKafkaTool(
      'org.apache.kafka.tools.ConsoleProducer',
      ['--bootstrap-server', bootstrap(), '--topic', t, '--compression-codec', codec],
      { stdin: `${codec}-a\n${codec}-b\n${codec}-c\n` },
    );
    expect(tool.code, tool.stderr).toBe(0);
    expect(lines((await consume(t, '-o', 'start', '-e')).stdout)).toEqual([`${codec}-a`, `${codec}-b`, `${codec}-c`]);
  });

  it('reads what kcat -P wrote: keys, values and headers', async () => {
    const t = await topic(1);
    execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', t, '-K', ':', '-H', 'origin=kcat', '-H', 'n=1'], { input: 'k1:one\nk2:two\n' });
    const r = await consume(t, '-o', 'start', '-e', '-f', '%k=%v %h\\n');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['k1=one origin=kcat,n=1', 'k2=two origin=kcat,n=1']);
  });

  it('ConsoleConsumer spellings print like ConsoleConsumer', async () => {
    const t = await topic(1);
    await produceLines(t, ['k1:v1', 'k2:v2'], '-K', ':');
    const props = ['print.key=true', 'print.partition=true', 'print.offset=true', 'key.separator=|'];
    const ours = await consume('--topic', t, '--from-beginning', '--max-messages', '2', ...props.flatMap((p) => ['--property', p]));
    const theirs = await runKafkaTool('org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--bootstrap-server',
      bootstrap(),
      '--topic',
      t,
      '--from-beginning',
      '--max-messages',
      '2',
      ...props.flatMap((p) => ['--property', p]),
    ]);
    // The same spelling on both sides: Kafka 4 prints its --property deprecation line on stdout, and so does ktool.
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('filters count what they drop', async () => {
    const t = await topic(1);
    await produceLines(t, ['a:apple', 'b:banana', 'c:cherry'], '-K', ':');
    const r = await consume(t, '-o', 'start', '-e', '--grep', 'an', '-v');
    expect(lines(r.stdout)).toEqual(['banana']);
    expect(r.stderr).toBe('consumed 3, written 1, filtered out 2\n');
    expect(lines((await consume(t, '-o', 'start', '-e', '--key-grep', '^[ac]$')).stdout)).toEqual(['apple', 'cherry']);
  });

  it('--include, --partition/--offset, -P, --header, --value-encoding, null.literal and --timeout-ms against a broker', async () => {
    const prefix = uniqueName('inc');
    const names = [`${prefix}-a`, `${prefix}-b`];
    for (const name of names) {
      expect((await runCli(['topics', 'create', name, '-p', '3'])).code).toBe(0);
      created.push(name);
    }
    const records = [
      { partition: 0, key: 'k0', value: '{"n":0}', headers: { src: 'x' } },
      { partition: 1, key: null, value: '{"n":1}', headers: { src: 'y' } },
      { partition: 2, key: 'k2', value: null, headers: {} },
    ];
    for (const name of names) {
      const r = await runCli(['produce', name, '--input', 'json', '--keep-partitions'], {
        stdin: records.map((x) => JSON.stringify(x)).join('\n'),
      });
      expect(r.code, r.stderr).toBe(0);
    }
    const read = async (...args: string[]) => {
      const r = await consume('-o', 'start', '-e', ...args);
      expect(r.code, r.stderr).toBe(0);
      return lines(r.stdout).sort();
    };
    // --include: every topic whose whole name matches (as Java), with or without a TOPIC.
    expect(await read('--include', `${prefix}-.*`, '-f', '%t:%p\\n')).toEqual(names.flatMap((n) => [`${n}:0`, `${n}:1`, `${n}:2`]));
    expect(await read(names[0], '--include', `${prefix}-b`, '-f', '%t\\n')).toEqual([
      names[0],
      names[0],
      names[0],
      names[1],
      names[1],
      names[1],
    ]);
    // kafka-console-consumer's --partition P --offset N, and -P.
    expect(await read('--topic', names[0], '--partition', '1', '--offset', '0', '-f', '%p %o %v\\n')).toEqual(['1 0 {"n":1}']);
    expect(await read(names[0], '-P', '0,2', '-f', '%p\\n')).toEqual(['0', '2']);
    // --header filters, counted.
    const filtered = await consume(names[0], '-o', 'start', '-e', '--header', 'src=y', '-v');
    expect(lines(filtered.stdout)).toEqual(['{"n":1}']);
    expect(filtered.stderr).toBe('consumed 3, written 1, filtered out 2\n');
    // --value-encoding json embeds the value; base64 always encodes.
    const embedded = (await read(names[0], '--json', '--value-encoding', 'json')).map((l) => JSON.parse(l));
    expect(embedded.map((e) => e.value)).toEqual(expect.arrayContaining([{ n: 0 }, { n: 1 }, null]));
    const b64 = (await read(names[0], '--json', '--value-encoding', 'base64')).map((l) => JSON.parse(l));
    expect(
      b64
        .filter((e) => e.value !== null)
        .map((e) => [e.valueEncoding, Buffer.from(e.value, 'base64').toString()])
        .sort(),
    ).toEqual([
      ['base64', '{"n":0}'],
      ['base64', '{"n":1}'],
    ]);
    // Each side its own: the text key stays readable; --key-encoding hex changes only the key.
    expect(b64.map((e) => e.key).sort()).toEqual(['k0', 'k2', null].sort());
    const hexKeys = (await read(names[0], '--json', '--key-encoding', 'hex')).map((l) => JSON.parse(l));
    expect(
      hexKeys
        .filter((e) => e.key !== null)
        .map((e) => [e.key, e.keyEncoding, e.value])
        .sort(),
    ).toEqual([
      ['6b30', 'hex', '{"n":0}'],
      ['6b32', 'hex', null],
    ]);
    expect(embedded.filter((e) => e.value !== null).every((e) => e.valueEncoding === 'json')).toBe(true);
    // null.literal prints for a null key and a tombstone, as ConsoleConsumer does.
    const props = ['print.key=true', 'null.literal=<null>'].flatMap((p) => ['--property', p]);
    expect(await read(names[0], '-P', '1,2', ...props)).toEqual(['<null>\t{"n":1}', 'k2\t<null>']);
    // --timeout-ms: following, it stops after that long without records.
    const started = Date.now();
    const idle = await consume(names[0], '-o', 'end', '--timeout-ms', '1500');
    expect(idle.code, idle.stderr).toBe(0);
    expect(idle.stdout).toBe('');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('| head -1 exits 0 at once; Ctrl-C stops cleanly with 130', async () => {
    const t = await topic(1);
    await produceLines(
      t,
      Array.from({ length: 2000 }, (_, i) => `line-${i}`),
    );
    const piped = await spawnKtool([], {
      shell: `"$KTOOL" consume ${t} -o start --json | head -1; echo "status=\${PIPESTATUS:-}"`,
      timeoutMs: 15_000,
    });
    expect(lines(piped.stdout)[0]).toMatch(/"value":"line-0"/);
    expect(piped.stderr).toBe('');
    expect(piped.ms).toBeLessThan(10_000);

    const child = spawn(KTOOL_BIN, ['consume', t, '-o', 'start'], { env: testEnv() as NodeJS.ProcessEnv });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await pollUntil(() => out.includes('line-1999'), { what: 'all lines printed' });
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(130);
  });

  it('unknown topics and partitions are clear errors', async () => {
    const missing = await consume(uniqueName('nope'), '-e');
    expect(missing.code).toBe(3);
    const t = await topic(1);
    const badPartition = await consume(t, '-P', '5', '-e');
    // Not found, as in offsets and delete-records.
    expect(badPartition.code).toBe(3);
    expect(badPartition.stderr).toMatch(/has no partition 5/);
  });
});
