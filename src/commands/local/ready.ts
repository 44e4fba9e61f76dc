import type { Context } from '../../cli/context.js';
import { resolveConnection } from '../../config/resolve.js';

/** True once the cluster answers Metadata listing all of its brokers. */
export async function brokersReady(ctx: Context, bootstrap: string, brokers: number): Promise<boolean> {
  const settings = resolveConnection({ flags: { bootstrapServer: bootstrap, timeout: '3s' }, env: {}, config: { profiles: {} } });
  const clients = await ctx.kafkaFor(settings);
  try {
    const cluster = await (await clients.admin()).cluster();
    return cluster.brokers.length >= brokers && cluster.controllerId >= 0;
  } finally {
    await clients.close();
  }
}
