/**
 * Share groups (KIP-932): ShareGroupDescribe v1 (Kafka 4.1+), which the client library does not
 * have. Request and response as Kafka 4.3.1's ShareGroupDescribeRequest/Response.json: the request
 * is ConsumerGroupDescribe's; a member has no instance id, regex or target assignment.
 */
import { createAPI, Writer, type Admin, type Reader } from '@platformatic/kafka';
import type { Broker } from './groups-coordinators.js';
import type { GroupDescription } from './groups-types.js';
import { connectionTo } from './raw-api.js';

interface ShareMember {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  assignment: { topic: string; partition: number }[];
}

interface ShareGroup {
  errorCode: number;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: ShareMember[];
}

function createRequest(groupIds: string[]): Writer {
  return Writer.create()
    .appendArray(groupIds, (w, g) => w.appendString(g), true, false)
    .appendBoolean(false)
    .appendTaggedFields();
}

function readMember(r: Reader): ShareMember {
  const memberId = r.readString();
  const rackId = r.readNullableString();
  const memberEpoch = r.readInt32();
  const clientId = r.readString();
  const clientHost = r.readString();
  r.readArray((x) => x.readString(), true, false); // subscribed topic names
  const assignment = r
    .readArray(
      (x) => {
        x.readUUID();
        const topic = x.readString();
        const partitions = x.readArray((y) => y.readInt32(), true, false);
        x.readTaggedFields();
        return partitions.map((partition) => ({ topic, partition }));
      },
      true,
      false,
    )
    .flat();
  r.readTaggedFields(); // the assignment struct's
  r.readTaggedFields(); // the member's
  return { memberId, rackId, memberEpoch, clientId, clientHost, assignment };
}

function parseResponse(_c: number, _k: number, _v: number, reader: Reader): { groups: ShareGroup[] } {
  reader.readInt32(); // throttle time
  const groups = reader.readArray(
    (r) => {
      const errorCode = r.readInt16();
      r.readNullableString();
      const group: ShareGroup = {
        errorCode,
        groupId: r.readString(),
        groupState: r.readString(),
        groupEpoch: r.readInt32(),
        assignmentEpoch: r.readInt32(),
        assignorName: r.readString(),
        members: r.readArray(readMember, true, false),
      };
      r.readInt32(); // authorized operations
      r.readTaggedFields();
      return group;
    },
    true,
    false,
  );
  reader.readTaggedFields();
  return { groups };
}

const SHARE_GROUP_DESCRIBE = 77;
const shareGroupDescribeV1 = createAPI<[string[]], { groups: ShareGroup[] }>(SHARE_GROUP_DESCRIBE, 1, createRequest, parseResponse);

/** The share groups among `groups` on their coordinator `broker`; the others (not share groups) are left out. */
export async function describeShareGroups(admin: Admin, broker: Broker, groups: string[]): Promise<GroupDescription[]> {
  // A broker closes the connection on an API it does not know (before Kafka 4.1): ask only those that announce it.
  const apis = await admin.listApis();
  if (!apis.some((a) => a.apiKey === SHARE_GROUP_DESCRIBE && a.maxVersion >= 1)) return [];
  const connection = await connectionTo(admin, broker);
  const response = await shareGroupDescribeV1.async(connection, groups);
  return response.groups
    .filter((g) => g.errorCode === 0)
    .map((g) => ({
      group: g.groupId,
      exists: true,
      state: g.groupState,
      type: 'share' as const,
      protocolType: 'share',
      assignor: g.assignorName,
      coordinator: { id: broker.nodeId, host: broker.host, port: broker.port },
      groupEpoch: g.groupEpoch,
      assignmentEpoch: g.assignmentEpoch,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        instanceId: null,
        clientId: m.clientId,
        host: m.clientHost.replace(/^\//, ''),
        memberEpoch: m.memberEpoch,
        assignment: m.assignment,
      })),
    }));
}
