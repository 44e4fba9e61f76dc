/** A schema's encoder and decoder (type-only: importing it loads no library). */

export const TYPED_FORMATS = ['avro', 'protobuf', 'json-schema'] as const;
export type TypedFormat = (typeof TYPED_FORMATS)[number];

export interface Decoded {
  /** The value as JSON (Avro JSON encoding, Protobuf's JSON mapping, the JSON document). */
  value: unknown;
  /** Re-encoding `value` gives these bytes back (so an envelope without the bytes is lossless). */
  exact: boolean;
}

export interface SchemaCodec {
  readonly format: TypedFormat;
  /** Typed JSON -> the bytes after the 5-byte header (Protobuf: message indexes, then the message). Throws FieldError. */
  encode(value: unknown): Buffer;
  /** The bytes after the 5-byte header -> JSON. Throws when they do not decode. */
  decode(payload: Buffer): Decoded;
}

/** A schema's text and the texts it references (dependencies first), by reference name. */
export interface SchemaSource {
  schema: string;
  references: { name: string; schema: string }[];
}

export const FORMAT_OF_TYPE = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json-schema' } as const;
export const TYPE_OF_FORMAT = { avro: 'AVRO', protobuf: 'PROTOBUF', 'json-schema': 'JSON' } as const;
