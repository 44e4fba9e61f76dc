import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { headersToJson, toEnvelope } from '../../serde/envelope.js';
import { isUtf8 } from '../../serde/serde.js';
import type { RecordFormatter } from './format.js';

const QUOTE = Buffer.from('"');
const NULL = Buffer.from('null');
const VALUE_AFTER_KEY = Buffer.from('","value":');
const VALUE = Buffer.from(',"value":');
const NO_HEADERS_END = Buffer.from(',"headers":{}}\n');

/** True when the bytes are a JSON string's content as they are: UTF-8 with no quote, backslash or control character. */
function plainJsonText(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
  }
  return isUtf8(b);
}

/**
 * `consume --json` with text values: the envelope line written straight from the record, the same
 * bytes as JSON.stringify(toEnvelope(r)) without building the object (a million records a run
 * make that garbage the largest cost). Keys and values that need no escaping are copied as bytes,
 * not decoded into strings; binary keys or values take the general path.
 */
export function jsonLineFormatter(): RecordFormatter {
  const prefixes = new Map<string, string>();
  // Records of a batch mostly share their timestamp: its digits once, not once per record.
  let lastTimestamp = -1;
  let timestampText = '';
  return (r: ConsumedRecord, out) => {
    const { key, value } = r;
    const plainKey = key === null || plainJsonText(key);
    const plainValue = value === null || plainJsonText(value);
    if ((!plainKey && !isUtf8(key!)) || (!plainValue && !isUtf8(value!))) {
      out.put(JSON.stringify(toEnvelope(r)) + '\n');
      return;
    }
    let prefix = prefixes.get(r.topic);
    if (prefix === undefined) prefixes.set(r.topic, (prefix = `{"topic":${JSON.stringify(r.topic)},"partition":`));
    if (r.timestamp !== lastTimestamp) timestampText = String((lastTimestamp = r.timestamp));
    const head = `${prefix}${r.partition},"offset":${r.offset},"timestamp":${timestampText},"timestampType":"${r.timestampType}","key":`;
    if (key === null) {
      out.put(head + 'null');
      out.put(VALUE);
    } else if (plainKey) {
      out.put(head + '"');
      out.put(key);
      out.put(VALUE_AFTER_KEY);
    } else out.put(`${head}${JSON.stringify(key.toString('utf8'))},"value":`);
    if (value === null) out.put(NULL);
    else if (plainValue) {
      out.put(QUOTE);
      out.put(value);
      out.put(QUOTE);
    } else out.put(JSON.stringify(value.toString('utf8')));
    if (r.headers.length === 0) out.put(NO_HEADERS_END);
    else out.put(`,"headers":${JSON.stringify(headersToJson(r.headers))}}\n`);
  };
}
