/**
 * What ktool assumes of the installed @platformatic/kafka. When an upgrade breaks one of these, this
 * file fails in seconds with the assumption named, instead of a broker test failing in some
 * roundabout way (or, worse, records going astray).
 * - produce-socket.ts: a Connection writes each request as ONE socket.write() of the whole frame,
 *   in the order of its send() calls.
 * - group-fetch.ts: the consumer's MessagesStream fetches through the public consumer.fetch(),
 *   skips control batches and fetches next from after the LAST batch of a partition's response.
 * - raw-api.ts / pinned-apis.ts: every API version ktool pins is exported by the library, and its
 *   kGetApi answers the newest version it implements within the range a broker announced.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Connection, Writer } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('the installed client library, as produce-socket.ts assumes it', () => {
  let server: Server;
  const peers: Socket[] = [];
  beforeAll(async () => {
    // Accepts and never answers: only what the client writes matters here.
    server = createServer((s) => peers.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    for (const s of peers) s.destroy();
    server.close();
  });

  it('writes each request as one socket.write() of the whole frame, in send() order', async () => {
    const connection = new Connection('ktool-contract');
    await connection.connect('127.0.0.1', (server.address() as AddressInfo).port);
    try {
      const writes: Buffer[] = [];
      const socket = connection.socket;
      const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
      (socket as unknown as { write: typeof write }).write = (chunk: unknown, ...rest: unknown[]) => {
        writes.push(Buffer.from(chunk as Uint8Array));
        return write(chunk, ...rest);
      };
      const payloads = [Buffer.alloc(10, 1), Buffer.alloc(70_000, 2), Buffer.alloc(3, 3)];
      payloads.forEach((payload, i) => {
        // API key 18 (ApiVersions) with versions 0,1,2 tells the frames apart; no answer is awaited.
        connection.send(
          18,
          i,
          () => Writer.create().append(payload),
          (() => undefined) as never,
          false,
          false,
          () => {},
        );
      });
      const deadline = Date.now() + 5_000;
      while (writes.length < payloads.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(writes.length, 'one socket.write() per request (produce-socket.ts appends its batches to that write)').toBe(payloads.length);
      writes.forEach((frame, i) => {
        expect(frame.readInt32BE(0), 'the write holds the whole frame, size prefix included').toBe(frame.length - 4);
        expect(frame.readInt16BE(4)).toBe(18);
        expect(frame.readInt16BE(6), 'frames are written in send() order').toBe(i);
        expect(frame.subarray(frame.length - payloads[i].length).equals(payloads[i]), 'the frame ends with the payload').toBe(true);
      });
    } finally {
      await connection.close().catch(() => undefined);
    }
  });
});

describe('the installed client library, as group-fetch.ts assumes it', () => {
  // A real Consumer that never connects: its metadata() and fetch() answer from here, its
  // assignment is set by hand, so the stream's fetch loop runs against a fake broker.
  const TOPIC_ID = '0b0e1f2a-0000-4000-8000-000000000001';
  const record = (offsetDelta: number) => ({
    attributes: 0,
    timestampDelta: 0n,
    offsetDelta,
    key: Buffer.from(`k${offsetDelta}`),
    value: Buffer.from(`v${offsetDelta}`),
    headers: [],
  });
  const batch = (firstOffset: bigint, lastOffsetDelta: number, attributes: number, records: ReturnType<typeof record>[]) => ({
    firstOffset,
    lastOffsetDelta,
    attributes,
    records,
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    firstTimestamp: 0n,
    maxTimestamp: 0n,
    producerId: -1n,
    producerEpoch: -1,
    firstSequence: -1,
  });
  const CONTROL = 0x20;

  async function runStream() {
    const { Consumer, MessagesStream, MessagesStreamModes } = await import('@platformatic/kafka');
    const consumer = new Consumer({ clientId: 'ktool-contract', bootstrapBrokers: ['127.0.0.1:1'], groupId: 'ktool-contract' });
    const requests: { node?: number; topics: { topicId: string; partitions: { partition: number; fetchOffset: bigint }[] }[] }[] = [];
    const metadata = {
      brokers: new Map([[1, { host: '127.0.0.1', port: 1 }]]),
      topics: new Map([
        [
          't',
          { id: TOPIC_ID, partitions: [{ leader: 1, leaderEpoch: 0, replicas: [1], isr: [1], offlineReplicas: [] }], partitionsCount: 1 },
        ],
      ]),
    };
    // Offsets 5-7 in a data batch, then a control batch (a commit marker) at 8, then nothing.
    const answers = [[batch(5n, 2, 0, [record(0), record(1), record(2)]), batch(8n, 0, CONTROL, [record(0)])], []];
    Object.assign(consumer, {
      assignments: [{ topic: 't', partitions: [0] }],
      // The stream lists offsets before fetching; the MANUAL offset (5) it was given stays.
      listOffsets: (_o: unknown, cb: (e: Error | null, o: unknown) => void) => setImmediate(() => cb(null, new Map([['t', [9n]]]))),
      metadata: (_o: unknown, cb: (e: Error | null, m: unknown) => void) => setImmediate(() => cb(null, metadata)),
      fetch: (request: (typeof requests)[number], cb: (e: Error | null, r: unknown) => void) => {
        requests.push(request);
        const records = answers[Math.min(requests.length - 1, answers.length - 1)];
        setTimeout(
          () =>
            cb(null, {
              errorCode: 0,
              responses: [{ topicId: TOPIC_ID, partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 9n, records }] }],
            }),
          5,
        );
      },
    });
    const stream = new MessagesStream(
      consumer as never,
      {
        topics: ['t'],
        mode: MessagesStreamModes.MANUAL,
        offsets: [{ topic: 't', partition: 0, offset: 5n }],
        autocommit: false,
        maxBytesPerPartition: 1024,
      } as never,
    );
    const offsets: bigint[] = [];
    stream.on('data', (m: { offset: bigint }) => offsets.push(m.offset));
    const deadline = Date.now() + 3_000;
    while (requests.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await stream.close().catch(() => undefined);
    await consumer.close(true).catch(() => undefined);
    return { requests, offsets };
  }

  it('MessagesStream fetches through the public consumer.fetch(), one entry per partition with node, topicId and fetchOffset', async () => {
    const { requests } = await runStream();
    expect(
      requests.length,
      'MessagesStream no longer fetches through consumer.fetch() (group-fetch.ts wraps it to take the records)',
    ).toBeGreaterThan(0);
    expect(requests[0].node, 'the request names the leader in node (group-fetch.ts sends its own Fetch there)').toBe(1);
    expect(requests[0].topics, 'the request carries topicId and partition/fetchOffset (group-fetch.ts reads them)').toEqual([
      { topicId: TOPIC_ID, partitions: [expect.objectContaining({ partition: 0, fetchOffset: 5n })] },
    ]);
  });

  it(
    'MessagesStream fetches next from after the last batch of a partition, control batches included, ' +
      'and delivers nothing of a control batch',
    async () => {
      const { requests, offsets } = await runStream();
      expect(requests.length, 'the stream fetched again after the first answer').toBeGreaterThan(1);
      expect(
        requests[1].topics[0].partitions[0].fetchOffset,
        'the next fetch starts after the LAST batch (a control batch at 8): group-fetch.ts hands the stream ' +
          'one empty control batch to move its position',
      ).toBe(9n);
      expect(offsets, 'records of the data batch are delivered, the control batch delivers nothing').toEqual([5n, 6n, 7n]);
    },
  );
});

describe('the API versions ktool pins (src/kafka/pinned-apis.ts), in the installed library', () => {
  const source = readFileSync(new URL('../../src/kafka/pinned-apis.ts', import.meta.url), 'utf8');
  const pinnedNames = [...new Set([...source.matchAll(/\b([a-z][A-Za-z]*)V(\d+)\.api\b/g)].map((m) => `${m[1]}V${m[2]}`))];

  it('exports every pinned <api>V<n> module with its api', async () => {
    const lib: Record<string, unknown> = await import('@platformatic/kafka');
    expect(pinnedNames.length).toBeGreaterThan(20);
    const { version } = JSON.parse(
      readFileSync(new URL('../../node_modules/@platformatic/kafka/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const missing = pinnedNames.filter((name) => typeof (lib[name] as { api?: unknown } | undefined)?.api !== 'function');
    expect(missing, `@platformatic/kafka ${version} no longer exports these API versions that src/kafka/pinned-apis.ts pins`).toEqual([]);
  });

  it('pins, under each API name, versions of that API, newest first', async () => {
    const { protocolAPIsById } = await import('@platformatic/kafka');
    const { PINNED } = await import('../../src/kafka/pinned-apis.js');
    for (const [name, versions] of Object.entries(PINNED)) {
      for (const api of versions) expect(protocolAPIsById[api.key], `PINNED.${name} v${api.version} is an API of another name`).toBe(name);
      const numbers = versions.map((api) => api.version);
      expect(numbers, `PINNED.${name} newest first`).toEqual([...numbers].sort((a, b) => b - a));
    }
  });

  // What Kafka 3.3.2, 3.9.2 and 4.4.0 take, from the message specs in their kafka-clients jars (4.x
  // dropped old versions, KIP-896): a pinned list must reach both ends of the supported range. A
  // KRaft broker may announce fewer APIs (3.3 has no SCRAM ones): test/compat runs the commands.
  const BROKERS: Record<string, Record<string, [number, number]>> = {
    '3.3.2': {
      Metadata: [0, 12],
      ApiVersions: [0, 3],
      DescribeCluster: [0, 0],
      DescribeLogDirs: [0, 4],
      CreateTopics: [0, 7],
      DeleteTopics: [0, 6],
      DeleteRecords: [0, 2],
      ListOffsets: [0, 7],
      DescribeConfigs: [0, 4],
      IncrementalAlterConfigs: [0, 1],
      DescribeClientQuotas: [0, 1],
      AlterClientQuotas: [0, 1],
      FindCoordinator: [0, 4],
      ListGroups: [0, 4],
      DescribeGroups: [0, 5],
      OffsetFetch: [0, 8],
      OffsetCommit: [0, 8],
      OffsetDelete: [0, 0],
      DeleteGroups: [0, 2],
      DescribeAcls: [0, 3],
      CreateAcls: [0, 3],
      DeleteAcls: [0, 3],
      DescribeUserScramCredentials: [0, 0],
      AlterUserScramCredentials: [0, 0],
      InitProducerId: [0, 4],
      AddPartitionsToTxn: [0, 3],
      EndTxn: [0, 3],
      AddOffsetsToTxn: [0, 3],
      TxnOffsetCommit: [0, 3],
      AlterPartitionReassignments: [0, 0],
      ListPartitionReassignments: [0, 0],
      ListTransactions: [0, 0],
      DescribeTransactions: [0, 0],
      DescribeProducers: [0, 0],
      DescribeQuorum: [0, 1],
      UpdateFeatures: [0, 1],
      CreateDelegationToken: [0, 3],
      RenewDelegationToken: [0, 2],
      ExpireDelegationToken: [0, 2],
      DescribeDelegationToken: [0, 3],
    },
    '3.9.2': {
      Metadata: [0, 12],
      ApiVersions: [0, 4],
      DescribeCluster: [0, 1],
      DescribeLogDirs: [0, 4],
      CreateTopics: [0, 7],
      DeleteTopics: [0, 6],
      DeleteRecords: [0, 2],
      ListOffsets: [0, 9],
      DescribeConfigs: [0, 4],
      IncrementalAlterConfigs: [0, 1],
      DescribeClientQuotas: [0, 1],
      AlterClientQuotas: [0, 1],
      FindCoordinator: [0, 6],
      ListGroups: [0, 5],
      DescribeGroups: [0, 5],
      ConsumerGroupDescribe: [0, 0],
      DescribeTopicPartitions: [0, 0],
      OffsetFetch: [0, 9],
      OffsetCommit: [0, 9],
      OffsetDelete: [0, 0],
      DeleteGroups: [0, 2],
      DescribeAcls: [0, 3],
      CreateAcls: [0, 3],
      DeleteAcls: [0, 3],
      DescribeUserScramCredentials: [0, 0],
      AlterUserScramCredentials: [0, 0],
      InitProducerId: [0, 5],
      AddPartitionsToTxn: [0, 5],
      EndTxn: [0, 4],
      AddOffsetsToTxn: [0, 4],
      TxnOffsetCommit: [0, 4],
      AlterPartitionReassignments: [0, 0],
      ListPartitionReassignments: [0, 0],
      ListTransactions: [0, 1],
      DescribeTransactions: [0, 0],
      DescribeProducers: [0, 0],
      DescribeQuorum: [0, 2],
      UpdateFeatures: [0, 1],
      CreateDelegationToken: [0, 3],
      RenewDelegationToken: [0, 2],
      ExpireDelegationToken: [0, 2],
      DescribeDelegationToken: [0, 3],
    },
    '4.4.0': {
      Metadata: [0, 13],
      ApiVersions: [0, 5],
      DescribeCluster: [0, 2],
      DescribeLogDirs: [1, 5],
      CreateTopics: [2, 7],
      DeleteTopics: [1, 6],
      DeleteRecords: [0, 2],
      ListOffsets: [1, 11],
      DescribeConfigs: [1, 4],
      IncrementalAlterConfigs: [0, 1],
      DescribeClientQuotas: [0, 1],
      AlterClientQuotas: [0, 1],
      FindCoordinator: [0, 6],
      ListGroups: [0, 5],
      DescribeGroups: [0, 6],
      ConsumerGroupDescribe: [0, 1],
      DescribeTopicPartitions: [0, 0],
      OffsetFetch: [1, 10],
      OffsetCommit: [2, 10],
      OffsetDelete: [0, 0],
      DeleteGroups: [0, 3],
      DescribeAcls: [1, 3],
      CreateAcls: [1, 3],
      DeleteAcls: [1, 3],
      DescribeUserScramCredentials: [0, 0],
      AlterUserScramCredentials: [0, 0],
      InitProducerId: [0, 6],
      AddPartitionsToTxn: [0, 5],
      EndTxn: [0, 5],
      AddOffsetsToTxn: [0, 4],
      TxnOffsetCommit: [0, 6],
      AlterPartitionReassignments: [0, 1],
      ListPartitionReassignments: [0, 0],
      ListTransactions: [0, 2],
      DescribeTransactions: [0, 0],
      DescribeProducers: [0, 0],
      DescribeQuorum: [0, 2],
      UpdateFeatures: [0, 2],
      CreateDelegationToken: [1, 3],
      RenewDelegationToken: [1, 2],
      ExpireDelegationToken: [1, 2],
      DescribeDelegationToken: [1, 3],
    },
  };

  it('has, for each API, a version Kafka 3.3.2, 3.9.2 and 4.4.0 take (where they have the API)', async () => {
    const { PINNED } = await import('../../src/kafka/pinned-apis.js');
    for (const [release, ranges] of Object.entries(BROKERS)) {
      for (const [name, versions] of Object.entries(PINNED)) {
        // Missing before KIP-848: callApi fails with UnsupportedApiError, which groups.ts expects.
        if (!ranges[name] && (name === 'ConsumerGroupDescribe' || name === 'DescribeTopicPartitions')) continue;
        const [min, max] = ranges[name] ?? [-1, -1];
        expect(
          versions.some((api) => api.version >= min && api.version <= max),
          `Kafka ${release} takes ${name} v${min}-${max}; ktool pins v${versions.map((a) => a.version).join('/')}`,
        ).toBe(true);
      }
    }
  });

  it(
    "the library's kGetApi answers the newest version it implements within the announced range, so " +
      'callApi sends the newest pinned one the broker takes',
    async () => {
      const { Admin, UnsupportedApiError, protocolAPIsByName } = await import('@platformatic/kafka');
      const { PINNED } = await import('../../src/kafka/pinned-apis.js');
      const { chooseVersion } = await import('../../src/kafka/raw-api.js');
      const admin = new Admin({ clientId: 'ktool-contract', bootstrapBrokers: ['127.0.0.1:1'] });
      try {
        // The client caches the broker's ApiVersions answer under a private symbol; filled in here instead of from a broker.
        const kApis = Object.getOwnPropertySymbols(admin).find((s) => s.description === 'plt.kafka.base.apis');
        expect(kApis, "the client keeps the broker's ApiVersions answer under Symbol(plt.kafka.base.apis)").toBeDefined();
        const announce = (ranges: Record<string, [number, number]>) => {
          (admin as unknown as Record<symbol, unknown>)[kApis!] = Object.entries(ranges).map(([name, [minVersion, maxVersion]]) => ({
            name,
            apiKey: protocolAPIsByName[name as keyof typeof protocolAPIsByName],
            minVersion,
            maxVersion,
          }));
        };
        for (const [name, versions] of Object.entries(PINNED)) {
          announce({ [name]: [0, 99] });
          expect(
            (await chooseVersion(admin, versions)).version,
            `${name}: a broker newer than the library gets ktool's newest pinned version`,
          ).toBe(versions[0].version);
          for (const api of versions) {
            announce({ [name]: [0, api.version] });
            expect(
              (await chooseVersion(admin, versions)).version,
              `${name}: a broker announcing v0-${api.version} gets v${api.version}`,
            ).toBe(api.version);
          }
        }
        announce({ Metadata: [0, 12] });
        await expect(
          chooseVersion(admin, PINNED.ConsumerGroupDescribe),
          'an API the broker does not announce fails with UnsupportedApiError (groups.ts treats every group as classic then)',
        ).rejects.toBeInstanceOf(UnsupportedApiError);
      } finally {
        await admin.close().catch(() => undefined);
      }
    },
  );
});

describe("murmur2 of our own (src/kafka/partitioner.ts) is the client library's", () => {
  it('agrees on keys of every length and byte', async () => {
    const { murmur2: library } = await import('@platformatic/kafka');
    const { murmur2 } = await import('../../src/kafka/partitioner.js');
    for (let length = 0; length < 64; length++) {
      for (const seed of [0, 1, 7, 255]) {
        const key = Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed * 17 + length) & 0xff));
        expect(murmur2(key), `key ${key.toString('hex')}`).toBe(library(key));
      }
    }
    expect(murmur2(Buffer.from('user-1'))).toBe(library(Buffer.from('user-1')));
  });
});
