import { kGetApi } from '@platformatic/kafka';

type Callback = (error: Error | null, value?: unknown) => void;
type Api = ((connection: unknown, ...args: unknown[]) => void) & Record<string, unknown>;
interface CommitTopic {
  name: string;
  partitions: { committedMetadata?: string | null }[];
}
type WithApis = { [kGetApi](name: string, callback: Callback): void };

/**
 * Makes a library client's OffsetCommit requests carry `metadataFor(topic)` as each partition's
 * commit metadata (the library always sends null). Its consumer asks for the API by name through
 * kGetApi and calls it as api(connection, groupId, generation, memberId, instanceId, topics, cb);
 * test/kafka/commit-metadata.test.ts checks that shape, so an upgrade that changes it fails there.
 */
export function stampCommits(client: unknown, metadataFor: (topic: string) => string | undefined): void {
  const target = client as WithApis;
  const getApi = target[kGetApi].bind(target);
  target[kGetApi] = (name: string, callback: Callback) =>
    getApi(name, (error, value) => {
      if (error || name !== 'OffsetCommit') return callback(error, value);
      const api = value as Api;
      const stamped = ((connection: unknown, ...args: unknown[]) => {
        const topics = args[4];
        if (Array.isArray(topics)) args[4] = (topics as CommitTopic[]).map((t) => stampTopic(t, metadataFor(t.name)));
        api(connection, ...args);
      }) as Api;
      callback(null, Object.assign(stamped, api));
    });
}

function stampTopic(t: CommitTopic, metadata: string | undefined): CommitTopic {
  if (metadata === undefined) return t;
  return { ...t, partitions: t.partitions.map((p) => ({ ...p, committedMetadata: metadata })) };
}
