/**
 * A value that does not fit its schema: where (a field path like .items[2].price) and why. Converters
 * throw it with an empty path and each enclosing record, array or map puts its segment in front
 * on the way out, so the happy path builds no path strings.
 */
export class FieldError extends Error {
  constructor(
    readonly reason: string,
    public path = '',
  ) {
    super();
  }

  override get message(): string {
    return this.path ? `${this.path}: ${this.reason}` : this.reason;
  }

  /** Rethrows a FieldError with `segment` in front of its path; anything else as it is. */
  static within(error: unknown, segment: string): never {
    if (error instanceof FieldError) error.path = segment + error.path;
    throw error;
  }
}

/** A JSON value as a message shows it: "abc", 12, an object, an array, null. */
export function shown(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return isRawJson(v) ? (v as { rawJSON: string }).rawJSON : 'an object';
  if (typeof v === 'bigint') return String(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}..."` : s;
}

const rawJson = (JSON as unknown as { isRawJSON?: (v: unknown) => boolean }).isRawJSON;
/** True for a JSON.rawJSON value (an exact integer past 2^53 read from the wire). */
export const isRawJson = (v: unknown): v is { rawJSON: string } => rawJson !== undefined && rawJson(v);

const makeRaw = (JSON as unknown as { rawJSON?: (s: string) => unknown }).rawJSON;
/** An integer that JSON must print exactly (past 2^53): JSON.rawJSON (Node 22+), else its decimal string. */
export function exactInteger(n: bigint): unknown {
  return makeRaw ? makeRaw(n.toString()) : n.toString();
}

/** A path segment for a map key or field name: .name, or ["odd key"]. */
export const segment = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

/** `JSON.parse` keeping integers past 2^53 exact (as bigint), paying for it only when the text has such a number. */
export function parseJsonExact(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
      ? BigInt(context.source)
      : value;
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}
