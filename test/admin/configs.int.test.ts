import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const ktool = (...argv: string[]) => runCli(argv);

async function createTopic(...extra: string[]) {
  const name = uniqueName('configs');
  const r = await ktool('topics', 'create', name, '-p', '1', ...extra);
  expect(r.stderr).toBe('');
  created.push(name);
  return name;
}

afterAll(async () => {
  if (created.length) await ktool('topics', 'delete', ...created, '--if-exists', '--yes');
});

interface ToolEntry {
  value: string;
  sensitive: boolean;
  synonyms: string;
}

/** Parses kafka-configs.sh --describe output: `  name=value sensitive=false synonyms={...}`. */
function parseConfigCommand(text: string): Map<string, ToolEntry> {
  const out = new Map<string, ToolEntry>();
  for (const line of text.split('\n')) {
    const m = /^ {2}([^=\s]+)=(.*) sensitive=(true|false) synonyms=\{(.*)\}$/.exec(line);
    if (m) out.set(m[1], { value: m[2], sensitive: m[3] === 'true', synonyms: m[4] });
  }
  return out;
}

interface Cfg {
  name: string;
  value: string | null;
  source: string;
  sensitive: boolean;
  readOnly: boolean;
  synonyms: { name: string; value: string | null; source: string }[];
}

async function describeJson(...argv: string[]): Promise<Cfg[]> {
  const r = await ktool('configs', 'describe', ...argv, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout)[0].configs;
}

function expectAgreement(tool: Map<string, ToolEntry>, ours: Cfg[]) {
  expect(tool.size).toBeGreaterThan(10);
  const byName = new Map(ours.map((c) => [c.name, c]));
  expect([...byName.keys()].sort()).toEqual([...tool.keys()].sort());
  for (const [name, t] of tool) {
    const c = byName.get(name)!;
    expect({ name, value: c.sensitive ? 'null' : (c.value ?? 'null'), sensitive: c.sensitive }).toEqual({
      name,
      value: t.value,
      sensitive: t.sensitive,
    });
    // Same synonyms chain, in the same order.
    expect(c.synonyms.map((s) => `${s.source}:${s.name}=${s.value ?? 'null'}`).join(', ')).toBe(t.synonyms);
  }
}

