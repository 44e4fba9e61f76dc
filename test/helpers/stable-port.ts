import { ephemeralRange, LOCAL_PORTS_FROM, randomFreePort } from '../../src/local/ports.js';

const used = new Set<number>();
// Each vitest worker draws from its own slice of 10000 up to LOCAL_PORTS_FROM, where `ktool local` takes its
// ports from, so two test files running side by side, or a test and a cluster starting, never pick the same port.
const SLICE = 1_000;

/**
 * A free port that stays free while a test expects it to: one below the ephemeral range. A port from
 * listen(0) comes from that range, and with the suite's hundreds of client connections one of them can
 * take it as its local port between the test's choosing it and using it (CI of 935e38d: a "free"
 * registry port found taken). Distinct within the process, and across workers by their slices.
 */
export async function stablePort(): Promise<number> {
  const slices = Math.max(1, Math.floor((Math.min(ephemeralRange()[0], LOCAL_PORTS_FROM) - 10_000) / SLICE));
  const floor = 10_000 + (Number(process.env.VITEST_POOL_ID ?? 0) % slices) * SLICE;
  const port = await randomFreePort(floor, floor + SLICE, used, 200);
  if (port === undefined) throw new Error('no free port below the ephemeral range after 200 tries');
  used.add(port);
  return port;
}
