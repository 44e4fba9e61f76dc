/** Tier 1: `ktool stats` command lines -> options or usage errors (no broker). */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';
import type { StatsOptions } from '../../src/commands/stats/stats.js';

const opts = async (...argv: string[]) => {
  const r = await parseArgs(['stats', ...argv]);
  expect(r.stderr).toBe('');
  return r.options as StatsOptions;
};
const refused = async (argv: string[], message: RegExp) => {
  const r = await parseArgs(['stats', ...argv]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
};

describe('stats arguments', () => {
  it('defaults: count of one group, no window, new records, updates', async () => {
    const o = await opts('orders');
    expect(o).toMatchObject({ topic: 'orders', exitAtEnd: false, output: 'auto', by: [] });
    expect(o.stats).toEqual({ fields: [], metrics: [], window: { kind: 'none' }, grace: 0, emit: 'update' });
    expect(o.offset.start.kind).toBe('end');
  });

  it('-e reads from the start and emits final rows by default; --emit update overrides', async () => {
    const o = await opts('orders', '-e');
    expect(o.offset.start.kind).toBe('start');
    expect(o.stats.emit).toBe('final');
    expect((await opts('orders', '-e', '--emit', 'update')).stats.emit).toBe('update');
  });

  it('metrics: columns named function_lastsegment, fields shared', async () => {
    const o = await opts('orders', '--sum', '.value.amount', '--avg', '.value.amount', '--max', '.value.items[0].qty', '--rate');
    expect(o.stats.fields).toEqual(['.value.amount', '.value.items[0].qty']);
    expect(o.stats.metrics).toEqual([
      { kind: 'sum', field: 0, name: 'sum_amount' },
      { kind: 'avg', field: 0, name: 'avg_amount' },
      { kind: 'max', field: 1, name: 'max_qty' },
      { kind: 'rate', name: 'rate' },
    ]);
    expect(o.fieldPaths).toEqual([
      ['value', 'amount'],
      ['value', 'items', 0, 'qty'],
    ]);
  });

  it('--by: key, partition, topic shorthands and paths, repeatable', async () => {
    const o = await opts('orders', '--by', 'key', '--by', '.headers.region', '--by', 'partition');
    expect(o.by).toEqual([['key'], ['headers', 'region'], ['partition']]);
  });

  it('windows: tumbling, hopping SIZE/ADVANCE, session, --last D and --last N', async () => {
    expect((await opts('t', '--tumbling', '1m')).stats.window).toEqual({ kind: 'time', size: 60_000, advance: 60_000 });
    expect((await opts('t', '--hopping', '1h/5m')).stats.window).toEqual({ kind: 'time', size: 3_600_000, advance: 300_000 });
    expect((await opts('t', '--session', '30s', '--grace', '5s')).stats).toMatchObject({
      window: { kind: 'session', gap: 30_000 },
      grace: 5000,
    });
    expect((await opts('t', '--last', '5m', '--avg', '.value.p')).stats.window).toEqual({ kind: 'last-time', span: 300_000 });
    expect((await opts('t', '--last', '20', '--avg', '.value.p')).stats.window).toEqual({ kind: 'last-count', n: 20 });
  });

  it('EMA: --span gives alpha 2/(span+1), --half-life a duration, adjust unless --no-adjust', async () => {
    expect((await opts('t', '--ema', '.value.p', '--span', '3')).stats.ema).toEqual({ alpha: 0.5, adjust: true });
    expect((await opts('t', '--ema', '.value.p', '--alpha', '0.2', '--no-adjust')).stats.ema).toEqual({ alpha: 0.2, adjust: false });
    expect((await opts('t', '--ema', '.value.p', '--half-life', '1m')).stats.ema).toEqual({ halfLife: 60_000, adjust: true });
  });

  it('--time: record, now or a path; output formats', async () => {
    expect((await opts('t', '--time', '.value.ts')).time).toEqual({ kind: 'path', path: ['value', 'ts'] });
    expect((await opts('t', '--time', 'now')).time.kind).toBe('now');
    expect((await opts('t', '--json')).output).toBe('json');
    expect((await opts('t', '-e', '--format', 'yaml')).output).toBe('yaml');
  });

  it('refuses what cannot work, with a hint', async () => {
    await refused(['t', '--tumbling', '1m', '--session', '5m'], /give one of --tumbling, --hopping, --session, --last/);
    await refused(['t', '--hopping', '5m'], /--hopping takes SIZE\/ADVANCE/);
    await refused(['t', '--hopping', '1m/5m'], /advance \(5m\) cannot be longer than the size/);
    await refused(['t', '--avg', 'price'], /paths start with a dot, as in jq: \.price/);
    await refused(['t', '--avg', '.price'], /did you mean \.value\.price/);
    await refused(['t', '--ema', '.value.p'], /--ema needs one of --alpha A, --span N or --half-life D/);
    await refused(['t', '--span', '3'], /go with --ema PATH/);
    await refused(['t', '--ema', '.value.p', '--span', '3', '--tumbling', '1m'], /--ema is a per-record metric/);
    await refused(['t', '--grace', '1m'], /--grace goes with a time window/);
    await refused(['t', '--format', 'yaml'], /--format yaml needs a bounded read/);
    await refused(['t', '--avg', '.value.p', '--avg', '.key.p'], /would both be the column avg_p/);
    await refused(['t', '--tumbling', '0s'], /--tumbling must be longer than 0/);
    await refused(['t', 'u'], /stats reads one TOPIC|too many arguments/);
  });

  it('-g APP: with --to and --by key/partition; reads from the start, read_committed, 100ms commits, 10s transactions', async () => {
    const o = await opts('in', '--by', 'key', '--tumbling', '1m', '-g', 'app1', '--to', 'out');
    expect(o.app).toEqual({ app: 'app1', commitIntervalMs: 100, transactionTimeoutMs: 10_000, untilCaughtUp: false });
    expect(o.offset.start.kind).toBe('start');
    expect(o.isolation).toBe('read_committed');
    expect(o.stats.emit).toBe('update');
    const p = await opts('in', '--by', 'partition', '--by', 'key', '-g', 'a', '--to', 'o', '--commit-interval', '1s', '-o', 'end');
    expect(p.app).toMatchObject({ commitIntervalMs: 1000 });
    expect(p.offset.start.kind).toBe('end');
    expect((await opts('in', '--by', 'key', '-g', 'a', '--to', 'o', '--emit', 'final', '--tumbling', '1m')).stats.emit).toBe('final');
  });

  it('-g refuses a grouping that would need a repartition topic, naming why and the alternative', async () => {
    await refused(
      ['in', '--by', '.value.region', '-g', 'a', '--to', 'o'],
      /-g needs --by key and\/or --by partition: grouped by \.value\.region/,
    );
    await refused(['in', '--by', '.value.region', '-g', 'a', '--to', 'o'], /APP-\.\.\.-repartition/);
    await refused(['in', '--by', '.value.region', '-g', 'a', '--to', 'o'], /ktool pipe IN IN-by-field -g a-rekey --key 'value\.region'/);
    await refused(['in', '--by', 'key', '--by', 'topic', '-g', 'a', '--to', 'o'], /grouped by topic/);
    await refused(['in', '-g', 'a', '--to', 'o'], /without --by \(one group over every partition\)/);
  });

  it('-g refuses what an application cannot do', async () => {
    await refused(['in', '--by', 'key', '-g', 'a'], /-g writes the rows exactly once to a topic: it needs --to TOPIC/);
    await refused(['in', '--by', 'key', '-g', 'a b', '--to', 'o'], /invalid application id "a b"/);
    await refused(['in', '--by', 'key', '-g', 'a', '--to', 'o', '-e'], /-e and -n do not apply with -g/);
    await refused(['in', '--by', 'key', '-g', 'a', '--to', 'o', '-p', '0'], /-p\/--partition cannot be combined with -g/);
    await refused(['in', '--by', 'key', '-g', 'a', '--to', 'o', '-o', '5'], /-o only takes start or end/);
    await refused(['in', '--commit-interval', '1s'], /--commit-interval needs -g/);
  });

  it('stats reset APP: a dry run unless --execute', async () => {
    const r = await parseArgs(['stats', 'reset', 'app1']);
    expect(r.options).toEqual({ app: 'app1', execute: false });
    expect((await parseArgs(['stats', 'reset', 'app1', '--execute'])).options).toEqual({ app: 'app1', execute: true });
    expect((await parseArgs(['pipe', 'reset', 'app1', '--execute'])).options).toEqual({ app: 'app1', execute: true });
    expect((await parseArgs(['pipe', 'reset', 'a/b'])).code).toBe(2);
  });
});
