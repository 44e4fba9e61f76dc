/**
 * From stats' metric and window flags to the engine's StatsSpec (src/stats/types.ts) and the paths
 * the extractor reads. Pure: every refusal is a UsageError.
 */
import { UsageError } from '../../errors.js';
import { parseDuration } from '../../util/duration.js';
import { parsePath, pathLabel, type Segment } from '../../stats/path.js';
import type { EmaSpec, MetricKind, MetricSpec, StatsSpec, WindowSpec } from '../../stats/types.js';

export interface MetricFlags {
  count?: boolean;
  sum?: string[];
  avg?: string[];
  min?: string[];
  max?: string[];
  rate?: boolean;
  ema?: string[];
  alpha?: string;
  span?: string;
  halfLife?: string;
  adjust?: boolean;
  tumbling?: string;
  hopping?: string;
  session?: string;
  last?: string;
  grace?: string;
  emit?: string;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Metrics in the order given per kind (count first, then sum, avg, min, max, rate, ema), fields deduplicated. */
export function parseMetrics(f: MetricFlags): { metrics: MetricSpec[]; fields: string[]; fieldPaths: Segment[][] } {
  const fields: string[] = [];
  const fieldPaths: Segment[][] = [];
  const metrics: MetricSpec[] = [];
  const names = new Map<string, string>();
  const add = (kind: MetricKind, text?: string) => {
    let field: number | undefined;
    let name: string = kind;
    if (text !== undefined) {
      const segs = parsePath(text, `--${kind}`);
      const canonical = JSON.stringify(segs);
      field = fieldPaths.findIndex((p) => JSON.stringify(p) === canonical);
      if (field < 0) {
        field = fields.length;
        fields.push(text);
        fieldPaths.push(segs);
      }
      name = `${kind}_${pathLabel(segs)}`;
    }
    const clash = names.get(name);
    if (clash !== undefined)
      throw new UsageError(`--${kind} ${text ?? ''} and ${clash} would both be the column ${name}`.replace('  ', ' '), 'one of each');
    names.set(name, `--${kind} ${text ?? ''}`.trim());
    if (kind !== 'count') metrics.push({ kind, ...(field !== undefined ? { field } : {}), name });
  };
  // count is always a column: the number of records in the window or group.
  names.set('count', '--count');
  for (const p of list(f.sum)) add('sum', p);
  for (const p of list(f.avg)) add('avg', p);
  for (const p of list(f.min)) add('min', p);
  for (const p of list(f.max)) add('max', p);
  if (f.rate) add('rate');
  for (const p of list(f.ema)) add('ema', p);
  return { metrics, fields, fieldPaths };
}

function duration(text: string, flag: string): number {
  const ms = parseDuration(text, flag);
  if (ms <= 0) throw new UsageError(`${flag} must be longer than 0, got "${text}"`);
  return ms;
}

export function parseWindow(f: MetricFlags): WindowSpec {
  const given = (['tumbling', 'hopping', 'session', 'last'] as const).filter((k) => f[k] !== undefined);
  if (given.length > 1)
    throw new UsageError(`give one of --tumbling, --hopping, --session, --last; got ${given.map((g) => `--${g}`).join(' and ')}`);
  if (f.tumbling !== undefined) {
    const size = duration(f.tumbling, '--tumbling');
    return { kind: 'time', size, advance: size };
  }
  if (f.hopping !== undefined) {
    const [s, a, extra] = f.hopping.split('/');
    if (a === undefined || extra !== undefined)
      throw new UsageError(`--hopping takes SIZE/ADVANCE, got "${f.hopping}"`, 'e.g. --hopping 1h/5m: one-hour windows every five minutes');
    const size = duration(s, '--hopping size');
    const advance = duration(a, '--hopping advance');
    if (advance > size) throw new UsageError(`--hopping: the advance (${a}) cannot be longer than the size (${s})`, 'as Kafka Streams');
    return { kind: 'time', size, advance };
  }
  if (f.session !== undefined) return { kind: 'session', gap: duration(f.session, '--session') };
  if (f.last !== undefined) {
    if (/^\d+$/.test(f.last.trim())) {
      const n = Number(f.last);
      if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--last N needs N >= 1, got "${f.last}"`);
      return { kind: 'last-count', n };
    }
    return { kind: 'last-time', span: duration(f.last, '--last') };
  }
  return { kind: 'none' };
}

export function parseEma(f: MetricFlags, hasEma: boolean): EmaSpec | undefined {
  const given = (['alpha', 'span', 'halfLife'] as const).filter((k) => f[k] !== undefined);
  const adjust = f.adjust !== false;
  if (!hasEma) {
    if (given.length || f.adjust === false) throw new UsageError('--alpha, --span, --half-life and --no-adjust go with --ema PATH');
    return undefined;
  }
  if (given.length !== 1)
    throw new UsageError('--ema needs one of --alpha A, --span N or --half-life D', 'e.g. --ema .value.price --span 20');
  if (f.alpha !== undefined) {
    const alpha = Number(f.alpha);
    if (!(alpha > 0 && alpha <= 1)) throw new UsageError(`--alpha must be in (0, 1], got "${f.alpha}"`);
    return { alpha, adjust };
  }
  if (f.span !== undefined) {
    const span = Number(f.span);
    if (!(span >= 1)) throw new UsageError(`--span must be a number >= 1, got "${f.span}"`, 'alpha = 2 / (span + 1), as pandas');
    return { alpha: 2 / (span + 1), adjust };
  }
  return { halfLife: duration(f.halfLife!, '--half-life'), adjust };
}

/** The engine's spec from the flags, and the field paths. `bounded`: the read ends (-e, an end offset). */
export function parseStatsSpec(f: MetricFlags, bounded: boolean): { spec: StatsSpec; fieldPaths: Segment[][] } {
  const { metrics, fields, fieldPaths } = parseMetrics(f);
  const window = parseWindow(f);
  const ema = parseEma(
    f,
    metrics.some((m) => m.kind === 'ema'),
  );
  if (ema && (window.kind === 'time' || window.kind === 'session'))
    throw new UsageError('--ema is a per-record metric: it does not go with --tumbling, --hopping or --session', 'drop the window');
  const grace = f.grace === undefined ? 0 : parseDuration(f.grace, '--grace');
  if (grace < 0) throw new UsageError('--grace cannot be negative');
  if (f.grace !== undefined && (window.kind === 'none' || window.kind === 'last-count'))
    throw new UsageError('--grace goes with a time window: --tumbling, --hopping, --session or --last DURATION');
  if (f.emit !== undefined && !['update', 'final'].includes(f.emit)) throw new UsageError(`--emit takes update or final, got "${f.emit}"`);
  // A bounded read's answer is the table at its end: final rows by default; following a topic, updates.
  const emit = (f.emit as 'update' | 'final' | undefined) ?? (bounded ? 'final' : 'update');
  return { spec: { fields, metrics, window, grace, emit, ...(ema ? { ema } : {}) }, fieldPaths };
}
