/**
 * Kafka's AbstractApiMessageSerde.read() (MetadataRecordSerde for __cluster_metadata,
 * RemoteLogMetadataSerde for __remote_log_metadata): frame version 1, api key and version as unsigned
 * varints (Java ints, at most 5 bytes), then the message, read as the generated read() does, and nothing
 * after it. What does not read throws a JavaError with the words of Kafka 4.3.1's exception.
 */
import { readMessage, type MessageDef } from './message-codec.js';
import type { JObject } from './message-json.js';
import { Reader } from './message-reader.js';

/** An error whose message is what Java's exception says (printed after "Error at ..., skipping. "). */
export class JavaError extends Error {}

export interface ApiMessageAndVersion {
  def: MessageDef;
  apiKey: number;
  version: number;
  data: JObject;
}

/** AbstractApiMessageSerde.unsignedIntToShort. */
function headerShort(r: Reader, what: string): number {
  let value: number;
  try {
    value = r.javaUvarint();
  } catch {
    throw new JavaError(`Error while reading ${what}`);
  }
  if (value > 32767) throw new JavaError(`Value for ${what} was too large.`);
  return (value << 16) >> 16;
}

/** The record in `value`, by the definitions of one serde (those with its api keys). */
export function readApiMessageAndVersion(value: Buffer, defs: readonly MessageDef[]): ApiMessageAndVersion {
  const r = new Reader(value);
  const frame = headerShort(r, 'frame version');
  if (frame === 0)
    throw new JavaError(
      'Could not deserialize metadata record with frame version 0. Note that upgrades from the preview release of KRaft ' +
        'in 2.8 to newer versions are not supported.',
    );
  if (frame !== 1)
    throw new JavaError(`Could not deserialize metadata record due to unknown frame version ${frame}(only frame version 1 is supported)`);
  const apiKey = headerShort(r, 'type');
  const version = headerShort(r, 'version');
  const def = defs.find((d) => d.apiKey === apiKey);
  // MetadataRecordType.fromId's exception, wrapped: its toString().
  if (!def) throw new JavaError(`org.apache.kafka.common.errors.UnsupportedVersionException: Unknown metadata id ${apiKey}`);
  let data: JObject;
  try {
    // The version as it is: the generated read() takes any (api-message fields by the conditions it was written with).
    data = readMessage(def, version, r, { strict: true });
  } catch {
    throw new JavaError(`Failed to deserialize record with type ${apiKey}`);
  }
  if (r.pos < value.length) throw new JavaError(`Found ${value.length - r.pos} byte(s) of garbage after ${apiKey}`);
  return { def, apiKey, version, data };
}
