#!/usr/bin/env node
/**
 * Writes src/dumplog/message-schemas.json: the message definitions ktool dump-log decodes records
 * with (--offsets-decoder, --transaction-log-decoder, --share-group-state-decoder,
 * --cluster-metadata-decoder, --remote-log-metadata-decoder, the KRaft control records), taken from the JSON definitions Kafka's
 * jars carry (Apache License 2.0), with their "about" texts and comments left out; `source` says which
 * decoder a definition belongs to (group, transaction, share, metadata, client, remote).
 * Usage: KTOOL_TEST_KAFKA_LIBS=~/.cache/ktool/kafka/4.3.1/libs node scripts/gen-message-schemas.mjs
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const libs = process.env.KTOOL_TEST_KAFKA_LIBS;
if (!libs) throw new Error('KTOOL_TEST_KAFKA_LIBS is not set');
const jar = (prefix) =>
  join(
    libs,
    readdirSync(libs).find((f) => f.startsWith(prefix) && /-\d[\d.]*\.jar$/.test(f)),
  );
const CLIENT_MESSAGES = [
  'LeaderChangeMessage',
  'SnapshotHeaderRecord',
  'SnapshotFooterRecord',
  'KRaftVersionRecord',
  'VotersRecord',
  'ConsumerProtocolSubscription',
  'ConsumerProtocolAssignment',
];
const SOURCES = [
  ['group', 'kafka-group-coordinator-', 'common/message/*.json', () => true],
  ['transaction', 'kafka-transaction-coordinator-', 'common/message/*.json', () => true],
  ['share', 'kafka-share-coordinator-', 'common/message/*.json', () => true],
  ['metadata', 'kafka-metadata-', 'common/metadata/*.json', () => true],
  ['client', 'kafka-clients-', 'common/message/*.json', (name) => CLIENT_MESSAGES.includes(name)],
  ['remote', 'kafka-storage-', 'message/Remote*.json', () => true],
];

function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (['about', 'ignorable', 'entityType', 'mapKey', 'zeroCopy', 'latestVersionUnstable'].includes(k)) continue;
    out[k] = strip(v);
  }
  return out;
}

const schemas = [];
for (const [source, prefix, pattern, keep] of SOURCES) {
  const file = jar(prefix);
  const names = execFileSync('unzip', ['-Z1', file, pattern], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const name of names.sort()) {
    const text = execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
    const schema = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
    if (keep(schema.name)) schemas.push({ source, ...strip(schema) });
  }
}
const version = readdirSync(libs)
  .find((f) => f.startsWith('kafka-clients-'))
  .replace(/^kafka-clients-|\.jar$/g, '');
const out = join(import.meta.dirname, '..', 'src', 'dumplog', 'message-schemas.json');
writeFileSync(out, JSON.stringify({ kafka: version, schemas }) + '\n');
console.log(`${out}: ${schemas.length} message definitions from Kafka ${version}`);
