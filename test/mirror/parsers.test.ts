import { describe, expect, it } from 'vitest';
import { AckTracker } from '../../src/commands/mirror/acks.js';
import { Batcher, type PendingBatch } from '../../src/commands/mirror/batcher.js';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import { compareSequences, recordDigest } from '../../src/commands/mirror/digest.js';
import { defaultGroup, parse } from '../../src/commands/mirror/options.js';
import { mm2Policy, parseRename } from '../../src/commands/mirror/rename.js';
import { parse as parseVerify } from '../../src/commands/mirror/verify.js';
import { aliasesFor, mm2Connectors } from '../../src/commands/mirror/mm2-config.js';
import { parse as parseDeploy } from '../../src/commands/mirror/deploy.js';
import { parseSelection } from '../../src/commands/mirror/options.js';
import { UsageError } from '../../src/errors.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('--rename patterns (MirrorMaker 2 DefaultReplicationPolicy style)', () => {
  it.each([
    [undefined, 'orders', 'orders'],
    ['{topic}', 'orders', 'orders'],
    ['src.{topic}', 'orders', 'src.orders'],
    ['{topic}.copy', 'orders', 'orders.copy'],
    ['dc1-{topic}-v2', 'a.b', 'dc1-a.b-v2'],
  ])('%s maps %s to %s', (pattern, source, target) => {
    expect(parseRename(pattern).target(source)).toBe(target);
  });

  it.each([
    ['src.', /must contain \{topic\}/],
    ['{topic}{topic}', /only once/],
    ['bad name/{topic}', /illegal topic names/],
  ])('rejects %s', (pattern, message) => {
    expect(() => parseRename(pattern)).toThrow(message);
  });

  it.each([
    [undefined, { identity: true }],
    ['src.{topic}', { identity: false, alias: 'src', separator: '.' }],
    ['dc1_{topic}', { identity: false, alias: 'dc1', separator: '_' }],
  ])('MirrorMaker 2 policy of %s', (pattern, policy) => {
    expect(mm2Policy(parseRename(pattern))).toEqual(policy);
  });

  it('a suffix has no MirrorMaker 2 equivalent', () => {
    expect(() => mm2Policy(parseRename('{topic}.copy'))).toThrow(/no MirrorMaker 2 equivalent/);
  });
});

