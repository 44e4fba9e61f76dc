import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

/** One partition flag across commands: kcat's -p, with -P/--partitions as its alias (issue 10). */
describe('partition flags through the command tree', () => {
  it.each([
    [['consume', 't', '-p', '0,2'], { partitions: [0, 2] }],
    [['consume', 't', '-P', '0,2'], { partitions: [0, 2] }],
    [['consume', 't', '--partitions', '0-2'], { partitions: [0, 1, 2] }],
    [['consume', '--topic', 't', '--partition', '1'], { partitions: [1] }],
    [['consume', 't', '-p', '0', '-P', '2'], { partitions: [0, 2] }],
  ])('%j', async (argv, partitions) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect((r.options as { partitions?: unknown }).partitions).toEqual(partitions);
  });

  it.each([
    [['offsets', 't', '-p', '0,2'], [{ topic: 't', regex: false, partitions: [0, 2] }]],
    [['offsets', 't', '-P', '1'], [{ topic: 't', regex: false, partitions: [1] }]],
    [['offsets', '--topic', 't', '--partitions', '0,1'], [{ topic: 't', regex: false, partitions: [0, 1] }]],
    [['offsets', 't:3'], [{ topic: 't', regex: false, partitions: [3] }]],
  ])('%j', async (argv, selections) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect((r.options as { selections: unknown }).selections).toEqual(selections);
  });

  it.each([
    [['produce', 't', '-p', '2'], 2],
    [['produce', 't', '--partitions', '2'], 2],
    [['produce', 't', '--partition', '2'], 2],
  ])('%j', async (argv, partition) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect((r.options as { partition?: number }).partition).toBe(partition);
  });

  it.each([
    [['produce', 't', '-p', '0,1'], /takes one partition/],
    [['produce', 't', '-p', 'orders'], /kcat's -P is this command itself/],
    [['produce', 't', '-p', '0', '--partitions', '1'], /once/],
    [['offsets', '-p', '0'], /needs a TOPIC/],
  ])('rejects %j', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a relative time after --time is a value, not an option', async () => {
    const before = Date.now();
    const r = await parseArgs(['offsets', 't', '--time', '-1h']);
    expect(r.stderr).toBe('');
    const ms = (r.options as { time: { timestamp: number } }).time.timestamp;
    expect(ms).toBeGreaterThanOrEqual(before - 3_600_000);
    expect(ms).toBeLessThanOrEqual(Date.now() - 3_600_000);
  });
});
