import { connect, type Socket } from 'node:net';

/**
 * The bootstrap list with the first broker to answer in front. The client library asks its
 * bootstrap brokers in order and waits a whole request timeout on each: a broker that accepts
 * connections but never answers (SIGSTOPped, swapping, a stuck JVM) in first place made every
 * command fail after --timeout although the others were fine. Only for plaintext listeners: with
 * TLS or SASL the connection itself stalls, and the library's connect timeout moves on.
 *
 * An ApiVersions v0 request goes to every broker at once (it needs no authentication); the first
 * one to send anything back wins, the others keep their order behind it. Nobody answering within
 * `waitMs` leaves the list as it was, for the library to report as it always does.
 */
export async function answeringFirst(bootstrap: string[], waitMs: number): Promise<string[]> {
  if (bootstrap.length < 2) return bootstrap;
  const sockets: Socket[] = [];
  const winner = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), waitMs);
    let failed = 0;
    for (const address of bootstrap) {
      const { host, port } = splitAddress(address);
      const socket = connect({ host, port });
      sockets.push(socket);
      socket.setNoDelay(true);
      socket.once('connect', () => socket.write(API_VERSIONS_V0));
      socket.once('data', () => {
        clearTimeout(timer);
        resolve(address);
      });
      socket.once('error', () => {
        if (++failed === bootstrap.length) {
          clearTimeout(timer);
          resolve(undefined);
        }
      });
    }
  });
  for (const s of sockets) s.destroy();
  return winner === undefined ? bootstrap : [winner, ...bootstrap.filter((b) => b !== winner)];
}

/** host:port, [v6]:port; a missing port is Kafka's default. */
export function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  if (at < 0 || address.endsWith(']')) return { host: address.replace(/^\[|\]$/g, ''), port: 9092 };
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

/**
 * Size, api key 18, version 0, correlation id 1, client id "ktool-probe". Written out rather than
 * through the library's ApiVersions encoder: that one sends over a library Connection, which would
 * open TLS/SASL and queue behind its own timeouts, the very stall this probe exists to step around;
 * the probe only needs some bytes back, never parses them, so 18 fixed bytes are the whole protocol.
 */
const API_VERSIONS_V0 = (() => {
  const clientId = Buffer.from('ktool-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(18, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
})();
