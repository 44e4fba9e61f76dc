import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { ConnectionError } from '../../errors.js';
import { batchOutcome } from '../batch-outcome.js';
import type { BrokerApiVersions } from '../../kafka/cluster-types.js';

export const spec = defineCommand({
  command: 'api-versions',
  description: 'the API versions every broker supports (kafka-broker-api-versions.sh)',
  groups: ['connection', 'output', 'base'],
  examples: ['ktool cluster api-versions', 'ktool cluster api-versions --json | jq \'.[0].apis[] | select(.name=="Fetch")\''],
});

export type ApiVersionsOptions = Record<string, never>;

/**
 * `cluster api-versions --json`: per live broker, every API it supports (apiKey, name, minVersion,
 * maxVersion) and the highest version ktool's client can use with it (usableVersion, null if none);
 * `unsupported`: the APIs ktool's client has that the broker does not list (apiKey, name).
 * A broker that could not be asked has `error` and no apis (exit code 5; 4 when none could be).
 */
export type ApiVersionsResult = BrokerApiVersions[];

export function parse(): ApiVersionsOptions {
  return {};
}

/** kafka-broker-api-versions.sh's text. */
export function apiVersionsText(data: ApiVersionsResult): string {
  return data
    .map((b) => {
      const head = `${b.broker.host}:${b.broker.port} (id: ${b.broker.id} rack: ${b.broker.rack ?? 'null'} isFenced: false) -> `;
      if (b.error) return `${head}ERROR: ${b.error}\n`;
      const lines = b.apis.map((a) => {
        const range = a.minVersion === a.maxVersion ? `${a.minVersion}` : `${a.minVersion} to ${a.maxVersion}`;
        const use = a.usableVersion === null ? 'UNUSABLE' : `usable: ${a.usableVersion}`;
        return { key: a.apiKey, line: `\t${a.name}(${a.apiKey}): ${range} [${use}]` };
      });
      // NodeApiVersions.toString: in key order, the client's APIs the broker lacks among them.
      const missing = (b.unsupported ?? []).map((a) => ({ key: a.apiKey, line: `\t${a.name}(${a.apiKey}): UNSUPPORTED` }));
      const all = [...lines, ...missing].sort((x, y) => x.key - y.key).map((x) => x.line);
      return `${head}(\n${all.join(',\n')}\n)\n`;
    })
    .join('');
}

export async function run(_options: ApiVersionsOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).cluster();
  const data = await api.apiVersions();
  const view = data.map((b) => ({
    title: `Broker ${b.broker.id} (${b.broker.host}:${b.broker.port})${b.error ? `: ${b.error}` : ''}`,
    head: ['API', 'KEY', 'MIN', 'MAX', 'USABLE'],
    rows: b.apis.map((a) => [a.name, a.apiKey, a.minVersion, a.maxVersion, a.usableVersion ?? 'none']),
    numeric: [1, 2, 3, 4],
  }));
  const failure = (b: BrokerApiVersions) =>
    `broker ${b.broker.id} (${b.broker.host}:${b.broker.port}) did not tell its API versions: ${b.error}`;
  return batchOutcome(
    ctx.io,
    { data, text: { table: apiVersionsText(data) }, view },
    {
      total: data.length,
      failed: data.filter((b) => b.error),
      describe: failure,
      // The bootstrap broker answered, the advertised addresses did not: a listener set-up problem, as a connection failure.
      error: (b) =>
        new ConnectionError(failure(b), {
          hint: "check that the brokers' advertised.listeners are reachable from here (ktool cluster info lists them)",
        }),
    },
  );
}
