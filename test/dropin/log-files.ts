/**
 * Files of the test broker's log directory, for kafka-dump-log.sh cases: both sides must read the
 * same files, so the arguments name them by topic (a shared `{=x}` one), partition and file name.
 *   {log:=x:0:00000000000000000000.log}   the file of partition 0 of {=x} (a `*` in the name: the first match)
 *   {offsets:=g}  {txnlog:=id}            segment 0 of the __consumer_offsets / __transaction_state partition of a group / transactional id
 *   {sharestate:=g:=t:0}                  segment 0 of the __share_group_state partition of share group =g's partition 0 of =t
 *   {size:...}                            the size of that file when the case starts: --max-bytes for a file the broker
 *                                         still appends to (other tests' commits), so both sides read the same bytes
 * The log directory is found from the port of KTOOL_TEST_BOOTSTRAP among ktool's local clusters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { javaStringHash } from '../../src/dropin/java-hash-order.js';

let dir: string | undefined;

export function brokerLogDir(bootstrap: string): string {
  if (dir) return dir;
  const port = bootstrap.split(',')[0].split(':').pop();
  const clusters = join(process.env.XDG_CACHE_HOME || join(process.env.HOME || homedir(), '.cache'), 'ktool', 'clusters');
  for (const name of readdirSync(clusters)) {
    for (const node of ['node-1']) {
      let props: string;
      try {
        props = readFileSync(join(clusters, name, node, 'server.properties'), 'utf8');
      } catch {
        continue;
      }
      if (!new RegExp(`^listeners=.*:${port}(,|$)`, 'm').test(props)) continue;
      return (dir = /^log\.dirs=(.*)$/m.exec(props)![1].split(',')[0]);
    }
  }
  throw new Error(`no ktool local cluster listens on ${bootstrap}: kafka-dump-log.sh cases need its log directory`);
}

/** Kafka's partition of a coordinator key: Utils.abs(hashCode) % 50 (Integer.MIN_VALUE's is 0). */
function coordinatorPartition(key: string): number {
  const h = javaStringHash(key);
  return h === -2147483648 ? 0 : Math.abs(h) % 50;
}

/** A partition's topic id, from the partition.metadata file next to its segments. */
function topicId(logDir: string, topic: string, partition: string): string {
  const text = readFileSync(join(logDir, `${topic}-${partition}`, 'partition.metadata'), 'utf8');
  return /^topic_id: (\S+)$/m.exec(text)![1];
}

function fileOf(spec: string, logDir: string): string {
  const [kind, name, partition, file] = spec.split(':');
  if (kind === 'offsets') return join(logDir, `__consumer_offsets-${coordinatorPartition(name)}`, '00000000000000000000.log');
  if (kind === 'txnlog') return join(logDir, `__transaction_state-${coordinatorPartition(name)}`, '00000000000000000000.log');
  if (kind === 'sharestate') {
    // The share coordinator's key: SharePartitionKey.asCoordinatorKey(), group:topicId:partition.
    const key = `${name}:${topicId(logDir, partition, file)}:${file}`;
    return join(logDir, `__share_group_state-${coordinatorPartition(key)}`, '00000000000000000000.log');
  }
  const partDir = join(logDir, `${name}-${partition}`);
  if (!file.includes('*')) return join(partDir, file);
  const re = new RegExp(`^${file.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  const match = readdirSync(partDir)
    .filter((f) => re.test(f))
    .sort()[0];
  if (!match) throw new Error(`no ${file} in ${partDir}`);
  return join(partDir, match);
}

const sizes = new Map<string, number>();

/** An argument with `{log:...}`, `{offsets:...}`, `{txnlog:...}`, `{sharestate:...}` or `{size:...}` resolved (the side's names). */
export function resolveLogFileArg(arg: string, logDir: () => string): string {
  return arg.replace(/\{(size:)?((?:log|offsets|txnlog|sharestate):[^}]*)\}/g, (_, size: string | undefined, spec: string) => {
    const path = fileOf(spec, logDir());
    if (!size) return path;
    if (!sizes.has(path)) sizes.set(path, statSync(path).size);
    return String(sizes.get(path));
  });
}
