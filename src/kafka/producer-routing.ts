/** Leader routing of ktool's producer (producer.ts): which broker each batch goes to, and its connection. */
import type { Broker } from '@platformatic/kafka';
import type { Batch, PipelineDeps } from './produce-pipeline.js';
import type { LibraryProducer } from './producer-batches.js';
import { connectionTo } from './raw-api.js';

/** A partition without a leader in the metadata: worth retrying once the metadata names one (canRetry, as the client marks its own). */
export class NoLeaderError extends Error {
  readonly canRetry = true;
  readonly hasStaleMetadata = true;
  constructor() {
    super('no leader broker in the metadata for this partition');
  }
}

/** Leader routing: batches grouped by their partition's leader, from the client's metadata (fresh when `force`: after a failure). */
export function leaderRouting(producer: LibraryProducer): Pick<PipelineDeps<Broker | undefined>, 'leaders' | 'connection'> {
  return {
    async leaders(batches, force) {
      const topics = [...new Set(batches.map((b) => b.topic))];
      const metadata = await producer.metadata({ topics, forceUpdate: force, autocreateTopics: false });
      const byLeader = new Map<Broker | undefined, Batch[]>();
      for (const b of batches) {
        const leader = metadata.brokers.get(metadata.topics.get(b.topic)!.partitions[b.partition].leader);
        let list = byLeader.get(leader);
        if (!list) byLeader.set(leader, (list = []));
        list.push(b);
      }
      return byLeader;
    },
    // No leader in the metadata (an election under way): retried after a fresh metadata, as Java waits
    // for a leader (until delivery.timeout.ms); never a bootstrap connection, which connectionTo() gives without a broker.
    connection: (broker) => (broker ? connectionTo(producer, broker) : Promise.reject(new NoLeaderError())),
  };
}
