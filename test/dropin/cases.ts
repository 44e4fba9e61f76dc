/**
 * The differential harness's table: per script, the invocations run through Kafka's tool class and
 * through ktool with the same arguments (test/dropin/harness.ts). `B` in an argument is the broker;
 * `{x}` a name of the side's own (`{run}` the side's prefix, for regexes). What a case normalises
 * is only what the original itself varies between two runs, named in `normalize`.
 */
import { ACLS } from './cases-acls.js';
import { API_VERSIONS } from './cases-api-versions.js';
import { DELETE_RECORDS } from './cases-delete-records.js';
import { LOG_DIRS } from './cases-log-dirs.js';
import { KCAT_CONSUME, KCAT_PRODUCE } from './cases-kcat.js';
import { ELECT, REASSIGN } from './cases-partitions.js';
import { TOKENS } from './cases-tokens.js';
import { SHARE_GROUPS } from './cases-share-groups.js';
import { CONSOLE_SHARE_CONSUMER } from './cases-console-share-consumer.js';
import { FEATURES, METADATA_QUORUM } from './cases-quorum-features.js';
import { TOPICS } from './cases-topics.js';
import { PRODUCER } from './cases-console-producer.js';
import { CONSUMER } from './cases-console-consumer.js';
import { OFFSETS } from './cases-get-offsets.js';
import { CONFIGS } from './cases-configs.js';
import { GROUPS } from './cases-consumer-groups.js';
import { DUMP_LOG } from './cases-dump-log.js';
import { TRANSACTIONS } from './cases-transactions.js';
import { PRODUCER_PERF } from './cases-producer-perf.js';
import { CONSUMER_PERF } from './cases-consumer-perf.js';
import { E2E_LATENCY } from './cases-e2e-latency.js';

export type Normalizer =
  /** Lines naming no topic of this run dropped (other tests share the broker), the rest sorted (the sides' names differ). */
  | 'this-run-only'
  /** Topic ids (random per topic). */
  | 'topic-id'
  /** The replicas of kafka-reassign-partitions.sh --generate's proposal (AdminUtils draws its start at random). */
  | 'proposed-replicas'
  /** kafka-transactions.sh describe's TransactionDurationMs (now minus the start: the clock's). */
  | 'txn-duration'
  /** kafka-transactions.sh describe's ProducerId (the broker's next free id: each side's transactional id has its own). */
  | 'producer-id'
  /** Runs of spaces as one: column widths follow the longest name of every group on the shared broker. */
  | 'columns'
  /**
   * kafka-delegation-tokens.sh: token ids and HMACs (random per token) and dates (yyyy-MM-ddTHH:mm,
   * from the clock: the sides may cross a minute).
   */
  | 'tokens'
  /** Every number (and date) as N: the perf tools' figures are timings, different in any two runs. */
  | 'numbers'
  /** Lines sorted: kcat prints the partitions of a topic in the order their fetches come back. */
  | 'sorted-lines'
  /**
   * The other side's names put back too: a dump of a shared log (a __consumer_offsets partition) holds
   * the other side's group when both hash to it, which only that side's placeholders would replace.
   */
  | 'both-sides'
  /**
   * kafka-acls.sh's resources and entries sorted (blocks, and the entry lines in each): AclCommand keeps
   * them in HashMaps and HashSets keyed by enums, whose hash is the object's identity, different per JVM.
   */
  | 'acl-order'
  /**
   * kafka-delete-records.sh's `partition: ...` lines sorted: the admin client's result map is an
   * immutable map (Collectors.toUnmodifiableMap), its order salted per JVM (three runs, three orders).
   */
  | 'partition-lines'
  /**
   * What moves with the metadata log between two runs (kafka-metadata-quorum.sh, kafka-features.sh):
   * HighWatermark, MaxFollowerLag(TimeMs), the replication table's log end offsets, lags and times,
   * the finalized features' Epoch.
   */
  | 'metadata-offsets'
  /**
   * kafka-broker-api-versions.sh's `[usable: N]` / `[UNUSABLE]`: the highest version of each API that the
   * client running the tool speaks (Java's 4.3.1 client there, ktool's client library here), not the broker's.
   */
  | 'usable-versions'
  /**
   * kafka-configs.sh --describe of broker-loggers: the loggers the broker's log4j configuration names (kafka,
   * state.change.logger, root) and the header; the others are the classes that have logged so far, a registry
   * that grows between two runs (a first share-group or transaction request adds its classes' loggers).
   */
  | 'configured-loggers'
  /**
   * The admin client's TimeoutException for a call whose deadline passed before it got an answer: "Timed
   * out waiting for a node assignment. Call: X" when the deadline finds it waiting for a node, "Call(X, ...)
   * timed out at ... after N attempt(s)" when it finds it backing off between tries. Which one is a
   * matter of timing: Java gave each in CI runs of the same case.
   */
  | 'admin-timeout';

