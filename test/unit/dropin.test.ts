import { describe, expect, it } from 'vitest';
import { dropinName } from '../../src/dropin/detect.js';
import { javaHashMapCapacity, javaHashMapOrder, javaStringHash } from '../../src/dropin/java-hash-order.js';
import { JoptError, parseJopt } from '../../src/dropin/jopt.js';
import { parseReplicaAssignment, TOPICS, TOPICS_OPTIONS } from '../../src/dropin/topics.js';

describe('which command lines are a kafka-*.sh spelling', () => {
  it.each([
    [['topics', '--list'], 'topics'],
    [['topics', '--bootstrap-server', 'h:1', '--describe', '--topic', 't'], 'topics'],
    [['topics', '--bootstrap-server', 'h:1'], 'topics'],
    [['topics', '--bogus'], 'topics'],
    // ktool's own spellings, help, and original spellings mixed with ktool's flags.
    [['topics', 'list'], undefined],
    [['topics', '--help'], undefined],
    [['topics', '--describe', '--topic', 't', '--json'], undefined],
    [['topics', '--list', '-b', 'h:1'], undefined],
    [['topics', '--delete', '--topic', 't', '--allow-internal-topics'], undefined],
    [['produce', '--list'], undefined],
    // kafka-delete-records.sh, kafka-log-dirs.sh, kafka-acls.sh: --bootstrap-server and the original's own flag.
    [['delete-records', '--bootstrap-server', 'h:1', '--offset-json-file', 'f'], 'delete-records'],
    [['delete-records', '--offset-json-file', 'f', '--yes'], undefined],
    [['delete-records', 'orders:0', '--bootstrap-server', 'h:1', '--before', '5'], undefined],
    [['cluster', 'log-dirs', '--bootstrap-server', 'h:1', '--describe'], 'log-dirs'],
    [['cluster', 'log-dirs', '--bootstrap-server', 'h:1', '--describe', '--topic', 't'], undefined],
    [['cluster', 'log-dirs', '-b', 'h:1', '--describe'], undefined],
    // kafka-broker-api-versions.sh has only its connection flags: with --bootstrap-server and no ktool flag, the original.
    [['cluster', 'api-versions', '--bootstrap-server', 'h:1'], 'api-versions'],
    [['cluster', 'api-versions', '--bootstrap-server', 'h:1', '--bogus'], 'api-versions'],
    [['cluster', 'api-versions', '-b', 'h:1'], undefined],
    [['cluster', 'api-versions', '--bootstrap-server', 'h:1', '--json'], undefined],
    // kafka-delete-records.sh's one action is its file: without it, the original's "Missing required argument".
    [['delete-records', '--bootstrap-server', 'h:1'], 'delete-records'],
    [['delete-records', '--bootstrap-server', 'h:1', 'orders'], 'delete-records'],
    // --version makes a line the original's (no ktool command has it); not for the two originals without one.
    [['acls', '--version'], 'acls'],
    [['acls', '--bootstrap-server', 'h:1', '--version'], 'acls'],
    [['partitions', 'reassign', '--version'], 'reassign'],
    [['cluster', 'log-dirs', '--version', '--json'], undefined],
    [['cluster', 'quorum', '--version'], undefined],
    [['cluster', 'features', '--bootstrap-server', 'h:1', '--version'], undefined],
    [['perf', 'consume', '--version'], 'perf-consume'],
    [['perf', 'e2e', '--version'], 'perf-e2e'],
    [['perf', 'produce', '--version'], 'perf-produce'],
    [['perf', 'produce', 't', '--version'], undefined],
    [['acls', '--bootstrap-server', 'h:1', '--list', '--topic', 't'], 'acls'],
    [['acls', 'list', '--bootstrap-server', 'h:1', '--topic', 't'], undefined],
    [['acls', '--bootstrap-server', 'h:1', '--add', '--topic', 't', '--yes'], undefined],
    [['acls', '--list', '--topic', 't'], undefined],
    // kafka-share-groups.sh is a word of its own: every line of it is the drop-in; `groups --list` stays kafka-consumer-groups.sh.
    [['share-groups', '--bootstrap-server', 'h:1', '--list'], 'share-groups'],
    [['share-groups', '--help'], 'share-groups'],
    [['share-groups'], 'share-groups'],
    [['share-consume', '--bootstrap-server', 'h:1', '--topic', 't', '--group', 'g'], 'share-consume'],
    [['consume', '--bootstrap-server', 'h:1', '--topic', 't', '--group', 'g'], undefined],
    [['groups', '--bootstrap-server', 'h:1', '--list'], 'groups'],
    [['groups', 'list', '--type', 'share'], undefined],
    // kafka-metadata-quorum.sh, kafka-features.sh: a sub-command word, known or not (the original refuses an unknown one).
    [['cluster', 'quorum', '--bootstrap-server', 'h:1', 'describe', '--status'], 'quorum'],
    [['cluster', 'quorum', '--bootstrap-server', 'h:1', 'bogus'], 'quorum'],
    [['cluster', 'quorum', '--command-config', 'f', '--bootstrap-server', 'h:1', 'bogus'], 'quorum'],
    [['cluster', 'features', '--bootstrap-controller', 'h:1', 'bogus'], 'features'],
    [['cluster', 'quorum', '--bootstrap-server', 'h:1'], undefined],
    [['cluster', 'quorum', '--bootstrap-server', 'h:1', '--command-config', 'f'], undefined],
    [['cluster', 'features', '--bootstrap-server', 'h:1', 'bogus', '--json'], undefined],
    // kafka-reassign-partitions.sh --bootstrap-controller (its --list and --cancel).
    [['partitions', 'reassign', '--bootstrap-controller', 'h:1', '--list'], 'reassign'],
  ])('%j -> %s', (argv, expected) => expect(dropinName(argv)).toBe(expected));
});

