import { describe, expect, it } from 'vitest';
import type {
  ConfigOperation,
  ConfigResourceRef,
  ConfigsApi,
  DescribedConfig,
  QuotaEntityPart,
  QuotaFilter,
} from '../../src/kafka/configs-types.js';
import { topicsNotFound } from '../../src/kafka/not-found.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };

const config = (name: string, value: string | null, source: string, extra: Partial<DescribedConfig> = {}): DescribedConfig => ({
  name,
  value,
  source,
  sensitive: false,
  readOnly: false,
  type: 'LONG',
  synonyms: [],
  ...extra,
});

const ORDERS: DescribedConfig[] = [
  config('cleanup.policy', 'compact', 'DYNAMIC_TOPIC_CONFIG', {
    type: 'LIST',
    synonyms: [{ name: 'log.cleanup.policy', value: 'delete', source: 'DEFAULT_CONFIG' }],
  }),
  config('retention.ms', '86400000', 'DYNAMIC_TOPIC_CONFIG'),
  config('segment.bytes', '1073741824', 'DEFAULT_CONFIG', { type: 'INT' }),
  config('sasl.jaas.config', null, 'DYNAMIC_TOPIC_CONFIG', { sensitive: true, type: 'PASSWORD' }),
];

/** A ConfigsApi over fixed configs (topic orders, broker 1), recording what alter sends. */
function fakeConfigs() {
  const calls: {
    alter: [ConfigResourceRef, ConfigOperation[], boolean][];
    quotas: [QuotaEntityPart[], Record<string, number>, string[], boolean][];
    quotaFilters: QuotaFilter[][];
  } = { alter: [], quotas: [], quotaFilters: [] };
  const api: ConfigsApi = {
    async describeConfigs(refs) {
      return refs.map((r) => {
        if (r.kind === 'topic' && r.name !== 'orders' && r.name !== '__consumer_offsets') throw topicsNotFound([r.name]);
        if (r.kind === 'topic') return ORDERS;
        return [
          config('log.cleaner.threads', '2', r.name ? 'DYNAMIC_BROKER_CONFIG' : 'DYNAMIC_DEFAULT_BROKER_CONFIG', { type: 'INT' }),
          config('num.io.threads', '8', 'STATIC_BROKER_CONFIG', { type: 'INT', readOnly: true }),
        ];
      });
    },
    async alterConfigs(ref, operations, validateOnly) {
      calls.alter.push([ref, operations, validateOnly]);
    },
    async brokerIds() {
      return [1, 2];
    },
    async describeQuotas(filter) {
      calls.quotaFilters.push(filter);
      if (filter[0].name === 'nobody') return [];
      return [
        { entity: [{ type: 'user', name: filter[0].name ?? null }], values: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 } },
      ];
    },
    async alterQuotas(entity, set, remove, validateOnly) {
      calls.quotas.push([entity, set, remove, validateOnly]);
    },
  };
  const deps = { kafkaFactory: fakeKafka([topic('orders', 2), topic('__consumer_offsets', 1, [1], true)], {}, { configs: api }) };
  return { deps, calls };
}

