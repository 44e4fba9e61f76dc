/** What `ktool lag` was asked for (parsed by lag.ts). */
export interface LagOptions {
  groups: string[];
  topics: string[];
  /** Of the topics given as TOPIC:PARTITIONS, those partitions only. */
  partitions?: Record<string, number[]>;
  timeLag: boolean;
  /** Redraw every this many ms; undefined: print once. */
  watchMs?: number;
  /** Stop watching after this many samples. */
  count?: number;
  maxLag?: number;
  maxTimeLagMs?: number;
}
