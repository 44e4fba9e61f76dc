// eslint-disable-next-line @typescript-eslint/no-explicit-any
import { kGetApi, kGetBootstrapConnection, kGetConnection, type Base } from '@platformatic/kafka';

type Callback<T> = (error: Error | null, value: T) => void;
// The client keeps these behind symbols; they are exported, so this is a supported seam for the
// requests its high-level API does not expose (validate-only creates, per-topic delete results).
type Internals = {
  [kGetApi](name: string, callback: Callback<(...args: unknown[]) => void>): void;
  [kGetBootstrapConnection](callback: Callback<unknown>): void;
  [kGetConnection](broker: { host: string; port: number }, callback: Callback<unknown>): void;
};

/** Sends one request of the highest version both sides support, to any bootstrap broker. */
export function callRaw<T>(client: Base<any>, apiName: string, args: unknown[], broker?: { host: string; port: number }): Promise<T> {
  const internals = client as unknown as Internals;
  return new Promise<T>((resolve, reject) => {
    const withConnection = (error: Error | null, connection: unknown) => {
      if (error) return reject(error);
      internals[kGetApi](apiName, (apiError, api) => {
        if (apiError) return reject(apiError);
        api(connection, ...args, (callError: Error | null, response: T) => {
          // A response with per-item errors arrives as ResponseError carrying the whole response.
          const carried = (callError as unknown as { response?: T } | null)?.response;
          if (callError && carried !== undefined) return resolve(carried);
          if (callError) return reject(callError);
          resolve(response);
        });
      });
    };
    if (broker) internals[kGetConnection](broker, withConnection);
    else internals[kGetBootstrapConnection](withConnection);
  });
}
