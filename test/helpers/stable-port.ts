import { readFileSync } from 'node:fs';
import { portTaken } from '../../src/local/ports.js';

/** The kernel's range for the local ports of outgoing connections (Linux; the IANA range elsewhere). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux
  }
  return [49152, 65535];
}

const used = new Set<number>();
// Each vitest worker draws from its own slice, so two test files running side by side never pick the same port.
const SLICE = 1_000;

/**
 * A free port that stays free while a test expects it to: one below the ephemeral range. A port from
 * listen(0) comes from that range, and with the suite's hundreds of client connections one of them can
 * take it as its local port between the test's choosing it and using it (CI of 935e38d: a "free"
 * registry port found taken). Distinct within the process, and across workers by their slices.
 */
export async function stablePort(): Promise<number> {
  const [low] = ephemeralRange();
  const slices = Math.max(1, Math.floor((Math.min(low, 65_536) - 10_000) / SLICE));
  const floor = 10_000 + (Number(process.env.VITEST_POOL_ID ?? 0) % slices) * SLICE;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = floor + Math.floor(Math.random() * SLICE);
    if (used.has(port) || (await portTaken(port)) || (await portTaken(port, '0.0.0.0'))) continue;
    used.add(port);
    return port;
  }
  throw new Error('no free port below the ephemeral range after 200 tries');
}
