/**
 * bench/perf.sh's summary (bench/perf-table.mjs): the three Java perf tools' result lines, which
 * ktool perf prints the same way with their spelling, read into figures and set side by side.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs benchmark script without types
import { parseResult, summarize } from '../../bench/perf-table.mjs';

const producer = (rps: string, avg: string, p50: number) =>
  `500000 records sent, ${rps} records/sec (9.47 MB/sec), ${avg} ms avg latency, 1404.00 ms max latency, ` +
  `${p50} ms 50th, 311 ms 95th, 378 ms 99th, 401 ms 99.9th.`;

describe('bench/perf-table.mjs', () => {
  it('reads ProducerPerformance total and steady-state lines', () => {
    expect(parseResult(producer('99250.744274', '115.02', 4))).toEqual({
      kind: 'produce',
      steady: false,
      values: {
        'records/s': 99250.744274,
        'MB/s': 9.47,
        'avg ms': 115.02,
        'p50 ms': 4,
        'p95 ms': 311,
        'p99 ms': 378,
        'p99.9 ms': 401,
        'max ms': 1404,
      },
    });
    expect(parseResult(producer('1.0', '1.0', 1).replace('500000 records', '400000 steady state records'))?.steady).toBe(true);
    // A window line has no percentiles: not a result.
    expect(parseResult('49996 records sent, 9997.2 records/sec (0.95 MB/sec), 2.1 ms avg latency, 90.0 ms max latency.')).toBeUndefined();
  });

  it("reads ConsumerPerformance's --hide-header row and EndToEndLatency's two result lines", () => {
    const row = '2026-01-02 03:04:05:006, 2026-01-02 03:04:08:432, 1.9073, 0.5567, 20000, 5837.7116, 1011, 2415, 0.7898, 8281.5735';
    expect(parseResult(row)).toEqual({
      kind: 'consume',
      values: {
        'records/s': 5837.7116,
        'MB/s': 0.5567,
        records: 20000,
        'fetch records/s': 8281.5735,
        'fetch MB/s': 0.7898,
        'rebalance ms': 1011,
      },
    });
    expect(parseResult('Avg latency: 19.6449 ms Percentiles: 50th = 6, 99th = 70, 99.9th = 70')).toEqual({
      kind: 'e2e',
      values: { 'avg ms': 19.6449, 'p50 ms': 6, 'p99 ms': 70, 'p99.9 ms': 70 },
    });
    expect(parseResult('start.time, end.time, data.consumed.in.MB, MB.sec, a, b, c, d, e, f')).toBeUndefined();
  });

  it('per scenario: medians with the range of the rounds, and ktool / Java', () => {
    const lines = [
      ['produce acks=1', 'java', producer('99000.0', '100.0', 4)],
      ['produce acks=1', 'ktool', producer('99800.0', '2.0', 1)],
      ['produce acks=1', 'java', producer('99400.0', '120.0', 6)],
      ['produce acks=1', 'ktool', producer('99900.0', '3.0', 1)],
      ['consume', 'java', 'oops'],
    ];
    const text = summarize(lines.map((l) => l.join('\t')).join('\n'));
    expect(text).toContain('produce acks=1 (2 rounds)');
    expect(text).toMatch(/records\/s +99,200 \(99,000-99,400\) +99,850 \(99,800-99,900\) +1\.01\n/);
    expect(text).toMatch(/avg ms +110 \(100-120\) +2\.5 \(2-3\) +0\.02\n/);
    expect(text).toMatch(/p50 ms +5 \(4-6\) +1 \(1-1\) +0\.20\n/);
    expect(text).toContain('not read (no result line): 1\n  consume\tjava\toops');
  });
});
