import { describe, expect, it } from 'vitest';
import { isTime, parseIsoTime, parseTime, parseTimeArg } from '../../src/cli/time-spec.js';
import { parseOffsetSpec } from '../../src/commands/consume/offset-spec.js';
import { parseCut } from '../../src/commands/delete-records/delete-records.js';
import { parseDatetime } from '../../src/commands/groups/reset-plan.js';
import { parseTimeSpec } from '../../src/commands/offsets/time-query.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const H = 3_600_000;

describe('the one time syntax (src/cli/time-spec.ts)', () => {
  it.each([
    ['0', 0],
    ['1714521600000', 1714521600000],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T10:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01t10:00:00z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00.250Z', Date.UTC(2024, 4, 1, 10, 0, 0, 250)],
    ['2024-05-01T10:00:00.5', Date.UTC(2024, 4, 1, 10, 0, 0, 500)],
    ['2024-05-01T10:00:00.123456789Z', Date.UTC(2024, 4, 1, 10, 0, 0, 123)],
    ['2024-05-01 10:00:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00:00+02:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00+0200', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00:00.000+02', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T08:00:00.000-0130', Date.UTC(2024, 4, 1, 9, 30)],
    ['-1h', NOW - H],
    ['+30m', NOW + 30 * 60_000],
    ['-1d2h', NOW - 26 * H],
    ['-90s', NOW - 90_000],
    ['-500ms', NOW - 500],
    ['-1w', NOW - 7 * 24 * H],
    ['-PT1H', NOW - H],
    ['-P1DT2H', NOW - 26 * H],
    [' -1h ', NOW - H],
  ])('%j', (text, ms) => expect(parseTime(text, { what: '--x', now: NOW })).toBe(ms));

  it.each([
    ['', /cannot read/],
    ['yesterday', /cannot read/],
    ['1.5', /cannot read/],
    ['-10', /cannot read/],
    ['-1x', /cannot read/],
    ['-1H', /cannot read/],
    ['2024-02-30', /cannot read/],
    ['2024-13-01', /cannot read/],
    ['2024-05-01T25:00:00Z', /cannot read/],
    ['2024-05-01T10:60', /cannot read/],
    ['2024-05-01T10:00+25:00', /cannot read/],
    ['2024-5-1', /cannot read/],
    ['@-1h', /cannot read/],
    ['-100000w', /after 1970/],
  ])('rejects %j', (text, message) => {
    expect(() => parseTime(text, { what: '--x', now: NOW })).toThrow(message);
    expect(() => parseTime(text, { what: '--x', now: NOW })).toThrow(/^--x: /);
  });

  it('a flag that takes only a time allows the @', () => {
    expect(parseTimeArg('@-1h', { what: '--x', now: NOW })).toBe(NOW - H);
    expect(parseTimeArg('-1h', { what: '--x', now: NOW })).toBe(NOW - H);
    expect(parseTimeArg('@2024-05-01', { what: '--x', now: NOW })).toBe(Date.UTC(2024, 4, 1));
  });

  it('a relative time without a unit says it needs one', () => {
    try {
      parseTime('-10', { what: '--x' });
      expect.unreachable();
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/^a relative time needs a unit \(-10s, -10m, -10h\)/);
    }
  });

  it('the hint names what else the flag takes', () => {
    try {
      parseTime('soon', { what: '--x', alternatives: 'use now or ' });
      expect.unreachable();
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/^use now or TIME is epoch ms/);
    }
  });

  it('isTime and parseIsoTime', () => {
    expect(isTime('-1h')).toBe(true);
    expect(isTime('2024-05-01')).toBe(true);
    expect(isTime('-5')).toBe(false);
    expect(parseIsoTime('1714521600000')).toBeUndefined();
  });
});

describe('every flag that takes a time reads the same times', () => {
  // The same text, wherever a time goes: consume -o @T, offsets --time, delete-records --before @T,
  // groups reset-offsets --to-datetime.
  it.each(['1714521600000', '2024-05-01T10:00:00Z', '2024-05-01T12:00:00.000+02:00', '2024-05-01', '-1h', '+30m', '-PT2H'])(
    '%s',
    (text) => {
      const ms = parseTime(text, { what: '--x', now: NOW });
      expect(parseOffsetSpec(`@${text}`, NOW)).toEqual({ start: { kind: 'time', ms } });
      expect(parseTimeSpec(text, '--time', NOW)).toEqual({ timestamp: ms });
      expect(parseTimeSpec(`@${text}`, '--time', NOW)).toEqual({ timestamp: ms });
      expect(parseCut(`@${text}`, NOW)).toEqual({ time: ms });
      expect(parseDatetime(text, NOW)).toBe(ms);
      expect(parseDatetime(`@${text}`, NOW)).toBe(ms);
    },
  );

  it('where a bare number is an offset, a time needs its @, and the hint says so', () => {
    expect(parseCut('1000', NOW)).toEqual({ offset: 1000n });
    expect(() => parseCut('-1h', NOW)).toThrow(/--before: cannot read "-1h"/);
    try {
      parseCut('2024-05-01', NOW);
      expect.unreachable();
    } catch (error) {
      expect((error as { hint?: string }).hint).toContain('--before @2024-05-01');
    }
    expect(parseOffsetSpec('-10', NOW)).toEqual({ start: { kind: 'fromEnd', delta: 10n } });
  });

  it('offsets --time keeps the kafka-get-offsets.sh numbers', () => {
    expect(parseTimeSpec('-1', '--time', NOW)).toBe('latest');
    expect(parseTimeSpec('-2', '--time', NOW)).toBe('earliest');
    expect(() => parseTimeSpec('-6', '--time', NOW)).toThrow(/--time: cannot read "-6"/);
  });

  it('consume ranges split on the range colon, not inside an ISO time', () => {
    const at = (t: string) => ({ kind: 'time', ms: parseTime(t, { what: '', now: NOW }) });
    expect(parseOffsetSpec('@2026-01-01T10:00:00+02:00:end', NOW)).toEqual({
      start: at('2026-01-01T10:00:00+02:00'),
      end: { kind: 'end' },
    });
    expect(parseOffsetSpec('@2026-01-01T10:00:@2026-01-01T11:00', NOW)).toEqual({
      start: at('2026-01-01T10:00'),
      end: at('2026-01-01T11:00'),
    });
    expect(parseOffsetSpec('@2026-01-01 10:00:00.5Z:@-1h', NOW)).toEqual({ start: at('2026-01-01T10:00:00.500Z'), end: at('-1h') });
    expect(parseOffsetSpec('@-2h:@2026-12-01T00:00:00Z', NOW)).toEqual({ start: at('-2h'), end: at('2026-12-01T00:00:00Z') });
    expect(() => parseOffsetSpec('@2026-01-01T10:00:00Zx', NOW)).toThrow(/invalid offset/);
  });
});