describe('configs against a real broker', () => {
  it('topic configs agree with ConfigCommand (--all and dynamic) and with topics describe', async () => {
    const t = await createTopic('-c', 'retention.ms=86400000', '-c', 'cleanup.policy=compact,delete', '-c', 'max.message.bytes=200000');
    const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--entity-type',
      'topics',
      '--entity-name',
      t,
      '--all',
    ]);
    expect(tool.code).toBe(0);
    expect(parseConfigCommand(tool.stdout).get('retention.ms')?.value).toBe('86400000');
    const all = await describeJson('--topic', t, '--all');
    expectAgreement(parseConfigCommand(tool.stdout), all);
    expect(all.find((c) => c.name === 'retention.ms')).toMatchObject({
      value: '86400000',
      source: 'DYNAMIC_TOPIC_CONFIG',
      readOnly: false,
      sensitive: false,
    });
    expect(all.find((c) => c.name === 'segment.bytes')?.source).toMatch(
      /DEFAULT_CONFIG|STATIC_BROKER_CONFIG|DYNAMIC_DEFAULT_BROKER_CONFIG/,
    );

    // Without --all: only values set on the topic, like kafka-configs.sh.
    const toolDynamic = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--entity-type',
      'topics',
      '--entity-name',
      t,
    ]);
    const dynamic = await describeJson('--entity-type', 'topics', '--entity-name', t);
    const toolDyn = parseConfigCommand(toolDynamic.stdout);
    expect(Object.fromEntries(dynamic.map((c) => [c.name, c.value]))).toEqual(
      Object.fromEntries([...toolDyn].map(([k, v]) => [k, v.value])),
    );
    expect(dynamic.map((c) => c.name).sort()).toEqual(['cleanup.policy', 'max.message.bytes', 'retention.ms']);

    // topics describe shows the non-default values: each agrees with ConfigCommand.
    const td = JSON.parse((await ktool('topics', 'describe', t, '--json', '--no-offsets')).stdout)[0];
    const toolAll = parseConfigCommand(tool.stdout);
    for (const [k, v] of Object.entries(td.configs as Record<string, string | null>))
      expect([k, v ?? 'null']).toEqual([k, toolAll.get(k)?.value]);
    expect(td.configs['cleanup.policy']).toBe('compact,delete');
  });

  it('broker and broker-default configs agree with ConfigCommand', async () => {
    const cluster = JSON.parse((await ktool('cluster', 'info', '--json')).stdout);
    const id = String(cluster.brokers[0].id);
    const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--entity-type',
      'brokers',
      '--entity-name',
      id,
      '--all',
    ]);
    expect(tool.code).toBe(0);
    const ours = await describeJson('--broker', id, '--all');
    const toolMap = parseConfigCommand(tool.stdout);
    expectAgreement(toolMap, ours);
    // readOnly and sources are reported for broker configs.
    expect(ours.find((c) => c.name === 'log.cleaner.threads')).toMatchObject({ readOnly: false });
    expect(ours.find((c) => c.name === 'process.roles')).toMatchObject({ readOnly: true, source: 'STATIC_BROKER_CONFIG' });

    const toolDefault = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--entity-type',
      'brokers',
      '--entity-default',
    ]);
    const ourDefault = await describeJson('--broker-defaults');
    expect(Object.fromEntries(ourDefault.map((c) => [c.name, c.value ?? 'null']))).toEqual(
      Object.fromEntries([...parseConfigCommand(toolDefault.stdout)].map(([k, v]) => [k, v.value])),
    );
    expect(ourDefault.every((c) => c.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG')).toBe(true);
  });

  it('alter: set, list values, append/subtract, delete, dry run and file (kafka-configs.sh spellings too)', async () => {
    const t = await createTopic();
    const values = async () => Object.fromEntries((await describeJson('--topic', t)).map((c) => [c.name, c.value]));
    // Config changes reach the broker's metadata cache asynchronously (KRaft): poll until visible.
    const eventually = (check: (v: Record<string, string | null>) => boolean, what: string) =>
      pollUntil(async () => check(await values()), { what });

    let r = await ktool(
      'configs',
      '--bootstrap-server',
      bootstrap(),
      '--alter',
      '--entity-type',
      'topics',
      '--entity-name',
      t,
      '--add-config',
      'retention.ms=3600000,cleanup.policy=[compact,delete]',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      entityType: 'topics',
      entityName: t,
      set: { 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete' },
      deleted: [],
      appended: {},
      subtracted: {},
      dryRun: false,
    });
    await eventually((v) => v['cleanup.policy'] === 'compact,delete' && v['retention.ms'] === '3600000', 'configs set');
    expect(await values()).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact,delete' });

    // The change is visible to Kafka's own tool.
    const tool = parseConfigCommand(
      (
        await runKafkaTool('kafka.admin.ConfigCommand', [
          '--bootstrap-server',
          bootstrap(),
          '--describe',
          '--entity-type',
          'topics',
          '--entity-name',
          t,
        ])
      ).stdout,
    );
    expect(tool.get('cleanup.policy')?.value).toBe('compact,delete');

    r = await ktool('configs', 'alter', '--topic', t, '--subtract', 'cleanup.policy=delete', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dry run');
    expect((await values())['cleanup.policy']).toBe('compact,delete');

    r = await ktool('configs', 'alter', '--topic', t, '--subtract', 'cleanup.policy=delete', '--delete-config', 'retention.ms');
    expect(r.code).toBe(0);
    await eventually((v) => v['cleanup.policy'] === 'compact', 'subtract');
    expect(await values()).toEqual({ 'cleanup.policy': 'compact' });

    r = await ktool('configs', 'alter', '--topic', t, '--append', 'cleanup.policy=delete');
    expect(r.code).toBe(0);
    await eventually((v) => v['cleanup.policy'] === 'compact,delete', 'append');

    const dir = mkdtempSync(join(tmpdir(), 'ktool-configs-'));
    const file = join(dir, 'c.properties');
    writeFileSync(file, '# a comment\nsegment.ms=7200000\nmax.message.bytes = 300000\n');
    r = await ktool('configs', 'alter', '--topic', t, '--add-config-file', file);
    expect(r.stderr).toBe('');
    await eventually((v) => v['segment.ms'] === '7200000' && v['max.message.bytes'] === '300000', 'file configs');
  });

  it('errors: the broker reason, one line, the right exit code', async () => {
    const t = await createTopic();
    let r = await ktool('configs', 'alter', '--topic', t, '--add-config', 'no.such.config=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: [^\n]+\nhint: [^\n]+\n$/);
    expect(r.stderr).toMatch(/Unknown topic config name: no\.such\.config \(INVALID_CONFIG\)/);

    r = await ktool('configs', 'alter', '--topic', t, '--add-config', 'retention.ms=soon', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid value soon for configuration retention\.ms/);

    r = await ktool('configs', 'alter', '--topic', t, '--add-config', 'min.insync.replicas=0', '--dry-run');
    expect(r.code).toBe(2);

    r = await ktool('configs', 'alter', '--topic', uniqueName('missing'), '--add-config', 'retention.ms=1');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not exist/);

    r = await ktool('configs', 'describe', '--topic', uniqueName('missing'));
    expect(r.code).toBe(3);

    r = await ktool('configs', 'describe', '--broker', '98765');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no broker with id 98765/);

    r = await ktool('configs', 'describe', '--entity-type', 'widgets', '--entity-name', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown entity type "widgets"/);
  });

  it('broker-default alter with --dry-run is validated and changes nothing', async () => {
    const before = await describeJson('--broker-defaults');
    const r = await ktool('configs', 'alter', '--broker-defaults', '--add-config', 'log.cleaner.threads=2', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await describeJson('--broker-defaults')).toEqual(before);
    const bad = await ktool('configs', 'alter', '--broker-defaults', '--add-config', 'log.cleaner.threads=many', '--dry-run');
    expect(bad.code).toBe(2);
  });

  it('user and client quotas agree with ConfigCommand', async () => {
    const user = uniqueName('user');
    const client = uniqueName('client');
    let r = await ktool('configs', 'alter', '--user', user, '--add-config', 'producer_byte_rate=1048576,consumer_byte_rate=2097152');
    expect(r.stderr).toBe('');
    r = await ktool(
      'configs',
      'alter',
      '--entity-type',
      'users',
      '--entity-name',
      user,
      '--entity-type',
      'clients',
      '--entity-name',
      client,
      '--add-config',
      'request_percentage=50',
    );
    expect(r.stderr).toBe('');
    try {
      const quotas = await pollUntil(
        async () => {
          const out = JSON.parse((await ktool('configs', 'describe', '--user', user, '--json')).stdout);
          return out.length ? out : undefined;
        },
        { what: 'user quota visible' },
      );
      expect(quotas).toEqual([
        { entityType: 'users', entity: { user }, quotas: { consumer_byte_rate: 2097152, producer_byte_rate: 1048576 } },
      ]);
      const pair = await pollUntil(
        async () => {
          const out = JSON.parse((await ktool('configs', 'describe', '--user', user, '--client', client, '--json')).stdout);
          return out.length ? out : undefined;
        },
        { what: 'user+client quota visible' },
      );
      expect(pair).toEqual([{ entityType: 'users', entity: { user, 'client-id': client }, quotas: { request_percentage: 50 } }]);

      const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
        '--bootstrap-server',
        bootstrap(),
        '--describe',
        '--entity-type',
        'users',
        '--entity-name',
        user,
      ]);
      expect(tool.code).toBe(0);
      expect(tool.stdout).toMatch(/consumer_byte_rate=2097152\.0/);
      expect(tool.stdout).toMatch(/producer_byte_rate=1048576\.0/);

      const bad = await ktool('configs', 'alter', '--user', user, '--add-config', 'no_such_quota=1');
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await ktool('configs', 'alter', '--user', user, '--delete-config', 'producer_byte_rate,consumer_byte_rate');
      await ktool('configs', 'alter', '--user', user, '--client', client, '--delete-config', 'request_percentage');
    }
    await pollUntil(async () => JSON.parse((await ktool('configs', 'describe', '--user', user, '--json')).stdout).length === 0, {
      what: 'quota removed',
    });
  });

  it('group configs', async () => {
    const group = uniqueName('group');
    const r = await ktool('configs', 'alter', '--group', group, '--add-config', 'consumer.session.timeout.ms=50000');
    expect(r.stderr).toBe('');
    const cfg = await pollUntil(
      async () => {
        const c = await describeJson('--group', group);
        return c.length ? c : undefined;
      },
      { what: 'group config' },
    );
    expect(cfg).toEqual([expect.objectContaining({ name: 'consumer.session.timeout.ms', value: '50000', source: 'GROUP_CONFIG' })]);
    const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--entity-type',
      'groups',
      '--entity-name',
      group,
    ]);
    expect(parseConfigCommand(tool.stdout).get('consumer.session.timeout.ms')?.value).toBe('50000');
    await ktool('configs', 'alter', '--group', group, '--delete-config', 'consumer.session.timeout.ms');
    await pollUntil(async () => (await describeJson('--group', group)).length === 0, { what: 'group config removed' });
  });
});
