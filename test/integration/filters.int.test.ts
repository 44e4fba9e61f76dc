import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName, type CliRun } from '../helpers/cli.js';
import { asAdmin } from '../security/helpers.js';
import { needs } from '../helpers/needs.js';

/**
 * A filter naming something that does not exist (a typo) is exit 3 with the close names that do;
 * in a check (--max-lag, cluster health) a filter that matches nothing fails; a valid filter that
 * legitimately matches nothing in a plain listing is an empty result with exit 0 (no bare header on
 * stdout, a line on stderr; JSON `[]`).
 */

const ktool = (...argv: string[]) => runCli(argv);
const topics: string[] = [];
const groups: string[] = [];
let events: string;
let other: string;
let group: string;

beforeAll(async () => {
  events = uniqueName('filters-events');
  other = uniqueName('filters-other');
  group = uniqueName('filters-billing');
  topics.push(events, other);
  groups.push(group);
  for (const t of [events, other]) expect((await ktool('topics', 'create', t, '-p', '2')).code).toBe(0);
  expect((await runCli(['produce', events, '-p', '0'], { stdin: 'a\nb\nc\nd\ne\n' })).code).toBe(0);
  const reset = await ktool('groups', 'reset-offsets', group, '--topic', events, '--to-offset', '2', '--execute');
  expect(reset.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await ktool('groups', 'delete', ...groups, '--yes');
  await ktool('topics', 'delete', ...topics, '--if-exists', '--yes');
});

/** A typo of a name: one letter dropped from the middle. */
const typo = (name: string) => name.slice(0, 9) + name.slice(10);

function expectNotFound(r: CliRun, error: RegExp, hint: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 3, stdout: '' });
  const [first, second, ...rest] = r.stderr.split('\n');
  expect(first).toMatch(error);
  expect(second).toMatch(hint);
  expect(rest).toEqual(['']);
}

describe('filters that match nothing', () => {
  it('lag --topic with a typo: exit 3 naming the topic, and the one it probably meant; a check does not pass', async () => {
    const wrong = typo(events);
    for (const extra of [['--max-lag', '0'], ['--max-time-lag', '1h'], []]) {
      const r = await ktool('lag', group, '--topic', wrong, ...extra);
      expectNotFound(
        r,
        new RegExp(`^error: topic ${wrong} does not exist$`),
        new RegExp(`^hint: did you mean [^?]*\\b${events}\\b[^?]*\\? \\(ktool topics list shows the topics\\)$`),
      );
    }
    // The same with every group.
    expect((await ktool('lag', '--topic', wrong, '--max-lag', '0')).code).toBe(3);
  });

  it('lag --topic of a topic the group does not consume: an empty listing, but a check with nothing to check fails', async () => {
    const listing = await ktool('lag', group, '--topic', other, '--json');
    expect(listing.code).toBe(0);
    expect(JSON.parse(listing.stdout)).toEqual([expect.objectContaining({ group, partitions: [] })]);
    const check = await ktool('lag', group, '--topic', other, '--max-lag', '0');
    expectNotFound(
      check,
      new RegExp(`^error: nothing to check on ${other}: consumer group ${group} has no committed offset or owner there$`),
      new RegExp(`^hint: ktool groups describe ${group} shows what it consumes$`),
    );
    const partition = await ktool('lag', group, '--topic', `${events}:5`, '--max-lag', '0');
    expectNotFound(partition, new RegExp(`^error: nothing to check on ${events}:5: `), /^hint: /);
    // And a check that does match still checks: partition 0 lags by 3.
    const lagging = await ktool('lag', group, '--topic', events, '--max-lag', '0');
    expect(lagging.code).toBe(6);
    expect(lagging.stderr).toContain(`lag check failed: ${group} ${events}:0 lag 3 > 0`);
  });

  it('a group name with a typo: lag and groups describe say which groups are close', async () => {
    const wrong = typo(group);
    for (const argv of [
      ['lag', wrong, '--max-lag', '0'],
      ['groups', 'describe', wrong],
    ]) {
      expectNotFound(
        await ktool(...argv),
        new RegExp(`^error: consumer group ${wrong} does not exist$`),
        new RegExp(`^hint: did you mean [^?]*\\b${group}\\b[^?]*\\? \\(ktool groups list shows the groups\\)$`),
      );
    }
  });

  it('cluster health and topics describe: a typo is exit 3 with a guess; a pattern that matches nothing too', async () => {
    const wrong = typo(other);
    const hint = new RegExp(`^hint: did you mean [^?]*\\b${other}\\b[^?]*\\? \\(ktool topics list shows the topics\\)$`);
    expectNotFound(await ktool('cluster', 'health', wrong), new RegExp(`^error: topic ${wrong} does not exist$`), hint);
    expectNotFound(await ktool('topics', 'describe', wrong), new RegExp(`^error: topic ${wrong} does not exist$`), hint);
    expectNotFound(
      await ktool('topics', 'describe', 'no-such-prefix-zz.*'),
      /^error: no topic matches 'no-such-prefix-zz\.\*' \(a pattern matches whole names\)$/,
      /^hint: ktool topics list shows the topics$/,
    );
  });

  it('plain listings whose valid filter matches nothing: exit 0, nothing on stdout, a line on stderr; JSON []', async () => {
    const topicsNone = await ktool('topics', 'list', 'no-such-prefix-zz.*');
    expect(topicsNone).toEqual({
      code: 0,
      stdout: '',
      stderr: "no topics matching 'no-such-prefix-zz.*' visible to User:ANONYMOUS; listing needs DESCRIBE on the topics\n",
    });
    expect(await ktool('topics', 'list', 'no-such-prefix-zz.*', '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    const dead = await ktool('groups', 'list', '--state', 'Dead');
    expect(dead.code).toBe(0);
    if (dead.stdout === '')
      expect(dead.stderr).toBe('no consumer groups in state Dead visible to User:ANONYMOUS; listing needs DESCRIBE on the groups\n');
    const unknownState = await ktool('groups', 'list', '--state', 'Stabel');
    expect(unknownState.code).toBe(2);
    expect(unknownState.stderr).toBe(
      'error: unknown group state "Stabel"\n' +
        'hint: states: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Assigning, Reconciling, ' +
        'NotReady, Unknown\n',
    );
  });

  it(
    'acls list: a principal without ACLs is an empty listing (ACLs may name principals that do not exist yet)',
    needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'),
    async () => {
      const nobody = `User:${uniqueName('nobody')}`;
      expect(await asAdmin(['acls', 'list', '--principal', nobody])).toEqual({ code: 0, stdout: '', stderr: 'no ACLs match\n' });
      expect(await asAdmin(['acls', 'list', '--principal', nobody, '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    },
  );
});
