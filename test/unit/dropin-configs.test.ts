import { describe, expect, it } from 'vitest';
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
