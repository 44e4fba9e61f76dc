/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * payload. Protobuf payloads start with the message-index array: the path of the message type in
 * the .proto file (the 2nd top-level message is [1]; its 1st nested message [1, 0]) as a count and
 * the indexes, each a zig-zag varint; the first message ([0]) is written as the single byte 0.
 */

export const MAGIC = 0;
export const HEADER_BYTES = 5;

/** The schema id of a framed record, or undefined when the bytes are not in the wire format. */
export function schemaIdOf(bytes: Buffer | null | undefined): number | undefined {
  if (!bytes || bytes.length < HEADER_BYTES || bytes[0] !== MAGIC) return undefined;
  return bytes.readUInt32BE(1);
}

/** Magic byte, id, then the parts (message indexes, payload) in one buffer. */
export function frame(id: number, payload: Buffer, prefix?: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + (prefix?.length ?? 0) + payload.length);
  out[0] = MAGIC;
  out.writeUInt32BE(id, 1);
  let pos = HEADER_BYTES;
  if (prefix) pos += prefix.copy(out, pos);
  payload.copy(out, pos);
  return out;
}

const ZERO = Buffer.from([0]);

/** The message-index array for a message path, as Confluent's serializers write it. */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return ZERO;
  const bytes: number[] = [];
  const put = (n: number) => {
    let z = n >= 0 ? n * 2 : -n * 2 - 1;
    while (z >= 0x80) {
      bytes.push((z & 0x7f) | 0x80);
      z = Math.floor(z / 128);
    }
    bytes.push(z);
  };
  put(indexes.length);
  for (const i of indexes) put(i);
  return Buffer.from(bytes);
}

/** Reads the message-index array at `pos`: the indexes ([0] for the single 0) and where the message starts. */
export function decodeMessageIndexes(bytes: Buffer, pos: number): { indexes: number[]; next: number } {
  const read = (): number => {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw new RangeError('message indexes run past the end of the record');
      const b = bytes[pos++];
      z += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
      if (scale > 2 ** 35) throw new RangeError('message index varint too long');
    }
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  };
  const count = read();
  if (count === 0) return { indexes: [0], next: pos };
  if (count < 0 || count > 100) throw new RangeError(`bad message-index count ${count}`);
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) indexes.push(read());
  return { indexes, next: pos };
}
