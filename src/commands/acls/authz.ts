import { DeniedError } from '../../kafka/denied.js';

/**
 * Changing ACLs or SCRAM users first reads them (Describe on the cluster, implied by Alter). When
 * that read is refused, report the change the user asked for: Alter on the cluster, not the read.
 */
export async function whileChanging<T>(_what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DeniedError && error.kafkaCode === 'CLUSTER_AUTHORIZATION_FAILED') throw error.needing('Alter');
    throw error;
  }
}
