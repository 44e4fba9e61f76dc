/**
 * kcat 1.7's consumer spellings (`ktool consume -C -t T -b B -o beginning -e -c N -f FMT -J ...`):
 * the flags, and what they mean as kcat means them. A kcat-only flag (-C, -G, -t, -c, -J, -q, -Z,
 * -u, -D, -K, -X, -o s@/e@/stored) puts consume in kcat's mode: kcat's output (the payload and -D's
 * delimiter, -K's key prefix), kcat's -f tokens and -J envelope, kcat's default start (the beginning).
 * A flag kcat has that ktool cannot honour is refused naming it (kcatRefusals), never ignored.
 */
import { defineOptions } from '../../cli/spec.js';
import { CancelledError, ExitCode, KtoolError, UsageError } from '../../errors.js';
import { compileKcatFormat, parseDelimiter } from './kcat-format.js';
import type { OffsetSpec, Position } from './offset-spec.js';

export const KCAT_CONSUME_OPTIONS = defineOptions([
  {
    flags: '-C, --kcat-consumer',
    description: "kcat's consumer mode: kcat's output and defaults (from the beginning, -c, -J, -D, -K, -Z)",
  },
  {
    flags: '-G, --kcat-group <group>',
    description: "kcat's balanced consumer: read TOPICS as a member of GROUP from its committed offsets (-X auto.offset.reset)",
  },
  { flags: '-t, --kcat-topic <topic>', description: "the topic (kcat's -t)" },
  { flags: '-c, --kcat-count <n>', description: "stop after N records (kcat's -c)" },
  { flags: '-J, --kcat-json', description: "kcat's JSON envelope {topic,partition,offset,tstype,ts,broker,headers,key,payload}" },
  { flags: '-D, --kcat-delimiter <delim>', description: 'kcat: written after each record (default \\n; \\t \\n \\xNN)' },
  { flags: '-K, --kcat-key-delimiter <delim>', description: 'kcat: print each key, then DELIM, before the payload' },
  { flags: '-Z, --kcat-null', description: 'kcat: print an empty or null key or payload as NULL' },
  { flags: '-q, --quiet', description: 'kcat: nothing on stderr but errors (ktool prints nothing else there anyway)' },
  { flags: '-u, --unbuffered', description: 'kcat: unbuffered output (ktool writes every fetched batch at once anyway)' },
  {
    flags: '-X, --kcat-property <prop=val>',
    description:
      'kcat (librdkafka) property: group.id, auto.offset.reset, isolation.level, fetch.max.bytes, ' +
      'client.id; others are refused (connection settings go in --command-config)',
    repeatable: true,
  },
] as const);

export interface KcatConsumeFlags {
  kcatConsumer?: boolean;
  kcatGroup?: string;
  kcatTopic?: string;
  kcatCount?: string;
  kcatJson?: boolean;
  kcatDelimiter?: string;
  kcatKeyDelimiter?: string;
  kcatNull?: boolean;
  quiet?: boolean;
  unbuffered?: boolean;
  kcatProperty?: string[];
  offset?: string[];
}

/** What kcat's -X properties set. */
export interface KcatProperties {
  groupId?: string;
  /** Where a group with no committed offset starts. */
  reset?: 'start' | 'end';
  isolation?: 'read_committed' | 'read_uncommitted';
  fetchMaxBytes?: number;
}

const RESET: Record<string, 'start' | 'end'> = {
  smallest: 'start',
  earliest: 'start',
  beginning: 'start',
  largest: 'end',
  latest: 'end',
  end: 'end',
};

