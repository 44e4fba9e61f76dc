import { kGetApi, kGetBootstrapConnection, metadataV12 } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { callApi, type Client } from '../../src/kafka/raw-api.js';

type Callback = (error: Error | null, value?: unknown) => void;

/** A client whose bootstrap connection fails as a refused SASL handshake does: with the handshake's response. */
function clientFailingToConnect(error: Error): Client {
  return {
    [kGetBootstrapConnection]: (callback: Callback) => callback(error),
    [kGetApi]: () => {
      throw new Error('no API is chosen without a connection');
    },
  } as unknown as Client;
}

describe('callApi', () => {
  it("fails when the connection fails, even with a response on the error (a SASL handshake's, not this request's answer)", async () => {
    const refused = Object.assign(new Error('SASL authentication failed'), { response: { errorCode: 58, errorMessage: 'bad token' } });
    await expect(callApi(clientFailingToConnect(refused), [metadataV12.api], [null])).rejects.toBe(refused);
  });
});
