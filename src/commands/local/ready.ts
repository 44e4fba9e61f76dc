import { resolveConnection } from '../../config/resolve.js';

/** True once the cluster answers Metadata listing all of its brokers. */
export async function brokersReady(bootstrap: string, brokers: number, env: Record<string, string | undefined>): Promise<boolean> {
  const { createKafkaClients } = await import('../../kafka/client.js');
  const settings = resolveConnection({ flags: { bootstrapServer: bootstrap, timeout: '3s' }, env: {}, config: { profiles: {} } });
  const clients = createKafkaClients(settings, env);
  try {
    const cluster = await (await clients.admin()).cluster();
    return cluster.brokers.length >= brokers && cluster.controllerId >= 0;
  } finally {
    await clients.close();
  }
}
