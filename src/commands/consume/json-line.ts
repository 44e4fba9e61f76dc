import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { headersToJson, toEnvelope } from '../../serde/envelope.js';
import { isUtf8 } from '../../serde/serde.js';
import type { RecordFormatter } from './format.js';

/**
 * `consume --json` with text values: the envelope line written straight from the record, the same
 * bytes as JSON.stringify(toEnvelope(r)) without building the object (a million records a run
 * make that garbage the largest cost). Binary keys or values take the general path.
 */
export function jsonLineFormatter(): RecordFormatter {
  const prefixes = new Map<string, string>();
  return (r: ConsumedRecord, out) => {
    const { key, value } = r;
    if ((key && !isUtf8(key)) || (value && !isUtf8(value))) {
      out.put(JSON.stringify(toEnvelope(r)) + '\n');
      return;
    }
    let prefix = prefixes.get(r.topic);
    if (prefix === undefined) prefixes.set(r.topic, (prefix = `{"topic":${JSON.stringify(r.topic)},"partition":`));
    const k = key === null ? 'null' : JSON.stringify(key.toString('utf8'));
    const v = value === null ? 'null' : JSON.stringify(value.toString('utf8'));
    const h = r.headers.length === 0 ? '{}' : JSON.stringify(headersToJson(r.headers));
    out.put(`${prefix}${r.partition},"offset":${r.offset},"timestamp":${r.timestamp},"timestampType":"${r.timestampType}","key":${k},"value":${v},"headers":${h}}\n`);
  };
}
