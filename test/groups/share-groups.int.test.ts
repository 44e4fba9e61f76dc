/**
 * Share groups (KIP-932) in `groups list` and `groups describe`: a share group made by Kafka 4.3.1's
 * own console share consumer is listed with TYPE share and its
 * member, and described with the member's assignment (ShareGroupDescribe, src/kafka/share-groups.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { kafkaLibs, runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const B = () => process.env.KTOOL_TEST_BOOTSTRAP!;

describe('groups list/describe: share groups', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_KAFKA_LIBS'), () => {
  const topic = uniqueName('share-topic');
  const group = uniqueName('share-group');
  let consumer: ChildProcess | undefined;

  beforeAll(async () => {
    expect((await spawnKtool(['topics', 'create', topic, '-b', B()])).code).toBe(0);
    consumer = spawn(
      'java',
      [
        ...['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', `${kafkaLibs()}/*`],
        ...['org.apache.kafka.tools.consumer.ConsoleShareConsumer', '--bootstrap-server', B(), '--topic', topic, '--group', group],
      ],
      { stdio: 'ignore' },
    );
  }, 60_000);

  afterAll(async () => {
    consumer?.kill('SIGKILL');
    await runKafkaTool('org.apache.kafka.tools.consumer.group.ShareGroupCommand', [
      '--bootstrap-server',
      B(),
      '--delete',
      '--group',
      group,
    ]);
    await spawnKtool(['topics', 'delete', topic, '--yes', '-b', B()]);
  }, 60_000);

  it('groups list shows the share group with its type and member; --type share only share groups', async () => {
    type Row = { group: string; type: string; members: number; state: string };
    const row = await pollUntil(
      async () => {
        const r = await spawnKtool(['groups', 'list', '--json', '-b', B()]);
        const found = (JSON.parse(r.stdout) as Row[]).find((g) => g.group === group);
        return found && found.members === 1 ? found : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1000, what: `share group ${group} with its member` },
    );
    expect(row).toMatchObject({ type: 'share', state: 'Stable', members: 1 });
    const only = await spawnKtool(['groups', 'list', '--type', 'share', '--json', '-b', B()]);
    const types = new Set((JSON.parse(only.stdout) as Row[]).map((g) => g.type));
    expect([...types]).toEqual(['share']);
  }, 120_000);

  it('groups describe shows the member and the partition assigned to it', async () => {
    // The assignment follows the member's joining by a heartbeat or two.
    const text = await pollUntil(
      async () => {
        const r = await spawnKtool(['groups', 'describe', group, '--json', '-b', B()]);
        return r.code === 0 && r.stdout.includes(`"topic": "${topic}"`) ? r.stdout : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, what: `${group}'s member assigned ${topic}` },
    );
    expect(text).toContain('"share"');
    expect(text).toContain('console-share-consumer');
    expect(text).toContain(topic);
  }, 60_000);
});
