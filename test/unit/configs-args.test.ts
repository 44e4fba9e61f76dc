import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

const topic = (name: string) => ({ type: 'topics', name, isDefault: false });

describe('configs arguments -> options', () => {
  it.each([
    [['configs', 'describe', '--topic', 'orders'], 'configs describe', { entities: [topic('orders')], all: false }],
    [
      ['configs', 'describe', '--entity-type', 'topics', '--entity-name', 'orders', '--all'],
      'configs describe',
      { entities: [topic('orders')], all: true },
    ],
    [
      // With a ktool flag (--json), kafka-configs.sh's spelling is ktool's command (alone, it is the drop-in).
      ['configs', '--describe', '--entity-type', 'brokers', '--entity-default', '--json'],
      'configs describe',
      { entities: [{ type: 'brokers', isDefault: true }], all: false },
    ],
    [
      ['configs', 'describe', '--entity-type', 'brokers'],
      'configs describe',
      { entities: [{ type: 'brokers', isDefault: false }], all: false },
    ],
    [
      ['configs', 'describe', '--user', 'alice', '--client', 'app'],
      'configs describe',
      {
        entities: [
          { type: 'users', name: 'alice', isDefault: false },
          { type: 'clients', name: 'app', isDefault: false },
        ],
        all: false,
      },
    ],
    [
      ['configs', 'describe', '--entity-type', 'users', '--entity-type', 'clients', '--entity-name', 'alice', '--entity-default'],
      'configs describe',
      {
        entities: [
          { type: 'users', name: 'alice', isDefault: false },
          { type: 'clients', isDefault: true },
        ],
        all: false,
      },
    ],
    [
      [
        'configs',
        'alter',
        '--topic',
        'orders',
        '--add-config',
        'a=1,b=[x,y]',
        '--add-config',
        'c=2',
        '--delete-config',
        'd,e',
        '--append',
        'f=g',
        '--subtract',
        'h=i',
        '--dry-run',
      ],
      'configs alter',
      {
        entities: [topic('orders')],
        changes: {
          set: [
            ['a', '1'],
            ['b', 'x,y'],
            ['c', '2'],
          ],
          delete: ['d', 'e'],
          append: [['f', 'g']],
          subtract: [['h', 'i']],
        },
        addConfigFile: undefined,
        dryRun: true,
      },
    ],
    [
      ['configs', 'alter', '--broker-defaults', '--add-config-file', 'p.properties'],
      'configs alter',
      {
        entities: [{ type: 'brokers', isDefault: true }],
        changes: { set: [], delete: [], append: [], subtract: [] },
        addConfigFile: 'p.properties',
        dryRun: false,
      },
    ],
    [
      ['configs', 'alter', '--topic', '__consumer_offsets', '--add-config', 'retention.ms=1', '--allow-internal-topics'],
      'configs alter',
      {
        entities: [topic('__consumer_offsets')],
        changes: { set: [['retention.ms', '1']], delete: [], append: [], subtract: [] },
        addConfigFile: undefined,
        dryRun: false,
      },
    ],
    [
      ['configs', '--alter', '--entity-type', 'users', '--entity-default', '--add-config', 'producer_byte_rate=1', '--dry-run'],
      'configs alter',
      {
        entities: [{ type: 'users', isDefault: true }],
        changes: { set: [['producer_byte_rate', '1']], delete: [], append: [], subtract: [] },
        addConfigFile: undefined,
        dryRun: true,
      },
    ],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [['configs', 'describe', '--topic', 't', '--entity-type', 'topics'], /either with --entity-type\/--entity-name or with a shortcut/],
    [['configs', 'describe', '--entity-name', 'x'], /needs an --entity-type before it/],
    [['configs', 'describe', '--entity-type', 'tables'], /unknown entity type "tables"/],
    [['configs', 'describe', '--topic', 't', '--group', 'g'], /only a user and a client can be combined/],
    [
      ['configs', 'describe', '--entity-type', 'topics', '--entity-default'],
      /--entity-default applies to brokers, users, clients and ips, not topics/,
    ],
    [['configs', 'describe', '--entity-type', 'broker-loggers'], /broker-loggers needs a broker id/],
    [['configs', 'alter', '--entity-type', 'topics', '--add-config', 'a=1'], /configs alter needs an entity name for topics/],
    [['configs', 'alter', '--topic', 't', '--add-config', 'a'], /--add-config expects key=value\[,key=value\.\.\.\], got "a"/],
    [
      ['configs', 'alter', '--user', 'u', '--append', 'producer_byte_rate=1'],
      /--append and --subtract apply to list configs, not to quotas/,
    ],
    [['configs', 'describe', '--topic', 't', '--bogus'], /unknown option '--bogus'/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
