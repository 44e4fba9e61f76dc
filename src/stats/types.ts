/**
 * Types of the stats engine (src/stats/): a pure, incremental aggregation over records that have
 * already been reduced to a group, an event time and the numbers the metrics read. Type-only.
 */

/** One metric asked for on the command line; `field` indexes StatsSpec.fields (the distinct paths). */
export type MetricKind = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'rate' | 'ema';

export interface MetricSpec {
  kind: MetricKind;
  /** Index into StatsSpec.fields; absent for count and rate. */
  field?: number;
  /** Output column: count, rate, sum_price, avg_price, ema_price, ... */
  name: string;
}

/** Tumbling is hopping with advance = size (Kafka Streams' TimeWindows). */
export type WindowSpec =
  | { kind: 'none' }
  | { kind: 'time'; size: number; advance: number }
  | { kind: 'session'; gap: number }
  | { kind: 'last-time'; span: number }
  | { kind: 'last-count'; n: number };

/** pandas ewm: alpha directly, from span (2/(span+1)) or a half-life over event time. */
export type EmaSpec = { alpha: number; halfLife?: undefined; adjust: boolean } | { halfLife: number; alpha?: undefined; adjust: boolean };

export interface StatsSpec {
  /** Distinct field paths the metrics read, in order (for messages and non-number counts). */
  fields: string[];
  metrics: MetricSpec[];
  window: WindowSpec;
  /** Milliseconds a window stays open after its end (Streams' grace); also bounds --last D's lateness. */
  grace: number;
  emit: 'update' | 'final';
  ema?: EmaSpec;
}

/** A record as the engine sees it: canonical group key, its value for output, event time, numbers (NaN: not a number). */
export interface EngineInput {
  group: string;
  groupValue: unknown;
  time: number;
  values: number[];
  partition?: number;
  offset?: number;
}

/** One output row: the group's key, the window (epoch ms) and the metric columns; final when it can no longer change. */
export interface StatsRow {
  key: unknown;
  windowStart?: number;
  windowEnd?: number;
  /** Per-record rows (--last, running, EMA): the input record's time, partition and offset. */
  timestamp?: number;
  partition?: number;
  offset?: number;
  /** A session merged away (Streams forwards null for it). */
  tombstone?: true;
  [metric: string]: unknown;
  final: boolean;
}

export interface EngineCounts {
  /** Records given to the engine. */
  records: number;
  /** (record, window) pairs dropped because the window had closed (Streams' dropped-records metric). */
  late: number;
  /** Records whose time is not a usable timestamp (negative, missing). */
  badTime: number;
  /** Per field: records where it was missing or not a number. */
  notNumber: number[];
  /** Max event time seen (Streams' stream time); -Infinity before the first record. */
  streamTime: number;
}
