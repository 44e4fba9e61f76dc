import { readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The kernel's range for the local ports of outgoing connections (Linux; the IANA one elsewhere). */
export function ephemeralRange(read = () => readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')): [number, number] {
  try {
    const [low, high] = read().trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low && high <= 65_535) return [low, high];
  } catch {
    // not Linux
  }
  return [49_152, 65_535];
}

/** Where a local cluster's ports start: under it are the usual service ports (9092, 8080, ...). */
export const LOCAL_PORTS_FROM = 20_000;

/** A random port in [low, high) that is not in `skip` and nothing holds (portTaken); undefined after `tries` draws. */
export async function randomFreePort(low: number, high: number, skip: ReadonlySet<number>, tries: number): Promise<number | undefined> {
  for (let i = 0; i < tries; i++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (!skip.has(port) && !(await portTaken(port)) && !(await portTaken(port, '0.0.0.0'))) return port;
  }
  return undefined;
}

/**
 * Distinct free ports for a local cluster that keep being free when it starts again: drawn from
 * LOCAL_PORTS_FROM up to the ephemeral range. A port from listen(0) lies inside that range, where any
 * outgoing connection on the machine may take it as its local port while the cluster is stopped, and a
 * broker cannot move (its quorum and the profiles name its ports), so its restart would be refused.
 * When the range leaves no room, listen(0).
 */
export async function freePorts(count: number, range = ephemeralRange()): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count && range[0] - LOCAL_PORTS_FROM >= 1_000) {
    const port = await randomFreePort(LOCAL_PORTS_FROM, range[0], ports, 50);
    if (port === undefined) break;
    ports.add(port);
  }
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Something holds the port on 127.0.0.1: a listen there fails (EADDRINUSE), as a broker's or the
 * registry's would. A bind test rather than a connect: it also sees a listener on another address
 * of the port (0.0.0.0, ::) and a socket bound without listening. Like a JVM's server socket, node's
 * sets SO_REUSEADDR, so a port left in TIME_WAIT by the cluster's own last run is not "taken".
 */
export function portTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(true));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}
