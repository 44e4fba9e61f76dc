import type { AdminApi } from '../../kafka/types.js';

/**
 * Waits until the brokers' metadata shows the new topics with a leader for every partition, so
 * `ktool topics create t && ktool produce t` never races the controller. Gives up quietly at the
 * deadline: the topic exists, it is just not visible everywhere yet.
 */
export async function waitUntilVisible(admin: AdminApi, names: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { topics, missing } = await admin.describeTopics(names);
    if (missing.length === 0 && topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
