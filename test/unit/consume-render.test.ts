import { describe, expect, it } from 'vitest';
import { OperationError } from '../../src/errors.js';
import type {
  ConsumedRecord,
  GroupReader,
  GroupReaderOptions,
  PartitionReader,
  PartitionReaderOptions,
} from '../../src/kafka/consumer-types.js';
import type { GroupsApi } from '../../src/kafka/groups-types.js';
import { tpKey } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

// The fake admin answers earliest 10 and latest 110 for every partition: `-o -2 -e` reads 108 and 109.
const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const TS = 1_700_000_000_000;

function record(t: string, partition: number, offset: number): ConsumedRecord {
  return {
    topic: t,
    partition,
    offset,
    timestamp: TS + offset,
    timestampType: 'CreateTime',
    key: offset % 2 ? Buffer.from(`k${offset}`) : null,
    value: Buffer.from(`v${partition}-${offset}`),
    headers: offset === 109 ? [[Buffer.from('trace'), Buffer.from('t1')]] : [],
  };
}

/** A partition reader over generated records: each range's records in one batch, then null once every bounded range is read. */
function partitionReader(seen: PartitionReaderOptions[] = []) {
  return async (o: PartitionReaderOptions): Promise<PartitionReader> => {
    seen.push(o);
    const pending = [...o.ranges];
    return {
      async next() {
        const range = pending.shift();
        if (!range) return o.ranges.every((r) => r.end !== undefined) ? null : [];
        const end = Number(range.end ?? range.start + 3n);
        return Array.from({ length: end - Number(range.start) }, (_, i) => record(range.topic, range.partition, Number(range.start) + i));
      },
      async close() {},
    };
  };
}

function deps(reader = partitionReader(), extra: Record<string, unknown> = {}) {
  return { kafkaFactory: fakeKafka([topic('orders', 2), topic('payments', 1)], {}, { partitionReader: reader, ...extra }) };
}

const run = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(['consume', ...argv], { deps: deps(), env, ...options });

