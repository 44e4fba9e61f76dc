import { describe, expect, it } from 'vitest';
import { assignReplicas, changeReplicationFactor, rackAlternated } from '../../src/commands/partitions/assign.js';
import {
  checkExecutable,
  parseBrokerList,
  parsePlanJson,
  parseTopicsJson,
  planJson,
  PlanError,
} from '../../src/commands/partitions/plan.js';
import { moveMap, reassigningBrokers, topicThrottles } from '../../src/commands/partitions/throttles.js';
import { javaHashOrder, javaStringHash, javaTpHash } from '../../src/dropin/java-hash-order.js';

describe('reassignment plans (Kafka JSON)', () => {
  it('reads a plan, log_dirs defaulting to any, and writes it back as Java does (sorted, compact)', () => {
    const plan = parsePlanJson(
      '{"partitions":[{"topic":"b","partition":1,"replicas":[2,3]},' +
        '{"topic":"a","partition":0,"replicas":[1],"log_dirs":["any"]}],"version":1}',
    );
    expect(plan).toEqual([
      { topic: 'b', partition: 1, replicas: [2, 3], logDirs: ['any', 'any'] },
      { topic: 'a', partition: 0, replicas: [1], logDirs: ['any'] },
    ]);
    expect(planJson(plan)).toBe(
      '{"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1],"log_dirs":["any"]},' +
        '{"topic":"b","partition":1,"replicas":[2,3],"log_dirs":["any","any"]}]}',
    );
  });

  it.each([
    ['{"version":2,"partitions":[]}', 'Not supported version field value 2'],
    [
      '{"partitions":[{"topic":"a","partition":0,"replicas":[1,2],"log_dirs":["any"]}]}',
      'Size of replicas list [1, 2] is different from size of log dirs list [any] for partition a-0',
    ],
    ['{"partitions":[{"partition":0,"replicas":[1]}]}', 'No such field exists: `topic`'],
    ['not json', 'The input string is not a valid JSON'],
  ])('refuses %s', (text, message) => {
    expect(() => parsePlanJson(text)).toThrow(message);
  });

  it("checks a plan to execute with Kafka's words", () => {
    expect(() => checkExecutable([])).toThrow('Partition reassignment list cannot be empty');
    const e = (replicas: number[]) => ({ topic: 't', partition: 0, replicas, logDirs: replicas.map(() => 'any') });
    expect(() => checkExecutable([e([])])).toThrow('Partition replica list cannot be empty');
    expect(() => checkExecutable([e([1]), e([2])])).toThrow('Partition reassignment contains duplicate topic partitions: t-0');
    expect(() => checkExecutable([e([1, 1])])).toThrow(
      'Partition replica lists may not contain duplicate entries: t-0 contains multiple entries for 1',
    );
  });

  it('reads topics files and broker lists', () => {
    expect(parseTopicsJson('{"topics":[{"topic":"a"},{"topic":"b"}],"version":1}')).toEqual(['a', 'b']);
    expect(() => parseTopicsJson('{"topics":[{"topic":"a"},{"topic":"a"}]}')).toThrow(
      'List of topics to reassign contains duplicate entries: [a]',
    );
    expect(parseBrokerList('1,2,3')).toEqual([1, 2, 3]);
    expect(() => parseBrokerList('1,1')).toThrow(PlanError);
    expect(() => parseBrokerList('1,x')).toThrow('For input string: "x"');
  });
});

