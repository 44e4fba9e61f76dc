import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../src/config/connection.js';
import type { ConfigsApi } from '../../src/kafka/configs-types.js';
import type { KafkaFactory } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';
import {
  ArgError,
  checkArgs,
  configOptions,
  entityNames,
  entityTypes,
  parseAdded,
  parseDeleted,
  parseProperties,
} from '../../src/dropin/configs-args.js';
import { dropinName } from '../../src/dropin/detect.js';
import { javaDouble, javaHashMapOrderBy, javaStringMapHash } from '../../src/dropin/java-text.js';
import { parseJopt } from '../../src/dropin/jopt.js';

const parse = (...args: string[]) => parseJopt(args, configOptions);

describe('kafka-configs.sh command lines', () => {
  it('is the drop-in alone, ktool with a ktool flag', () => {
    expect(dropinName(['configs', '--describe', '--topic', 't'])).toBe('configs');
    expect(dropinName(['configs', '--describe', '--topic', 't', '--json'])).toBeUndefined();
  });

  it('entity types and names in the order ConfigCommandOptions gives them', () => {
    const o = parse('--entity-type', 'users', '--entity-default', '--entity-type', 'clients', '--entity-name', 'c');
    expect([entityTypes(o), entityNames(o)]).toEqual([
      ['users', 'clients'],
      ['', 'c'],
    ]);
    const s = parse('--user', 'u', '--client', 'c');
    expect([entityTypes(s), entityNames(s)]).toEqual([
      ['clients', 'users'],
      ['c', 'u'],
    ]);
  });

  it.each([
    [['--describe', '--entity-type', 'topics', '--entity-default'], '--entity-default must not be specified with --describe of topics'],
    [['--describe', '--broker', '1', '--topic', 't'], "Only 'users' and 'clients' entity types may be specified together"],
    [
      ['--describe', '--entity-type', 'brokers', '--entity-name', 'x'],
      'The entity name for brokers must be a valid integer broker id, but it is: x',
    ],
    [['--alter', '--topic', 't'], 'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter'],
    [
      ['--describe', '--entity-type', 'users', '--client', 'c'],
      '--entity-{type,name,default} should not be used in conjunction with specific entity flags',
    ],
  ])('%j: %s', (args, message) => {
    expect(() => checkArgs(parse(...args))).toThrow(new ArgError(message));
  });

  it("--add-config splits on commas outside [...], trims around '='", async () => {
    const added = await parseAdded(parse('--add-config', 'a=1, cleanup.policy=[compact,delete],b = x y'));
    expect([...added]).toEqual([
      ['a', '1'],
      ['cleanup.policy', 'compact,delete'],
      ['b', 'x y'],
    ]);
    await expect(parseAdded(parse('--add-config', 'a=b=c'))).rejects.toThrow(/requirement failed/);
    await expect(parseAdded(parse('--add-config', 'a b=1'))).rejects.toThrow('Invalid character found for config key: a b');
    expect(parseDeleted(parse('--delete-config', 'a, b', '--delete-config', 'c'))).toEqual(['a', 'b', 'c']);
  });

  it('reads a properties file as java.util.Properties does', () => {
    expect(parseProperties('# c\n! c\na=1\nb: 2\nc 3\nd=x\\\n  y\n\ne=\\ta\n')).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
      ['d', 'xy'],
      ['e', '\ta'],
    ]);
  });
});

describe('Java text', () => {
  it.each([
    [1000, '1000.0'],
    [12.5, '12.5'],
    [1048576, '1048576.0'],
    [20000000, '2.0E7'],
    [10485760, '1.048576E7'],
    [0.0001, '1.0E-4'],
    [0, '0.0'],
  ])('Double.toString(%s) = %s', (d, s) => expect(javaDouble(d)).toBe(s));

  it('orders maps keyed by a map as HashMap does (hashCode: the sum of key ^ value hashes)', () => {
    expect(javaStringMapHash([['user', null]])).toBe(3599307);
    const keys = [{ k: 'a' }, { k: 'b' }];
    expect(javaHashMapOrderBy(keys, (x) => (x.k === 'a' ? 2 : 1), 2).map((x) => x.k)).toEqual(['b', 'a']);
  });
});

describe('kafka-configs.sh --bootstrap-controller (KIP-919)', () => {
  const UNSUPPORTED =
    'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnsupportedEndpointTypeException: ' +
    'This Admin API is not yet supported when communicating directly with the controller quorum.\n';

  function setup() {
    const connections: ConnectionSettings[] = [];
    const asked: string[] = [];
    const configs: Partial<ConfigsApi> = {
      brokerIds: async () => (asked.push('brokerIds'), [1]),
      describeConfigs: async (refs) => (asked.push(`describe ${refs[0].kind} ${refs[0].name}`), [[]]),
      alterConfigs: async (ref) => void asked.push(`alter ${ref.kind} ${ref.name}`),
      describeQuotas: async () => (asked.push('describeQuotas'), []),
    };
    const inner = fakeKafka([topic('t', 1)], {}, { configs: configs as ConfigsApi });
    const kafkaFactory: KafkaFactory = (settings) => (connections.push(settings), inner(settings));
    const run = (...argv: string[]) =>
      runCli(['configs', '--bootstrap-controller', 'c1:9093,c2:9093', ...argv], {
        deps: { kafkaFactory },
        env: { KTOOL_CONFIG: '/nonexistent/config.yaml' },
      });
    return { run, connections, asked };
  }

  it('connects to the controllers; a broker and the broker default are described and altered there', async () => {
    const { run, connections, asked } = setup();
    expect(await run('--describe', '--entity-type', 'brokers')).toMatchObject({
      code: 0,
      stdout: 'Dynamic configs for broker 1 are:\nDefault configs for brokers in the cluster are:\n',
    });
    expect(connections[0]).toMatchObject({ bootstrap: ['c1:9093', 'c2:9093'] });
    expect(await run('--alter', '--broker-defaults', '--add-config', 'min.insync.replicas=1')).toMatchObject({ code: 0 });
    expect(asked).toEqual(['brokerIds', 'describe broker 1', 'describe broker ', 'alter broker ']);
  });

  it('a topic with --all is asked of them; without --all (a listing first) it fails as Java does, nothing asked', async () => {
    const { run, asked } = setup();
    expect(await run('--describe', '--topic', 't', '--all')).toMatchObject({ code: 0, stdout: 'All configs for topic t are:\n' });
    const r = await run('--describe', '--topic', 't');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[1] + '\n').toBe(UNSUPPORTED);
    expect(asked).toEqual(['describe topic t']);
  });

  it('quotas fail after the command line checks; a broker that is no controller is not registered', async () => {
    const { run, asked } = setup();
    expect((await run('--alter', '--user', 'u', '--add-config', 'foo=1')).stderr).toMatch(/^Only quota and SCRAM credential configs/);
    expect((await run('--alter', '--user', 'u', '--add-config', 'producer_byte_rate=1')).stderr).toContain(UNSUPPORTED);
    expect((await run('--describe', '--ip', '127.0.0.1')).stderr).toContain(UNSUPPORTED);
    const broker = await run('--alter', '--broker', '2', '--add-config', 'log.cleaner.threads=2');
    expect(broker).toMatchObject({ code: 1 });
    expect(broker.stderr).toContain('org.apache.kafka.common.errors.BrokerIdNotRegisteredException: No node with id 2 found.');
    expect(asked).toEqual(['brokerIds']);
  });
});