describe('configs describe rendering', () => {
  const TABLE = [
    'Dynamic configs for topic orders:',
    'NAME              VALUE        SOURCE                SENSITIVE  READ-ONLY',
    'cleanup.policy    compact      DYNAMIC_TOPIC_CONFIG  no         no',
    'retention.ms      86400000     DYNAMIC_TOPIC_CONFIG  no         no',
    'sasl.jaas.config  <sensitive>  DYNAMIC_TOPIC_CONFIG  yes        no',
    '',
  ].join('\n');

  it('off a TTY: only the values set on the entity, plain columns, no colour', async () => {
    const { deps } = fakeConfigs();
    const r = await runCli(['configs', 'describe', '--topic', 'orders'], { deps, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TABLE);
  });

  it("the kafka-configs.sh spelling gives the original's lines (test/dropin/ compares them with ConfigCommand's)", async () => {
    const { deps } = fakeConfigs();
    const r = await runCli(['configs', '--describe', '--entity-type', 'topics', '--entity-name', 'orders'], { deps, env });
    expect([r.code, r.stdout]).toEqual([
      0,
      [
        'Dynamic configs for topic orders are:',
        '  cleanup.policy=compact sensitive=false synonyms={DEFAULT_CONFIG:log.cleanup.policy=delete}',
        '  retention.ms=86400000 sensitive=false synonyms={}',
        '  sasl.jaas.config=null sensitive=true synonyms={}',
        '',
      ].join('\n'),
    ]);
  });

  it('on a TTY with FORCE_COLOR: bold headers, the same text underneath', async () => {
    const { deps } = fakeConfigs();
    const r = await runCli(['configs', 'describe', '--topic', 'orders'], {
      deps,
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1mNAME\u001b[22m');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout.replace(/\u001b\[\d+m/g, '')).toBe(TABLE);
  });

  it('--all --format wide: every config with its TYPE and SYNONYMS', async () => {
    const { deps } = fakeConfigs();
    const r = await runCli(['configs', 'describe', '--topic', 'orders', '--all', '--format', 'wide'], { deps, env });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('All configs for topic orders:');
    expect(lines[1]).toMatch(/^NAME +VALUE +SOURCE +SENSITIVE +READ-ONLY +TYPE +SYNONYMS$/);
    expect(lines[2]).toMatch(/^cleanup\.policy +compact +DYNAMIC_TOPIC_CONFIG +no +no +LIST +DEFAULT_CONFIG:log\.cleanup\.policy=delete$/);
    expect(lines.filter((l) => l.startsWith('segment.bytes'))).toHaveLength(1);
  });

  it('--json and --format yaml carry the data, sensitive values as null', async () => {
    const { deps } = fakeConfigs();
    const json = await runCli(['configs', 'describe', '--topic', 'orders', '--json'], { deps, env });
    expect(json.code).toBe(0);
    const [entity] = JSON.parse(json.stdout);
    expect(entity.entityType).toBe('topics');
    expect(entity.entityName).toBe('orders');
    expect(entity.configs.map((c: DescribedConfig) => [c.name, c.value])).toEqual([
      ['cleanup.policy', 'compact'],
      ['retention.ms', '86400000'],
      ['sasl.jaas.config', null],
    ]);
    const yaml = await runCli(['configs', 'describe', '--broker', '1', '--format', 'yaml'], { deps, env });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toBe(
      [
        '- entityType: brokers',
        '  entityName: "1"',
        '  configs:',
        '    - name: log.cleaner.threads',
        '      value: "2"',
        '      source: DYNAMIC_BROKER_CONFIG',
        '      sensitive: false',
        '      readOnly: false',
        '      type: INT',
        '      synonyms: []',
        '',
      ].join('\n'),
    );
  });

  it('every broker when none is named; the default broker with --broker-defaults', async () => {
    const { deps } = fakeConfigs();
    const all = await runCli(['configs', 'describe', '--entity-type', 'brokers'], { deps, env });
    expect(all.stdout.split('\n').filter((l) => l.startsWith('Dynamic'))).toEqual([
      'Dynamic configs for broker 1:',
      'Dynamic configs for broker 2:',
    ]);
    const defaults = await runCli(['configs', 'describe', '--broker-defaults'], { deps, env });
    expect(defaults.stdout.split('\n')[0]).toBe('Dynamic configs for default broker:');
  });

  it('quotas: a table of entity, quota and value; none is a sentence', async () => {
    const { deps, calls } = fakeConfigs();
    const r = await runCli(['configs', 'describe', '--user', 'alice'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ENTITY      QUOTA                 VALUE\nuser=alice  producer_byte_rate  1048576\nuser=alice  consumer_byte_rate  2097152\n',
    );
    expect(calls.quotaFilters).toEqual([[{ type: 'user', name: 'alice' }]]);
    const none = await runCli(['configs', 'describe', '--user', 'nobody'], { deps, env });
    expect([none.code, none.stdout]).toEqual([0, 'No quotas for user nobody\n']);
  });

  it('a topic that does not exist is exit 3; a group without a name is exit 3; no entity is exit 2', async () => {
    const { deps } = fakeConfigs();
    const missing = await runCli(['configs', 'describe', '--topic', 'nope'], { deps, env });
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([
      3,
      '',
      'error: topic nope does not exist\nhint: ktool topics list shows the topics\n',
    ]);
    const group = await runCli(['configs', 'describe', '--entity-type', 'groups'], { deps, env });
    expect([group.code, group.stderr]).toEqual([3, 'error: name the groups entity to describe (--entity-name NAME)\n']);
    const none = await runCli(['configs', 'describe'], { deps, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: name the entity: --topic T/);
  });
});

describe('configs alter rendering', () => {
  it('off a TTY: what was changed, secrets masked; the operations sent as given', async () => {
    const { deps, calls } = fakeConfigs();
    const r = await runCli(
      [
        'configs',
        'alter',
        '--topic',
        'orders',
        '--add-config',
        'retention.ms=1000,sasl.jaas.config=secret',
        '--append',
        'cleanup.policy=delete',
      ],
      { deps, env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Completed updating config for topic orders\n  set retention.ms=1000\n' +
        '  set sasl.jaas.config=<sensitive>\n  appended delete to cleanup.policy\n',
    );
    expect(calls.alter).toEqual([
      [
        { kind: 'topic', name: 'orders' },
        [
          { op: 'set', name: 'retention.ms', value: '1000' },
          { op: 'set', name: 'sasl.jaas.config', value: 'secret' },
          { op: 'append', name: 'cleanup.policy', value: 'delete' },
        ],
        false,
      ],
    ]);
  });

  it('--dry-run validates only and says so; on a TTY the same words', async () => {
    const { deps, calls } = fakeConfigs();
    const r = await runCli(['configs', 'alter', '--broker-defaults', '--add-config', 'log.cleaner.threads=2', '--dry-run'], {
      deps,
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Valid (dry run, nothing changed): config for default broker\n  set log.cleaner.threads=2\n');
    expect(calls.alter).toEqual([[{ kind: 'broker', name: '' }, [{ op: 'set', name: 'log.cleaner.threads', value: '2' }], true]]);
  });

  it('--json and --format yaml: the change set; quota values as numbers', async () => {
    const { deps, calls } = fakeConfigs();
    const json = await runCli(['configs', 'alter', '--topic', 'orders', '--delete-config', 'retention.ms', '--json'], { deps, env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      entityType: 'topics',
      entityName: 'orders',
      set: {},
      deleted: ['retention.ms'],
      appended: {},
      subtracted: {},
      dryRun: false,
    });
    const yaml = await runCli(['configs', 'alter', '--user', 'alice', '--add-config', 'producer_byte_rate=1048576', '--format', 'yaml'], {
      deps,
      env,
    });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toBe(
      'entityType: users\nentityName: alice\nset:\n  producer_byte_rate: 1048576\ndeleted: []\n' +
        'appended: {}\nsubtracted: {}\ndryRun: false\nentity:\n  user: alice\n',
    );
    expect(calls.quotas).toEqual([[[{ type: 'user', name: 'alice' }], { producer_byte_rate: 1048576 }, [], false]]);
  });

  it.each([
    [['--topic', 'orders'], /^error: nothing to change\n/],
    [
      ['--topic', 'orders', '--delete-config', 'no.such.config'],
      /^error: topic orders has no config no\.such\.config\nhint: ktool configs describe --topic orders --all lists its configs\n$/,
    ],
    [['--topic', '__consumer_offsets', '--add-config', 'retention.ms=1'], /--allow-internal-topics/],
    [['--user', 'alice', '--add-config', 'producer_byte_rate=fast'], /^error: quota producer_byte_rate must be a number, got "fast"\n$/],
    [['--broker', 'one', '--add-config', 'a=1'], /^error: a broker is named by its numeric id, got "one"\n/],
  ])('usage errors are exit 2 and change nothing: %j', async (args, stderr) => {
    const { deps, calls } = fakeConfigs();
    const r = await runCli(['configs', 'alter', ...args], { deps, env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(stderr);
    expect(calls.alter).toEqual([]);
  });

  it('a topic that does not exist is exit 3', async () => {
    const { deps } = fakeConfigs();
    const r = await runCli(['configs', 'alter', '--topic', 'nope', '--delete-config', 'retention.ms'], { deps, env });
    expect([r.code, r.stderr]).toEqual([3, 'error: topic nope does not exist\nhint: ktool topics list shows the topics\n']);
  });
});
