import type { Context } from '../../cli/context.js';
import { defineOptions } from '../../cli/spec.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { ConnectApi, ConnectorInfo } from '../../kafka/connect.js';
import { MIRROR_CLASSES } from './mm2-config.js';

/** status, pause, resume and delete: which Connect worker, which connectors. */
export const CONNECT_OPTIONS = defineOptions([
  { flags: '--connect-url <url>', description: 'Kafka Connect REST URL' },
  { flags: '--name <prefix>', description: 'connector name prefix (default: every Mirror* connector)' },
]);

export function connectUrl(f: Record<string, unknown>, optional = false): string {
  const url = (f.connectUrl as string | undefined) ?? '';
  if (!url && !optional)
    throw new UsageError('--connect-url URL is required', 'the Kafka Connect REST address, e.g. --connect-url http://localhost:8083');
  return url;
}

export interface ConnectTarget {
  connectUrl: string;
  name?: string;
}

export function parseTarget(args: string[], f: Record<string, unknown>): ConnectTarget {
  if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
  return { connectUrl: connectUrl(f), name: f.name as string | undefined };
}

const MIRROR = new Set<string>(Object.values(MIRROR_CLASSES));

/** The MirrorMaker 2 connectors on the worker (those named PREFIX-* with --name). */
export async function mirrorConnectors(o: ConnectTarget, ctx: Context): Promise<{ api: ConnectApi; connectors: ConnectorInfo[] }> {
  const api = await ctx.connect(o.connectUrl);
  const connectors = (await api.list())
    .filter((c) => MIRROR.has(c.config['connector.class']) && (!o.name || c.name === o.name || c.name.startsWith(`${o.name}-`)))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (connectors.length === 0)
    throw new NotFoundError(
      `no MirrorMaker 2 connectors${o.name ? ` named ${o.name}-*` : ''} on ${o.connectUrl}`,
      'create them with `ktool mirror deploy`',
    );
  return { api, connectors };
}

/** Applies one action to every selected connector: one row per connector. `before` sees them first (delete's confirmation). */
export async function eachConnector(
  o: ConnectTarget,
  ctx: Context,
  verb: string,
  act: (api: ConnectApi, name: string) => Promise<void>,
  before?: (connectors: ConnectorInfo[]) => Promise<void>,
) {
  const { api, connectors } = await mirrorConnectors(o, ctx);
  await before?.(connectors);
  for (const c of connectors) await act(api, c.name);
  const rows = connectors.map((c) => ({ name: c.name, class: c.config['connector.class'].split('.').pop()!, action: verb }));
  return {
    data: { connectUrl: o.connectUrl, connectors: rows },
    view: [{ head: ['CONNECTOR', 'CLASS', 'ACTION'], rows: rows.map((r) => [r.name, r.class, r.action]) }],
  };
}
