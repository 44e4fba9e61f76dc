/** PipeOptions from the command line: pure, so tests table-drive it. */
import { parseSize, positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { parseTimerDuration } from '../../util/duration.js';
import type { ProducerSettings } from '../../kafka/producer-types.js';
import { parseOffsetSpec, type OffsetSpec } from '../consume/offset-spec.js';
import { parseSelection, type ConsumeSelection } from '../consume/selection.js';
import { COMPRESSIONS, oneOf, parseAcks } from '../produce/options.js';
import { compileExpression, type Expression } from './expression.js';
import type { OnError } from './transform.js';

export interface PipeOptions {
  input: string;
  output: string;
  selection: ConsumeSelection;
  offset: OffsetSpec;
  offsetText: string;
  maxMessages?: number;
  exitAtEnd: boolean;
  isolation: 'read_committed' | 'read_uncommitted';
  fetchMaxBytes: number;
  where?: Expression;
  map?: Expression;
  key?: Expression;
  onError: OnError;
  producer: ProducerSettings;
  /** -g APP: exactly once, resumable, shared by every process of the same APP. */
  app?: string;
  /** With -g: how often the open transaction is committed (Kafka Streams' commit.interval.ms under EOS: 100). */
  commitIntervalMs: number;
  /** With -g: transaction.timeout.ms (Kafka Streams' EOS default: 10 s, so a killed run's transaction is aborted soon). */
  transactionTimeoutMs: number;
  verbose: boolean;
}

export interface PipeFlags {
  offset?: string;
  partition?: string[];
  partitions?: string[];
  maxMessages?: string;
  exit?: boolean;
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  fetchMaxBytes?: string;
  where?: string;
  map?: string;
  key?: string;
  onError?: string;
  compression?: string;
  acks?: string;
  group?: string;
  commitInterval?: string;
  transactionTimeout?: string;
  verbose?: boolean;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const APP_ID = /^[a-zA-Z0-9._-]{1,200}$/;

export function parsePipe(args: string[], f: PipeFlags, now = Date.now()): PipeOptions {
  if (args.length !== 2)
    throw new UsageError(
      `pipe takes an input and an output topic, got ${args.length}`,
      "e.g. ktool pipe orders big-orders --where 'value.total > 100'",
    );
  const [input, output] = args;
  for (const t of [input, output]) if (!TOPIC_NAME.test(t) || t === '.' || t === '..') throw new UsageError(`invalid topic name "${t}"`);
  if (input === output)
    throw new UsageError(`the input and output topics are the same (${input})`, 'a pipe into its own input would read its output again');
  const app = f.group;
  if (app !== undefined && !APP_ID.test(app))
    throw new UsageError(`invalid application id "${app}"`, 'use up to 200 characters from a-z A-Z 0-9 . _ -');
  const selection = parseSelection([input], f);
  if (app && selection.partitions)
    throw new UsageError(
      '-p/--partition cannot be combined with -g',
      'the processes of an application share the partitions through its group',
    );
  const readsExisting = Boolean(f.exit) || f.maxMessages !== undefined;
  const offsetText = f.offset ?? (app || readsExisting ? 'start' : 'end');
  const offset = parseOffsetSpec(offsetText, now);
  if (app && (offset.end || !['start', 'end'].includes(offset.start.kind)))
    throw new UsageError(`with -g, -o only takes start or end (where a new application begins), got "${offsetText}"`);
  if (app && (f.exit || f.maxMessages !== undefined))
    throw new UsageError('-e and -n do not apply with -g', 'an application runs until stopped (Ctrl-C commits what was processed)');
  const o: PipeOptions = {
    input,
    output,
    selection,
    offset,
    offsetText,
    maxMessages: positiveInt(f.maxMessages, '--max-messages'),
    exitAtEnd: Boolean(f.exit),
    // An application reads what is committed, as Kafka Streams under exactly-once.
    isolation: f.isolationLevel ?? (app ? 'read_committed' : 'read_uncommitted'),
    fetchMaxBytes: f.fetchMaxBytes === undefined ? 1 << 20 : parseSize(f.fetchMaxBytes, '--fetch-max-bytes', { min: 1024, max: 256 << 20 }),
    onError: oneOf(f.onError, ['stop', 'skip'] as const, '--on-error', 'stop'),
    producer: producerSettings(f, app),
    commitIntervalMs: durationMs(f.commitInterval, '--commit-interval', 100),
    transactionTimeoutMs: durationMs(f.transactionTimeout, '--transaction-timeout', 10_000),
    verbose: Boolean(f.verbose),
  };
  if (app) o.app = app;
  if (f.where !== undefined) o.where = compileExpression(f.where, '--where');
  if (f.map !== undefined) o.map = compileExpression(f.map, '--map');
  if (f.key !== undefined) o.key = compileExpression(f.key, '--key');
  return o;
}

function producerSettings(f: PipeFlags, app: string | undefined): ProducerSettings {
  const acks = f.acks === undefined ? -1 : parseAcks(f.acks);
  if (app && acks !== -1) throw new UsageError('-g (exactly once) needs --acks all');
  const compression = oneOf(f.compression, COMPRESSIONS, '--compression', 'none');
  return { acks, idempotent: acks === -1, compression };
}

function durationMs(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseTimerDuration(text, flag);
  if (ms < 1) throw new UsageError(`${flag} must be at least 1ms, got "${text}"`);
  return ms;
}