describe('mirror options', () => {
  const base = { from: 'a', to: 'b', topics: 'orders|payments' };
  it('defaults', () => {
    const o = parse([], base);
    expect(o).toMatchObject({
      from: { profile: 'a' },
      to: { profile: 'b' },
      group: 'ktool-mirror.a.b',
      syncConfigs: false,
      untilCaughtUp: false,
      provenance: false,
      start: 'earliest',
      batchBytes: 512 << 10,
      maxInFlight: 4,
      compression: 'none',
      commitIntervalMs: 1000,
    });
    expect(o.topics.test('orders')).toBe(true);
    expect(o.topics.test('orders2')).toBe(false);
    expect(o.rename.target('orders')).toBe('orders');
  });

  it.each([
    [{ ...base, group: 'g1' }, { group: 'g1' }],
    [
      { ...base, untilCaughtUp: true, syncConfigs: true, provenance: true },
      { untilCaughtUp: true, syncConfigs: true, provenance: true },
    ],
    [
      { ...base, idleTimeout: '5s', commitInterval: '200ms' },
      { idleTimeoutMs: 5000, commitIntervalMs: 200 },
    ],
    [
      { ...base, compression: 'zstd', maxInFlight: '1', batchBytes: '65536' },
      { compression: 'zstd', maxInFlight: 1, batchBytes: 65536 },
    ],
    [
      { topics: 'x', fromBootstrap: 'h1:9092', toConfig: '/tmp/t.properties' },
      { from: { bootstrap: 'h1:9092' }, to: { config: '/tmp/t.properties' } },
    ],
  ])('%o', (flags, expected) => {
    expect(parse([], flags)).toMatchObject(expected);
  });

  it.each([
    [{ to: 'b', topics: 'x' }, /source cluster is missing/],
    [{ from: 'a', topics: 'x' }, /target cluster is missing/],
    [{ from: 'a', to: 'b' }, /--topics REGEX is required/],
    [{ ...base, topics: '(' }, /invalid --topics regular expression/],
    [{ ...base, compression: 'brotli' }, /--compression must be one of/],
    [{ ...base, maxInFlight: '9' }, /--max-in-flight must be a whole number from 1 to 5/],
    [{ ...base, start: 'middle' }, /--start must be earliest or latest/],
  ])('rejects %o', (flags, message) => {
    expect(() => parse([], flags)).toThrow(UsageError);
    expect(() => parse([], flags)).toThrow(message);
  });

  it('a default group per pair of clusters, stable across runs', () => {
    expect(defaultGroup({ profile: 'prod' }, { profile: 'dr' })).toBe('ktool-mirror.prod.dr');
    const g = defaultGroup({ bootstrap: 'a:9092' }, { bootstrap: 'b:9092' });
    expect(g).toMatch(/^ktool-mirror\.[0-9a-f]{12}$/);
    expect(defaultGroup({ bootstrap: 'a:9092' }, { bootstrap: 'b:9092' })).toBe(g);
    expect(defaultGroup({ bootstrap: 'b:9092' }, { bootstrap: 'a:9092' })).not.toBe(g);
  });

  it('a renamed copy gets a default group of its own (no shared positions or partitions with the unrenamed one)', () => {
    const plain = parse([], { ...base }).group;
    const renamed = parse([], { ...base, rename: 'dr.{topic}' }).group;
    expect(renamed).toMatch(/^ktool-mirror\.a\.b\.rename-[0-9a-f]{8}$/);
    expect(renamed).not.toBe(plain);
    expect(parse([], { ...base, rename: 'dr.{topic}' }).group).toBe(renamed);
    expect(parse([], { ...base, rename: 'other.{topic}' }).group).not.toBe(renamed);
    expect(parse([], { ...base, rename: '{topic}' }).group).toBe(plain);
    expect(defaultGroup({ bootstrap: 'a:9092' }, { bootstrap: 'b:9092' }, 'dr.{topic}')).toMatch(
      /^ktool-mirror\.[0-9a-f]{12}\.rename-[0-9a-f]{8}$/,
    );
  });

  it('verify options', () => {
    expect(parseVerify([], { ...base, deep: true, rename: 'src.{topic}' })).toMatchObject({ deep: true, from: { profile: 'a' } });
  });

  it('the command line reaches the parsers', async () => {
    const r = await parseArgs(['mirror', '--from', 'a', '--to', 'b', '--topics', 'x.*', '--until-caught-up', '--rename', 'src.{topic}']);
    expect(r.path).toBe('mirror');
    expect(r.options).toMatchObject({ untilCaughtUp: true, rename: { pattern: 'src.{topic}' } });
    const v = await parseArgs(['mirror', 'verify', '--from', 'a', '--to', 'b', '--topics', 'x', '--deep']);
    expect(v.path).toBe('mirror verify');
    expect(v.options).toMatchObject({ deep: true, from: { profile: 'a' }, to: { profile: 'b' } });
  });
});

