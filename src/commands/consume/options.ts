import type { ConsumeFormat } from '../../serde/typed-consume.js';
import type { OffsetSpec } from './offset-spec.js';
import type { ConsumeOutput } from './output.js';
import type { ConsumeSelection } from './selection.js';

export interface ConsumeOptions extends ConsumeSelection {
  include?: RegExp;
  offset: OffsetSpec;
  /** kcat's -o e@TS: a partition ends at its first record with a timestamp at or after this (not printed). */
  stopAtMs?: number;
  /** The -o text, for messages. */
  offsetText: string;
  maxMessages?: number;
  exitAtEnd: boolean;
  idleTimeoutMs?: number;
  /** Bytes per fetch response (without -g); bounds memory, larger helps over high-latency links. */
  fetchMaxBytes: number;
  group?: string;
  /** A share group (KIP-932) to read as a member of. */
  shareGroup?: string;
  groupProtocol: 'classic' | 'consumer';
  isolation: 'read_committed' | 'read_uncommitted';
  output: ConsumeOutput;
  grep?: RegExp;
  keyGrep?: RegExp;
  headerFilters: [string, string][];
  verbose: boolean;
  /** Schema registry decoding per side (auto: framed records when a registry is set). */
  keyFormat: ConsumeFormat;
  valueFormat: ConsumeFormat;
  /**
   * kafka-console-consumer's spelling (--topic): its closing `Processed a total of N messages` on
   * stderr, and its deprecation line for --property on stdout first.
   */
  console?: {
    propertyWarning: boolean;
    /** kafka-console-consumer's other deprecation lines (--consumer-property, --consumer.config), before --property's. */
    deprecations?: string[];
    /** --enable-systest-events: `shutdown_complete` on stdout at the end. */
    systestEvents?: boolean;
    /** Consumer settings given that ktool has no use for, named on stderr. */
    ignored?: string[];
    /**
     * The console tool whose log line (its logger's class) goes on stderr when --timeout-ms ends reading:
     * the original ends on a TimeoutException it logs as an ERROR (console-consumer.ts consoleTimeoutError).
     */
    timeoutLogger?: string;
  };
  /** How a share group member acknowledges what it wrote (kafka-console-share-consumer.sh --release/--reject): accept by default. */
  shareAck?: 'accept' | 'release' | 'reject';
  /** kafka-console-consumer's --version: only this is printed (the Kafka version the spelling follows). */
  kafkaVersion?: string;
}

/** 1 MiB fetches keep a million-record read under 200 MB RSS; raise for distant clusters. */
export const DEFAULT_FETCH_MAX_BYTES = 1 << 20;

/** What --version needs (nothing is read). */
export const VERSION_ONLY: ConsumeOptions = {
  topics: [],
  offset: { start: { kind: 'end' } },
  offsetText: 'end',
  exitAtEnd: false,
  fetchMaxBytes: DEFAULT_FETCH_MAX_BYTES,
  groupProtocol: 'classic',
  isolation: 'read_uncommitted',
  output: { kind: 'values' },
  headerFilters: [],
  verbose: false,
  keyFormat: 'raw',
  valueFormat: 'raw',
};
