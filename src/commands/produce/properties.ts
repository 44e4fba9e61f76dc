/**
 * kafka-console-producer's LineMessageReader settings (--property / --reader-property, KIP-1147),
 * with its defaults: parse.key=false, key.separator=\t, parse.headers=false, headers.delimiter=\t,
 * headers.separator=',', headers.key.separator=':', null.marker unset, ignore.error=false.
 */
import { UsageError } from '../../errors.js';

export interface LineFormat {
  parseKey: boolean;
  keySeparator: string;
  parseHeaders: boolean;
  headersDelimiter: string;
  headersSeparator: string;
  headersKeySeparator: string;
  /** A key, value or header value equal to this is null (a tombstone for the value). */
  nullMarker?: string;
  /** Java's ignore.error: a missing separator is not an error (no key / null header value). */
  ignoreError: boolean;
}

export const DEFAULT_LINE_FORMAT: LineFormat = {
  parseKey: false,
  keySeparator: '\t',
  parseHeaders: false,
  headersDelimiter: '\t',
  headersSeparator: ',',
  headersKeySeparator: ':',
  ignoreError: false,
};

export const READER_PROPERTIES = [
  'parse.key',
  'key.separator',
  'parse.headers',
  'headers.delimiter',
  'headers.separator',
  'headers.key.separator',
  'null.marker',
  'ignore.error',
] as const;

function bool(value: string, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`--property ${name} must be true or false, got "${value}"`);
}

function separator(value: string, name: string): string {
  if (value === '') throw new UsageError(`--property ${name} must not be empty`);
  return value;
}

/** `--property k=v` items (and --reader-property) applied over a starting format. */
export function applyReaderProperties(items: string[], start: LineFormat = DEFAULT_LINE_FORMAT, flag = '--property'): LineFormat {
  const format = { ...start };
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects key=value, got "${item}"`);
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1);
    switch (name) {
      case 'parse.key':
        format.parseKey = bool(value, name);
        break;
      case 'key.separator':
        format.keySeparator = separator(value, name);
        break;
      case 'parse.headers':
        format.parseHeaders = bool(value, name);
        break;
      case 'headers.delimiter':
        format.headersDelimiter = separator(value, name);
        break;
      case 'headers.separator':
        format.headersSeparator = separator(value, name);
        break;
      case 'headers.key.separator':
        format.headersKeySeparator = separator(value, name);
        break;
      case 'null.marker':
        format.nullMarker = value;
        break;
      case 'ignore.error':
        format.ignoreError = bool(value, name);
        break;
      default:
        throw new UsageError(
          `${flag} ${name}: not a line reader property`,
          `supported: ${READER_PROPERTIES.join(', ')} (producer settings go in -X key=value)`,
        );
    }
  }
  return format;
}

/** The checks LineMessageReader.configure makes: separators that would make lines ambiguous. */
export function validateLineFormat(f: LineFormat): void {
  if (f.parseHeaders) {
    if (f.headersDelimiter === f.headersSeparator) throw new UsageError('headers.delimiter and headers.separator may not be equal');
    if (f.headersDelimiter === f.headersKeySeparator) throw new UsageError('headers.delimiter and headers.key.separator may not be equal');
    if (f.headersSeparator === f.headersKeySeparator) throw new UsageError('headers.separator and headers.key.separator may not be equal');
  }
  if (f.nullMarker !== undefined) {
    if (f.nullMarker === '') throw new UsageError('null.marker must not be empty');
    if (f.parseKey && f.nullMarker === f.keySeparator) throw new UsageError('null.marker and key.separator may not be equal');
    if (f.parseHeaders) {
      if (f.nullMarker === f.headersDelimiter) throw new UsageError('null.marker and headers.delimiter may not be equal');
      if (f.nullMarker === f.headersSeparator) throw new UsageError('null.marker and headers.separator may not be equal');
      if (f.nullMarker === f.headersKeySeparator) throw new UsageError('null.marker and headers.key.separator may not be equal');
    }
  }
}

/** `\t`, `\n`, `\r`, `\\` and `\0` in a separator typed on a command line. */
export function unescapeSeparator(text: string): string {
  return text.replace(/\\([tnr0\\])/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '0': '\0', '\\': '\\' })[c] as string);
}
