/**
 * The differential harness's cases for kcat's spellings (issue 14): each invocation runs as
 * `kcat ARGS` (kcat 1.7.1, the Debian package) and as `ktool consume|produce ARGS` against the same
 * broker, each side on its own topics. The consumer's fixture is written with fixed timestamps
 * (-o s@TS / e@TS, -J's ts), so both sides' topics hold the same records. helpFlags are the
 * consumer's or producer's flags of `kcat -h` that ktool claims (README's kcat list).
 */
import type { Script } from './cases.js';

const B = 'B';
const T0 = 1_700_000_000_000;

/** One record per line as `produce --input json` takes it, timestamps T0 + i seconds. */
const records = (list: { key: string | null; value: string | null; headers?: Record<string, string> }[]) =>
  list.map((r, i) => JSON.stringify({ ...r, timestamp: T0 + i * 1000 })).join('\n') + '\n';

const FIXTURE = records([
  { key: 'k1', value: 'v1', headers: { h1: 'x', h2: 'y' } },
  { key: '', value: 'empty key' },
  { key: null, value: 'null key' },
  { key: 'k4', value: '' },
  { key: 'k5', value: null },
  { key: 'k6', value: 'tab\there "quoted" back\\slash \u0001 ctl \u00e9 \u00fcn\u00efcode \u{1F600}' },
  { key: 'k7', value: 'v7' },
]);

const KEYED = Array.from({ length: 12 }, (_, i) => `key-${i}:value ${i}`).join('\n') + '\n';
/** KEYED with fixed timestamps (placed by the key's murmur2 hash, the same on both sides). */
const KEYED_RECORDS = records(Array.from({ length: 12 }, (_, i) => ({ key: `key-${i}`, value: `value ${i}` })));

const C = (topic: string, ...rest: string[]) => ['-C', '-b', B, '-t', topic, ...rest];

export const KCAT_CONSUME: Script = {
  script: 'kcat -C / -G',
  reference: 'kcat',
  mainClass: 'kcat',
  noun: ['consume'],
  helpFlags: ['C', 'G', 't', 'p', 'b', 'D', 'K', 'c', 'X', 'q', 'o', 'e', 'f', 'J', 'Z', 'u'],
  setup: [
    // Kept forever: the fixed timestamps are years old, which the broker's retention would delete.
    { args: ['topics', 'create', '{c1}', '-c', 'retention.ms=-1'] },
    { args: ['produce', '--input', 'json', '{c1}'], stdin: FIXTURE },
    { args: ['topics', 'create', '{c3}', '-p', '3', '-c', 'retention.ms=-1'] },
    { args: ['produce', '--input', 'json', '{c3}'], stdin: KEYED_RECORDS },
  ],
  cases: [
    { args: C('{c1}', '-e') },
    { args: C('{c1}', '-e', '-q') },
    { args: C('{c1}', '-o', 'beginning', '-e', '-q', '-J') },
    { args: C('{c1}', '-e', '-q', '-f', '%t|%p|%o|%k|%s|%S|%K|%h|%T\\n') },
    { args: C('{c1}', '-e', '-q', '-Z', '-f', '[%k] [%s] %h\\n') },
    { args: C('{c1}', '-e', '-q', '-f', '%%%o\\x41\\t\\101%R%s\\r\\n') },
    { args: C('{c1}', '-e', '-q', '-Z', '-K', '\\t', '-D', '\\n--\\n') },
    { args: C('{c1}', '-e', '-q', '-K', '=>', '-D', '\\x1e') },
    { args: C('{c1}', '-q', '-c', '3') },
    { args: C('{c1}', '-q', '-o', '2', '-c', '2', '-J') },
    { args: C('{c1}', '-e', '-q', '-o', '-2') },
    { args: C('{c1}', '-e', '-q', '-o', 'end') },
    { args: C('{c1}', '-e', '-q', '-o', '5', '-u') },
    { args: C('{c1}', '-e', '-q', '-o', `s@${T0 + 2000}`) },
    { args: C('{c1}', '-e', '-q', '-o', `e@${T0 + 3000}`) },
    { args: C('{c1}', '-q', '-o', `s@${T0 + 1000}`, '-o', `e@${T0 + 4500}`, '-f', '%o %T\\n') },
    { args: C('{c1}', '-e', '-q', '-X', 'isolation.level=read_uncommitted', '-X', 'fetch.max.bytes=2000000', '-X', 'client.id=kc') },
    { args: C('{c3}', '-e', '-q', '-p', '1', '-J') },
    { args: C('{c3}', '-e', '-q', '-f', '%p %o %k %s\\n'), normalize: ['sorted-lines'] },
    { args: C('{c3}', '-e', '-J'), normalize: ['sorted-lines'] },
    { args: C('{c3}', '-q', '-o', '-1', '-e', '-K', ':'), normalize: ['sorted-lines'] },
    {
      args: ['-b', B, '-G', '{g1}', '{c3}', '-e', '-q', '-X', 'auto.offset.reset=earliest', '-f', '%p %o %k=%s\\n'],
      normalize: ['sorted-lines'],
      state: [['groups', 'describe', '{g1}', '--offsets', '--json']],
    },
    { args: C('{nope}', '-e', '-q') },
    // The group resumes at its commits: nothing new.
    { args: ['-b', B, '-G', '{g1}', '{c3}', '-o', 'stored', '-e', '-q'] },
  ],
};

