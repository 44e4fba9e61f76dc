/**
 * What the codecs need from a Schema Registry (Confluent's REST API; Apicurio's /apis/ccompat/v7).
 * Type-only: importing it loads nothing. The registry client (src/schema-registry/) satisfies it.
 */

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A reference of a schema to another subject's version (an Avro named type, a Protobuf import, a JSON $ref). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** A schema as the registry returns it; schemaType is absent for Avro, as in Confluent's answers. */
export interface RegistrySchema {
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

/** A subject's version: the schema and its id. */
export interface SubjectVersion extends RegistrySchema {
  subject: string;
  version: number;
  id: number;
}

export interface SchemaLookup {
  /** GET /schemas/ids/{id}; throws SchemaNotFoundError (exit 3) for an unknown id. */
  getSchemaById(id: number): Promise<RegistrySchema>;
  /** GET /subjects/{subject}/versions/{version}. */
  getSubjectVersion(subject: string, version: number | 'latest'): Promise<SubjectVersion>;
  /** POST /subjects/{subject}: the version and id of this schema under the subject. */
  lookupSchema(subject: string, schema: RegistrySchema): Promise<SubjectVersion>;
  /** POST /subjects/{subject}/versions: the id (the existing one when already registered). */
  register(subject: string, schema: RegistrySchema): Promise<{ id: number }>;
}
