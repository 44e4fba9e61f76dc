import { UsageError } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';

/** Compiled output for one record, appended to a list of chunks (no per-record string joins). */
export type RecordFormatter = (record: ConsumedRecord, out: (Buffer | string)[]) => void;

const TOKENS = 'tpokvsSKhTd';

/**
 * kcat-style format strings: %t topic, %p partition, %o offset, %k key, %v or %s value, %S value
 * size, %K key size, %h headers (k=v,k=v), %T timestamp ms, %d ISO timestamp, %% a percent sign;
 * \n \t \r \\ escapes. A null key or value prints `nullLiteral` (kcat prints nothing; so do we by default).
 */
export function compileFormat(template: string, nullLiteral = ''): RecordFormatter {
  // Literals become Buffers once, here, rather than once per record when written out.
  const parts: (Buffer | ((r: ConsumedRecord, out: (Buffer | string)[]) => void))[] = [];
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
    if (token === undefined || !TOKENS.includes(token)) throw new UsageError(`unknown format token "%${token ?? ''}" in "${template}"`, 'tokens: %t %p %o %k %v %s %S %K %h %T %d %%');
    flush();
    parts.push(tokenWriter(token, nullLiteral));
  }
  flush();
  return (record, out) => {
    for (const part of parts) {
      if (Buffer.isBuffer(part)) out.push(part);
      else part(record, out);
    }
  };
}

function tokenWriter(token: string, nullLiteral: string): (r: ConsumedRecord, out: (Buffer | string)[]) => void {
  switch (token) {
    case 't':
      return (r, out) => void out.push(r.topic);
    case 'p':
      return (r, out) => void out.push(String(r.partition));
    case 'o':
      return (r, out) => void out.push(String(r.offset));
    case 'k':
      return (r, out) => void out.push(r.key ?? nullLiteral);
    case 'v':
    case 's':
      return (r, out) => void out.push(r.value ?? nullLiteral);
    case 'S':
      return (r, out) => void out.push(String(r.value ? r.value.length : -1));
    case 'K':
      return (r, out) => void out.push(String(r.key ? r.key.length : -1));
    case 'T':
      return (r, out) => void out.push(String(r.timestamp));
    case 'd':
      return (r, out) => void out.push(new Date(Number(r.timestamp)).toISOString());
    default: // 'h'
      return (r, out) => void out.push(r.headers.map(([k, v]) => `${k.toString('utf8')}=${v === null ? '' : v.toString('utf8')}`).join(','));
  }
}
