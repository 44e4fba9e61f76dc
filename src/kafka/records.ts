import { Admin, protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka';
import type { KafkaClients } from './types.js';
import { callRaw } from './raw-api.js';
import type { DeleteRecordsOutcome, DeleteRecordsRequest, RecordsApi } from './records-types.js';

export type * from './records-types.js';

interface RawMetadata {
  brokers: { nodeId: number; host: string; port: number }[];
  topics: { errorCode: number; name: string; partitions: { errorCode: number; partitionIndex: number; leaderId: number }[] }[];
}
interface RawDeleteRecords { topics: { name: string; partitions: { partitionIndex: number; lowWatermark: bigint; errorCode: number }[] }[] }

export function openRecords(clients: KafkaClients): Promise<RecordsApi> {
  return clients.extension('records', (admin) => makeRecordsApi(admin as Admin, clients.settings.timeoutMs));
}

function errorOf(code: number): { errorCode: string; error: string } {
  const id = protocolErrorsCodesById[code] ?? `ERROR_${code}`;
  return { errorCode: id, error: protocolErrors[id]?.message ?? id };
}

function makeRecordsApi(admin: Admin, timeoutMs: number): RecordsApi {
  return {
    async deleteRecords(requests: DeleteRecordsRequest[]): Promise<DeleteRecordsOutcome[]> {
      if (!requests.length) return [];
      const topics = [...new Set(requests.map((r) => r.topic))];
      const meta = await callRaw<RawMetadata>(admin, 'Metadata', [topics, false, false]);
      const outcomes: DeleteRecordsOutcome[] = [];
      const byLeader = new Map<number, DeleteRecordsRequest[]>();
      for (const r of requests) {
        const t = meta.topics.find((x) => x.name === r.topic);
        const p = t?.partitions.find((x) => x.partitionIndex === r.partition);
        if (!t || t.errorCode || !p) {
          outcomes.push({ topic: r.topic, partition: r.partition, ...errorOf(t?.errorCode || 3) });
          continue;
        }
        if (p.leaderId < 0) {
          outcomes.push({ topic: r.topic, partition: r.partition, ...errorOf(5) });
          continue;
        }
        byLeader.set(p.leaderId, [...(byLeader.get(p.leaderId) ?? []), r]);
      }
      await Promise.all(
        [...byLeader].map(async ([leader, list]) => {
          const broker = meta.brokers.find((b) => b.nodeId === leader)!;
          const grouped = new Map<string, { partitionIndex: number; offset: bigint }[]>();
          for (const r of list) grouped.set(r.topic, [...(grouped.get(r.topic) ?? []), { partitionIndex: r.partition, offset: r.offset }]);
          const response = await callRaw<RawDeleteRecords>(admin, 'DeleteRecords', [[...grouped].map(([name, partitions]) => ({ name, partitions })), timeoutMs], { host: broker.host, port: broker.port });
          for (const t of response.topics) {
            for (const p of t.partitions) {
              outcomes.push(p.errorCode ? { topic: t.name, partition: p.partitionIndex, ...errorOf(p.errorCode) } : { topic: t.name, partition: p.partitionIndex, lowWatermark: p.lowWatermark });
            }
          }
        }),
      );
      return outcomes.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    },
  };
}