describe('replica placement', () => {
  const brokers = [1, 2, 3].map((id) => ({ id, rack: null }));
  it('is AdminUtils.assignReplicasToBrokers for fixed start index and shift', () => {
    // Kafka's AdminUtilsTest: 5 brokers, 10 partitions, RF 3, fixed start index 0.
    const five = [0, 1, 2, 3, 4].map((id) => ({ id, rack: null }));
    expect(assignReplicas(five, 10, 3, () => 0)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 0],
      [4, 0, 1],
      [0, 2, 3],
      [1, 3, 4],
      [2, 4, 0],
      [3, 0, 1],
      [4, 1, 2],
    ]);
    expect(() => assignReplicas(brokers, 1, 4)).toThrow('Replication factor: 4 larger than available brokers: 3.');
  });

  it('alternates racks and puts replicas of a partition on different racks', () => {
    const racked = [
      { id: 0, rack: 'rack1' },
      { id: 1, rack: 'rack3' },
      { id: 2, rack: 'rack3' },
      { id: 3, rack: 'rack2' },
      { id: 4, rack: 'rack2' },
      { id: 5, rack: 'rack1' },
    ];
    expect(rackAlternated(racked)).toEqual([0, 3, 1, 5, 4, 2]);
    const rackOf = new Map(racked.map((b) => [b.id, b.rack]));
    for (const replicas of assignReplicas(racked, 12, 3)) expect(new Set(replicas.map((r) => rackOf.get(r))).size).toBe(3);
  });

  it('grows the replication factor keeping the leader first, on new racks, spreading the load', () => {
    const racked = [
      { id: 1, host: 'h', port: 1, rack: 'a' },
      { id: 2, host: 'h', port: 1, rack: 'a' },
      { id: 3, host: 'h', port: 1, rack: 'b' },
    ];
    const parts = [0, 1, 2].map((partition) => ({ partition, replicas: [1], isr: [1] }));
    const grown = changeReplicationFactor(parts, racked, 2);
    for (const r of grown) expect(r).toEqual([1, 3]);
    const three = changeReplicationFactor(parts, racked, 3);
    for (const r of three) expect([...r].sort()).toEqual([1, 2, 3]);
    const flat = [1, 2, 3].map((id) => ({ id, host: 'h', port: 1, rack: null }));
    const spread = changeReplicationFactor(
      [0, 1, 2].map((partition) => ({ partition, replicas: [partition + 1], isr: [] })),
      flat,
      2,
    );
    expect(spread.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(new Set(spread.map((r) => r[1])).size).toBe(3);
  });

  it('shrinks keeping the preferred leader, in-sync replicas and rack spread', () => {
    const racked = [
      { id: 1, host: 'h', port: 1, rack: 'a' },
      { id: 2, host: 'h', port: 1, rack: 'a' },
      { id: 3, host: 'h', port: 1, rack: 'b' },
    ];
    expect(changeReplicationFactor([{ partition: 0, replicas: [1, 2, 3], isr: [1, 2, 3] }], racked, 2)).toEqual([[1, 3]]);
    const flat = racked.map((b) => ({ ...b, rack: null }));
    expect(changeReplicationFactor([{ partition: 0, replicas: [1, 2, 3], isr: [1, 3] }], flat, 2)).toEqual([[1, 3]]);
  });
});