describe('record digests and comparison', () => {
  const rec = (key: string | null, value: string | null, ts = 1, headers: [string, string | null][] = []) => ({
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value),
    timestamp: ts,
    headers: headers.map(([k, v]) => [Buffer.from(k), v === null ? null : Buffer.from(v)] as [Buffer, Buffer | null]),
  });

  it('covers key, value, headers and timestamp, and fields do not bleed into each other', () => {
    const d = recordDigest(rec('k', 'v', 1, [['h', '1']]));
    expect(recordDigest(rec('k', 'v', 1, [['h', '1']]))).toBe(d);
    for (const other of [
      rec('k', 'v', 2, [['h', '1']]),
      rec('k', 'v', 1, [['h', '2']]),
      rec('k', 'v', 1),
      rec('kv', '', 1, [['h', '1']]),
      rec(null, 'v', 1, [['h', '1']]),
      rec('k', null, 1, [['h', '1']]),
      rec('k', 'v', 1, [
        ['h', '1'],
        ['h', null],
      ]),
    ]) {
      expect(recordDigest(other)).not.toBe(d);
    }
    expect(recordDigest(rec('', 'v'))).not.toBe(recordDigest(rec(null, 'v')));
  });

  it('ignores the provenance header', () => {
    expect(recordDigest(rec('k', 'v', 1, [['ktool.mirror.source', 't/0/5']]))).toBe(recordDigest(rec('k', 'v', 1)));
  });

  const seq = (digests: string[], start = 0) => ({ digests, offsets: digests.map((_, i) => start + i) });
  it.each([
    [
      'identical',
      seq(['a', 'b', 'c']),
      seq(['a', 'b', 'c']),
      { missing: 0, duplicated: 0, unexpected: 0, firstDifference: null, match: true },
    ],
    [
      'a missing tail',
      seq(['a', 'b', 'c']),
      seq(['a', 'b']),
      { missing: 1, duplicated: 0, firstDifference: { index: 2, sourceOffset: 2, targetOffset: null }, match: false },
    ],
    [
      'a re-sent stretch (at-least-once)',
      seq(['a', 'b', 'c', 'd']),
      seq(['a', 'b', 'c', 'b', 'c', 'd']),
      { missing: 0, duplicated: 2, unexpected: 0, firstDifference: { index: 3, sourceOffset: 3, targetOffset: 3 }, match: false },
    ],
    [
      'a changed record',
      seq(['a', 'b', 'c']),
      seq(['a', 'x', 'c']),
      { missing: 1, duplicated: 0, unexpected: 1, firstDifference: { index: 1, sourceOffset: 1, targetOffset: 1 } },
    ],
    ['repeated source records need repeated copies', seq(['a', 'a']), seq(['a']), { missing: 1, duplicated: 0 }],
    [
      'different start offsets are named',
      seq(['a', 'b'], 100),
      seq(['a', 'c'], 0),
      { firstDifference: { index: 1, sourceOffset: 101, targetOffset: 1 } },
    ],
  ])('%s', (_name, src, tgt, expected) => {
    expect(compareSequences(src, tgt)).toMatchObject(expected);
  });

  it('unordered comparison (repartitioned copies) ignores order', () => {
    expect(compareSequences(seq(['a', 'b']), seq(['b', 'a']), false)).toMatchObject({ match: true, firstDifference: null });
  });
});

describe('acknowledgement order before commits', () => {
  const pos = (offset: number) => new Map([['t\u00000', { topic: 't', partition: 0, offset: BigInt(offset) }]]);
  it('commits a position only when every earlier request was acknowledged', () => {
    const acks = new AckTracker();
    const a = acks.sent({ upTo: pos(10), records: 10, bytes: 100, perTopic: new Map([['t', 10]]) });
    const b = acks.sent({ upTo: pos(20), records: 10, bytes: 100, perTopic: new Map([['t', 10]]) });
    acks.acknowledged(b);
    expect(acks.takeDirty()).toEqual([]);
    expect(acks.records).toBe(0);
    acks.acknowledged(a);
    expect(acks.takeDirty()).toEqual([{ topic: 't', partition: 0, offset: 20n }]);
    expect(acks.records).toBe(20);
    acks.committed(acks.takeDirty());
    expect(acks.takeDirty()).toEqual([]);
  });

  it('after a failure nothing past the failed request is committed', () => {
    const acks = new AckTracker();
    const a = acks.sent({ upTo: pos(10), records: 10, bytes: 100, perTopic: new Map() });
    acks.sent({ upTo: pos(20), records: 10, bytes: 100, perTopic: new Map() }); // fails: never acknowledged
    const c = acks.sent({ upTo: pos(30), records: 10, bytes: 100, perTopic: new Map() });
    acks.acknowledged(a);
    acks.acknowledged(c);
    acks.dropPending();
    expect(acks.takeDirty()).toEqual([{ topic: 't', partition: 0, offset: 10n }]);
  });

  it('forgets revoked partitions', () => {
    const acks = new AckTracker();
    acks.acknowledged(acks.sent({ upTo: pos(5), records: 5, bytes: 1, perTopic: new Map() }));
    acks.retain(() => false);
    expect(acks.takeDirty()).toEqual([]);
  });
});

