/**
 * offset-commit-metadata.ts stamps the client library's OffsetCommit requests. What it assumes of
 * the installed library is checked here, so an upgrade that changes it fails in seconds with the
 * assumption named (the mirror would otherwise stop recognising its own commits).
 */
import { readFileSync } from 'node:fs';
import { kGetApi } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { stampCommits } from '../../src/kafka/offset-commit-metadata.js';

describe('commit metadata on the library consumer', () => {
  const source = readFileSync(new URL('../../node_modules/@platformatic/kafka/dist/clients/consumer/consumer.js', import.meta.url), 'utf8');

  it('the consumer commits through this[kGetApi](OffsetCommit) with the topics as the sixth argument, metadata null', () => {
    const commit = source.slice(source.indexOf('#commit(options, callback'), source.indexOf('#listOffsets('));
    expect(commit, 'the consumer commits through kGetApi').toMatch(/this\[kGetApi\]\('OffsetCommit'/);
    expect(commit, 'each partition carries committedMetadata').toMatch(/committedMetadata: null/);
    expect(commit, 'api(connection, groupId, generation, memberId, instanceId, topics, cb)').toMatch(
      /api\(connection, this\.groupId, [^,]+, this\.memberId, null, Array\.from\(topics\.values\(\)\), groupCallback\)/,
    );
  });

  it('stamps each partition of the topics it knows, leaves the rest and the other APIs alone', async () => {
    const calls: unknown[][] = [];
    const api = Object.assign((...args: unknown[]) => calls.push(args), { version: 9, key: 8 });
    const other = () => undefined;
    const client = {
      [kGetApi]: (name: string, cb: (e: Error | null, v?: unknown) => void) => cb(null, name === 'OffsetCommit' ? api : other),
    };
    stampCommits(client, (topic) => (topic === 'a' ? 'stamp-a' : undefined));
    const got = await new Promise<(...args: unknown[]) => void>((resolve) =>
      (client[kGetApi] as (n: string, cb: (e: Error | null, v: unknown) => void) => void)('OffsetCommit', (_e, v) => resolve(v as never)),
    );
    expect((got as unknown as { version: number }).version).toBe(9);
    const topics = [
      {
        name: 'a',
        partitions: [
          { partitionIndex: 0, committedMetadata: null },
          { partitionIndex: 1, committedMetadata: null },
        ],
      },
      { name: 'b', partitions: [{ partitionIndex: 0, committedMetadata: null }] },
    ];
    got('conn', 'group', 3, 'member', null, topics, 'cb');
    expect(calls).toEqual([
      [
        'conn',
        'group',
        3,
        'member',
        null,
        [
          {
            name: 'a',
            partitions: [
              { partitionIndex: 0, committedMetadata: 'stamp-a' },
              { partitionIndex: 1, committedMetadata: 'stamp-a' },
            ],
          },
          { name: 'b', partitions: [{ partitionIndex: 0, committedMetadata: null }] },
        ],
        'cb',
      ],
    ]);
    const fetchApi = await new Promise((resolve) =>
      (client[kGetApi] as (n: string, cb: (e: Error | null, v: unknown) => void) => void)('OffsetFetch', (_e, v) => resolve(v)),
    );
    expect(fetchApi).toBe(other);
  });
});
