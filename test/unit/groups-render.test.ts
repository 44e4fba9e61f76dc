import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ConnectionError, OperationError } from '../../src/errors.js';
import { fakeGroups } from '../helpers/fake-groups.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('groups list rendering', () => {
  const TABLE =
    'GROUP    STATE   TYPE     PROTOCOL  MEMBERS  LAG\n' +
    'audit    Empty   classic  consumer        0   60\nbilling  Stable  classic  consumer        1   10\n' +
    '';

  it("off a TTY: plain columns; the kafka-consumer-groups.sh spelling prints the original's names, one per line", async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['groups', 'list'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, TABLE, '']);
    expect((await runCli(['groups', '--list'], { deps, env })).stdout).toBe('audit\nbilling\n');
  });

  it('a broker that does not answer the list of every type is not asked again without the new types (one --timeout)', async () => {
    const { deps, groups } = fakeGroups();
    const asked: string[][] = [];
    groups.listGroups = async (types = []) => {
      asked.push(types);
      throw new ConnectionError('no answer from fake:9092 within 2s (--timeout)');
    };
    const r = await runCli(['groups', 'list'], { deps, env });
    expect([r.code, r.stderr.split('\n')[0], asked.length]).toEqual([4, 'error: no answer from fake:9092 within 2s (--timeout)', 1]);
    // A refusal of the types (a broker before Kafka 4.1) is: classic and consumer then.
    groups.listGroups = async (types = []) => {
      asked.push(types);
      if (types.includes('share')) throw new OperationError('listing groups: INVALID_REQUEST');
      return [{ group: 'audit', state: 'Empty', type: 'classic', protocolType: 'consumer' }];
    };
    expect((await runCli(['groups', 'list', '--json'], { deps, env })).code).toBe(0);
    expect(asked.slice(1).map((t) => t.join(','))).toEqual(['classic,consumer,share,streams', 'classic,consumer']);
  });

  it('on a TTY with FORCE_COLOR: bold headers over the same text', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['groups', 'list'], { deps, env: colour, tty: true });
    expect(r.stdout).toContain('\u001b[1mGROUP\u001b[22m');
    expect(plain(r.stdout)).toBe(TABLE);
  });

  it('--format wide adds ASSIGNOR and COORDINATOR; --state filters', async () => {
    const { deps } = fakeGroups();
    const wide = await runCli(['groups', 'list', '--format', 'wide', '--state', 'stable'], { deps, env });
    expect(wide.stdout).toBe(
      'GROUP    STATE   TYPE     PROTOCOL  MEMBERS  LAG  ASSIGNOR  COORDINATOR\n' +
        'billing  Stable  classic  consumer        1   10  range               1\n',
    );
  });

  it('--json and --format yaml', async () => {
    const { deps } = fakeGroups();
    const json = await runCli(['groups', 'list', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([
      { group: 'audit', state: 'Empty', type: 'classic', protocolType: 'consumer', assignor: '', members: 0, coordinator: 1, lag: 60 },
      {
        group: 'billing',
        state: 'Stable',
        type: 'classic',
        protocolType: 'consumer',
        assignor: 'range',
        members: 1,
        coordinator: 1,
        lag: 10,
      },
    ]);
    const yaml = await runCli(['groups', 'list', '--state', 'Empty', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe(
      '- group: audit\n  state: Empty\n  type: classic\n  protocolType: consumer\n  assignor: ""\n' +
        '  members: 0\n  coordinator: 1\n  lag: 60\n',
    );
  });

  it('none in a state: nothing on stdout, a sentence on stderr (exit 0); an unknown state is exit 2', async () => {
    const { deps } = fakeGroups();
    const none = await runCli(['groups', 'list', '--state', 'Dead'], { deps, env });
    expect([none.code, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toMatch(/consumer groups in state Dead/);
    const bad = await runCli(['groups', 'list', '--state', 'Sleepy'], { deps, env });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'error: unknown group state "Sleepy"\n' +
        'hint: states: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Assigning, Reconciling, ' +
        'NotReady, Unknown\n',
    ]);
  });
});

describe('groups describe rendering', () => {
  const OFFSETS = [
    'GROUP    TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID  HOST       CLIENT-ID',
    'billing  orders          0             100             110   10  m-1          /10.0.0.1  app-1',
    'billing  orders          1             110             110    0  m-1          /10.0.0.1  app-1',
    '',
  ].join('\n');

  it('off a TTY: offsets per partition with their owner', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['groups', 'describe', 'billing'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, OFFSETS, '']);
  });

  it('on a TTY with FORCE_COLOR: the same table under bold headers', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['groups', 'describe', '--group', 'billing'], { deps, env: colour, tty: true, columns: 200 });
    expect(r.stdout).toContain('\u001b[1mCURRENT-OFFSET\u001b[22m');
    expect(plain(r.stdout)).toBe(OFFSETS);
  });

  it('--members --verbose and --state: the members with assignments, the coordinator', async () => {
    const { deps } = fakeGroups();
    const members = await runCli(['groups', 'describe', 'billing', '--members', '--verbose'], { deps, env });
    expect(members.stdout).toBe(
      'GROUP    CONSUMER-ID  HOST       CLIENT-ID  #PARTITIONS  EPOCH  ASSIGNMENT   TARGET-ASSIGNMENT\n' +
        'billing  m-1          /10.0.0.1  app-1                2  -      orders(0,1)  -\n',
    );
    const state = await runCli(['groups', 'describe', '--all-groups', '--state'], { deps, env });
    expect(state.stdout).toBe(
      'GROUP    COORDINATOR (ID)  ASSIGNMENT-STRATEGY  STATE   #MEMBERS\n' +
        'audit    h:9092 (1)        -                    Empty          0\n' +
        'billing  h:9092 (1)        range                Stable         1\n',
    );
  });

  it('a group without members: its offsets on stdout; on a terminal stderr says it has no members', async () => {
    const { deps } = fakeGroups();
    const r = await runCli(['groups', 'describe', 'audit'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const tty = await runCli(['groups', 'describe', 'audit'], { deps, env, tty: true });
    expect(tty.stderr).toBe("consumer group 'audit' has no active members\n");
    expect(r.stdout).toBe(
      'GROUP  TOPIC     PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID  HOST  CLIENT-ID\n' +
        'audit  payments          0              50             110   60  -            -     -\n',
    );
  });

  it('--json and --format yaml carry the whole description', async () => {
    const { deps } = fakeGroups();
    const [d] = JSON.parse((await runCli(['groups', 'describe', 'billing', '--json'], { deps, env })).stdout);
    expect(d).toMatchObject({
      group: 'billing',
      state: 'Stable',
      type: 'classic',
      assignor: 'range',
      coordinator: { id: 1, host: 'h', port: 9092 },
    });
    expect(d.members).toEqual([
      {
        memberId: 'm-1',
        instanceId: null,
        clientId: 'app-1',
        host: '/10.0.0.1',
        assignment: [
          { topic: 'orders', partition: 0 },
          { topic: 'orders', partition: 1 },
        ],
      },
    ]);
    expect(d.offsets[0]).toEqual({
      group: 'billing',
      topic: 'orders',
      partition: 0,
      currentOffset: 100,
      logEndOffset: 110,
      lag: 10,
      memberId: 'm-1',
      host: '/10.0.0.1',
      clientId: 'app-1',
    });
    const yaml = await runCli(['groups', 'describe', 'audit', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toContain('- group: audit\n  state: Empty\n');
    expect(yaml.stdout).toContain('  offsets:\n    - group: audit\n      topic: payments\n      partition: 0\n      currentOffset: 50\n');
  });

  it('a group that does not exist is exit 3 with a guess; usage errors are exit 2', async () => {
    const { deps } = fakeGroups();
    const missing = await runCli(['groups', 'describe', 'biling'], { deps, env });
    expect([missing.code, missing.stdout]).toEqual([3, '']);
    expect(missing.stderr).toMatch(/^error: consumer group biling does not exist\nhint: .*billing/);
    const modes = await runCli(['groups', 'describe', 'billing', '--members', '--state'], { deps, env });
    expect([modes.code, modes.stderr]).toEqual([2, 'error: --offsets, --members and --state are exclusive; pick one\n']);
    const none = await runCli(['groups', 'describe'], { deps, env });
    expect([none.code, none.stderr]).toEqual([
      2,
      'error: groups describe needs a GROUP (or --all-groups)\nhint: ktool groups list shows the groups\n',
    ]);
  });
});

describe('groups reset-offsets rendering', () => {
  it('a dry run: the plan on stdout, "dry run" on stderr, nothing committed', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['groups', 'reset-offsets', 'audit', '--topic', 'payments', '--to-earliest'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'GROUP  TOPIC     PARTITION  CURRENT-OFFSET  NEW-OFFSET\naudit  payments          0              50          10\n',
    );
    expect(r.stderr).toBe('dry run: nothing committed; add --execute to apply\n');
    expect(calls.commits).toEqual([]);
  });

  it('--execute commits; --format wide shows the log bounds and a clamp; on a TTY the same text', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(
      ['groups', 'reset-offsets', 'audit', '--topic', 'payments', '--shift-by', '-100', '--execute', '--format', 'wide'],
      { deps, env: colour, tty: true },
    );
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toBe(
      'GROUP  TOPIC     PARTITION  CURRENT-OFFSET  NEW-OFFSET  LOG-START  LOG-END  NOTE\n' +
        'audit  payments          0              50          10         10      110  clamped from -50\n',
    );
    expect(calls.commits).toEqual([['audit', [{ topic: 'payments', partition: 0, offset: 10n }]]]);
  });

  it('--export prints the CSV plan (no group column for one group); --json the rows', async () => {
    const { deps } = fakeGroups();
    const csv = await runCli(['groups', 'reset-offsets', 'audit', '--all-topics', '--to-latest', '--export'], { deps, env });
    expect(csv.stdout).toBe('payments,0,110\n');
    const json = await runCli(['groups', 'reset-offsets', 'audit', '--all-topics', '--to-offset', '70', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([
      {
        group: 'audit',
        topic: 'payments',
        partition: 0,
        currentOffset: 50,
        newOffset: 70,
        logStartOffset: 10,
        logEndOffset: 110,
        executed: false,
      },
    ]);
    const yaml = await runCli(['groups', 'reset-offsets', 'audit', '--all-topics', '--to-offset', '70', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe(
      '- group: audit\n  topic: payments\n  partition: 0\n  currentOffset: 50\n  newOffset: 70\n' +
        '  logStartOffset: 10\n  logEndOffset: 110\n  executed: false\n',
    );
  });

  it('--from-file: the offsets of a plan CSV', async () => {
    const { deps, calls } = fakeGroups();
    const file = join(mkdtempSync(join(tmpdir(), 'ktool-reset-')), 'plan.csv');
    writeFileSync(file, 'audit,payments,0,42\n');
    const r = await runCli(['groups', 'reset-offsets', '--from-file', file, '--execute', '--json'], { deps, env });
    expect(r.code).toBe(0);
    expect(calls.commits).toEqual([['audit', [{ topic: 'payments', partition: 0, offset: 42n }]]]);
  });

  it('an active group: exit 1 with --execute (nothing committed), a warning on a dry run', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['groups', 'reset-offsets', 'billing', '--topic', 'orders', '--to-earliest', '--execute'], { deps, env });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'error: group billing is Stable with 1 active member(s): offsets can only be reset while it is ' +
        'empty\nhint: stop its consumers first (ktool groups describe billing --members shows them)\n',
    );
    expect(calls.commits).toEqual([]);
    const dry = await runCli(['groups', 'reset-offsets', 'billing', '--topic', 'orders', '--to-earliest'], { deps, env });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/--execute would be refused/);
  });

  it('a commit refused: exit 1 naming the partition; a missing topic or partition is exit 3', async () => {
    const { deps } = fakeGroups({ 'audit payments:0': 'OFFSET_METADATA_TOO_LARGE' });
    const r = await runCli(['groups', 'reset-offsets', 'audit', '--topic', 'payments', '--to-earliest', '--execute'], { deps, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: committing offsets failed: .*payments.*0/);
    const topic = await runCli(['groups', 'reset-offsets', 'audit', '--topic', 'nope', '--to-earliest'], { deps, env });
    expect([topic.code, topic.stderr]).toEqual([3, 'error: topic nope does not exist\nhint: ktool topics list shows the topics\n']);
    const partition = await runCli(['groups', 'reset-offsets', 'audit', '--topic', 'payments:3', '--to-earliest'], { deps, env });
    expect([partition.code, partition.stderr]).toEqual([3, 'error: payments has 1 partition(s); no partition 3\n']);
  });
});

describe('groups delete rendering', () => {
  it('off a TTY with --yes: one line per group; --json', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['groups', 'delete', 'audit', '--yes'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'deleted group audit\n', '']);
    expect(calls.deletedGroups).toEqual([['audit']]);
    const json = await runCli(['groups', 'delete', 'audit', '-y', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([{ name: 'audit', ok: true }]);
    const yaml = await runCli(['groups', 'delete', 'audit', '-y', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('- name: audit\n  ok: true\n');
  });

  it('needs --yes off a terminal (exit 2); asks on one and stops on "n" (exit 1); --all-groups lists them', async () => {
    const { deps, calls } = fakeGroups();
    const refused = await runCli(['groups', 'delete', 'audit'], { deps, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const no = await runCli(['groups', 'delete', '--all-groups'], { deps, env: colour, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/audit[\s\S]*billing/);
    expect(no.stderr).toMatch(/every consumer group \(2\)/);
    expect(calls.deletedGroups).toEqual([]);
  });

  it('some groups refused: exit 5, the refusal on stderr; all refused: exit 1 with a hint', async () => {
    const { deps } = fakeGroups({ billing: 'NON_EMPTY_GROUP' });
    const some = await runCli(['groups', 'delete', 'audit', 'billing', '--yes'], { deps, env });
    expect(some.code).toBe(5);
    expect(some.stdout).toBe('deleted group audit\nbilling: refused by the coordinator (NON_EMPTY_GROUP)\n');
    expect(some.stderr).toBe('error: cannot delete group billing: refused by the coordinator (NON_EMPTY_GROUP)\n');
    const all = await runCli(['groups', 'delete', 'billing', '--yes'], { deps, env });
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(
      new RegExp(
        String.raw`^error: cannot delete group billing: refused by the coordinator \(NON_EMPTY_GROUP\)\n` +
          String.raw`hint: the group has active members: stop its consumers first\n$`,
      ),
    );
  });
});

describe('groups delete-offsets rendering', () => {
  it('off a TTY with --yes: a row per partition; json and yaml', async () => {
    const { deps, calls } = fakeGroups();
    const r = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'payments', '--yes'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'GROUP  TOPIC     PARTITION  STATUS\naudit  payments          0  deleted\n', '']);
    expect(calls.deletedOffsets).toEqual([['audit', [{ topic: 'payments', partition: 0 }]]]);
    const json = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'payments', '--yes', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([{ group: 'audit', topic: 'payments', partition: 0, deleted: true }]);
    const yaml = await runCli(['groups', 'delete-offsets', '--group', 'audit', '--topic', 'payments:0', '--yes', '--format', 'yaml'], {
      deps,
      env,
    });
    expect(yaml.stdout).toBe('- group: audit\n  topic: payments\n  partition: 0\n  deleted: true\n');
  });

  it('on a TTY: asks, "n" stops (exit 1); off one without --yes: exit 2', async () => {
    const { deps, calls } = fakeGroups();
    const no = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'payments'], { deps, env: colour, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/Delete the committed offsets of group audit on 1 partition/);
    expect((await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'payments'], { deps, env })).code).toBe(2);
    expect(calls.deletedOffsets).toEqual([]);
  });

  it('one partition of two refused: exit 5; the group refused: exit 1; a topic that does not exist: exit 3', async () => {
    const some = fakeGroups({ 'audit orders:1': 'GROUP_SUBSCRIBED_TO_TOPIC' });
    const r = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'orders', '--yes'], { deps: some.deps, env });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe(
      'GROUP  TOPIC   PARTITION  STATUS\naudit  orders          0  deleted\n' +
        'audit  orders          1  refused by the coordinator (GROUP_SUBSCRIBED_TO_TOPIC)\n',
    );
    expect(r.stderr).toBe('error: cannot delete offsets of audit orders:1: refused by the coordinator (GROUP_SUBSCRIBED_TO_TOPIC)\n');
    const group = fakeGroups({ audit: 'NON_EMPTY_GROUP' });
    const refused = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'orders', '--yes'], { deps: group.deps, env });
    expect([refused.code, refused.stderr]).toEqual([
      1,
      'error: cannot delete offsets of group audit: refused by the coordinator (NON_EMPTY_GROUP)\n' +
        'hint: the group has active members: stop its consumers first\n',
    ]);
    const missing = await runCli(['groups', 'delete-offsets', 'audit', '--topic', 'nope', '--yes'], { deps: group.deps, env });
    expect([missing.code, missing.stderr]).toEqual([3, 'error: topic nope does not exist\nhint: ktool topics list shows the topics\n']);
  });
});
