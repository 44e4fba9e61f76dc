import { compileRegex, parseSize, positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { parseOffsetSpec, type OffsetSpec } from './offset-spec.js';
import { parseOutput, type ConsumeOutput } from './output.js';
import { parseSelection, type ConsumeSelection } from './selection.js';

export interface ConsumeOptions extends ConsumeSelection {
  include?: RegExp;
  offset: OffsetSpec;
  /** The -o text, for messages. */
  offsetText: string;
  maxMessages?: number;
  exitAtEnd: boolean;
  idleTimeoutMs?: number;
  /** Bytes per fetch response (without -g); bounds memory, larger helps over high-latency links. */
  fetchMaxBytes: number;
  group?: string;
  groupProtocol: 'classic' | 'consumer';
  isolation: 'read_committed' | 'read_uncommitted';
  output: ConsumeOutput;
  grep?: RegExp;
  keyGrep?: RegExp;
  headerFilters: [string, string][];
  verbose: boolean;
}

/** 1 MiB fetches keep a million-record read under 200 MB RSS; raise for distant clusters. */
export const DEFAULT_FETCH_MAX_BYTES = 1 << 20;

export function parse(args: string[], f: Record<string, unknown>, now = Date.now()): ConsumeOptions {
  const { topics, partitions, topicPartitions } = parseSelection(args, f);
  const include = f.include ? compileRegex(String(f.include), '--include') : undefined;
  if (topics.length === 0 && !include) throw new UsageError('consume needs a TOPIC (or --include REGEX)', 'e.g. ktool consume orders -o start -e');
  if (f.fromBeginning && f.offset !== undefined) throw new UsageError('give either --from-beginning or -o/--offset, not both');
  // Without -o: -e and -n read what is there, from the start (as kcat -C); alone, consume follows
  // new records (as kafka-console-consumer). With -g it is where a group with no commit starts.
  // kafka-console-consumer's own spelling (--topic ... --max-messages N) keeps its rule: new records
  // unless --from-beginning, so lines copied from Kafka guides behave as there. -e is kcat's alone.
  const readsExisting = f.exit || (f.maxMessages !== undefined && f.topic === undefined);
  const offsetText = f.fromBeginning ? 'start' : f.offset !== undefined ? String(f.offset) : readsExisting ? 'start' : 'end';
  const group = f.group as string | undefined;
  if (group && (partitions || topicPartitions)) throw new UsageError('-p/--partition and TOPIC:PARTITIONS cannot be combined with --group', 'a group member reads the partitions the group assigns it');
  const offset = parseOffsetSpec(offsetText, now);
  if (group && (offset.end || !['start', 'end'].includes(offset.start.kind))) {
    throw new UsageError(`with --group, -o only takes start or end (where to begin when the group has no committed offset), got "${offsetText}"`, 'drop --group to read an exact range by assignment');
  }
  const protocol = String(f.groupProtocol ?? 'classic');
  if (!['classic', 'consumer'].includes(protocol)) throw new UsageError(`--group-protocol must be classic or consumer, got "${protocol}"`);
  const isolation = String(f.isolationLevel ?? 'read_uncommitted');
  if (!['read_committed', 'read_uncommitted'].includes(isolation)) throw new UsageError(`--isolation-level must be read_committed or read_uncommitted, got "${isolation}"`);
  const output = parseOutput(f);

  const headerFilters = ((f.header as string[] | undefined) ?? []).map((h): [string, string] => {
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
    fetchMaxBytes: f.fetchMaxBytes === undefined ? DEFAULT_FETCH_MAX_BYTES : parseSize(String(f.fetchMaxBytes), '--fetch-max-bytes', { min: 1024, max: 256 << 20 }),
    group,
    groupProtocol: protocol as 'classic' | 'consumer',
    isolation: isolation as ConsumeOptions['isolation'],
    output,
    grep: f.grep ? compileRegex(`.*(?:${String(f.grep)}).*`, '--grep') : undefined,
    keyGrep: f.keyGrep ? compileRegex(`.*(?:${String(f.keyGrep)}).*`, '--key-grep') : undefined,
    headerFilters,
    verbose: Boolean(f.verbose),
  };
}
