/**
 * From a consumed record to what the engine reads (EngineInput): the group (--by paths), the event
 * time (the record's timestamp, the wall clock, or a path) and the numbers of the metric fields.
 * The envelope fields are computed only when a path needs them; the value is parsed as JSON at most once.
 */
import type { ConsumedRecord } from '../kafka/consumer-types.js';
import { toNumber, walk, type Segment } from './path.js';
import type { EngineInput } from './types.js';

export type TimeSource = { kind: 'record' } | { kind: 'now'; now: () => number } | { kind: 'path'; path: Segment[] };

export interface ExtractSpec {
  by: Segment[][];
  fields: Segment[][];
  time: TimeSource;
}

const UNPARSED = Symbol('unparsed');

/** One record's envelope view, each side decoded on first use. */
class View {
  private keyJson: unknown = UNPARSED;
  private valueJson: unknown = UNPARSED;
  private keyText: string | null | undefined;
  private valueText: string | null | undefined;
  constructor(readonly r: ConsumedRecord) {}

  get(path: Segment[]): unknown {
    const r = this.r;
    switch (path[0]) {
      case 'key':
        if (path.length === 1) return this.text('key');
        if (this.keyJson === UNPARSED) this.keyJson = parseJson(this.text('key'));
        return walk(this.keyJson, path, 1);
      case 'value':
        if (path.length === 1) return this.text('value');
        if (this.valueJson === UNPARSED) this.valueJson = parseJson(this.text('value'));
        return walk(this.valueJson, path, 1);
      case 'headers':
        return header(r, path);
      case 'topic':
        return r.topic;
      case 'partition':
        return r.partition;
      case 'offset':
        return r.offset;
      case 'timestamp':
        return r.timestamp;
      case 'timestampType':
        return r.timestampType;
    }
    return undefined;
  }

  private text(side: 'key' | 'value'): string | null {
    if (side === 'key') return this.keyText === undefined ? (this.keyText = this.r.key?.toString('utf8') ?? null) : this.keyText;
    return this.valueText === undefined ? (this.valueText = this.r.value?.toString('utf8') ?? null) : this.valueText;
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `.headers` (all, as the envelope prints them) or `.headers.NAME` (its value; an array when repeated). */
function header(r: ConsumedRecord, path: Segment[]): unknown {
  if (path.length === 1) {
    const all: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k] of r.headers) all[k.toString('utf8')] = header(r, ['headers', k.toString('utf8')]);
    return all;
  }
  const name = String(path[1]);
  const values: (string | null)[] = [];
  for (const [k, v] of r.headers) if (k.toString('utf8') === name) values.push(v === null ? null : v.toString('utf8'));
  if (values.length === 0) return undefined;
  const v = values.length === 1 ? values[0] : values;
  return path.length > 2 ? walk(v, path, 2) : v;
}

/** Event time from a path: epoch ms as a number or digits, or an ISO-8601 string; NaN when not one. */
export function timeOf(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.floor(v) : NaN;
  if (typeof v !== 'string') return NaN;
  if (/^\d+$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? NaN : ms;
}

/** A function from a consumed record to the engine's input. */
export function extractor(spec: ExtractSpec): (r: ConsumedRecord) => EngineInput {
  const { by, fields, time } = spec;
  const keyOnly = by.length === 1 && by[0].length === 1 && by[0][0] === 'key';
  return (r) => {
    const view = new View(r);
    let groupValue: unknown = null;
    let group = 'null';
    if (keyOnly) {
      groupValue = r.key === null ? null : r.key.toString('utf8');
      group = groupValue === null ? '\u0000null' : (groupValue as string);
    } else if (by.length) {
      groupValue = by.length === 1 ? norm(view.get(by[0])) : by.map((p) => norm(view.get(p)));
      group = JSON.stringify(groupValue);
    }
    const values = new Array<number>(fields.length);
    for (let i = 0; i < fields.length; i++) values[i] = toNumber(view.get(fields[i]));
    const t = time.kind === 'record' ? r.timestamp : time.kind === 'now' ? time.now() : timeOf(view.get(time.path));
    return { group, groupValue, time: t, values, partition: r.partition, offset: r.offset };
  };
}

/** Missing fields group as null (JSON has no undefined). */
function norm(v: unknown): unknown {
  return v === undefined ? null : v;
}