export const KCAT_PRODUCE: Script = {
  script: 'kcat -P',
  reference: 'kcat',
  mainClass: 'kcat',
  noun: ['produce'],
  helpFlags: ['P', 't', 'p', 'b', 'D', 'K', 'k', 'H', 'c', 'X', 'q', 'z', 'l', 'T', 'Z'],
  files: { one: 'A', empty: '', lines: 'B\nC\n' },
  setup: [
    { args: ['topics', 'create', '{kp1}', '{kp4}', '{kp5}', '{kp6}', '{kp7}', '{kp8}'] },
    { args: ['topics', 'create', '{kp2}', '{kp3}', '{kp9}', '{kp10}', '{kp11}', '-p', '3'] },
  ],
  cases: [
    { args: ['-P', '-b', B, '-t', '{kp1}'], stdin: 'a\nb\n\nc\r\nlast', state: [['kcat-json', '{kp1}']] },
    // Keys placed by librdkafka's consistent_random partitioner: CRC32 of the key.
    { args: ['-P', '-b', B, '-t', '{kp2}', '-K', ':'], stdin: KEYED, state: [['kcat-json', '{kp2}']] },
    { args: ['-P', '-b', B, '-t', '{kp3}', '-K', ':', '-X', 'partitioner=murmur2_random'], stdin: KEYED, state: [['kcat-json', '{kp3}']] },
    { args: ['-P', '-b', B, '-t', '{kp4}', '-K', ':', '-Z'], stdin: 'e:\n:f\nk:v\nnone\n', state: [['kcat-json', '{kp4}']] },
    { args: ['-P', '-b', B, '-t', '{kp5}', '-D', ';', '-c', '2'], stdin: 'x;y;;z', state: [['kcat-json', '{kp5}']] },
    { args: ['-P', '-b', B, '-t', '{kp6}', '-K', ':', '-T', '-p', '0'], stdin: 'a:1\nb:2\n\nc\n', state: [['kcat-json', '{kp6}']] },
    { args: ['-P', '-b', B, '-t', '{kp7}', '-k', 'fk', '@one', '@empty', '@lines'], state: [['kcat-json', '{kp7}']] },
    { args: ['-P', '-b', B, '-t', '{kp8}', '-l', '@lines', '-H', 'hn', '-H', 'h2=v2'], state: [['kcat-json', '{kp8}']] },
    { args: ['-P', '-b', B, '-t', '{kp9}', '-p', '2', '-z', 'gzip', '-k', 'same'], stdin: 'g1\ng2\n', state: [['kcat-json', '{kp9}']] },
    {
      args: ['-P', '-b', B, '-t', '{kp10}', '-K', ':', '-z', 'zstd', '-X', 'compression.codec=lz4', '-X', 'acks=all', '-q'],
      stdin: KEYED,
      state: [['kcat-json', '{kp10}']],
    },
    {
      args: ['-P', '-b', B, '-t', '{kp11}', '-K', ':', '-X', 'transactional.id={tx1}', '-p', '-1', '-q'],
      stdin: KEYED,
      state: [['kcat-json', '{kp11}']],
    },
  ],
};
