/** Which Kafka versions `ktool local` can run, and what differs between their lines. */
import { UsageError } from '../errors.js';

export const DEFAULT_KAFKA_VERSION = '4.3.1';

/** KRaft without ZooKeeper is production-ready from 3.3 on; older brokers need ZooKeeper. */
const OLDEST: readonly [number, number] = [3, 3];

export function parseKafkaVersion(text: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`invalid Kafka version "${text}"`, 'a release number such as 4.3.1 or 3.9.2');
  const v: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (v[0] < OLDEST[0] || (v[0] === OLDEST[0] && v[1] < OLDEST[1])) {
    throw new UsageError(
      `ktool local runs Kafka ${OLDEST.join('.')} or newer (KRaft, no ZooKeeper); ${text} is older`,
      `pick --kafka-version ${OLDEST.join('.')}.x or newer`,
    );
  }
  return v;
}

/** Kafka 3.x logs through log4j 1 (reload4j in its distribution); 4.x through log4j2. */
export function usesLog4j1(version: string): boolean {
  return parseKafkaVersion(version)[0] < 4;
}

/**
 * SCRAM in KRaft mode (StorageTool's --add-scram, the SCRAM users `--sasl` writes at format time) came with
 * Kafka 3.5: before it, `--sasl` offers PLAIN and OAUTHBEARER only.
 */
export function hasKraftScram(version: string): boolean {
  const [major, minor] = parseKafkaVersion(version);
  return major > 3 || minor >= 5;
}

/**
 * Delegation tokens in KRaft mode (the controllers keep them in the metadata log) came with Kafka 3.6
 * (KAFKA-15219); they authenticate over SCRAM, so `--sasl` enables them where SCRAM is there too.
 */
export function hasKraftDelegationTokens(version: string): boolean {
  const [major, minor] = parseKafkaVersion(version);
  return major > 3 || minor >= 6;
}
