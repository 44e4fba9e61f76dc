import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeGroups, NOW } from '../helpers/fake-groups.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

// Time lag is now minus the timestamp of the record at the committed offset: a frozen clock makes it exact.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

const TABLE = [
  'GROUP    TOPIC     PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  TIME-LAG',
  'audit    payments          0              50             110   60        1m',
  'billing  orders            0             100             110   10        1m',
  'billing  orders            1             110             110    0        0s',
  '',
  'GROUP    STATE   MEMBERS  PARTITIONS  LAG  TIME-LAG',
  'audit    Empty         0           1   60        1m',
  'billing  Stable        1           2   10        1m',
  '',
].join('\n');

describe('lag rendering', () => {
  it('off a TTY: partitions then groups, lag in records and in time', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['lag'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, TABLE, '']);
    // Only the partitions that lag are read for a timestamp.
    expect(calls.timestamps).toEqual([
      [
        { topic: 'payments', partition: 0, offset: 50n },
        { topic: 'orders', partition: 0, offset: 100n },
      ],
    ]);
  });

  it('on a TTY with FORCE_COLOR: bold headers over the same tables', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag'], { deps, env: colour, tty: true });
    expect(r.stdout).toContain('\u001b[1mTIME-LAG\u001b[22m');
    expect(plain(r.stdout)).toBe(TABLE);
  });

  it('a group and some partitions; --no-time-lag reads no record', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['lag', 'billing', '--topic', 'orders:0', '--no-time-lag'], { deps, env });
    expect(r.stdout).toBe(
      [
        'GROUP    TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  TIME-LAG',
        'billing  orders          0             100             110   10         -',
        '',
        'GROUP    STATE   MEMBERS  PARTITIONS  LAG  TIME-LAG',
        'billing  Stable        1           1   10         -',
        '',
      ].join('\n'),
    );
    expect(calls.timestamps).toEqual([]);
  });

  it('--json and --format yaml: groups with their partitions, time lag in ms', async () => {
    const { deps } = fakeGroups();
    const json = JSON.parse((await runCli(['lag', '--group', 'billing', '--json'], { deps, env })).stdout);
    expect(json).toEqual([
      {
        group: 'billing',
        state: 'Stable',
        members: 1,
        lag: 10,
        timeLagMs: 60000,
        partitions: [
          {
            topic: 'orders',
            partition: 0,
            currentOffset: 100,
            logEndOffset: 110,
            lag: 10,
            timeLagMs: 60000,
            memberId: 'm-1',
            clientId: 'app-1',
            host: '/10.0.0.1',
          },
          {
            topic: 'orders',
            partition: 1,
            currentOffset: 110,
            logEndOffset: 110,
            lag: 0,
            timeLagMs: 0,
            memberId: 'm-1',
            clientId: 'app-1',
            host: '/10.0.0.1',
          },
        ],
      },
    ]);
    const yaml = await runCli(['lag', 'audit', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe(
      [
        '- group: audit',
        '  state: Empty',
        '  members: 0',
        '  lag: 60',
        '  timeLagMs: 60000',
        '  partitions:',
        '    - topic: payments',
        '      partition: 0',
        '      currentOffset: 50',
        '      logEndOffset: 110',
        '      lag: 60',
        '      timeLagMs: 60000',
        '      memberId: null',
        '      clientId: null',
        '      host: null',
        '',
      ].join('\n'),
    );
  });

  it('--format prometheus: OpenMetrics text', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag', 'audit', '--format', 'prometheus'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# TYPE /m);
    expect(r.stdout).toContain('group="audit"');
    expect(r.stdout).toMatch(/\{[^}]*group="audit"[^}]*topic="payments"[^}]*partition="0"[^}]*\} 60\n/);
    expect(r.stdout.endsWith('# EOF\n')).toBe(true);
  });

  it('--watch --count 1 off a terminal: one NDJSON line with the trend', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag', 'billing', '--watch', '1s', '--count', '1'], { deps, env });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].time).toBe(NOW);
    expect(lines[0].groups[0]).toMatchObject({ group: 'billing', lag: 10, ratePerSec: null, etaSeconds: null });
  });

  it('over --max-lag or --max-time-lag: the tables, each partition on stderr, exit 6', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag', '--max-lag', '20'], { deps, env });
    expect(r.code).toBe(6);
    expect(r.stdout).toBe(TABLE);
    expect(r.stderr).toBe('lag check failed: audit payments:0 lag 60 > 20\nerror: 1 partition(s) over the lag threshold\n');
    const time = await runCli(['lag', 'billing', '--max-time-lag', '30s'], { deps, env });
    expect(time.code).toBe(6);
    expect(time.stderr).toBe('lag check failed: billing orders:0 time lag 1m > 30s\nerror: 1 partition(s) over the lag threshold\n');
    expect((await runCli(['lag', '--max-lag', '60', '--max-time-lag', '1m'], { deps, env })).code).toBe(0);
  });

  it('a group or topic that does not exist is exit 3; a check on a topic the group never read is exit 3', async () => {
    const { deps } = fakeGroups();
    const group = await runCli(['lag', 'biling'], { deps, env });
    expect([group.code, group.stdout]).toEqual([3, '']);
    expect(group.stderr).toMatch(/^error: consumer group biling does not exist\nhint: .*billing/);
    const topic = await runCli(['lag', 'billing', '--topic', 'ordrs'], { deps, env });
    expect(topic.code).toBe(3);
    expect(topic.stderr).toMatch(/^error: topic ordrs does not exist\nhint: .*orders/);
    const check = await runCli(['lag', 'billing', '--topic', 'payments', '--max-lag', '0'], { deps, env });
    expect([check.code, check.stderr]).toEqual([
      3,
      'error: nothing to check on payments: consumer group billing has no committed offset or owner ' +
        'there\nhint: ktool groups describe billing shows what it consumes\n',
    ]);
  });

  it('an unknown --format is exit 2; prometheus is one only lag knows', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag', '--format', 'xml'], { deps, env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^error: unknown output format "xml"/);
    expect(r.stderr).toContain('prometheus');
    expect((await runCli(['groups', 'list', '--format', 'prometheus'], { deps, env })).code).toBe(2);
  });

  it.each([
    [['--count', '2'], 'error: --count goes with --watch\n'],
    [
      ['--watch', '--format', 'prometheus'],
      'error: --format prometheus prints once: run it from cron or a textfile collector instead of --watch\n',
    ],
    [['--max-lag', 'lots'], 'error: --max-lag must be a whole number, got "lots"\n'],
    [['--no-time-lag', '--max-time-lag', '1m'], 'error: --max-time-lag needs the time lag: drop --no-time-lag\n'],
    [['--watch', '10ms'], 'error: --watch interval must be at least 100ms\n'],
  ])('%j is exit 2', async (args, stderr) => {
    const { deps } = fakeGroups();
    const r = await runCli(['lag', ...args], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  });
});
