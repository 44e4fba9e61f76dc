/**
 * A share group's offsets (KIP-932), which the client library has no request for:
 * DescribeShareGroupOffsets v1 (v0 has no lag), AlterShareGroupOffsets v0 and DeleteShareGroupOffsets
 * v0, as Kafka 4.3.1's Admin sends them to the group's coordinator (fields read from the 4.3.1 client
 * jar's generated schemas). The share-partition start offset (SPSO) is where the group's next
 * delivery of a partition starts: what a consumer group's committed offset is to it.
 */
import { createAPI, Writer, type Admin, type Reader } from '@platformatic/kafka';
import type { Broker } from './groups-coordinators.js';
import { connectionTo } from './raw-api.js';

export const DESCRIBE_SHARE_GROUP_OFFSETS = 90;
export const ALTER_SHARE_GROUP_OFFSETS = 91;
export const DELETE_SHARE_GROUP_OFFSETS = 92;

export interface ShareOffsetAnswer {
  topic: string;
  partition: number;
  /** -1: the group has no state for the partition yet. */
  startOffset: bigint;
  leaderEpoch: number;
  /** -1 when unknown (v0, or no start offset). */
  lag: bigint;
  errorCode: number;
  errorMessage: string | null;
}

export interface ShareGroupOffsets {
  group: string;
  errorCode: number;
  errorMessage: string | null;
  partitions: ShareOffsetAnswer[];
}

function describeRequest(groups: string[]): Writer {
  return Writer.create()
    .appendArray(groups, (w, g) => w.appendString(g).appendArray(null, () => undefined))
    .appendTaggedFields();
}

function describeResponse(version: number) {
  return (_c: number, _k: number, _v: number, r: Reader): ShareGroupOffsets[] => {
    r.readInt32(); // throttle time
    const groups = r.readArray((g) => {
      const group = g.readString();
      const partitions = g
        .readArray((t) => {
          const topic = t.readString();
          t.readUUID();
          return t.readArray((p) => ({
            topic,
            partition: p.readInt32(),
            startOffset: p.readInt64(),
            leaderEpoch: p.readInt32(),
            lag: version >= 1 ? p.readInt64() : -1n,
            errorCode: p.readInt16(),
            errorMessage: p.readNullableString(),
          }));
        })
        .flat();
      return { group, partitions, errorCode: g.readInt16(), errorMessage: g.readNullableString() };
    });
    r.readTaggedFields();
    return groups;
  };
}

const describeV1 = createAPI<[string[]], ShareGroupOffsets[]>(DESCRIBE_SHARE_GROUP_OFFSETS, 1, describeRequest, describeResponse(1));
const describeV0 = createAPI<[string[]], ShareGroupOffsets[]>(DESCRIBE_SHARE_GROUP_OFFSETS, 0, describeRequest, describeResponse(0));

async function maxVersion(admin: Admin, key: number): Promise<number> {
  const api = (await admin.listApis()).find((a) => a.apiKey === key);
  return api ? api.maxVersion : -1;
}

/** Every partition of each share group's state, at their coordinator; an empty list from a broker without the request. */
export async function describeShareOffsets(admin: Admin, broker: Broker, groups: string[]): Promise<ShareGroupOffsets[]> {
  const version = await maxVersion(admin, DESCRIBE_SHARE_GROUP_OFFSETS);
  if (version < 0) return [];
  const connection = await connectionTo(admin, broker);
  return (version >= 1 ? describeV1 : describeV0).async(connection, groups);
}

export interface TopicErrors {
  errorCode: number;
  errorMessage: string | null;
  topics: { topic: string; partition?: number; errorCode: number; errorMessage: string | null }[];
}

function alterRequest(group: string, offsets: { topic: string; partition: number; offset: bigint }[]): Writer {
  const topics = new Map<string, { partition: number; offset: bigint }[]>();
  for (const o of offsets) topics.set(o.topic, [...(topics.get(o.topic) ?? []), o]);
  return Writer.create()
    .appendString(group)
    .appendArray([...topics], (w, [topic, ps]) =>
      w.appendString(topic).appendArray(ps, (x, p) => x.appendInt32(p.partition).appendInt64(p.offset)),
    )
    .appendTaggedFields();
}

function alterResponse(_c: number, _k: number, _v: number, r: Reader): TopicErrors {
  r.readInt32(); // throttle time
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  const topics = r
    .readArray((t) => {
      const topic = t.readString();
      t.readUUID();
      return t.readArray((p) => ({ topic, partition: p.readInt32(), errorCode: p.readInt16(), errorMessage: p.readNullableString() }));
    })
    .flat();
  r.readTaggedFields();
  return { errorCode, errorMessage, topics };
}

const alterV0 = createAPI<[string, { topic: string; partition: number; offset: bigint }[]], TopicErrors>(
  ALTER_SHARE_GROUP_OFFSETS,
  0,
  alterRequest,
  alterResponse,
);

/** Sets the start offsets of a share group with no members (the coordinator refuses otherwise: NON_EMPTY_GROUP). */
export async function alterShareOffsets(
  admin: Admin,
  broker: Broker,
  group: string,
  offsets: { topic: string; partition: number; offset: bigint }[],
): Promise<TopicErrors> {
  return alterV0.async(await connectionTo(admin, broker), group, offsets);
}

function deleteRequest(group: string, topics: string[]): Writer {
  return Writer.create()
    .appendString(group)
    .appendArray(topics, (w, t) => w.appendString(t))
    .appendTaggedFields();
}

function deleteResponse(_c: number, _k: number, _v: number, r: Reader): TopicErrors {
  r.readInt32(); // throttle time
  const errorCode = r.readInt16();
  const errorMessage = r.readNullableString();
  const topics = r.readArray((t) => {
    const topic = t.readString();
    t.readUUID();
    return { topic, errorCode: t.readInt16(), errorMessage: t.readNullableString() };
  });
  r.readTaggedFields();
  return { errorCode, errorMessage, topics };
}

const deleteV0 = createAPI<[string, string[]], TopicErrors>(DELETE_SHARE_GROUP_OFFSETS, 0, deleteRequest, deleteResponse);

/** Deletes a share group's state of whole topics (a share group's offsets go by topic). */
export async function deleteShareOffsets(admin: Admin, broker: Broker, group: string, topics: string[]): Promise<TopicErrors> {
  return deleteV0.async(await connectionTo(admin, broker), group, topics);
}
