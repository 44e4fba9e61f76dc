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
