import { ConnectionError, KtoolError } from '../../errors.js';

/**
 * Changing ACLs or SCRAM users first reads them (Describe on the cluster, implied by Alter). When
 * that read is refused, report the change the user asked for, not the read.
 */
export async function whileChanging<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof KtoolError && /CLUSTER_AUTHORIZATION_FAILED/.test(error.message)) {
      throw new ConnectionError(`${what}: not authorized: this needs Alter on the cluster (CLUSTER_AUTHORIZATION_FAILED)`, { hint: error.hint });
    }
    throw error;
  }
}
