/**
 * ktool's windowed counts and sums equal Kafka Streams' own (4.3.1, TopologyTestDriver: no broker):
 * the hand fixture and seeded random scenarios (keys, times with disorder, grace), tumbling,
 * hopping and session windows, emit update (every update and tombstone Streams forwards, caching
 * off) and emit final (what Streams emits on window close). One JVM runs every scenario.
 * Emit final of sessions: every final Streams 4.3.1 emits is ktool's, but Streams skips a few closed
 * sessions (its time-ordered session store no longer returns them when their close is checked).
 * Documented differences, not compared: ktool's final rows at the end of input (Streams has no end
 * of input), and with emit update ktool's final:true row when a window closes (Streams sends none).
 */
import { describe, expect, it } from 'vitest';
import { StatsEngine } from '../../src/stats/engine.js';
import { windowsFor } from '../../src/stats/time-windows.js';
import type { StatsRow, StatsSpec } from '../../src/stats/types.js';
import { FIXTURE, T0 } from './fixture.js';
import { runStreams, type RefRow, type Scenario } from './streams-ref.js';
import { seededRandom } from '../helpers/seeded-random.js';

const fixture = FIXTURE.map(([key, s, value]) => ({ key, time: T0 + Math.round(s * 1000), value }));

function randomRecords(seed: number, n = 40): Scenario['records'] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    // Mostly forward in time, some records up to 30 s behind; half on whole seconds, to hit window edges.
    const jitter = Math.round((r() - 0.75) * 40_000);
    const time = T0 + Math.max(0, i * 4000 + (r() < 0.5 ? Math.round(jitter / 1000) * 1000 : jitter));
    return { key: 'abc'[Math.floor(r() * 3)], time, value: Math.floor(r() * 100) };
  });
}

const shapes: Omit<Scenario, 'emit' | 'records'>[] = [
  { mode: 'tumbling', size: 60_000, advance: 60_000, grace: 0 },
  { mode: 'tumbling', size: 30_000, advance: 30_000, grace: 10_000 },
  { mode: 'hopping', size: 120_000, advance: 60_000, grace: 0 },
  { mode: 'hopping', size: 60_000, advance: 20_000, grace: 5_000 },
  { mode: 'session', size: 30_000, advance: 0, grace: 0 },
  { mode: 'session', size: 10_000, advance: 0, grace: 20_000 },
];

const scenarios: Scenario[] = [];
for (const shape of shapes)
  for (const emit of ['update', 'final'] as const) {
    scenarios.push({ ...shape, emit, records: fixture });
    for (const seed of [1, 2, 3]) scenarios.push({ ...shape, emit, records: randomRecords(seed * 100 + scenarios.length) });
  }

/**
 * ktool's rows for a scenario, as Streams forwards them: updates and tombstones (emit update), or
 * the finals of emit final. `skipped` collects the finals Streams 4.3.1 does not emit: its emit-final
 * store (time-ordered, retention = size + grace) only fetches windows with start >= the largest
 * window start put - retention (AbstractDualSchemaRocksDBSegmentedBytesStore.getActualFrom), so a
 * window whose close is first seen after a jump of stream time past that is never emitted. ktool
 * emits it (a documented difference).
 */
function ktool(s: Scenario, skipped: string[]): string[] {
  const spec: StatsSpec = {
    fields: ['.value'],
    metrics: [{ kind: 'sum', field: 0, name: 'sum' }],
    window: s.mode === 'session' ? { kind: 'session', gap: s.size } : { kind: 'time', size: s.size, advance: s.advance },
    grace: s.grace,
    emit: s.emit,
  };
  const e = new StatsEngine(spec);
  const rows: string[] = [];
  let streamTime = -Infinity;
  let maxStart = -Infinity;
  s.records.forEach((r, i) => {
    e.process({ group: r.key, groupValue: r.key, time: r.time, values: [r.value] });
    streamTime = Math.max(streamTime, r.time);
    if (s.mode !== 'session')
      for (const start of windowsFor(r.time, s.size, s.advance))
        if (start + s.size > streamTime - s.grace) maxStart = Math.max(maxStart, start);
    for (const row of e.take()) {
      if (s.emit === 'update' ? row.final : !row.final) continue;
      const expired = s.emit === 'final' && s.mode !== 'session' && row.windowStart! < maxStart - (s.size + s.grace);
      (expired ? skipped : rows).push(line(i, row));
    }
  });
  return rows;
}

const line = (i: number, r: StatsRow | RefRow) =>
  `${i} ${String(r.key)} [${r.windowStart},${r.windowEnd}] ${r.tombstone ? 'tombstone' : `count=${r.count} sum=${r.sum}`}`;

/** Rows of one input record may come in another order (store iteration): compare them sorted per record. */
const byRecord = (lines: string[]) => {
  const groups = new Map<string, string[]>();
  for (const l of lines) {
    const i = l.split(' ')[0];
    groups.set(i, [...(groups.get(i) ?? []), l]);
  }
  return [...groups.values()].flatMap((g) => g.sort());
};

describe('ktool stats == Kafka Streams 4.3.1 (TopologyTestDriver)', () => {
  it(`${scenarios.length} scenarios: windowed counts and sums, updates, tombstones and finals`, { timeout: 900_000 }, async () => {
    const ref = await runStreams(scenarios);
    let compared = 0;
    const skipped: string[] = [];
    const differences: string[] = [];
    scenarios.forEach((s, n) => {
      const theirs = byRecord(ref.filter((r) => r.s === n).map((r) => line(r.i, r)));
      const ours = byRecord(ktool(s, skipped));
      const label = `scenario ${n}: ${s.mode} ${s.size}/${s.advance} grace ${s.grace} emit ${s.emit}`;
      if (s.mode === 'session' && s.emit === 'final') {
        // Streams 4.3.1 emits a subset of the closed sessions (see the README): each of its finals is
        // ktool's, at the same record with the same count and sum; ktool's others are counted.
        const missing = theirs.filter((l) => !ours.includes(l));
        if (missing.length) differences.push(`${label}: Streams finals ktool lacks: ${missing.join('; ')}`);
        skipped.push(...ours.filter((l) => !theirs.includes(l)));
        compared += theirs.length;
        return;
      }
      if (JSON.stringify(ours) !== JSON.stringify(theirs))
        differences.push(`${label}\n  ktool:   ${ours.join('\n           ')}\n  Streams: ${theirs.join('\n           ')}`);
      compared += theirs.length;
    });
    expect(differences).toEqual([]);
    // The emit-final differences are real but rare: a few windows of the random scenarios, no more.
    expect(skipped.length).toBeLessThan(25);
    // Not vacuous: Streams produced rows, including tombstones and late drops in the scenarios.
    expect(compared).toBeGreaterThan(500);
    expect(ref.some((r) => r.tombstone)).toBe(true);
  });
});