describe('MirrorMaker 2 connector configs', () => {
  const cluster = (alias: string, bootstrap: string, props: [string, string][] = []) => ({ alias, bootstrap, properties: new Map(props) });
  const build = (flags: Record<string, unknown>, extra: Partial<Parameters<typeof mm2Connectors>[0]> = {}) =>
    mm2Connectors({
      name: 'm',
      source: cluster('src', 'a:9092'),
      target: cluster('dst', 'b:9092'),
      selection: parseSelection(flags),
      tasks: 2,
      syncConfigs: false,
      replicationFactor: -1,
      checkpoints: true,
      heartbeats: true,
      ...extra,
    });

  it('identity names: IdentityReplicationPolicy, three connectors', () => {
    const list = build({ topics: 'orders.*', exclude: 'orders\\.tmp' });
    expect(list.map((c) => c.name)).toEqual(['m-source', 'm-checkpoint', 'm-heartbeat']);
    expect(list[0].config).toMatchObject({
      'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'replication.policy.class': 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
      topics: 'orders.*',
      'topics.exclude': 'orders\\.tmp',
      'source.cluster.bootstrap.servers': 'a:9092',
      'target.cluster.bootstrap.servers': 'b:9092',
      'tasks.max': '2',
      'replication.factor': '-1',
      'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
    });
    expect(list[0].config['replication.policy.separator']).toBeUndefined();
  });

  it('a rename becomes DefaultReplicationPolicy with its separator; client properties are prefixed', () => {
    const [source] = build(
      { topics: 'x', rename: 'src_{topic}' },
      {
        checkpoints: false,
        heartbeats: false,
        source: cluster('src', 'a:9092', [
          ['security.protocol', 'SASL_SSL'],
          ['bootstrap.servers', 'ignored:1'],
        ]),
      },
    );
    expect(source.config).toMatchObject({
      'replication.policy.class': 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
      'replication.policy.separator': '_',
      'source.cluster.security.protocol': 'SASL_SSL',
      'source.cluster.bootstrap.servers': 'a:9092',
    });
  });

  it('refuses a comma in --topics (a list separator for MirrorMaker 2)', () => {
    expect(() => build({ topics: 'a{1,2}' })).toThrow(/comma/);
  });

  it.each([
    [{ topics: 'x' }, undefined, undefined, { source: 'source', target: 'target' }],
    [{ topics: 'x', rename: 'prod.{topic}' }, undefined, 'dr', { source: 'prod', target: 'dr' }],
    [{ topics: 'x' }, 'east', 'west', { source: 'east', target: 'west' }],
  ])('aliases for %o', (flags, source, target, expected) => {
    expect(aliasesFor(parseSelection(flags), source, target)).toEqual(expected);
  });

  it('an alias that contradicts --rename is refused', () => {
    expect(() => aliasesFor(parseSelection({ topics: 'x', rename: 'prod.{topic}' }), 'east', undefined)).toThrow(/contradicts/);
  });

  it('deploy options', () => {
    expect(parseDeploy([], { from: 'a', to: 'b', topics: 'x', connectUrl: 'http://c:8083', tasks: '3', checkpoints: false })).toMatchObject(
      { connectUrl: 'http://c:8083', tasks: 3, checkpoints: false, heartbeats: true, replicationFactor: -1 },
    );
    expect(() => parseDeploy([], { from: 'a', to: 'b', topics: 'x' })).toThrow(/--connect-url URL is required/);
    expect(parseDeploy([], { from: 'a', to: 'b', topics: 'x', dryRun: true }).dryRun).toBe(true);
    // deploy has no --replication-factor flag (its connectors get -1, the target default): the
    // parser's check is reached only by a direct call like this one.
    const withRf = { from: 'a', to: 'b', topics: 'x', connectUrl: 'u', replicationFactor: '0' } as Parameters<typeof parseDeploy>[1];
    expect(() => parseDeploy([], withRf)).toThrow(/--replication-factor/);
  });
});

