import type { Io } from '../../cli/io.js';
import type { AdminApi } from '../../kafka/types.js';
import { sleep } from '../../util/sleep.js';

/**
 * Waits until the brokers' metadata shows the new topics with a leader for every partition, so
 * `ktool topics create t && ktool produce t` never races the controller. Gives up quietly at the
 * deadline or on Ctrl-C: the topic exists, it is just not visible everywhere yet.
 */
export async function waitUntilVisible(
  admin: AdminApi,
  names: string[],
  timeoutMs: number,
  io: Pick<Io, 'now' | 'signal'>,
): Promise<boolean> {
  const deadline = io.now() + timeoutMs;
  while (io.now() < deadline && !io.signal.aborted) {
    const { topics, missing } = await admin.describeTopics(names);
    if (missing.length === 0 && topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return true;
    await sleep(50, io.signal);
  }
  return false;
}
