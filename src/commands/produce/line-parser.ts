/**
 * One input line -> key, value and headers, byte for byte as kafka-console-producer's
 * LineMessageReader does it: [headers DELIM] [key SEP] value, headers "k1:v1,k2:v2". Works on the
 * raw bytes (UTF-8 separators match the same places as Java's String.indexOf), so text values are
 * never decoded and re-encoded.
 */
import { FieldError } from '../../serde/field-error.js';
import type { Serde } from '../../serde/serde.js';
import type { LineFormat } from './properties.js';

/** A bad line; the caller adds where it was (file and line number). */
export class LineError extends Error {}

export interface ParsedLine {
  /** undefined: the line has no key part (use -k or none); null: the null marker. */
  key: Buffer | null | undefined;
  value: Buffer | null;
  headers: [Buffer, Buffer | null][] | undefined;
}

export type LineParser = (line: Buffer, out: ParsedLine) => void;

const show = (b: Buffer) => {
  const s = b.toString('utf8');
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/** A parser for the format; key/value serdes other than text decode the text they get. */
export function makeLineParser(format: LineFormat, keySerde?: Serde, valueSerde?: Serde): LineParser {
  const keySep = Buffer.from(format.keySeparator, 'utf8');
  const hDelim = Buffer.from(format.headersDelimiter, 'utf8');
  const hSep = Buffer.from(format.headersSeparator, 'utf8');
  const hKeySep = Buffer.from(format.headersKeySeparator, 'utf8');
  const nullMarker = format.nullMarker !== undefined ? Buffer.from(format.nullMarker, 'utf8') : undefined;
  const { parseKey, parseHeaders, ignoreError } = format;
  const keyText = !keySerde || keySerde.name === 'text';
  const valueText = !valueSerde || valueSerde.name === 'text';
  const isNull = (b: Buffer) => nullMarker !== undefined && b.length === nullMarker.length && b.equals(nullMarker);

  const splitHeaders = (part: Buffer): [Buffer, Buffer | null][] => {
    const out: [Buffer, Buffer | null][] = [];
    if (part.length === 0) return out;
    let start = 0;
    for (;;) {
      let end = part.indexOf(hSep, start);
      if (end === -1) end = part.length;
      const pair = part.subarray(start, end);
      const i = pair.indexOf(hKeySep);
      if (i === -1) {
        if (!ignoreError) throw new LineError(`no header key separator "${format.headersKeySeparator}" in header "${show(pair)}"`);
        out.push([pair, null]);
      } else {
        const k = pair.subarray(0, i);
        if (isNull(k)) throw new LineError(`a header name may not be the null marker "${format.nullMarker}"`);
        const v = pair.subarray(i + hKeySep.length);
        out.push([k, isNull(v) ? null : v]);
      }
      if (end >= part.length) break;
      start = end + hSep.length;
    }
    return out;
  };

  return (line, out) => {
    let offset = 0;
    out.headers = undefined;
    out.key = undefined;
    if (parseHeaders) {
      const i = line.indexOf(hDelim);
      if (i === -1) {
        if (!ignoreError) throw new LineError(`no headers delimiter ${JSON.stringify(format.headersDelimiter)} found`);
      } else {
        const part = line.subarray(0, i);
        offset = i + hDelim.length;
        if (!isNull(part)) out.headers = splitHeaders(part);
      }
    }
    if (parseKey) {
      const i = line.indexOf(keySep, offset);
      if (i === -1) {
        if (!ignoreError) throw new LineError(`no key separator ${JSON.stringify(format.keySeparator)} found`);
        out.key = null;
      } else {
        const k = line.subarray(offset, i);
        offset = i + keySep.length;
        out.key = isNull(k) ? null : keyText ? k : encode(keySerde!, k, 'key');
      }
    }
    const v = offset === 0 ? line : line.subarray(offset);
    out.value = isNull(v) ? null : valueText ? v : encode(valueSerde!, v, 'value');
  };
}

function encode(serde: Serde, bytes: Buffer, what: string): Buffer {
  try {
    return serde.encode(bytes.toString('utf8'));
  } catch (error) {
    // A typed value's field path stands on its own (line 17: .items[2].price: expected double, got "abc").
    if (error instanceof FieldError && what === 'value' && error.path) throw new LineError(error.message);
    throw new LineError(`${what}: ${(error as Error).message}`);
  }
}
