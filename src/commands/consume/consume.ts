import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { groupOptions } from '../../cli/common-options.js';
import { compileRegex, positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { CancelledError, ExitCode, UsageError } from '../../errors.js';
import { parseOffsetSpec } from './offset-spec.js';
import { parseOutput } from './output.js';
import { parseSelection } from './selection.js';
import { asKcatFailure, isKcatConsume, KCAT_CONSUME_OPTIONS } from './kcat.js';
import { fetchMaxBytes, greps, parseKcat } from './kcat-options.js';
import { decoderFor } from './decoder.js';
import { VERSION_ONLY, type ConsumeOptions } from './options.js';
import { tightenHeapGrowth } from '../../util/heap.js';
import { DEFAULT_KAFKA_VERSION } from '../../local/versions.js';
import {
  applyConsoleConsumerFlags,
  CONSOLE_CONSUMER_OPTIONS,
  consoleConsumerDeprecations,
  consoleTimeoutError,
} from './console-consumer.js';

export const spec = defineCommand({
  command: 'consume [topics...]',
  description:
    "read records (kafka-console-consumer.sh spellings; kcat -C/-G's too, see README), values to stdout by default;" +
    ' TOPIC:PARTITIONS (orders:0,2) reads some partitions',
  groups: ['connection', 'schema-registry'],
  quietOnSignal: true,
  options: [
    { flags: '--topic <topic>', description: 'topic to read (kafka-console-consumer spelling), repeatable', repeatable: true },
    { flags: '--include <regex>', description: 'also read every topic matching REGEX' },
    {
      flags: '-o, --offset <spec>',
      description:
        'start|end|N|-N|+N|N:M|@TIME|@T1:@T2|@TIME:end (TIME: epoch ms, ISO-8601, or relative like ' +
        '-1h); earliest|latest (default: end, new records; start with -e or -n, as kcat); kcat: beginning, stored, ' +
        's@TS, e@TS (repeatable: -o s@T1 -o e@T2)',
      repeatable: true,
    },
    { flags: '--from-beginning', description: 'same as -o start' },
    {
      flags: '-p, --partition <list>',
      description:
        'read only these partitions of every topic, e.g. 0,2 or 0-3 (kcat -p; ' +
        'kafka-console-consumer --partition N); of one topic: TOPIC:0,2',
      repeatable: true,
    },
    { flags: '-P, --partitions <list>', description: 'same as -p', repeatable: true },
    { flags: '-n, --max-messages <n>', description: 'stop after N records written (without -o: the first N, from the start)' },
    { flags: '-e, --exit', description: 'stop when every partition reached the end it had at start (without -o: read from the start)' },
    { flags: '--timeout-ms <ms>', description: 'stop after this long without records' },
    {
      flags: '--fetch-max-bytes <size>',
      description: 'bytes per fetch response, e.g. 8MB for a distant cluster (default 1MB; bounds memory)',
    },
    {
      flags: '-g, --group <group>',
      description:
        'read as a member of this consumer group and commit what was written; a fail-over or a cluster ' +
        'restart is waited out for up to --timeout',
    },
    {
      flags: '--share-group <group>',
      description:
        'read as a member of this share group (KIP-932, Kafka 4.1+ with share groups enabled): members share ' +
        'the records of every partition; each is acknowledged once written, what was not written is released; where ' +
        'a new group starts is its share.auto.offset.reset config (latest by default)',
    },
    {
      flags: '--group-protocol <protocol>',
      description: 'group protocol: classic or consumer (KIP-848)',
      choices: ['classic', 'consumer'],
    },
    {
      flags: '--isolation-level <level>',
      description: 'read_committed hides aborted transactions',
      choices: ['read_committed', 'read_uncommitted'],
    },
    { flags: '-f, --template <template>', description: "a kcat template: %t %p %o %k %v %s %S %K %h %T %d, \\n \\t (e.g. '%k=%v\\n')" },
    {
      flags: '--format <format>',
      description:
        'json (NDJSON envelopes, as --json) or yaml (one YAML document per record, the same ' +
        'envelope); table and wide are refused: records are a stream',
    },
    { flags: '--output <format>', description: 'alias of --format', hidden: true },
    {
      flags: '--json',
      description:
        'NDJSON envelopes {topic,partition,offset,timestamp,timestampType,key,value,headers}, plus ' +
        'keyEncoding/valueEncoding/headerEncoding when not text',
    },
    {
      flags: '--key-encoding <encoding>',
      description: 'with --json or --format yaml: text (base64 when not UTF-8), json, base64 or hex',
      choices: ['text', 'json', 'base64', 'hex'],
    },
    {
      flags: '--value-encoding <encoding>',
      description: 'with --json or --format yaml: text (base64 when not UTF-8), json (embed JSON values), base64 or hex',
      choices: ['text', 'json', 'base64', 'hex'],
    },
    {
      flags: '--value-format <format>',
      description:
        'auto (default: a value in the schema registry wire format is decoded with its schema, when a registry ' +
        'is set), avro, protobuf or json-schema (only that), or raw (the bytes as they are)',
      choices: ['auto', 'avro', 'protobuf', 'json-schema', 'raw'],
    },
    { flags: '--key-format <format>', description: 'the same for keys', choices: ['auto', 'avro', 'protobuf', 'json-schema', 'raw'] },
    {
      flags: '--property <key=value>',
      description: 'kafka-console-consumer formatter property (print.key=true, key.separator=, ...), repeatable',
      repeatable: true,
    },
    { flags: '--formatter-property <key=value>', description: 'same as --property', repeatable: true },
    { flags: '--grep <regex>', description: 'only records whose value matches' },
    { flags: '--key-grep <regex>', description: 'only records whose key matches' },
    { flags: '--header <key=value>', description: 'only records with this header, repeatable', repeatable: true },
    { flags: '-v, --verbose', description: 'print counts on stderr at the end' },
    ...KCAT_CONSUME_OPTIONS,
    ...CONSOLE_CONSUMER_OPTIONS,
    // After the command's own options, where consume's help has always listed them.
    ...groupOptions('base'),
  ],
  notes: `kafka-console-share-consumer.sh spellings are \`ktool share-consume\` (consume's own --topic/--group are
kafka-console-consumer.sh's): ktool share-consume --bootstrap-server B --topic t --group g [--max-messages N]
[--timeout-ms MS] [--release|--reject] [--formatter-property print.delivery=true ...]`,
  examples: [
    'ktool consume orders -e                          # everything there is, then exit (as kcat -C -e)',
    'ktool consume orders                             # new records until Ctrl-C',
    'ktool consume orders:0 -o 100:200                # offsets 100..199 of partition 0 (or -p 0)',
    "ktool consume orders -o -10 -e -f '%p:%o %k=%v\\n' # the last 10 per partition",
    'ktool consume orders -o @-1h:end                  # the last hour',
    'ktool consume orders -g billing                   # as a group member; commits what was written',
    'ktool consume orders --share-group workers -n 100   # as a share group member (KIP-932): records split among members',
    'ktool consume orders --json -e | jq .value',
    'ktool consume orders:0 -o -1 --format yaml         # the last record, every field',
    'ktool consume --topic orders --from-beginning --property print.key=true --property key.separator=:',
    'ktool consume t1 --json -e | ktool produce --input json t2   # copy a topic, keys and headers included',
    'ktool consume orders -e --schema-registry http://localhost:8081   # Avro/Protobuf/JSON Schema values as JSON',
    "ktool consume -C -t orders -b localhost:9092 -o beginning -e -q -J   # kcat's spelling and JSON envelope",
    'ktool consume -G billing orders -e -X auto.offset.reset=earliest      # kcat balanced consumer',
  ],
  // --format is read by parse: records are a stream (json lines, yaml documents), never a table.
  ownsFormatFlag: true,
});

export function parse(args: string[], f: Flags<typeof spec>, now = Date.now()): ConsumeOptions {
  if (isKcatConsume(f)) return parseKcat(args, f);
  if (f.version) return { ...VERSION_ONLY, kafkaVersion: DEFAULT_KAFKA_VERSION };
  // Given twice outside kcat's spelling (kcat: -o s@TS -o e@TS), the last wins, as for any option:
  // kafka-console-consumer's --offset N after a script's own -o start is the one meant.
  const offsetFlag = f.offset?.at(-1);
  const { topics, partitions, topicPartitions } = parseSelection(args, f);
  const include = f.include ? compileRegex(f.include, '--include') : undefined;
  if (topics.length === 0 && !include)
    throw new UsageError('consume needs a TOPIC (or --include REGEX)', 'e.g. ktool consume orders -o start -e');
  // kafka-console-consumer's own flags (the deprecation lines first: the files move into --command-config).
  const deprecations = consoleConsumerDeprecations(f);
  const ignored = applyConsoleConsumerFlags(f);
  if (f.fromBeginning && offsetFlag !== undefined) throw new UsageError('give either --from-beginning or -o/--offset, not both');
  // Without -o: -e and -n read what is there, from the start (as kcat -C); alone, consume follows
  // new records (as kafka-console-consumer). With -g it is where a group with no commit starts.
  // kafka-console-consumer's own spelling (--topic ... --max-messages N) keeps its rule: new records
  // unless --from-beginning, so lines copied from Kafka guides behave as there. -e is kcat's alone.
  const readsExisting = f.exit || (f.maxMessages !== undefined && f.topic === undefined);
  const offsetText = f.fromBeginning ? 'start' : offsetFlag !== undefined ? offsetFlag : readsExisting ? 'start' : 'end';
  const group = f.group;
  if (group && (partitions || topicPartitions))
    throw new UsageError(
      '-p/--partition and TOPIC:PARTITIONS cannot be combined with --group',
      'a group member reads the partitions the group assigns it',
    );
  const offset = parseOffsetSpec(offsetText, now);
  if (group && (offset.end || !['start', 'end'].includes(offset.start.kind))) {
    throw new UsageError(
      `with --group, -o only takes start or end (where to begin when the group has no committed offset), got "${offsetText}"`,
      'drop --group to read an exact range by assignment',
    );
  }
  if (f.shareGroup !== undefined) checkShareGroup(f, Boolean(partitions || topicPartitions));
  const output = parseOutput(f);
  const headerFilters = (f.header ?? []).map((h): [string, string] => {
    const eq = h.indexOf('=');
    if (eq <= 0) throw new UsageError(`--header expects key=value, got "${h}"`);
    return [h.slice(0, eq), h.slice(eq + 1)];
  });
  return {
    topics,
    include,
    offset,
    offsetText,
    ...(partitions ? { partitions } : {}),
    ...(topicPartitions ? { topicPartitions } : {}),
    maxMessages: positiveInt(f.maxMessages, '--max-messages'),
    exitAtEnd: Boolean(f.exit),
    idleTimeoutMs: positiveInt(f.timeoutMs, '--timeout-ms'),
    fetchMaxBytes: fetchMaxBytes(f),
    group,
    ...(f.shareGroup !== undefined ? { shareGroup: f.shareGroup } : {}),
    groupProtocol: f.groupProtocol ?? 'classic',
    isolation: f.isolationLevel ?? 'read_uncommitted',
    output,
    ...greps(f),
    headerFilters,
    verbose: Boolean(f.verbose),
    keyFormat: f.keyFormat ?? 'auto',
    valueFormat: f.valueFormat ?? 'auto',
    ...(consoleSpelling(args, f)
      ? {
          console: {
            propertyWarning: Boolean(f.property?.length),
            deprecations,
            systestEvents: Boolean(f.enableSystestEvents),
            ignored,
            timeoutLogger: 'org.apache.kafka.tools.consumer.ConsoleConsumer',
          },
        }
      : {}),
  };
}

/** A share group member reads what the group hands it: no positions, partitions or ends of its own. */
function checkShareGroup(f: Flags<typeof spec>, partitions: boolean): void {
  const refused: [boolean, string][] = [
    [f.group !== undefined, '--group'],
    [partitions, '-p/--partition and TOPIC:PARTITIONS'],
    [f.include !== undefined, '--include'],
    [f.offset !== undefined || Boolean(f.fromBeginning), '-o/--offset and --from-beginning'],
    [Boolean(f.exit), '-e/--exit'],
    [f.groupProtocol !== undefined, '--group-protocol'],
    [f.isolationLevel !== undefined, '--isolation-level'],
  ];
  const found = refused.find(([given]) => given);
  if (!f.shareGroup) throw new UsageError('--share-group needs a group id');
  if (found)
    throw new UsageError(
      `${found[1]} cannot be combined with --share-group`,
      'a share group member reads what the group hands it; where a new group starts is its share.auto.offset.reset config ' +
        '(ktool configs alter --entity-type groups --entity-name G --add-config share.auto.offset.reset=earliest)',
    );
}

/**
 * kafka-console-consumer's own spelling: --topic (or its --include alone, no TOPIC), and none of
 * kcat's or ktool's output flags (-e, -f, --json, --format).
 */
function consoleSpelling(args: string[], f: Flags<typeof spec>): boolean {
  return (
    (f.topic !== undefined || f.include !== undefined) &&
    args.length === 0 &&
    !f.exit &&
    f.template === undefined &&
    !f.json &&
    f.format === undefined
  );
}

/** `consume --json` prints NDJSON envelopes (src/serde/envelope.ts), --format yaml YAML documents; the summary goes to stderr. */
export async function run(o: ConsumeOptions, ctx: Context): Promise<CommandResult | void> {
  try {
    return await consume(o, ctx);
  } catch (error) {
    // kcat's spelling fails as kcat does: exit 1 whatever the cause (the message stays ktool's).
    throw o.output.kind === 'kcat' ? asKcatFailure(error) : error;
  }
}

async function consume(o: ConsumeOptions, ctx: Context): Promise<CommandResult | void> {
  if (o.kafkaVersion) {
    await write(ctx.io.stdout, `${o.kafkaVersion}\n`);
    return;
  }
  // The reading and formatting machinery loads when records are read, not for --help.
  const [{ readAsGroup, readAsShareGroup, readPartitions }, { RecordsOut }, clients] = await Promise.all([
    import('./read.js'),
    import('./records-out.js'),
    ctx.kafka(),
  ]);
  tightenHeapGrowth(); // src/util/heap.ts
  const out = new RecordsOut(o, ctx.io, await decoderFor(o, ctx));
  if (o.console?.ignored?.length) ctx.warn(`consumer settings ktool does not use (ignored): ${o.console.ignored.join(', ')}`);
  if (o.console?.deprecations?.length) await write(ctx.io.stdout, o.console.deprecations.map((l) => `${l}\n`).join(''));
  if (o.console?.propertyWarning) {
    await write(
      ctx.io.stdout,
      'Option --property is deprecated and will be removed in a future version. Use --formatter-property instead.\n',
    );
  }
  try {
    if (o.shareGroup !== undefined) await readAsShareGroup(o, o.shareGroup, ctx, clients, out);
    else await (o.group ? readAsGroup(o, o.group, ctx, clients, out) : readPartitions(o, ctx, clients, out));
  } catch (error) {
    // Ctrl-C is how following ends: whatever was being waited for then (connecting, joining) ends quietly, exit 130.
    if (!(error instanceof CancelledError && ctx.io.signal.aborted)) throw error;
  }
  await out.writer.flush();
  if (o.console?.systestEvents) await write(ctx.io.stdout, 'shutdown_complete\n');
  const { consumed, written, filtered } = out.counts;
  const rawLine = out.decoder?.summary();
  if (rawLine) ctx.warn(rawLine);
  const idleEnd = o.idleTimeoutMs !== undefined && !out.limitReached() && !ctx.io.signal.aborted && !out.writer.isClosed;
  if (o.console?.timeoutLogger && idleEnd) ctx.io.stderr.write(consoleTimeoutError(o.console.timeoutLogger, ctx.io.now()));
  if (o.console) ctx.io.stderr.write(`Processed a total of ${consumed} messages\n`);
  if (o.verbose || (ctx.io.stderrIsTTY && out.filtering))
    ctx.io.stderr.write(`consumed ${consumed}, written ${written}${out.filtering ? `, filtered out ${filtered}` : ''}\n`);
  if (ctx.io.signal.aborted && ctx.io.signal.reason !== 'EPIPE') return { exitCode: ExitCode.interrupted };
}