describe('batching source records into produce requests', () => {
  const plan = (over: Partial<TopicPlan> = {}): TopicPlan => ({
    source: 's',
    target: 't',
    sourcePartitions: 2,
    targetPartitions: 2,
    mapping: 'same',
    maxMessageBytes: 1_000,
    created: false,
    ...over,
  });
  const rec = (partition: number, offset: number, bytes = 100) => ({
    topic: 's',
    partition,
    offset,
    timestamp: 1,
    timestampType: 'CreateTime' as const,
    key: Buffer.from('k'),
    value: Buffer.alloc(bytes),
    headers: [],
  });

  it('keeps positions per source partition and flushes before a partition batch exceeds max.message.bytes', async () => {
    const b = new Batcher(new Map([['s', plan()]]), false, false, () => 0, 1 << 20);
    const sent: PendingBatch[] = [];
    const flush = async () => void sent.push(b.take());
    await b.add([...Array.from({ length: 12 }, (_, i) => rec(0, 10 + i)), rec(1, 5)], flush);
    sent.push(b.take());
    // ~133 bytes per record: seven fit under 1000 with the batch overhead, then a new request.
    expect(sent.map((x) => x.records.length)).toEqual([6, 7]);
    expect(sent[0].from.get('s\u00000')?.offset).toBe(10n);
    expect(sent[0].upTo.get('s\u00000')?.offset).toBe(16n);
    expect(sent[1].from.get('s\u00000')?.offset).toBe(16n);
    expect(sent[1].upTo.get('s\u00000')?.offset).toBe(22n);
    expect(sent[1].upTo.get('s\u00001')?.offset).toBe(6n);
    expect(sent[1].perTopic.get('s')).toBe(7);
    expect(sent[1].records.map((r) => r.partition)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('a record that can never fit: the batch before it is sent, then a clear error', async () => {
    const b = new Batcher(new Map([['s', plan()]]), false, false, () => 0, 1 << 20);
    const sent: PendingBatch[] = [];
    await expect(b.add([rec(0, 1), rec(0, 2, 5_000)], async () => void sent.push(b.take()))).rejects.toThrow(
      /record at s partition 0 offset 2 is about \d+ bytes, more than max.message.bytes=1000 of the target topic t/,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].upTo.get('s\u00000')?.offset).toBe(2n);
  });

  it('fewer target partitions: by key hash, keyless by source partition modulo', async () => {
    const b = new Batcher(
      new Map([['s', plan({ targetPartitions: 1, mapping: 'hash' })]]),
      true,
      false,
      (key, count) => key.length % count,
      1 << 20,
    );
    await b.add([rec(1, 7), { ...rec(1, 8), key: null }], async () => undefined);
    const batch = b.take();
    expect(batch.records.map((r) => r.partition)).toEqual([0, 0]);
    expect(batch.records[0].headers?.map(([k, v]) => `${k}=${v}`)).toEqual(['ktool.mirror.source=s/1/7']);
  });
});
