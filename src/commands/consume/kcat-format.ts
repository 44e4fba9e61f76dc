/**
 * kcat 1.7's consumer output, byte for byte: its -f format strings (format.c), the output it builds
 * without -f from -K and -D, its -D/-K delimiter escapes (parse_delim), -Z's NULL and the -J envelope
 * (json.c: topic, partition, offset, tstype, ts, broker, headers when there are some, key, payload).
 */
import { UsageError } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { RecordFormatter, Sink } from './format.js';

const NULL_STR = Buffer.from('NULL');

/**
 * A -D/-K delimiter as kcat reads it: `\n`, `\t` and `\xNN` (hex digits, the low byte) replaced;
 * anything else as it is.
 */
export function parseDelimiter(text: string, flag: string): Buffer {
  const out: number[] = [];
  const raw = Buffer.from(text, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x5c && (raw[i + 1] === 0x6e || raw[i + 1] === 0x74)) {
      out.push(raw[++i] === 0x6e ? 0x0a : 0x09);
    } else if (raw[i] === 0x5c && raw[i + 1] === 0x78) {
      const hex = /^[0-9a-fA-F]+/.exec(raw.subarray(i + 2).toString('latin1'))?.[0];
      if (!hex) throw new UsageError(`${flag} "${text}": \\x expects a hex number`);
      out.push(Number.parseInt(hex.slice(-2), 16));
      i += 1 + hex.length;
    } else out.push(raw[i]);
  }
  return Buffer.from(out);
}

/** A literal part of a format string with kcat's escapes: \t \n \r, \xHH (hex), \NNN (C's strtoul base 0), \c as c. */
function literal(text: string): Buffer {
  const out: number[] = [];
  const raw = Buffer.from(text, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x5c || i + 1 >= raw.length) {
      out.push(raw[i]);
      continue;
    }
    const c = String.fromCharCode(raw[++i]);
    if (c === 't' || c === 'n' || c === 'r') {
      out.push(c === 't' ? 9 : c === 'n' ? 10 : 13);
      continue;
    }
    const rest = raw.subarray(c === 'x' ? i + 1 : i).toString('latin1');
    const number =
      c === 'x' ? /^\d[0-9a-fA-F]*/.exec(rest)?.[0] : /^\d/.test(c) ? /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(rest)?.[0] : undefined;
    if (number === undefined) {
      // `\x` not followed by a digit: kcat writes the character after the x (or nothing at the end).
      if (c === 'x') {
        if (i + 1 < raw.length) out.push(raw[++i]);
      } else out.push(raw[i]);
      continue;
    }
    const base = c === 'x' ? 16 : /^0[xX]/.test(number) ? 16 : number.startsWith('0') ? 8 : 10;
    out.push(Number(BigInt.asUintN(8, BigInt(base === 16 ? `0x${number.replace(/^0[xX]/, '')}` : base === 8 ? `0o${number}` : number))));
    i += (c === 'x' ? 1 : 0) + number.length - 1;
  }
  return Buffer.from(out);
}

type Part = Buffer | ((r: ConsumedRecord, out: Sink) => void);

/** kcat's -f tokens: %o %k %K %s %S %R %t %p %T %h %%; -Z prints NULL for an empty or null key or payload. */
export function compileKcatFormat(template: string, nullEmpty: boolean): RecordFormatter {
  const parts: Part[] = [];
  let rest = template;
  while (rest.length) {
    const at = rest.indexOf('%');
    if (at < 0) {
      parts.push(literal(rest));
      break;
    }
    if (at > 0) parts.push(literal(rest.slice(0, at)));
    const token = rest[at + 1];
    if (token === undefined) throw new UsageError(`-f "${template}": empty formatter (a % at the end)`);
    parts.push(token === '%' ? Buffer.from('%') : kcatToken(token, nullEmpty, template));
    rest = rest.slice(at + 2);
  }
  return (record, out) => {
    for (const part of parts) {
      if (Buffer.isBuffer(part)) out.put(part);
      else part(record, out);
    }
  };
}

function kcatToken(token: string, nullEmpty: boolean, template: string): (r: ConsumedRecord, out: Sink) => void {
  const bytesOr = (b: Buffer | null, out: Sink) => {
    if (b && b.length) out.put(b);
    else if (nullEmpty) out.put(NULL_STR);
  };
  switch (token) {
    case 'o':
      return (r, out) => out.put(String(r.offset));
    case 'k':
      return (r, out) => bytesOr(r.key, out);
    case 'K':
      return (r, out) => out.put(String(r.key ? r.key.length : -1));
    case 's':
      return (r, out) => bytesOr(r.value, out);
    case 'S':
      return (r, out) => out.put(String(r.value ? r.value.length : -1));
    case 'R':
      return (r, out) => {
        const b = Buffer.alloc(4);
        b.writeInt32BE(r.value ? r.value.length : -1);
        out.put(b);
      };
    case 't':
      return (r, out) => out.put(r.topic);
    case 'p':
      return (r, out) => out.put(String(r.partition));
    case 'T':
      return (r, out) => out.put(String(r.timestamp));
    case 'h':
      return (r, out) => {
        r.headers.forEach(([k, v], i) => {
          out.put(i > 0 ? ',' : '');
          out.put(k);
          out.put('=');
          out.put(v === null ? NULL_STR : v);
        });
      };
    default:
      throw new UsageError(`-f "${template}": unsupported formatter %${token}`, 'kcat tokens: %s %S %R %k %K %T %h %t %p %o %%');
  }
}

/** kcat's output without -f: `%k<-K delim>%s<-D delim>`, or `%s<-D delim>` without -K. */
export function kcatDefaultFormat(delimiter: Buffer, keyDelimiter: Buffer | undefined, nullEmpty: boolean): RecordFormatter {
  const key = keyDelimiter ? compileKcatFormat('%k', nullEmpty) : undefined;
  const value = compileKcatFormat('%s', nullEmpty);
  return (r, out) => {
    if (key) {
      key(r, out);
      out.put(keyDelimiter!);
    }
    value(r, out);
    out.put(delimiter);
  };
}

/** A JSON string as yajl writes it: ", \, \b \f \n \r \t escaped, other control characters as \u00XX (upper case). */
export function yajlString(b: Buffer): string {
  return JSON.stringify(b.toString('utf8')).replace(/\\u00([0-9a-f]{2})/g, (_, hex: string) => `\\u00${hex.toUpperCase()}`);
}

/** kcat -J: one envelope per record, then the -D delimiter; `broker` is the partition's leader. */
export function kcatJsonFormat(delimiter: Buffer, leaderOf: (topic: string, partition: number) => number): RecordFormatter {
  return (r, out) => {
    const tstype = r.timestampType === 'LogAppendTime' ? 'logappend' : 'create';
    let s =
      `{"topic":${yajlString(Buffer.from(r.topic))},"partition":${r.partition},"offset":${r.offset},` +
      `"tstype":"${tstype}","ts":${r.timestamp},"broker":${leaderOf(r.topic, r.partition)}`;
    if (r.headers.length)
      s += `,"headers":[${r.headers.map(([k, v]) => `${yajlString(k)},${v === null ? 'null' : yajlString(v)}`).join(',')}]`;
    s += `,"key":${r.key ? yajlString(r.key) : 'null'},"payload":${r.value ? yajlString(r.value) : 'null'}}`;
    out.put(s);
    out.put(delimiter);
  };
}
