/**
 * A Kafka Connect REST client (plain fetch: Connect is HTTP, no Kafka library involved). Errors
 * become typed ktool errors: unreachable worker -> ConnectionError, 404 -> NotFoundError, a
 * rejected config -> UsageError carrying Connect's own message.
 */
import { ConnectionError, NotFoundError, OperationError, UsageError } from '../errors.js';

export interface ConnectorStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type?: string;
}

export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  status: ConnectorStatus;
}

export interface ConnectApi {
  /** Every connector with its config and status. */
  list(): Promise<ConnectorInfo[]>;
  /** Creates or updates; true when it was created. */
  put(name: string, config: Record<string, string>): Promise<boolean>;
  status(name: string): Promise<ConnectorStatus>;
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export function connectClient(baseUrl: string, timeoutMs = 10_000): ConnectApi {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`invalid --connect-url "${baseUrl}"`, 'e.g. --connect-url http://localhost:8083');
  }
  const root = url.toString().replace(/\/+$/, '');

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    // A worker answers 409 while its group rebalances: wait a little and try again.
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${root}${path}`, {
          method,
          headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const inner = (error as { cause?: { code?: string; message?: string } }).cause;
        const cause = inner?.code ?? inner?.message ?? (error as Error).name;
        throw new ConnectionError(
          `cannot reach Kafka Connect at ${root}: ` +
            `${cause === 'ECONNREFUSED' ? 'connection refused' : cause === 'TimeoutError' ? 'timed out' : cause}`,
          { hint: 'is the Connect worker running and --connect-url right? (its REST listener, e.g. http://host:8083)' },
        );
      }
      const text = await response.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = text;
      }
      if (response.status === 409 && attempt < 10) {
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
        continue;
      }
      if (response.status >= 400) {
        const message = (json as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
        if (response.status === 404) throw new NotFoundError(`Kafka Connect: ${message}`);
        if (response.status === 400 || response.status === 422) throw new UsageError(`Kafka Connect refused the request: ${message}`);
        throw new OperationError(`Kafka Connect ${method} ${path} failed: ${message}`);
      }
      return { status: response.status, json };
    }
  }

  const enc = encodeURIComponent;
  return {
    async list() {
      const { json } = await call('GET', '/connectors?expand=status&expand=info');
      const map = json as Record<string, { info: { name: string; config: Record<string, string> }; status: ConnectorStatus }>;
      return Object.values(map).map((c) => ({ name: c.info.name, config: c.info.config, status: c.status }));
    },
    async put(name, config) {
      const { status } = await call('PUT', `/connectors/${enc(name)}/config`, config);
      return status === 201;
    },
    async status(name) {
      return (await call('GET', `/connectors/${enc(name)}/status`)).json as ConnectorStatus;
    },
    async pause(name) {
      await call('PUT', `/connectors/${enc(name)}/pause`);
    },
    async resume(name) {
      await call('PUT', `/connectors/${enc(name)}/resume`);
    },
    async remove(name) {
      await call('DELETE', `/connectors/${enc(name)}`);
    },
  };
}