describe('shrinking the replication factor: even replica counts per broker', () => {
  const flat = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, host: 'h', port: 1, rack: null }));
  const full = (replicas: number[][]) => replicas.map((r, partition) => ({ partition, replicas: r, isr: [...r] }));
  const loads = (targets: number[][], brokers: number) =>
    Array.from({ length: brokers }, (_, b) => targets.filter((t) => t.includes(b + 1)).length);
  const cases: {
    name: string;
    brokers: number;
    parts: { partition: number; replicas: number[]; isr: number[] }[];
    factor: number;
    load: number[];
  }[] = [
    // The shared cluster's 3/2/1: partition by partition, p2 could only take a broker already at two.
    {
      name: '3 partitions 3 -> 2, greedy order 3/2/1',
      brokers: 3,
      parts: full([
        [1, 2, 3],
        [2, 1, 3],
        [3, 1, 2],
      ]),
      factor: 2,
      load: [2, 2, 2],
    },
    {
      name: '3 partitions 3 -> 2, rotated',
      brokers: 3,
      parts: full([
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ]),
      factor: 2,
      load: [2, 2, 2],
    },
    {
      name: '3 partitions 3 -> 1',
      brokers: 3,
      parts: full([
        [1, 2, 3],
        [2, 1, 3],
        [3, 1, 2],
      ]),
      factor: 1,
      load: [1, 1, 1],
    },
    {
      name: '6 partitions 3 -> 2, leaders 1,1,2,2,3,3',
      brokers: 3,
      parts: full([
        [1, 2, 3],
        [1, 2, 3],
        [2, 1, 3],
        [2, 1, 3],
        [3, 1, 2],
        [3, 1, 2],
      ]),
      factor: 2,
      load: [4, 4, 4],
    },
    {
      name: '4 partitions 4 -> 2 on 4 brokers',
      brokers: 4,
      parts: full([
        [1, 2, 3, 4],
        [2, 1, 3, 4],
        [3, 1, 2, 4],
        [4, 1, 2, 3],
      ]),
      factor: 2,
      load: [2, 2, 2, 2],
    },
    // In-sync replicas rank above balance: 3 is in sync nowhere, so it keeps none, 1 and 2 three each.
    {
      name: 'out-of-sync replicas are dropped first, even if uneven',
      brokers: 3,
      parts: [
        { partition: 0, replicas: [1, 2, 3], isr: [1, 2] },
        { partition: 1, replicas: [1, 3, 2], isr: [1, 2] },
        { partition: 2, replicas: [2, 3, 1], isr: [2, 1] },
      ],
      factor: 2,
      load: [3, 3, 0],
    },
    {
      name: 'a partition already at the factor counts',
      brokers: 3,
      parts: full([
        [1, 2],
        [2, 1, 3],
        [3, 1, 2],
      ]),
      factor: 2,
      load: [2, 2, 2],
    },
  ];
  it.each(cases)('$name', ({ brokers, parts, factor, load }) => {
    const targets = changeReplicationFactor(parts, flat(brokers), factor);
    expect(loads(targets, brokers)).toEqual(load);
    targets.forEach((t, i) => {
      expect(t).toHaveLength(factor);
      expect(t[0]).toBe(parts[i].replicas[0]);
      // Kept in the order the partition had them.
      expect(t).toEqual(parts[i].replicas.filter((b) => t.includes(b)));
    });
  });

  it('every order of the followers of 3 partitions led by 1, 2, 3 ends 2/2/2', () => {
    const orders = (l: number) => {
      const [a, b] = [1, 2, 3].filter((x) => x !== l);
      return [
        [l, a, b],
        [l, b, a],
      ];
    };
    for (const p0 of orders(1))
      for (const p1 of orders(2))
        for (const p2 of orders(3)) expect(loads(changeReplicationFactor(full([p0, p1, p2]), flat(3), 2), 3)).toEqual([2, 2, 2]);
  });

  it('keeps the rack spread while balancing', () => {
    const racked = [
      { id: 1, host: 'h', port: 1, rack: 'a' },
      { id: 2, host: 'h', port: 1, rack: 'a' },
      { id: 3, host: 'h', port: 1, rack: 'b' },
    ];
    // Rack b (broker 3) is kept by every partition not led by it, before any balance.
    const t = changeReplicationFactor(
      full([
        [1, 2, 3],
        [2, 1, 3],
        [3, 1, 2],
      ]),
      racked,
      2,
    );
    expect(t[0]).toEqual([1, 3]);
    expect(t[1]).toEqual([2, 3]);
    expect(t[2][0]).toBe(3);
  });
});

describe('throttles', () => {
  it('throttles the sources as leaders and the new replicas as followers (Java TreeSet order)', () => {
    const moves = moveMap(
      [],
      [
        { topic: 't', partition: 0, replicas: [1, 2] },
        { topic: 't', partition: 10, replicas: [2, 3] },
      ],
      new Map([
        ['t\u00000', [3]],
        ['t\u000010', [1]],
      ]),
    );
    expect(topicThrottles(moves).get('t')).toEqual({ leader: '0:3,10:1', follower: '0:1,0:2,10:2,10:3' });
    expect(reassigningBrokers(moves)).toEqual([1, 2, 3]);
  });
});

describe('Java hash orders', () => {
  it('orders a HashSet<TopicPartition> and HashSet<String> as Java iterates them', () => {
    // Seen from LeaderElectionCommand 4.3.1: "for partitions rpC-3, rpC-2".
    expect(
      javaHashOrder(
        [
          { topic: 'rpC', partition: 2 },
          { topic: 'rpC', partition: 3 },
        ],
        javaTpHash,
      ).map((t) => t.partition),
    ).toEqual([3, 2]);
    expect(javaStringHash('a')).toBe(97);
    // 17 and 1 share bucket 1 of 16: insertion order within it.
    expect(javaHashOrder([17, 1, 16], (i) => i)).toEqual([16, 17, 1]);
  });
});