describe("jopt-simple's parsing, as Kafka's tools configure it", () => {
  it('takes --name value and --name=value, keeps every value, ignores operands', () => {
    const r = parseJopt(['--topic', 'a', '--config=x=1', '--config', 'y=2', '--list', 'extra'], TOPICS_OPTIONS);
    expect(r.values.get('topic')).toEqual(['a']);
    expect(r.values.get('config')).toEqual(['x=1', 'y=2']);
    expect(r.values.get('list')).toEqual(['']);
    expect(r.operands).toEqual(['extra']);
  });

  it.each([
    [['--bogus'], 'bogus is not a recognized option'],
    // No abbreviations (Kafka builds its parsers with them off).
    [['--li'], 'li is not a recognized option'],
    [['--topic'], 'Option topic requires an argument'],
    [['--topic', '--list'], 'Option topic requires an argument'],
    [['--list=1'], 'Option list does not take an argument'],
  ])('%j: %s', (args, message) => {
    expect(() => parseJopt(args, TOPICS_OPTIONS)).toThrow(new JoptError(message));
  });

  it('names the options ktool does not implement: --replica-assignment on --alter only', () => {
    const create = parseJopt(['--create', '--topic', 't', '--replica-assignment', '1:2'], TOPICS_OPTIONS);
    expect(TOPICS.unsupported!(create)).toEqual([]);
    const alter = parseJopt(['--alter', '--topic', 't', '--partitions', '3', '--replica-assignment', '1:2'], TOPICS_OPTIONS);
    expect(TOPICS.unsupported!(alter).map((o) => o.name)).toEqual(['replica-assignment']);
  });

  it("parses --replica-assignment as TopicCommand: partitions by ',', replicas by ':'", () => {
    expect(parseReplicaAssignment('0:1,1:2,2:0')).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    expect(parseReplicaAssignment('3')).toEqual([[3]]);
    expect(() => parseReplicaAssignment('1:1')).toThrow('Partition replica lists may not contain duplicate entries: 1');
    expect(() => parseReplicaAssignment('0:1,2')).toThrow('Partition 1 has different replication factor: [2]');
    expect(() => parseReplicaAssignment('a')).toThrow('For input string: "a"');
  });
});

describe("Java's HashMap order (TopicCommand prints several topics in it)", () => {
  it('String.hashCode as Java computes it (int overflow included)', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('orders')).toBe(-1008770331);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });

  it('table sizes of new HashMap<>(n) after n puts', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 13, 16, 17].map((n) => javaHashMapCapacity(n, n))).toEqual([1, 2, 4, 4, 8, 8, 16, 32, 32, 32]);
  });

  it('iterates buckets in index order, a bucket in insertion order', () => {
    // Java 17: new HashMap<>(3) after put("b"), put("a"), put("c") iterates a, b, c (buckets 1, 2, 3 of 4).
    expect(javaHashMapOrder(['b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
    // "Aa" and "BB" share a hash: insertion order.
    expect(javaHashMapOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
  });
});
