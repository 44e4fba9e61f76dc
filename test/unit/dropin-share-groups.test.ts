import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { parseJopt } from '../../src/dropin/jopt.js';
import { SHARE_GROUPS, SHARE_GROUPS_OPTIONS } from '../../src/dropin/share-groups.js';
import type { GroupDescription } from '../../src/kafka/groups-types.js';

/**
 * kafka-share-groups.sh --describe of a group with a member: the differential harness compares groups
 * without members only (a member would have to run through the case), so the tables are checked here
 * against ShareGroupCommand's (Kafka 4.3.1, captured from the shared broker with one ktool member).
 */
const group: GroupDescription = {
  group: 'sd-g3',
  exists: true,
  state: 'Stable',
  type: 'share',
  protocolType: 'share',
  assignor: 'simple',
  coordinator: { id: 1, host: '127.0.0.1', port: 42859 },
  groupEpoch: 5,
  assignmentEpoch: 5,
  members: [
    {
      memberId: 'P14G7llq3cDYMl2oFdm_iA',
      instanceId: null,
      clientId: 'ktool',
      host: '/127.0.0.1',
      memberEpoch: 5,
      assignment: [
        { topic: 'sd-t2', partition: 1 },
        { topic: 'sd-t2', partition: 0 },
      ],
    },
  ],
};

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx = { kafka: async () => ({ groups: async () => ({ describeGroups: async () => [group] }) }) } as unknown as Context;
  const out = { stdout: async (t: string) => void (stdout += t), stderr: async (t: string) => void (stderr += t) };
  const code = await SHARE_GROUPS.run(parseJopt(args, SHARE_GROUPS_OPTIONS), ctx, out);
  return { code, stdout, stderr };
}

describe('kafka-share-groups.sh --describe with a member (ShareGroupCommand 4.3.1 layout)', () => {
  it('--members [--verbose]', async () => {
    expect((await run(['--describe', '--group', 'sd-g3', '--members'])).stdout).toBe(
      '\nGROUP           CONSUMER-ID            HOST            CLIENT-ID       #PARTITIONS  ASSIGNMENT\n' +
        'sd-g3           P14G7llq3cDYMl2oFdm_iA /127.0.0.1      ktool           2            sd-t2:0,1\n',
    );
    const verbose = await run(['--describe', '--group', 'sd-g3', '--members', '--verbose']);
    expect(verbose.stdout).toBe(
      '\nGROUP           CONSUMER-ID            HOST            CLIENT-ID       #PARTITIONS  MEMBER-EPOCH  ASSIGNMENT\n' +
        'sd-g3           P14G7llq3cDYMl2oFdm_iA /127.0.0.1      ktool           2            5             sd-t2:0,1\n',
    );
    expect(verbose.stderr).toBe('');
  });

  it('--state: Stable, one member', async () => {
    expect((await run(['--describe', '--group', 'sd-g3', '--state'])).stdout).toBe(
      '\nGROUP           COORDINATOR (ID)          STATE           #MEMBERS\n' +
        'sd-g3           127.0.0.1:42859  (1)      Stable          1\n',
    );
  });
});
