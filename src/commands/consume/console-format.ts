import { UsageError } from '../../errors.js';
import type { RecordFormatter } from './format.js';

/** kafka-console-consumer's DefaultMessageFormatter properties (--property / --formatter-property). */
export interface ConsoleFormatProps {
  printTimestamp: boolean;
  printPartition: boolean;
  printOffset: boolean;
  /** kafka-console-share-consumer's: the record's delivery count (share groups). */
  printDelivery: boolean;
  printHeaders: boolean;
  printKey: boolean;
  printValue: boolean;
  keySeparator: string;
  lineSeparator: string;
  headersSeparator: string;
  headersKeySeparator: string;
  nullLiteral: string;
}

const KEYS: Record<string, keyof ConsoleFormatProps> = {
  'print.timestamp': 'printTimestamp',
  'print.partition': 'printPartition',
  'print.offset': 'printOffset',
  'print.delivery': 'printDelivery',
  'print.headers': 'printHeaders',
  'print.key': 'printKey',
  'print.value': 'printValue',
  'key.separator': 'keySeparator',
  'line.separator': 'lineSeparator',
  'headers.separator': 'headersSeparator',
  'headers.key.separator': 'headersKeySeparator',
  'null.literal': 'nullLiteral',
};

/** Parses `k=v` properties; returns undefined when none were given. */
export function parseConsoleProps(pairs: string[]): ConsoleFormatProps | undefined {
  if (pairs.length === 0) return undefined;
  const props: ConsoleFormatProps = {
    printTimestamp: false,
    printPartition: false,
    printOffset: false,
    printDelivery: false,
    printHeaders: false,
    printKey: false,
    printValue: true,
    keySeparator: '\t',
    lineSeparator: '\n',
    headersSeparator: ',',
    headersKeySeparator: ':',
    nullLiteral: 'null',
  };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    // Own keys only: `valueOf=x` must not find Object.prototype.valueOf.
    const field = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!field) throw new UsageError(`unknown formatter property "${key}"`, `known: ${Object.keys(KEYS).join(', ')}`);
    if (field.startsWith('print')) (props[field] as boolean) = value.trim().toLowerCase() === 'true';
    else (props[field] as string) = value.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  }
  return props;
}

/** Output identical to DefaultMessageFormatter: timestamp, partition, offset, headers, key, value. */
export function consoleFormatter(p: ConsoleFormatProps): RecordFormatter {
  return (r, out) => {
    const fields: (Buffer | string)[] = [];
    if (p.printTimestamp) fields.push(r.timestamp < 0 ? 'NO_TIMESTAMP' : `${r.timestampType}:${r.timestamp}`);
    if (p.printPartition) fields.push(`Partition:${r.partition}`);
    if (p.printOffset) fields.push(`Offset:${r.offset}`);
    if (p.printDelivery && r.deliveryCount !== undefined) fields.push(`Delivery:${r.deliveryCount}`);
    if (p.printHeaders)
      fields.push(
        r.headers.length
          ? r.headers
              .map(([k, v]) => `${k.toString('utf8')}${p.headersKeySeparator}${v === null ? p.nullLiteral : v.toString('utf8')}`)
              .join(p.headersSeparator)
          : 'NO_HEADERS',
      );
    if (p.printKey) fields.push(r.key ?? p.nullLiteral);
    if (p.printValue) fields.push(r.value ?? p.nullLiteral);
    fields.forEach((f, i) => {
      if (i > 0) out.put(p.keySeparator);
      out.put(f);
    });
    out.put(p.lineSeparator);
  };
}
