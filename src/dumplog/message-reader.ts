/** Reads a Kafka message's bytes: big-endian integers, unsigned varints, byte runs, each checked against the end. */
export class Reader {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
  ) {}
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new RangeError(`message ends at ${this.buf.length}, needs ${this.pos + n} bytes`);
  }
  int8(): number {
    this.need(1);
    return this.buf.readInt8(this.pos++);
  }
  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  uint16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  uint32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  int64(): bigint {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  float64(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }
  uvarint(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      this.need(1);
      byte = this.buf[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }
  /** Java's ByteUtils.readUnsignedVarint: at most 5 bytes, int arithmetic (a fifth byte can wrap it, even negative). */
  javaUvarint(): number {
    let result = 0;
    for (let i = 0; i < 4; i++) {
      const b = this.int8();
      if (b >= 0) return result | (b << (7 * i));
      result |= (b & 0x7f) << (7 * i);
    }
    const b = this.int8();
    if (b < 0) throw new RangeError('varint longer than 5 bytes');
    return result | (b << 28);
  }
  bytes(n: number): Buffer {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
