/**
 * One JSON request to the registry over node:http/https (no dependency; https for a CA, client
 * certificate or insecure mode). Keep-alive: a consume that meets new schema ids reuses one socket.
 * Credentials go in the Authorization header only: never in a message, the URL shown or --debug.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AuthenticationError, CancelledError, ConnectionError } from '../errors.js';

export interface Transport {
  /** Status and parsed JSON body (the text when it is not JSON). */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): void;
}

export interface TransportOptions {
  /** Base URL without credentials and without a trailing slash. */
  url: string;
  authorization?: string;
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean };
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Confluent's content types, then plain JSON (what Apicurio and every Confluent version accept). */
const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5';
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export function createTransport(options: TransportOptions): Transport {
  const base = new URL(options.url);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 8, ...options.tls })
    : new HttpAgent({ keepAlive: true, maxSockets: 8 });
  const basePath = base.pathname.replace(/\/+$/, '');

  function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { accept: ACCEPT };
    if (payload) Object.assign(headers, { 'content-type': CONTENT_TYPE, 'content-length': payload.length });
    if (options.authorization) headers.authorization = options.authorization;
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        {
          protocol: base.protocol,
          hostname: base.hostname.replace(/^\[|\]$/g, ''),
          port: base.port || undefined,
          path: basePath + path,
          method,
          headers,
          agent,
          timeout: options.timeoutMs,
          signal: options.signal,
        },
        (res) => readBody(res).then(resolve, reject),
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => reject(transportError(error, options.url, options.timeoutMs)));
      req.end(payload);
    });
  }
  return { send, close: () => agent.destroy() };
}

async function readBody(res: IncomingMessage): Promise<{ status: number; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's HTML page ...): kept as text for the message.
  }
  return { status: res.statusCode ?? 0, body };
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** One line for a request that got no answer: refused, timed out, unknown host, TLS. */
function transportError(error: Error, url: string, timeoutMs: number): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (error.name === 'AbortError') return new CancelledError();
  if (TLS_CODES.has(code) || /SSL|TLS|certificate/i.test(error.message)) {
    return new AuthenticationError(`schema registry ${url}: TLS handshake failed: ${error.message}`, {
      cause: error,
      hint: 'trust its CA with --sr-ca FILE (or schema.registry.ssl.truststore.location in --command-config, PEM)',
    });
  }
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ETIMEDOUT'
        ? `no answer within ${timeoutMs} ms`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'unknown host'
          : code === 'ECONNRESET' || code === 'EPIPE'
            ? 'connection reset'
            : error.message;
  return new ConnectionError(`cannot reach the schema registry at ${url}: ${why}`, {
    cause: error,
    hint: 'is it running, and is the URL right (with its base path, e.g. http://host:8080/apis/ccompat/v7 for Apicurio)?',
  });
}
