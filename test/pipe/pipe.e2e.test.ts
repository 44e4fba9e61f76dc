import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const created: string[] = [];
afterAll(async () => {
  if (created.length) await spawnKtool(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('bin/ktool pipe', () => {
  it('--help shows the expression fields and examples', async () => {
    const r = await spawnKtool(['pipe', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ktool pipe [options] [command] <in> <out>');
    expect(r.stdout).toContain("--where 'value.total > 100'");
    expect(r.stdout).toMatch(/topic, partition, offset, timestamp,\s+key, value, headers/);
  });

  it('consume --json | pipe | consume: a filtered, mapped copy through the real binary', async () => {
    const [src, dst] = [uniqueName('pipe-e2e-in'), uniqueName('pipe-e2e-out')];
    created.push(src, dst);
    expect((await spawnKtool(['topics', 'create', src, dst, '-p', '2'])).code).toBe(0);
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ n: i, word: i % 2 ? 'odd' : 'even' })).join('\n') + '\n';
    expect((await spawnKtool(['produce', src, '-q'], { stdin: lines })).code).toBe(0);
    const r = await spawnKtool(['pipe', src, dst, '-e', '--where', "value.word === 'odd'", '--map', 'value.n * 10', '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pipe: read 40 from \S+, wrote 20 to \S+, filtered out 20 in /);
    const out = await spawnKtool(['consume', dst, '-e']);
    const values = out.stdout.split('\n').filter(Boolean).map(Number);
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => (2 * i + 1) * 10));
  });
});
