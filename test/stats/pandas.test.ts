/**
 * EMA and moving means against pandas on the same series: test/stats/pandas/expected.json was made
 * by make_expected.py beside it (pandas from PyPI; the file names the version). 200 values at
 * irregular increasing times (some equal); every per-record value must match pandas to 1e-9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatsEngine } from '../../src/stats/engine.js';
import type { EmaSpec, StatsSpec, WindowSpec } from '../../src/stats/types.js';

const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'pandas', 'expected.json'), 'utf8')) as Record<string, number[]> & {
  pandas: string;
};

function perRecord(column: string, over: { window?: WindowSpec; ema?: EmaSpec }): number[] {
  const metric = column === 'ema_v' ? { kind: 'ema' as const, field: 0, name: 'ema_v' } : { kind: 'avg' as const, field: 0, name: 'avg_v' };
  const spec: StatsSpec = { fields: ['.value'], metrics: [metric], window: over.window ?? { kind: 'none' }, grace: 0, emit: 'update' };
  if (over.ema) spec.ema = over.ema;
  const e = new StatsEngine(spec);
  const out: number[] = [];
  expected.times.forEach((time, i) => {
    e.process({ group: 'g', groupValue: 'g', time, values: [expected.values[i]] });
    out.push(e.take()[0][column] as number);
  });
  return out;
}

function close(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (Math.abs(g - want[i]) > 1e-9 * Math.max(1, Math.abs(want[i]))) expect.fail(`row ${i}: ktool ${g}, pandas ${want[i]}`);
  });
}

describe(`EMA and moving means == pandas ${expected.pandas}`, () => {
  it('ewm(alpha=0.3) with adjust=True (pandas default) and adjust=False', () => {
    close(perRecord('ema_v', { ema: { alpha: 0.3, adjust: true } }), expected['ewm_alpha_0.3_adjust']);
    close(perRecord('ema_v', { ema: { alpha: 0.3, adjust: false } }), expected['ewm_alpha_0.3_noadjust']);
  });
  it('ewm(span=9): alpha = 2 / (span + 1)', () => {
    close(perRecord('ema_v', { ema: { alpha: 2 / 10, adjust: true } }), expected.ewm_span_9_adjust);
  });
  it("ewm(halflife='20s', times=...) with adjust=True: --half-life 20s over event time", () => {
    close(perRecord('ema_v', { ema: { halfLife: 20_000, adjust: true } }), expected.ewm_halflife_20s_adjust);
  });
  it("rolling('60s', closed='both').mean(): --last 60s, [t - 60s, t] inclusive", () => {
    close(perRecord('avg_v', { window: { kind: 'last-time', span: 60_000 } }), expected.rolling_60s_both);
  });
  it('rolling(5, min_periods=1).mean(): --last 5; expanding().mean(): the running average', () => {
    close(perRecord('avg_v', { window: { kind: 'last-count', n: 5 } }), expected.rolling_5);
    close(perRecord('avg_v', {}), expected.expanding);
  });
});
