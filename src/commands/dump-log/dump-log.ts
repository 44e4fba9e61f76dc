import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { DecoderName } from '../../dumplog/parsers.js';

export const spec = defineCommand({
  command: 'dump-log [files...]',
  description:
    'decode log segments (.log), offset and time indexes, producer snapshots, transaction indexes and KRaft ' +
    'metadata logs and checkpoints offline (kafka-dump-log.sh)',
  groups: ['output', 'base'],
  extraFormats: ['kafka'],
  options: [
    { flags: '--files <file,...>', description: "kafka-dump-log.sh's spelling: comma-separated files (prints the original's lines)" },
    { flags: '--print-data-log', description: 'print each record, its key and payload (implies --deep-iteration)' },
    { flags: '--deep-iteration', description: 'print every record of each batch, not only the batches' },
    { flags: '--offsets-decoder', description: '__consumer_offsets records as JSON (offset commits, group metadata)' },
    { flags: '--transaction-log-decoder', description: '__transaction_state records as JSON' },
    { flags: '--share-group-state-decoder', description: '__share_group_state records as JSON' },
    { flags: '--cluster-metadata-decoder', description: '__cluster_metadata records (log and .checkpoint) as JSON' },
    { flags: '--remote-log-metadata-decoder', description: '__remote_log_metadata records (tiered storage) as Kafka prints them' },
    {
      flags: '--key-decoder-class [class]',
      description: 'org.apache.kafka.tools.api.StringDecoder (default), IntegerDecoder or LongDecoder for keys',
    },
    { flags: '--value-decoder-class [class]', description: 'the same for values' },
    { flags: '--max-bytes <n>', description: 'read only the first N bytes of each .log file' },
    { flags: '--max-message-size <n>', description: 'the largest batch an index entry may point at (default 5242880)' },
    { flags: '--index-sanity-check', description: "only check each index as a broker does at start-up ('passed sanity check')" },
    { flags: '--verify-index-only', description: 'only check index entries against the log (mismatches on stderr)' },
    { flags: '--skip-record-metadata', description: 'with --print-data-log: only the keys and payloads' },
  ],
  notes:
    'Output: with --files the lines of kafka-dump-log.sh byte for byte (or --format kafka with FILE arguments); ' +
    'otherwise a table per file, or with --json one JSON object per line (file, batch, record, index entry, ' +
    'producer). Mismatches, gaps and corrupt files are reported on stderr after all files, as the original does.',
  examples: [
    'ktool dump-log /var/lib/kafka/orders-0/00000000000000000000.log',
    'ktool dump-log --files 00000000000000000000.log --print-data-log',
    'ktool dump-log 00000000000000000000.log --print-data-log --json | jq .payload',
    'ktool dump-log __consumer_offsets-7/00000000000000000000.log --offsets-decoder --format kafka',
    'ktool dump-log 00000000000000000000.index 00000000000000000000.timeindex --verify-index-only',
    'ktool dump-log __cluster_metadata-0/00000000000000000000.log --cluster-metadata-decoder',
    'ktool dump-log --files __remote_log_metadata-0/00000000000000000000.log --remote-log-metadata-decoder',
  ],
});

export type DumpMode = 'kafka' | 'json' | 'yaml' | 'table' | 'wide';

export type Decoder =
  { kind: 'classes'; key: DecoderName; value: DecoderName } | { kind: 'group' | 'transaction' | 'share' | 'metadata' | 'remote' };

export interface DumpLogOptions {
  files: string[];
  mode: DumpMode;
  printData: boolean;
  deep: boolean;
  skipRecordMetadata: boolean;
  maxBytes: number;
  maxMessageSize: number;
  indexSanityOnly: boolean;
  verifyOnly: boolean;
  decoder: Decoder;
}

const DECODERS: Readonly<Record<string, DecoderName>> = {
  'org.apache.kafka.tools.api.StringDecoder': 'string',
  'org.apache.kafka.tools.api.IntegerDecoder': 'integer',
  'org.apache.kafka.tools.api.LongDecoder': 'long',
};

function decoderClass(value: unknown, flag: string): DecoderName {
  if (value === undefined || value === true) return 'string';
  const name = DECODERS[String(value)];
  if (!name)
    throw new UsageError(
      `${flag} ${String(value)}: ktool has no such decoder (it loads no Java classes)`,
      `use one of ${Object.keys(DECODERS).join(', ')}`,
    );
  return name;
}

function pickDecoder(f: Flags<typeof spec>): Decoder {
  if (f.offsetsDecoder) return { kind: 'group' };
  if (f.transactionLogDecoder) return { kind: 'transaction' };
  if (f.clusterMetadataDecoder) return { kind: 'metadata' };
  if (f.remoteLogMetadataDecoder) return { kind: 'remote' };
  if (f.shareGroupStateDecoder) return { kind: 'share' };
  return {
    kind: 'classes',
    key: decoderClass(f.keyDecoderClass, '--key-decoder-class'),
    value: decoderClass(f.valueDecoderClass, '--value-decoder-class'),
  };
}

function modeOf(f: Flags<typeof spec>, legacy: boolean): DumpMode {
  if (f.json) return 'json';
  const chosen = f.format ?? f.output;
  if (chosen === undefined) return legacy ? 'kafka' : 'table';
  return chosen as DumpMode;
}

export function parse(args: string[], f: Flags<typeof spec>): DumpLogOptions {
  const listed = f.files === undefined ? [] : String(f.files).replace(/,+$/, '').split(',');
  const files = [...listed, ...args];
  if (!files.length) throw new UsageError('dump-log needs FILE... (or --files a,b)', 'e.g. ktool dump-log 00000000000000000000.log');
  const printData = Boolean(
    f.printDataLog ||
    f.offsetsDecoder ||
    f.transactionLogDecoder ||
    f.clusterMetadataDecoder ||
    f.remoteLogMetadataDecoder ||
    f.shareGroupStateDecoder ||
    f.keyDecoderClass !== undefined ||
    f.valueDecoderClass !== undefined,
  );
  return {
    files,
    mode: modeOf(f, f.files !== undefined),
    printData,
    deep: printData || Boolean(f.deepIteration),
    skipRecordMetadata: Boolean(f.skipRecordMetadata),
    maxBytes: f.maxBytes === undefined ? 2147483647 : positiveInt(f.maxBytes, '--max-bytes', { min: 0 })!,
    maxMessageSize: f.maxMessageSize === undefined ? 5 * 1024 * 1024 : positiveInt(f.maxMessageSize, '--max-message-size', { min: 0 })!,
    indexSanityOnly: Boolean(f.indexSanityCheck),
    verifyOnly: Boolean(f.verifyIndexOnly),
    decoder: pickDecoder(f),
  };
}

export async function run(o: DumpLogOptions, ctx: Context): Promise<CommandResult | void> {
  const { runDump } = await import('./run-dump.js');
  return runDump(o, ctx);
}
