/**
 * How record keys and values are printed with --print-data-log: kafka-dump-log.sh's message parsers.
 * The default decodes UTF-8 (StringDecoder); the coordinator decoders (--offsets-decoder,
 * --transaction-log-decoder, --share-group-state-decoder) and --cluster-metadata-decoder print the
 * records as Kafka's JSON converters do, from the message definitions in message-schemas.json;
 * --remote-log-metadata-decoder prints Kafka's objects' toString() (remote-log-metadata.ts).
 */
import { JavaError, readApiMessageAndVersion } from './api-message-serde.js';
import { readMessage, type MessageDef } from './message-codec.js';
import { jsonText, type JObject } from './message-json.js';
import { Reader } from './message-reader.js';
import { remoteLogMetadataParser } from './remote-log-metadata.js';
import definitions from './message-schemas.json' with { type: 'json' };

export interface ParsedRecord {
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
}

/** What a parser gives: the key and the payload as printed, each absent when not printed. */
export interface Parsed {
  key?: string;
  value?: string;
}

export type MessageParser = (record: ParsedRecord) => Parsed;

export type DecoderName = 'string' | 'integer' | 'long';

function decode(name: DecoderName, bytes: Buffer): string {
  if (name === 'string') return bytes.toString('utf8');
  // Java reads the first 4 or 8 bytes big-endian (BufferUnderflowException when fewer).
  if (name === 'integer') {
    if (bytes.length < 4) throw new RangeError('java.nio.BufferUnderflowException');
    return String(bytes.readInt32BE(0));
  }
  if (bytes.length < 8) throw new RangeError('java.nio.BufferUnderflowException');
  return bytes.readBigInt64BE(0).toString();
}

export function decoderParser(keyDecoder: DecoderName, valueDecoder: DecoderName): MessageParser {
  return (r) => ({
    key: r.key === null ? undefined : decode(keyDecoder, r.key),
    value: r.value === null ? undefined : decode(valueDecoder, r.value),
  });
}

export type Source = 'group' | 'transaction' | 'share' | 'metadata' | 'client' | 'remote';
type Def = MessageDef & { source: Source };
const DEFS = (definitions as unknown as { schemas: Def[] }).schemas;

export function definition(source: Source, name: string): MessageDef {
  const def = DEFS.find((d) => d.source === source && d.name === name);
  if (!def) throw new Error(`no message definition ${name}`);
  return def;
}

function byApiKey(source: Source, type: string, apiKey: number): MessageDef | undefined {
  return DEFS.find((d) => d.source === source && d.type === type && d.apiKey === apiKey);
}

/** The version a definition takes, or an error as Kafka's serde gives (a record written by a newer Kafka). */
function checkVersion(def: MessageDef, version: number): void {
  const [low, high] = def.validVersions.split('-').map(Number);
  if (version < low || version > (high ?? low)) throw new Error(`Unknown version ${version} of ${def.name}`);
}

class UnknownRecordType extends Error {
  constructor(readonly type: number) {
    super(`unknown record type ${type}`);
  }
}

/** GroupMetadataValue of a "consumer" group: members' subscription and assignment decoded in place, as Kafka's tool does. */
function consumerProtocol(data: JObject): JObject {
  if (data.protocolType !== 'consumer' || !Array.isArray(data.members)) return data;
  for (const member of data.members as JObject[]) {
    for (const [field, name] of [
      ['subscription', 'ConsumerProtocolSubscription'],
      ['assignment', 'ConsumerProtocolAssignment'],
    ] as const) {
      const bytes = member[field];
      if (!Buffer.isBuffer(bytes)) continue;
      try {
        const r = new Reader(bytes);
        const version = r.int16();
        const def = definition('client', name);
        checkVersion(def, version);
        member[field] = readMessage(def, version, r);
      } catch {
        // Kafka's tool keeps the bytes when they do not decode.
      }
    }
  }
  return data;
}

/** A coordinator topic's record (__consumer_offsets, __transaction_state, __share_group_state) as JSON key and payload. */
export function coordinatorParser(source: 'group' | 'transaction' | 'share'): MessageParser {
  return (record) => {
    if (record.key === null)
      throw new Error(`Failed to decode message at offset ${record.offset} using the specified decoder (message had a missing key)`);
    try {
      const kr = new Reader(record.key);
      const type = kr.int16();
      const keyDef = byApiKey(source, 'coordinator-key', type);
      const valueDef = byApiKey(source, 'coordinator-value', type);
      if (!keyDef || !valueDef) throw new UnknownRecordType(type);
      const key = jsonText({ type: String(type), data: readMessage(keyDef, 0, kr) });
      if (record.value === null) return { key, value: '<DELETE>' };
      const vr = new Reader(record.value);
      const version = vr.int16();
      checkVersion(valueDef, version);
      let data = readMessage(valueDef, version, vr);
      if (source === 'group' && valueDef.name === 'GroupMetadataValue') data = consumerProtocol(data);
      return { key, value: jsonText({ version: String(version), data }) };
    } catch (e) {
      if (e instanceof UnknownRecordType) return { key: `Unknown record type ${e.type} at offset ${record.offset}, skipping.` };
      return { key: `Error at offset ${record.offset}, skipping. ${(e as Error).message}` };
    }
  };
}

/** __remote_log_metadata records (RemoteLogMetadataSerde), as the Java objects print. */
export const remoteLogMetadataDecoder: MessageParser = remoteLogMetadataParser(DEFS.filter((d) => d.source === 'remote'));

/** RegisterBrokerRecord -> REGISTER_BROKER_RECORD (Kafka's MetadataRecordType names). */
const constantName = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** __cluster_metadata records (MetadataRecordSerde: api-message-serde.ts) as Kafka's JSON, or the original's error line. */
const METADATA_DEFS = DEFS.filter((d) => d.source === 'metadata' && d.type === 'metadata');
export const clusterMetadataParser: MessageParser = (record) => {
  try {
    // A null value reads as no bytes (ByteBufferAccessor's NullPointerException is caught as a failed read).
    const { def, version, data } = readApiMessageAndVersion(record.value ?? Buffer.alloc(0), METADATA_DEFS);
    return { value: jsonText({ type: constantName(def.name), version, data }) };
  } catch (e) {
    if (!(e instanceof JavaError)) throw e;
    return { value: `Error at ${record.offset}, skipping. ${e.message}` };
  }
};

/** A KRaft control record's value (LeaderChange, snapshot header/footer, kraft.version, voters) as its JSON. */
export function controlJson(name: string, value: Buffer): string {
  const def = definition('client', name);
  return jsonText(readMessage(def, 0, new Reader(value)));
}
