/** A decoded message's values and the compact JSON Kafka's generated JsonConverter classes write of them (Jackson's). */

/** A decoded value, in the shapes the JSON writer knows. */
export type JValue = null | boolean | number | bigint | string | Buffer | JDouble | JValue[] | JObject;

/** A float64 field's value: Java prints 1000.0 where a JSON number would be 1000. */
export class JDouble {
  constructor(readonly value: number) {}
}
export interface JObject {
  [k: string]: JValue;
}

/** Java's Double.toString for the values a float64 field holds. */
function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(n);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exp] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exp)}`;
}

/** Jackson's escaping: short escapes for \b \t \n \f \r, \u00XX (upper-case hex) for other controls. */
function jsonString(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, (_, h: string) => `\\u00${h.toUpperCase()}`);
}

/** Compact JSON as Jackson's ObjectNode.toString() writes it. */
export function jsonText(v: JValue): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return String(v);
  if (v instanceof JDouble) return javaDouble(v.value);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return jsonString(v);
  if (Buffer.isBuffer(v)) return `"${v.toString('base64')}"`;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${jsonString(k)}:${jsonText(x)}`)
    .join(',')}}`;
}
