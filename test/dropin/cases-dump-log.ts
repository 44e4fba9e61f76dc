/** The differential harness's cases for kafka-dump-log.sh (the table's types: cases.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Script } from './cases.js';

/** Segment files of a shared topic (both sides read the same files): test/dropin/log-files.ts. */
const seg = (topic: string, file: string) => `{log:{=${topic}}:0:${file}}`;
const ZERO = '00000000000000000000';
const DL_LOG = seg('dl', `${ZERO}.log`);
const DL_INDEXES = [seg('dl', `${ZERO}.index`), seg('dl', `${ZERO}.timeindex`), seg('dl', `${ZERO}.txnindex`)];
const ROLLED = [seg('dlr', `${ZERO}.log`), seg('dlr', `${ZERO}.index`), seg('dlr', `${ZERO}.timeindex`)].join(',');
const METADATA_LOG = `{log:__cluster_metadata:0:${ZERO}.log}`;
/**
 * __remote_log_metadata's records, which a broker without tiered storage never writes: values as
 * RemoteLogMetadataSerde serializes each kind (segment metadata, update, partition delete, snapshot) and
 * malformed ones (test/fixtures/dump-log/remote/values.hex), written to a topic of the run's.
 */
const REMOTE_VALUES = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'dump-log', 'remote', 'values.hex'), 'utf8');
const REMOTE_LOG = seg('dlrm', `${ZERO}.log`);
/** The __share_group_state segment holding share group dlsg's state of dlsh-0 (test/dropin/log-files.ts). */
const SHARE_STATE = '{sharestate:{=dlsg}:{=dlsh}:0}';

export const DUMP_LOG: Script = {
  script: 'kafka-dump-log.sh',
  helpFlags: [
    'cluster-metadata-decoder',
    'deep-iteration',
    'files',
    'help',
    'index-sanity-check',
    'key-decoder-class',
    'max-bytes',
    'max-message-size',
    'offsets-decoder',
    'print-data-log',
    'remote-log-metadata-decoder',
    'share-group-state-decoder',
    'skip-record-metadata',
    'transaction-log-decoder',
    'value-decoder-class',
    'verify-index-only',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.DumpLogSegments',
  noun: ['dump-log'],
  setup: [
    { args: ['topics', 'create', '{=dl}'] },
    { args: ['produce', '{=dl}', '-K', ':', '-H', 'h1=x', '-H', 'h2=y'], stdin: 'k1:v1\nk2:v2\n' },
    { args: ['produce', '{=dl}'], stdin: 'no key\n' },
    { args: ['produce', '{=dl}', '-K', ':', '--null-marker', 'NULL'], stdin: 'gone:NULL\n' },
    ...['gzip', 'snappy', 'lz4', 'zstd'].map((c) => ({
      args: ['produce', '{=dl}', '--compression', c],
      stdin: `a-${c}\nb-${c}\nc-${c}\n`,
    })),
    { args: ['produce', '{=dl}', '--transactional-id', '{=dltx}'], stdin: 't1\nt2\n' },
    // A bad second line aborts the transaction after its first record was written: an abort marker.
    { args: ['produce', '{=dl}', '--input', 'json', '--transactional-id', '{=dltx}'], stdin: '{"value":"x"}\nnot json\n', mayFail: true },
    { args: ['consume', '{=dl}', '-g', '{=dlg}', '-e'] },
    // 1.1 MB into 1 MiB segments: a rolled segment (trimmed indexes) and a producer snapshot.
    { args: ['topics', 'create', '{=dlr}', '-c', 'segment.bytes=1048576'] },
    { args: ['produce', '{=dlr}'], stdin: `${'x'.repeat(1000)}\n`.repeat(1100) },
    { args: ['topics', 'create', '{=dlrm}'] },
    { args: ['produce', '{=dlrm}', '--value-encoding', 'hex'], stdin: REMOTE_VALUES },
    // A null value (the original's NullPointerException text) and an empty one.
    { args: ['produce', '{=dlrm}', '-K', ':', '--null-marker', 'NULL', '--value-encoding', 'hex'], stdin: 'k:NULL\nk2:\n' },
    // Share-group state: a share group reading a topic of the run's from the start, each record acknowledged.
    { args: ['topics', 'create', '{=dlsh}'] },
    { args: ['produce', '{=dlsh}'], stdin: 's1\ns2\ns3\n' },
    {
      args: ['configs', 'alter', '--entity-type', 'groups', '--entity-name', '{=dlsg}', '--add-config', 'share.auto.offset.reset=earliest'],
    },
    { args: ['consume', '{=dlsh}', '--share-group', '{=dlsg}', '-n', '3', '--timeout-ms', '30000'] },
  ],
  cases: [
    { args: ['--files', DL_LOG] },
    { args: ['--files', DL_LOG, '--print-data-log'] },
    { args: ['--files', DL_LOG, '--deep-iteration'] },
    { args: ['--files', DL_LOG, '--print-data-log', '--skip-record-metadata'] },
    { args: ['--files', DL_LOG, '--deep-iteration', '--max-bytes', '300'] },
    {
      args: [
        ...['--files', DL_LOG, '--key-decoder-class', 'org.apache.kafka.tools.api.StringDecoder'],
        ...['--value-decoder-class', 'org.apache.kafka.tools.api.StringDecoder'],
      ],
    },
    // The active segment's preallocated indexes: the original's mismatches on stderr.
    { args: ['--files', [DL_LOG, ...DL_INDEXES].join(','), '--print-data-log'] },
    { args: ['--files', ROLLED, '--deep-iteration'] },
    { args: ['--files', ROLLED, '--verify-index-only'] },
    { args: ['--files', ROLLED, '--index-sanity-check'] },
    { args: ['--files', ROLLED, '--verify-index-only', '--max-message-size', '2000000'] },
    { args: ['--files', seg('dlr', '*.snapshot')] },
    { args: ['--files', seg('dl', 'partition.metadata')] },
    // Coordinator logs other tests append to: read up to their size when the case starts.
    { args: ['--files', '{offsets:{=dlg}}', '--offsets-decoder', '--max-bytes', '{size:offsets:{=dlg}}'], normalize: ['both-sides'] },
    { args: ['--files', '{txnlog:{=dltx}}', '--transaction-log-decoder', '--max-bytes', '{size:txnlog:{=dltx}}'] },
    { args: ['--files', METADATA_LOG, '--cluster-metadata-decoder', '--max-bytes', '65536'] },
    { args: ['--files', METADATA_LOG, '--deep-iteration', '--max-bytes', '65536'] },
    { args: ['--files', REMOTE_LOG, '--remote-log-metadata-decoder'] },
    { args: ['--files', REMOTE_LOG, '--remote-log-metadata-decoder', '--skip-record-metadata'] },
    // The decoders are the original's choice in its order: --offsets-decoder wins over --remote-log-metadata-decoder.
    { args: ['--files', REMOTE_LOG, '--remote-log-metadata-decoder', '--offsets-decoder'] },
    // The share coordinator's log, other share groups' state in it too (both sides' names put back): up to its size at the start.
    {
      args: ['--files', SHARE_STATE, '--share-group-state-decoder', '--max-bytes', `{size:${SHARE_STATE.slice(1, -1)}}`],
      normalize: ['both-sides'],
    },
  ],
};
