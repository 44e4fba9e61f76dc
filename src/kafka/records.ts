import { Admin } from '@platformatic/kafka';
import { errorName, errorText } from './errors.js';
import { leadersOf } from './leaders.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import type { DeleteRecordsOutcome, DeleteRecordsRequest, RecordsApi } from './records-types.js';

export type * from './records-types.js';

function errorOf(code: number): { errorCode: string; error: string } {
  return { errorCode: errorName(code), error: errorText(code) };
}

export function makeRecordsApi(admin: Admin, timeoutMs: number): RecordsApi {
  return {
    async deleteRecords(requests: DeleteRecordsRequest[]): Promise<DeleteRecordsOutcome[]> {
      if (!requests.length) return [];
      const where = await leadersOf(
        admin,
        requests.map((r) => r.topic),
      );
      const outcomes: DeleteRecordsOutcome[] = [];
      const byLeader = new Map<number, DeleteRecordsRequest[]>();
      for (const r of requests) {
        const p = where.partition(r.topic, r.partition);
        if (!p || p.errorCode) {
          outcomes.push({ topic: r.topic, partition: r.partition, ...errorOf(where.topicError(r.topic) || 3) });
          continue;
        }
        if (p.leader < 0) {
          outcomes.push({ topic: r.topic, partition: r.partition, ...errorOf(5) });
          continue;
        }
        byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), r]);
      }
      await Promise.all(
        [...byLeader].map(async ([leader, list]) => {
          const broker = where.broker(leader)!;
          const grouped = new Map<string, { partitionIndex: number; offset: bigint }[]>();
          for (const r of list) grouped.set(r.topic, [...(grouped.get(r.topic) ?? []), { partitionIndex: r.partition, offset: r.offset }]);
          const response = await callApi(
            admin,
            PINNED.DeleteRecords,
            [[...grouped].map(([name, partitions]) => ({ name, partitions })), timeoutMs],
            { host: broker.host, port: broker.port },
          );
          for (const t of response.topics) {
            for (const p of t.partitions) {
              outcomes.push(
                p.errorCode
                  ? { topic: t.name, partition: p.partitionIndex, ...errorOf(p.errorCode) }
                  : { topic: t.name, partition: p.partitionIndex, lowWatermark: p.lowWatermark },
              );
            }
          }
        }),
      );
      return outcomes.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    },
  };
}