export interface Case {
  /** Arguments after the script (for ktool, after its noun). */
  args: string[];
  /**
   * ktool's arguments when they differ: an alias Kafka 4.3.1 dropped that ktool keeps accepting
   * (`--broker-list`), run against the original's current spelling.
   */
  ktoolArgs?: string[];
  stdin?: string;
  normalize?: Normalizer[];
  /**
   * Known differences, not yet fixed: these fields are compared the other way round (the test fails
   * once they match, so the entry and README's table are updated), the rest as usual.
   */
  differs?: { fields: ('stdout' | 'stderr' | 'code')[]; why: string };
  /**
   * Native ktool commands run on both sides' names once the last case of the run is done (not right after
   * this one: a later case that changes the same names changes what they read): their output must match (cluster
   * state); ['kcat', '{t}'] / ['kcat-json', '{t}'] is the topic's records as kcat reads them.
   */
  state?: string[][];
}

export interface Script {
  script: string;
  /** Every option of the original's --help (Kafka 4.3.1), for README's coverage table. */
  helpFlags: string[];
  mainClass: string;
  /** The reference tool: Kafka's class (mainClass) by default, or kcat 1.7 (`kcat ARGS`, mainClass unused). */
  reference?: 'kcat';
  /** ktool's words before the arguments. */
  noun: string[];
  /** Native ktool commands run for both sides before the cases (topics, records, groups); `mayFail`: a failure is the point. */
  setup: { args: string[]; stdin?: string; mayFail?: true }[];
  cases: Case[];
  /**
   * The shared three-node cluster (KTOOL_TEST_BOOTSTRAP_3) instead of the one-node one; or the SASL
   * listener of the SASL cluster (KTOOL_TEST_SASL_BOOTSTRAP, delegation tokens on); or that cluster's PLAINTEXT
   * listener (KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP: an authorizer, ANONYMOUS a super user).
   */
  cluster?: 'three' | 'sasl' | 'sasl-plaintext';
  /**
   * Native ktool commands run per side before the cases (after `--json`): `field` of their JSON
   * answers the cases' `{capture:name}`; `visible`: polled until its output names that field's value.
   */
  captures?: { name: string; args: string[]; field: string; visible?: { args: string[]; field: string } }[];
  /** Files the cases name as `@name` (plans, topic lists), written for each side with its names. */
  files?: Record<string, string>;
  /**
   * Native ktool commands run after the cases and their state: once, with the first side's names and files, or for
   * each side when the step names a side's own `{x}` (what the cases left for their state to read).
   */
  cleanup?: string[][];
}

/**
 * How each original answers `--help` alone, where it is not jopt-simple's (its option table on
 * stderr, exit 1: CommandLineUtils.printUsageAndExit): argparse4j's tools print theirs on stdout,
 * kafka-transactions.sh and kafka-producer-perf-test.sh then exit 1, the other two 0.
 */
const HELP_OF: Record<string, { fields: ('stdout' | 'stderr' | 'code')[]; original: string }> = {
  'kafka-transactions.sh': { fields: ['stdout', 'code'], original: 'prints its argparse4j usage on stdout and exits 1' },
  'kafka-producer-perf-test.sh': { fields: ['stdout', 'code'], original: 'prints its argparse4j usage on stdout and exits 1' },
  'kafka-metadata-quorum.sh': { fields: ['stdout'], original: 'prints its argparse4j usage on stdout, exit 0 as ktool' },
  'kafka-features.sh': { fields: ['stdout'], original: 'prints its argparse4j usage on stdout, exit 0 as ktool' },
  // EndToEndLatency reads a line without --bootstrap-server/--topic/... as its positional form.
  'kafka-e2e-latency.sh': {
    fields: ['stdout', 'stderr', 'code'],
    original: 'takes `--help` alone for its positional form: "Invalid number of arguments", exit 1',
  },
};

/**
 * Every script's `--version` and `--help` alone, one rule for all (a script's table may have its
 * own). `--version` where the original's --help lists it: the Kafka version the spelling follows,
 * byte for byte (src/dropin/version.ts). `--help` is ktool's own help, on stdout, exit 0, in both
 * spellings (`ktool topics --help` is both): the output is known to differ, and why is said here.
 */
function withMetaCases(script: Script): Script {
  if (script.reference === 'kcat') return script;
  const has = (flag: string) => script.cases.some((c) => c.args.length === 1 && c.args[0] === flag);
  const extra: Case[] = [];
  if (script.helpFlags.includes('version') && !has('--version')) extra.push({ args: ['--version'] });
  if (!has('--help')) {
    const help = HELP_OF[script.script] ?? {
      fields: ['stdout', 'stderr', 'code'],
      original: 'prints its option table on stderr and exits 1',
    };
    extra.push({
      args: ['--help'],
      differs: { fields: help.fields, why: `ktool's own help on stdout, exit 0; the original ${help.original}` },
    });
  }
  return extra.length ? { ...script, cases: [...script.cases, ...extra] } : script;
}

export const SCRIPTS: readonly Script[] = [
  TOPICS,
  PRODUCER,
  CONSUMER,
  OFFSETS,
  CONFIGS,
  GROUPS,
  DUMP_LOG,
  REASSIGN,
  ELECT,
  TRANSACTIONS,
  PRODUCER_PERF,
  CONSUMER_PERF,
  E2E_LATENCY,
  TOKENS,
  DELETE_RECORDS,
  LOG_DIRS,
  API_VERSIONS,
  ACLS,
  KCAT_PRODUCE,
  KCAT_CONSUME,
  METADATA_QUORUM,
  FEATURES,
  SHARE_GROUPS,
  CONSOLE_SHARE_CONSUMER,
].map(withMetaCases);
