import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const deps = { kafkaFactory: fakeKafka([topic('orders', 2, [1, 2]), topic('__consumer_offsets', 1, [1], true), topic('payments', 1)]) };
const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };

describe('topics list rendering', () => {
  it('off a TTY: plain aligned columns, no colour codes', async () => {
    const r = await runCli(['topics', 'list'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'NAME                PARTITIONS  REPLICAS\n__consumer_offsets           1         1\n' +
        'orders                       2         2\npayments                     1         1\n',
    );
    expect(r.stderr).toBe('');
  });

  it('on a TTY with FORCE_COLOR: bold headers', async () => {
    const r = await runCli(['topics', 'list', '--exclude-internal'], {
      deps,
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
    });
    expect(r.stdout).toContain('\u001b[1mNAME');
    expect(r.stdout).not.toContain('__consumer_offsets');
  });

  it('FORCE_COLOR colours a piped table too (bold headers, the same columns); --no-color and FORCE_COLOR=0 do not', async () => {
    const plain = (await runCli(['topics', 'list'], { deps, env })).stdout;
    // testEnv sets NO_COLOR=1: an explicit FORCE_COLOR wins over it, as in Node.js.
    const forced = await runCli(['topics', 'list'], { deps, env: { ...env, FORCE_COLOR: '1' }, tty: false });
    expect(forced.stdout).toContain('\u001b[1mNAME\u001b[22m                \u001b[1mPARTITIONS\u001b[22m  \u001b[1mREPLICAS\u001b[22m\n');
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain);
    for (const [extra, args] of [
      [{ FORCE_COLOR: '1' }, ['--no-color']],
      [{ FORCE_COLOR: '0', NO_COLOR: undefined }, []],
      [{ FORCE_COLOR: 'false', NO_COLOR: undefined }, []],
      [{ FORCE_COLOR: '', NO_COLOR: '1' }, []],
    ] as const) {
      const r = await runCli(['topics', 'list', ...args], { deps, env: { ...env, ...extra }, tty: true });
      expect([extra, args, r.stdout.includes('\u001b[')]).toEqual([extra, args, false]);
    }
  });

  it('NO_COLOR and --no-color win on a TTY', async () => {
    for (const args of [[], ['--no-color']]) {
      const r = await runCli(['topics', 'list', ...args], { deps, env: { ...env, NO_COLOR: args.length ? undefined : '1' }, tty: true });
      expect(r.stdout).not.toContain('\u001b[');
    }
  });

  it('--json, --format json and --output yaml', async () => {
    const json = await runCli(['topics', 'list', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([
      { name: '__consumer_offsets', partitions: 1, replicationFactor: 1, internal: true },
      { name: 'orders', partitions: 2, replicationFactor: 2, internal: false },
      { name: 'payments', partitions: 1, replicationFactor: 1, internal: false },
    ]);
    expect((await runCli(['topics', 'list', '--format', 'json'], { deps, env })).stdout).toBe(json.stdout);
    const yaml = await runCli(['topics', 'list', 'orders', '--output', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('- name: orders\n  partitions: 2\n  replicationFactor: 2\n  internal: false\n');
  });

  it('--format wide adds the INTERNAL column; unknown formats are usage errors', async () => {
    expect((await runCli(['topics', 'list', '--format', 'wide'], { deps, env })).stdout.split('\n')[0]).toContain('INTERNAL');
    const bad = await runCli(['topics', 'list', '--format', 'xml'], { deps, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown output format "xml"/);
  });
});

describe('topics describe rendering', () => {
  it('JSON carries partitions, offsets, message counts and non-default configs', async () => {
    const r = await runCli(['topics', 'describe', 'orders', '--json'], { deps, env });
    expect(r.code).toBe(0);
    const [t] = JSON.parse(r.stdout);
    expect(t).toMatchObject({ name: 'orders', partitionCount: 2, replicationFactor: 2, configs: { 'retention.ms': '1000' } });
    expect(t.partitions[0]).toEqual({
      partition: 0,
      leader: 1,
      replicas: [1, 2],
      isr: [1, 2],
      offline: [],
      earliestOffset: 10,
      latestOffset: 110,
      messages: 100,
    });
  });

  it('a missing topic exits 3 unless --if-exists', async () => {
    const r = await runCli(['topics', 'describe', 'nope'], { deps, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: topic nope does not exist\nhint: ktool topics list shows the topics\n');
    const ok = await runCli(['topics', 'describe', 'nope', 'orders', '--if-exists', '--json'], { deps, env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(1);
  });
});

describe('topics delete confirmation', () => {
  it('refuses without --yes when stdin is not a terminal', async () => {
    const r = await runCli(['topics', 'delete', 'orders'], { deps, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a terminal/);
    expect(r.stderr).toMatch(/--yes/);
  });

  it('asks on a terminal and stops on "n"', async () => {
    const r = await runCli(['topics', 'delete', 'orders'], { deps, env, tty: true, stdin: 'n\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Delete 1 topic and all their data\? \[y\/N\] error: aborted: nothing deleted/);
  });

  it('deletes on "y"', async () => {
    const r = await runCli(['topics', 'delete', 'orders', '--json'], { deps, env, tty: true, stdin: 'y\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ name: 'orders', status: 'deleted' }]);
  });
});

describe('topics create outcomes', () => {
  it('an existing topic fails with exit 1 and a hint; --if-not-exists accepts it', async () => {
    const r = await runCli(['topics', 'create', 'orders'], { deps, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).toMatch(/--if-not-exists/);
    const ok = await runCli(['topics', 'create', 'orders', '--if-not-exists', '--json'], { deps, env });
    expect(JSON.parse(ok.stdout)).toEqual([{ name: 'orders', status: 'exists' }]);
  });

  it('a batch with some failures exits 5 (partial)', async () => {
    const r = await runCli(['topics', 'create', 'orders', 'fresh', '--json'], { deps, env });
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout).map((o: { status: string }) => o.status)).toEqual(['failed', 'created']);
  });
});
