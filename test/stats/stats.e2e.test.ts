/** `ktool stats` as a user runs it: the built bin/ktool, --help, and a read of a real topic piped to NDJSON. */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const topic = uniqueName('stats-e2e');

afterAll(async () => {
  await runCli(['topics', 'delete', topic, '--yes']);
});

describe('bin/ktool stats', () => {
  it('--help: the metrics, windows and examples', async () => {
    const r = await spawnKtool(['stats', '--help']);
    expect(r.code).toBe(0);
    for (const s of [
      '--tumbling <duration>',
      '--hopping <size/advance>',
      '--session <gap>',
      '--last <duration|n>',
      '--ema <path>',
      'Examples',
    ])
      expect(r.stdout).toContain(s);
  });

  it('piped: NDJSON rows of a hopping count, then a usage error exits 2', async () => {
    expect((await runCli(['topics', 'create', topic, '-p', '1'])).code).toBe(0);
    const now = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
    const input = [0, 10_000, 70_000]
      .map((d, i) => JSON.stringify({ key: 'k', timestamp: now + d, value: JSON.stringify({ x: i }) }))
      .join('\n');
    expect((await runCli(['produce', '--input', 'json', topic], { stdin: input + '\n' })).code).toBe(0);
    const r = await spawnKtool(['stats', topic, '-e', '--hopping', '2m/1m', '--max', '.value.x']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => [(Number(x.windowStart) - now) / 1000, x.count, x.max_x])).toEqual([
      [-60, 2, 1],
      [0, 3, 2],
      [60, 1, 2],
    ]);
    const bad = await spawnKtool(['stats', topic, '--hopping', '5m']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --hopping takes SIZE\/ADVANCE/);
  });
});