/** -X name=value, librdkafka's names; one that ktool cannot honour is refused with its name. */
export function parseKcatProperties(items: string[]): KcatProperties {
  const out: KcatProperties = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`-X expects property=value, got "${item}"`);
    const [name, value] = [item.slice(0, eq), item.slice(eq + 1)];
    switch (name) {
      case 'group.id':
        out.groupId = value;
        break;
      case 'auto.offset.reset':
      case 'topic.auto.offset.reset':
        out.reset = RESET[value];
        if (!out.reset) throw new UsageError(`-X ${name}=${value}: use smallest, earliest, beginning, largest, latest or end`);
        break;
      case 'isolation.level':
        if (value !== 'read_committed' && value !== 'read_uncommitted')
          throw new UsageError(`-X isolation.level=${value}: use read_committed or read_uncommitted`);
        out.isolation = value;
        break;
      case 'fetch.max.bytes':
        if (!/^\d+$/.test(value)) throw new UsageError(`-X fetch.max.bytes=${value}: a number of bytes`);
        // librdkafka refuses it below message.max.bytes (1000000 unless set, which ktool does not take).
        if (Number(value) < 1_000_000 || Number(value) > 256 << 20)
          throw new UsageError(`-X fetch.max.bytes=${value}: from 1000000 (message.max.bytes, as librdkafka) to ${256 << 20}`);
        out.fetchMaxBytes = Number(value);
        break;
      case 'client.id':
        break; // the client's name in broker logs: no effect on what is read
      default:
        throw new UsageError(
          `-X ${name}: not supported by ktool consume`,
          'supported: group.id, auto.offset.reset, isolation.level, fetch.max.bytes, client.id; ' +
            'security settings go in --command-config (Java client names)',
        );
    }
  }
  return out;
}

/** True when a kcat-only consumer flag is given: kcat's output and defaults apply. */
export function isKcatConsume(f: KcatConsumeFlags): boolean {
  return Boolean(
    f.kcatConsumer ||
    f.kcatGroup !== undefined ||
    f.kcatTopic !== undefined ||
    f.kcatCount !== undefined ||
    f.kcatJson ||
    f.kcatDelimiter !== undefined ||
    f.kcatKeyDelimiter !== undefined ||
    f.kcatNull ||
    f.kcatProperty?.length ||
    (f.offset ?? []).some((o) => /^(s@|e@|stored$)/.test(o)),
  );
}

/** kcat's -o values, in order (the last start wins, as kcat's getopt loop): beginning|end|stored|N|-N|s@TS|e@TS. */
export function kcatOffsets(values: string[]): { spec: OffsetSpec; stored: boolean; text: string } {
  let start: Position = { kind: 'start' };
  let end: Position | undefined;
  let stored = false;
  for (const v of values) {
    if (v.startsWith('e@')) {
      end = { kind: 'time', ms: timestamp(v) };
      continue;
    }
    stored = v === 'stored';
    if (v === 'stored') start = { kind: 'start' };
    else if (v.startsWith('s@')) start = { kind: 'time', ms: timestamp(v) };
    else start = kcatOffset(v);
  }
  return { spec: end ? { start, end } : { start }, stored, text: values.join(' ') || 'beginning' };
}

function timestamp(v: string): number {
  if (!/^[se]@\d+$/.test(v)) throw new UsageError(`-o ${v}: kcat takes a timestamp in milliseconds since the epoch after ${v.slice(0, 2)}`);
  return Number(v.slice(2));
}

function kcatOffset(v: string): Position {
  if (v === 'beginning') return { kind: 'start' };
  if (v === 'end') return { kind: 'end' };
  if (/^-\d+$/.test(v)) return v === '-0' ? { kind: 'end' } : { kind: 'fromEnd', delta: BigInt(v.slice(1)) };
  if (/^\+?\d+$/.test(v)) return { kind: 'offset', offset: BigInt(v.replace('+', '')) };
  throw new UsageError(`-o ${v}: kcat offsets are beginning, end, stored, N, -N, s@TS or e@TS`);
}

/** The flags kcat's mode reads besides its own (typed loosely: consume's Flags). */
export interface KcatModeFlags extends KcatConsumeFlags {
  partition?: string[];
  partitions?: string[];
  group?: string;
  exit?: boolean;
  maxMessages?: string;
  template?: string;
  json?: boolean;
  format?: string;
  output?: string;
  property?: string[];
  formatterProperty?: string[];
  keyEncoding?: string;
  valueEncoding?: string;
  fromBeginning?: boolean;
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  include?: string;
  shareGroup?: string;
}

/** Where kcat's mode reads from and how it prints: the parts of ConsumeOptions it decides. */
export interface KcatPlan {
  topics: string[];
  group?: string;
  offset: OffsetSpec;
  offsetText: string;
  maxCount?: string;
  isolation: 'read_committed' | 'read_uncommitted';
  fetchMaxBytes?: number;
  output: KcatOutput;
}