describe('consume rendering (fake readers, no broker)', () => {
  it('off a TTY, by default: each value on a line, nothing on stderr', async () => {
    const r = await run(['orders', '-o', '-2', '-e']);
    expect(r).toEqual({ code: 0, stdout: 'v0-108\nv0-109\nv1-108\nv1-109\n', stderr: '' });
  });

  it('a kcat format string: topic, partition, offset, key, value, timestamp, headers', async () => {
    const r = await run(['orders:1', '-o', '-2', '-e', '-f', '%t/%p@%o %k=%v %T [%h]\\n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`orders/1@108 =v1-108 ${TS + 108} []\norders/1@109 k109=v1-109 ${TS + 109} [trace=t1]\n`);
  });

  it('--json: one NDJSON envelope per record, headers included', async () => {
    const r = await run(['orders', '-p', '0', '-o', '-2', '-e', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `{"topic":"orders","partition":0,"offset":108,"timestamp":${TS + 108},"timestampType":"CreateTime",` +
        `"key":null,"value":"v0-108","headers":{}}\n` +
        `{"topic":"orders","partition":0,"offset":109,"timestamp":${TS + 109},"timestampType":"CreateTime",` +
        `"key":"k109","value":"v0-109","headers":{"trace":"t1"}}\n`,
    );
    // Every line is JSON on its own (NDJSON), and --format json is the same.
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).offset),
    ).toEqual([108, 109]);
    expect((await run(['orders', '-p', '0', '-o', '-2', '-e', '--format', 'json'])).stdout).toBe(r.stdout);
  });

  it('--json with --value-encoding hex, and --format yaml: one document per record', async () => {
    const hex = await run(['orders:0', '-o', '-1', '-e', '--json', '--value-encoding', 'hex']);
    expect(JSON.parse(hex.stdout)).toMatchObject({ offset: 109, value: Buffer.from('v0-109').toString('hex'), valueEncoding: 'hex' });
    const yaml = await run(['orders:0', '-o', '-1', '-e', '--format', 'yaml']);
    expect(yaml.stdout).toMatch(/^---\ntopic: orders\npartition: 0\noffset: 109\n/);
    expect(yaml.stdout).toContain('value: v0-109\n');
  });

  it('kafka-console-consumer properties: print.key and key.separator', async () => {
    const r = await run([
      '--topic',
      'orders',
      '--partition',
      '1',
      '-o',
      '-2',
      '-e',
      '--property',
      'print.key=true',
      '--property',
      'key.separator=|',
    ]);
    expect(r.stdout).toBe('null|v1-108\nk109|v1-109\n');
  });

  it('on a TTY with colour: records stay as they are (consume colours nothing), the --grep summary goes to stderr', async () => {
    const r = await run(['orders', '-o', '-2', '-e', '--grep', '109'], {
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('v0-109\nv1-109\n');
    expect(r.stderr).toBe('consumed 4, written 2, filtered out 2\n');
    // Off a TTY the summary is only there with -v.
    expect((await run(['orders', '-o', '-2', '-e', '--grep', '109'])).stderr).toBe('');
    expect((await run(['orders', '-o', '-2', '-e', '-v'])).stderr).toBe('consumed 4, written 4\n');
  });

  it('-n stops after N records written; the ranges asked for follow -o and -e', async () => {
    const seen: PartitionReaderOptions[] = [];
    const r = await runCli(['consume', 'orders', '-o', '100', '-e', '-n', '3'], { deps: deps(partitionReader(seen)), env });
    expect(r.stdout).toBe('v0-100\nv0-101\nv0-102\n');
    expect(seen[0].ranges).toEqual([
      { topic: 'orders', partition: 0, start: 100n, end: 110n },
      { topic: 'orders', partition: 1, start: 100n, end: 110n },
    ]);
    expect(seen[0]).toMatchObject({ isolation: 'read_uncommitted', maxBytes: 1 << 20 });
  });

  it('-g: records from the group reader, then the offsets written are committed', async () => {
    const commits: { topic: string; partition: number; offset: bigint }[][] = [];
    const options: GroupReaderOptions[] = [];
    let calls = 0;
    const groupReader = async (o: GroupReaderOptions): Promise<GroupReader> => {
      options.push(o);
      return {
        async next() {
          return calls++ === 0 ? [record('orders', 0, 10), record('orders', 0, 11), record('orders', 1, 10)] : [];
        },
        reached: () => new Map(),
        async commit(offsets) {
          commits.push(offsets);
        },
        async close() {},
      };
    };
    const r = await runCli(['consume', 'orders', '-g', 'billing', '-n', '3', '--isolation-level', 'read_committed'], {
      deps: deps(partitionReader(), { groupReader }),
      env,
    });
    expect(r).toEqual({ code: 0, stdout: 'v0-10\nv0-11\nv1-10\n', stderr: '' });
    expect(options[0]).toMatchObject({
      groupId: 'billing',
      topics: ['orders'],
      protocol: 'classic',
      fallback: 'earliest',
      isolation: 'read_committed',
    });
    expect(commits.flat()).toEqual([
      { topic: 'orders', partition: 0, offset: 12n },
      { topic: 'orders', partition: 1, offset: 11n },
    ]);
  });

  it('-g -e: stops once every partition reached the end it had at start', async () => {
    let offset = 108;
    const groupReader = async (): Promise<GroupReader> => ({
      async next() {
        return offset < 110 ? [record('orders', 0, offset), record('orders', 1, offset++)] : [];
      },
      reached: () => new Map(),
      async commit() {},
      async close() {},
    });
    const groups = {
      fetchOffsets: async () =>
        new Map([
          [
            'g',
            [
              { topic: 'orders', partition: 0, offset: 108n },
              { topic: 'orders', partition: 1, offset: 108n },
            ],
          ],
        ]),
    } as unknown as GroupsApi;
    const r = await runCli(['consume', 'orders', '-g', 'g', '-e'], { deps: deps(partitionReader(), { groupReader, groups }), env });
    expect(r).toEqual({ code: 0, stdout: 'v0-108\nv1-108\nv0-109\nv1-109\n', stderr: '' });
  });
  it('-g -e: a partition ending on a transaction marker is at its end by the fetch position, which is committed', async () => {
    // Records 108 on both partitions, then each partition's commit marker at 109: the end offset is 110.
    let calls = 0;
    const commits: string[] = [];
    const at = (offset: bigint) => new Map([0, 1].map((partition) => [tpKey('orders', partition), { topic: 'orders', partition, offset }]));
    const groupReader = async (): Promise<GroupReader> => {
      let reached = at(0n);
      return {
        async next() {
          // Without the position, -e would wait here for ever: fail instead.
          if (++calls > 5) throw new Error('still reading past the end');
          reached = calls === 1 ? at(110n) : new Map();
          return calls === 1 ? [record('orders', 0, 108), record('orders', 1, 108)] : [];
        },
        reached: () => reached,
        async commit(offsets) {
          commits.push(...offsets.map((o) => `${o.partition}@${o.offset}`));
        },
        async close() {},
      };
    };
    const groups = {
      fetchOffsets: async () => new Map([['g', [0, 1].map((partition) => ({ topic: 'orders', partition, offset: 108n }))]]),
    } as unknown as GroupsApi;
    const r = await runCli(['consume', 'orders', '-g', 'g', '-e'], { deps: deps(partitionReader(), { groupReader, groups }), env });
    expect(r).toEqual({ code: 0, stdout: 'v0-108\nv1-108\n', stderr: '' });
    expect(calls).toBe(1);
    expect(commits.sort()).toEqual(['0@110', '1@110']);
  });
});

describe('consume exit codes', () => {
  it.each([
    [['orders', '-o', 'abc'], /^error: .*abc/],
    [['orders', '-o', '5', '--from-beginning'], /^error: give either --from-beginning or -o\/--offset, not both/],
    [['orders', '-g', 'g', '-o', '5'], /^error: with --group, -o only takes start or end/],
    [['orders', '--isolation-level', 'dirty'], /dirty/],
    [['orders', '--group-protocol', 'new'], /new/],
    [['orders', '--format', 'table'], /^error: consume --format table: records are not printed as a table/],
    [['orders', '--key-encoding', 'rot13', '--json'], /rot13/],
    [[], /^error: consume needs a TOPIC/],
  ])('usage error (2): %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a missing topic or partition is not found (3)', async () => {
    const topicMissing = await run(['nope', '-e']);
    expect(topicMissing).toMatchObject({ code: 3, stdout: '' });
    expect(topicMissing.stderr).toMatch(/^error: topic nope does not exist\n/);
    const partitionMissing = await run(['orders:5', '-e']);
    expect(partitionMissing).toMatchObject({ code: 3, stdout: '' });
    expect(partitionMissing.stderr).toMatch(/^error: topic orders has no partition 5 \(it has 2\)\n/);
  });

  it("kcat's spelling fails as kcat does: exit 1 for a missing topic too, the message unchanged", async () => {
    const kcat = await run(['-C', '-t', 'nope', '-e', '-q']);
    expect(kcat).toMatchObject({ code: 1, stdout: '' });
    expect(kcat.stderr).toMatch(/^error: topic nope does not exist\n/);
    expect(await run(['-G', 'g', 'nope', '-e'])).toMatchObject({ code: 1 });
  });

  it('a reader that fails ends with its error (1), after what was already written', async () => {
    let first = true;
    const reader = async (): Promise<PartitionReader> => ({
      async next() {
        if (!first) throw new OperationError('orders:0: offset 5 is beyond the end of the partition (3)');
        first = false;
        return [record('orders', 0, 1)];
      },
      async close() {},
    });
    const r = await runCli(['consume', 'orders:0', '-e'], { deps: deps(reader), env });
    expect(r).toEqual({ code: 1, stdout: 'v0-1\n', stderr: 'error: orders:0: offset 5 is beyond the end of the partition (3)\n' });
  });

  it('Ctrl-C while following a topic: exit 130, what was read is on stdout', async () => {
    const abort = new AbortController();
    let n = 0;
    const reader = async (): Promise<PartitionReader> => ({
      async next() {
        if (n === 1) abort.abort();
        return n < 2 ? [record('orders', 0, 100 + n++)] : [];
      },
      async close() {},
    });
    const r = await runCli(['consume', 'orders:0'], { deps: deps(reader), env, signal: abort.signal });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('v0-100\nv0-101\n');
  });
});
