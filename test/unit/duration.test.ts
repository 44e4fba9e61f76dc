import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/util/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['10', 10_000],
    ['1.5', 1_500],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['PT10M', 600_000],
    ['P1DT2H', 93_600_000],
    ['PT0.5S', 500],
    ['-PT1H', -3_600_000],
  ])('%s -> %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'abc', '10x', '1m30', 'P', 'PT', '-5s'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [5_000, '5s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3 * 86_400_000 + 3_600_000, '3d1h'],
  ])('%d -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