export interface KcatOutput {
  kind: 'kcat';
  json: boolean;
  template?: string;
  delimiter: Buffer;
  keyDelimiter?: Buffer;
  nullEmpty: boolean;
}

const NATIVE_OUTPUT: [keyof KcatModeFlags, string][] = [
  ['json', '--json'],
  ['format', '--format'],
  ['output', '--output'],
  ['property', '--property'],
  ['formatterProperty', '--formatter-property'],
  ['keyEncoding', '--key-encoding'],
  ['valueEncoding', '--value-encoding'],
  ['fromBeginning', '--from-beginning'],
  ['include', '--include'],
  ['shareGroup', '--share-group'],
];

export function kcatPlan(args: string[], f: KcatModeFlags, parseDelim = parseDelimiter): KcatPlan {
  for (const [k, flag] of NATIVE_OUTPUT) {
    const v = f[k];
    if (v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
      throw new UsageError(`${flag} cannot be combined with kcat's flags (-C -G -t -c -J -D -K -Z -X, -o s@/e@/stored)`);
  }
  if (f.kcatJson && f.template !== undefined)
    throw new UsageError('-J with -f: not supported (kcat prints the envelope and the first literal of -f)');
  // A bad -f fails here, before anything is read.
  if (f.template !== undefined) compileKcatFormat(f.template, false);
  const props = parseKcatProperties(f.kcatProperty ?? []);
  const offsets = kcatOffsets(f.offset ?? []);
  if (f.group !== undefined && f.kcatGroup !== undefined) throw new UsageError('give -G or -g, not both');
  const group = f.kcatGroup ?? f.group ?? (offsets.stored ? props.groupId : undefined);
  if (offsets.stored && group === undefined)
    throw new UsageError(
      '-o stored needs a group: -G GROUP (or -X group.id=GROUP)',
      "kcat's stored offsets are a group's committed offsets",
    );
  let offset = offsets.spec;
  if (group !== undefined) {
    if (offsets.spec.end || offsets.spec.start.kind === 'time')
      throw new UsageError("-o s@/e@ timestamps can't be used with -G (as in kcat)");
    if ((f.offset ?? []).some((o) => o !== 'stored'))
      throw new UsageError(
        `-o ${f.offset!.join(' -o ')} with -G: not supported (kcat moves every assigned partition there, past the group's commits)`,
        'a group starts at its committed offsets (-o stored); without any, at -X auto.offset.reset (default latest)',
      );
    offset = { start: { kind: props.reset ?? 'end' } };
  }
  const topics = [...args, ...(f.kcatTopic !== undefined ? [f.kcatTopic] : [])];
  return {
    topics,
    ...(group !== undefined ? { group } : {}),
    offset,
    offsetText: group !== undefined ? 'stored' : offsets.text,
    ...(f.kcatCount !== undefined ? { maxCount: f.kcatCount } : {}),
    // librdkafka's default isolation.level is read_committed.
    isolation: props.isolation ?? f.isolationLevel ?? 'read_committed',
    ...(props.fetchMaxBytes !== undefined ? { fetchMaxBytes: props.fetchMaxBytes } : {}),
    output: {
      kind: 'kcat',
      json: Boolean(f.kcatJson),
      ...(f.template !== undefined ? { template: f.template } : {}),
      delimiter: parseDelim(f.kcatDelimiter ?? '\\n', '-D'),
      ...(f.kcatKeyDelimiter !== undefined ? { keyDelimiter: parseDelim(f.kcatKeyDelimiter, '-K') } : {}),
      nullEmpty: Boolean(f.kcatNull),
    },
  };
}

/**
 * An error of kcat's spelling at run time as kcat ends on one: exit 1 (librdkafka's fatal errors,
 * an unknown topic included), where ktool's own spelling has its typed codes (3 for not found ...).
 * Interruptions keep theirs (130/143), as kcat's signal exits.
 */
export function asKcatFailure(error: unknown): unknown {
  if (!(error instanceof KtoolError) || error instanceof CancelledError || error.exitCode === ExitCode.operation) return error;
  return new KtoolError(error.message, ExitCode.operation, { hint: error.hint, cause: error, kafkaCode: error.kafkaCode });
}
