import { UsageError } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';

/** Where formatted output goes: bytes are copied straight into the output buffer. */
export interface Sink {
  put(chunk: Buffer | string): void;
}

/** A Sink a formatter can also write bytes into itself (no string per record). */
export interface ByteSink extends Sink {
  /** The buffer to write into, with room for n bytes from `position`. */
  reserve(n: number): Buffer;
  readonly position: number;
  /** Everything up to `to` in the reserved buffer was written. */
  advance(to: number): void;
}

export function isByteSink(out: Sink): out is ByteSink {
  return typeof (out as ByteSink).reserve === 'function';
}

/** Compiled output for one record (no per-record string joins). */
export type RecordFormatter = (record: ConsumedRecord, out: Sink) => void;

const TOKENS = 'tpokvsSKhTd';

/**
 * kcat-style format strings: %t topic, %p partition, %o offset, %k key, %v or %s value, %S value
 * size, %K key size, %h headers (k=v,k=v), %T timestamp ms, %d ISO timestamp, %% a percent sign;
 * \n \t \r \\ escapes. A null key or value prints `nullLiteral` (kcat prints nothing; so do we by default).
 */
export function compileFormat(template: string, nullLiteral = ''): RecordFormatter {
  // Literals become Buffers once, here, rather than once per record when written out.
  const parts: (Buffer | ((r: ConsumedRecord, out: Sink) => void))[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push(Buffer.from(literal));
    literal = '';
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && i + 1 < template.length) {
      const next = template[++i];
      literal += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next === '0' ? '\0' : next;
      continue;
    }
    if (ch !== '%') {
      literal += ch;
      continue;
    }
    const token = template[++i];
    if (token === '%') {
      literal += '%';
      continue;
    }
    if (token === undefined || !TOKENS.includes(token))
      throw new UsageError(`unknown format token "%${token ?? ''}" in "${template}"`, 'tokens: %t %p %o %k %v %s %S %K %h %T %d %%');
    flush();
    parts.push(tokenWriter(token, nullLiteral));
  }
  flush();
  return (record, out) => {
    for (const part of parts) {
      if (Buffer.isBuffer(part)) out.put(part);
      else part(record, out);
    }
  };
}

function tokenWriter(token: string, nullLiteral: string): (r: ConsumedRecord, out: Sink) => void {
  switch (token) {
    case 't':
      return (r, out) => void out.put(r.topic);
    case 'p':
      return (r, out) => void out.put(String(r.partition));
    case 'o':
      return (r, out) => void out.put(String(r.offset));
    case 'k':
      return (r, out) => void out.put(r.key ?? nullLiteral);
    case 'v':
    case 's':
      return (r, out) => void out.put(r.value ?? nullLiteral);
    case 'S':
      return (r, out) => void out.put(String(r.value ? r.value.length : -1));
    case 'K':
      return (r, out) => void out.put(String(r.key ? r.key.length : -1));
    case 'T':
      return (r, out) => void out.put(String(r.timestamp));
    case 'd':
      return (r, out) => void out.put(new Date(Number(r.timestamp)).toISOString());
    default: // 'h'
      return (r, out) => void out.put(r.headers.map(([k, v]) => `${k.toString('utf8')}=${v === null ? '' : v.toString('utf8')}`).join(','));
  }
}
