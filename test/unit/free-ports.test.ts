import { describe, expect, it } from 'vitest';
import { ephemeralRange, freePorts, portTaken } from '../../src/local/ports.js';

describe('ports for a local cluster', () => {
  it.each([
    ['32768\t60999\n', [32768, 60999]],
    ['1024 65535', [1024, 65535]],
    ['garbage', [49152, 65535]],
    ['60999 32768', [49152, 65535]],
  ])('ephemeralRange reads %j as %j', (text, range) => {
    expect(ephemeralRange(() => text)).toEqual(range);
  });

  it('ephemeralRange falls back to the IANA range where the file cannot be read', () => {
    expect(
      ephemeralRange(() => {
        throw new Error('ENOENT');
      }),
    ).toEqual([49152, 65535]);
  });

  it('freePorts: distinct free ports from 20000 up to the ephemeral range, where no outgoing connection takes them', async () => {
    const [low] = ephemeralRange();
    const ports = await freePorts(9);
    expect(new Set(ports).size).toBe(9);
    for (const port of ports) {
      expect(await portTaken(port)).toBe(false);
      if (low - 20_000 < 1_000) continue; // no room under the range here: the OS picked them
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(low);
    }
  });

  it('freePorts: a range leaving no room under it falls back to ports the OS picks', async () => {
    const ports = await freePorts(3, [20_500, 60_999]);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) expect(await portTaken(port)).toBe(false);
  });
});
