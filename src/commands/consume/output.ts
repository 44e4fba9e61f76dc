import { UsageError } from '../../errors.js';
import type { OutputEncoding } from '../../serde/envelope.js';
import { serdeFor } from '../../serde/serde.js';
import { parseConsoleProps, type ConsoleFormatProps } from './console-format.js';
import type { KcatOutput } from './kcat.js';

/** How consume prints a record: its value, an envelope (JSON line or YAML document), a kcat template, or console-consumer properties. */
export type ConsumeOutput =
  | { kind: 'values' }
  | { kind: 'json' | 'yaml'; keyEncoding: OutputEncoding; valueEncoding: OutputEncoding }
  | { kind: 'template'; template: string }
  | { kind: 'console'; props: ConsoleFormatProps }
  | KcatOutput;

const STREAM_HINT = "records are a stream: values by default, --format json or yaml for every field, -f '%p\\t%o\\t%k\\t%v\\n' for columns";

/**
 * --format means what it means in every command (table|wide|json|yaml): json is --json's NDJSON
 * envelopes, yaml one YAML document per record; table and wide are refused, since a table needs
 * every row before its first. The kcat template is -f/--template; `-f json` (documented before
 * --template existed) and the other format names given to -f mean that format, not a template
 * printing the word.
 */
function streamFormat(name: string, flag: string): 'json' | 'yaml' {
  if (name === 'json' || name === 'yaml') return name;
  if (name === 'table' || name === 'wide') throw new UsageError(`consume ${flag} ${name}: records are not printed as a table`, STREAM_HINT);
  throw new UsageError(`unknown output format "${name}"`, 'use json or yaml (or --json); a record template goes in -f/--template');
}

/** The flags of consume that choose its output. */
export interface OutputFlags {
  template?: string;
  format?: string;
  output?: string;
  json?: boolean;
  property?: string[];
  formatterProperty?: string[];
  keyEncoding?: string;
  valueEncoding?: string;
}

export function parseOutput(f: OutputFlags): ConsumeOutput {
  const template = f.template;
  const formatFlag = f.format ?? f.output;
  if (template !== undefined && (formatFlag !== undefined || f.json))
    throw new UsageError(
      'give -f/--template or --format/--json, not both',
      'the template prints the fields it names; --format json|yaml prints every field',
    );
  // --json wins over --format, as in every command.
  const format = f.json
    ? 'json'
    : formatFlag !== undefined
      ? streamFormat(formatFlag, '--format')
      : template !== undefined && /^(json|yaml|table|wide)$/.test(template)
        ? streamFormat(template, '-f')
        : undefined;

  const props = parseConsoleProps([...(f.property ?? []), ...(f.formatterProperty ?? [])]);
  if (props && (format || template !== undefined))
    throw new UsageError('--property print.* cannot be combined with -f/--template, --format or --json');
  // Each side its own: --value-encoding base64 leaves text keys readable.
  const keyEncoding = serdeFor(f.keyEncoding ?? 'text', '--key-encoding').name as OutputEncoding;
  const valueEncoding = serdeFor(f.valueEncoding ?? 'text', '--value-encoding').name as OutputEncoding;
  for (const flag of ['keyEncoding', 'valueEncoding'] as const) {
    if (f[flag] !== undefined && !format)
      throw new UsageError(
        `--${flag === 'keyEncoding' ? 'key' : 'value'}-encoding applies only with --json or --format yaml`,
        'other outputs print the bytes as they are',
      );
  }
  if (format) return { kind: format, keyEncoding, valueEncoding };
  if (template !== undefined) return { kind: 'template', template };
  return props ? { kind: 'console', props } : { kind: 'values' };
}
