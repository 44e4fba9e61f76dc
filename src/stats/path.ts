/**
 * Field paths: the jq subset `consume --json | jq PATH` understands on the same envelope
 * (src/serde/envelope.ts): `.value.price`, `.key`, `.headers.region`, `.partition`, `.value.items[0]`,
 * `.value["a b"]`, `."odd name"`. A `$` JSONPath prefix (`$.value.price`) is accepted. The key and the
 * value are UTF-8 text in the envelope; a path that goes into them (`.value.price`) reads them as JSON.
 */
import { UsageError } from '../errors.js';

export type Segment = string | number;

const ENVELOPE_FIELDS = ['topic', 'partition', 'offset', 'timestamp', 'timestampType', 'key', 'value', 'headers'];

/** Splits a path into segments; throws UsageError with a hint when it is not one. */
export function parsePath(text: string, what = 'path'): Segment[] {
  let s = text.trim();
  if (s.startsWith('$')) s = s.slice(1);
  if (s === '' || s === '.') throw new UsageError(`${what}: "${text}" selects the whole record, not a field`, 'e.g. .value.price');
  if (!s.startsWith('.') && !s.startsWith('['))
    throw new UsageError(`${what}: "${text}" is not a path`, `paths start with a dot, as in jq: .${s}`);
  const out: Segment[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\."((?:[^"\\]|\\.)*)"|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m)
      throw new UsageError(`${what}: cannot read "${text}" at "${s.slice(at)}"`, 'e.g. .value.price, .headers.region, .value.items[0]');
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(JSON.parse(`"${m[2]}"`) as string);
    else if (m[3] !== undefined) out.push(Number(m[3]));
    else out.push(JSON.parse(`"${m[4]}"`) as string);
    at = re.lastIndex;
  }
  if (typeof out[0] !== 'string' || !ENVELOPE_FIELDS.includes(out[0])) {
    const guess = typeof out[0] === 'string' ? `.value.${out.join('.')}` : '.value[0]';
    throw new UsageError(
      `${what}: "${text}" does not start with a field of the record envelope (${ENVELOPE_FIELDS.join(', ')})`,
      `did you mean ${guess}? (try the path with: ktool consume TOPIC --json -e -n 1 | jq '${guess}')`,
    );
  }
  if (['topic', 'partition', 'offset', 'timestamp', 'timestampType'].includes(out[0]) && out.length > 1)
    throw new UsageError(`${what}: .${out[0]} is a scalar; "${text}" goes into it`);
  return out;
}

/** The last name in a path, for column names: .value.price -> price, .headers.region -> region, .value.a[0] -> a. */
export function pathLabel(segments: Segment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) if (typeof segments[i] === 'string') return String(segments[i]);
  return 'value';
}

/** Follows the segments after the first through a JSON value; undefined when absent. */
export function walk(value: unknown, segments: Segment[], from: number): unknown {
  let v = value;
  for (let i = from; i < segments.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    const seg = segments[i];
    if (typeof seg === 'number') {
      if (!Array.isArray(v)) return undefined;
      v = (v as unknown[])[seg];
    } else {
      if (Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
      v = (v as Record<string, unknown>)[seg];
    }
  }
  return v;
}

/** A metric's number: a JSON number, or a string that is a decimal number ("12.5"); NaN for anything else. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v === 'string' && v.trim() !== '' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return NaN;
}
