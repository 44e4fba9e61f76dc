/**
 * Requests the client library's high-level API does not make (validate-only creates, per-topic
 * delete results, per-broker log dirs ...), sent with the library's own versioned API modules
 * (`metadataV12.api` ...), so arguments and responses are typed from its declarations. The versions
 * ktool sends are pinned in pinned-apis.ts; test/kafka/library-contract.test.ts checks them against
 * the installed library.
 */
import {
  kGetApi,
  kGetBootstrapConnection,
  kGetConnection,
  protocolAPIsById,
  UnsupportedApiError,
  type Base,
  type Broker,
  type Connection,
} from '@platformatic/kafka';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Client = Base<any>;

/** What an `api` of the library's `<name>V<n>` modules is, seen through its promise form. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface VersionedApi<Args extends unknown[] = any[], Response = any> {
  async(connection: Connection, ...args: Args): Promise<Response>;
  key: number;
  version: number;
}
/** Versions of one API, newest first; ktool sends the newest the broker takes. */
export type Versions = readonly [VersionedApi, ...VersionedApi[]];

type ArgsOf<A> = A extends VersionedApi<infer Args, unknown> ? Args : never;
/** Arguments that every listed version takes (the library gives each version its own types). */
type ArgsOfAll<V extends readonly unknown[]> = V extends readonly [infer H, ...infer T] ? ArgsOf<H> & ArgsOfAll<T> : unknown;
// Distributes over the versions: the answer of any of them.
type ResponseOfApi<A> = A extends VersionedApi<never, infer R> ? R : never;
export type ResponseOf<V extends Versions> = ResponseOfApi<V[number]>;

/** A connection to that broker, or to any bootstrap broker. */
export function connectionTo(client: Client, broker?: Broker): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, connection?: Connection) =>
      error || !connection ? reject(error ?? new Error('no connection')) : resolve(connection);
    if (broker) client[kGetConnection](broker, done);
    else client[kGetBootstrapConnection](done);
  });
}

/**
 * The newest of `versions` the broker takes. The library's kGetApi answers the newest version it
 * implements within the range the (bootstrap) broker announced in ApiVersions, from its cache of
 * that answer; a pinned version at or below it is within the broker's range too. A broker without
 * the API at all fails here with the library's UnsupportedApiError, as no request must reach it
 * (a broker closes the connection on an API version it does not know).
 */
export function chooseVersion<V extends Versions>(client: Client, versions: V): Promise<V[number]> {
  const name = protocolAPIsById[versions[0].key];
  return new Promise((resolve, reject) =>
    client[kGetApi](name, (error, newest) => {
      if (error || !newest) return reject(error ?? new UnsupportedApiError(`Unsupported API ${name}.`));
      const usable = versions.find((v) => v.version <= newest.version);
      if (usable) return resolve(usable);
      reject(
        new UnsupportedApiError(
          `Unsupported API version: ktool sends ${name} ` +
            `v${versions.map((v) => v.version).join('/')}, the broker and the client library share ` +
            `v${newest.version} at most.`,
        ),
      );
    }),
  );
}

/**
 * One request of the newest listed version the broker takes, to that broker or any bootstrap
 * broker. An answer with any error code fails with the library's ResponseError.
 */
export async function requestApi<V extends Versions>(
  client: Client,
  versions: V,
  args: ArgsOfAll<V> & unknown[],
  broker?: Broker,
): Promise<ResponseOf<V>> {
  const { connection, api } = await connectAndChoose(client, versions, broker);
  return api.async(connection, ...args);
}

async function connectAndChoose<V extends Versions>(client: Client, versions: V, broker?: Broker) {
  // The connection first: an unreachable broker fails fast, not through the library's retried
  // ApiVersions behind kGetApi.
  const connection = await connectionTo(client, broker);
  return { connection, api: await chooseVersion(client, versions) };
}

/**
 * requestApi, except that an answer whose items carry errors comes back as the answer (the
 * library fails it with a ResponseError holding it): callers read the per-item error codes.
 */
export async function callApi<V extends Versions>(
  client: Client,
  versions: V,
  args: ArgsOfAll<V> & unknown[],
  broker?: Broker,
): Promise<ResponseOf<V>> {
  // Outside the try: a failed SASL handshake also carries a response (SaslAuthenticate's), which
  // is not this request's answer (a bad OAUTHBEARER token read as a Metadata answer: a TypeError).
  const { connection, api } = await connectAndChoose(client, versions, broker);
  try {
    return await api.async(connection, ...args);
  } catch (error) {
    if (error instanceof Error && 'response' in error && error.response !== undefined) return error.response as ResponseOf<V>;
    throw error;
  }
}
