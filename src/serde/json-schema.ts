/**
 * JSON Schema: the payload is the JSON text. As Confluent's JSONSerializer, a value is validated
 * against the schema before it is sent (Ajv: draft-07 and -06, 2019-09, 2020-12; draft-04 through
 * ajv-draft-04); formats are not checked (Python's jsonschema does not by default either). Consume
 * does not validate: decoding is presentation, a record is never refused. Referenced schemas ($ref
 * to another subject) are added under their reference names.
 */
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft4 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';
import type { Decoded, SchemaCodec, SchemaSource } from './codec-types.js';
import { exactInteger, FieldError, isRawJson, parseJsonExact, segment, shown } from './field-error.js';

interface Validator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}
interface AjvLike {
  addSchema(schema: object, key: string): unknown;
  compile(schema: object): Validator;
}
type AjvClass = new (options: object) => AjvLike;

function ajvFor(schema: unknown): AjvLike {
  const draft = typeof schema === 'object' && schema !== null ? String((schema as { $schema?: unknown }).$schema ?? '') : '';
  const options = { strict: false, validateFormats: false, allErrors: false };
  const Class: AjvClass = draft.includes('2020-12')
    ? (Ajv2020 as unknown as AjvClass)
    : draft.includes('2019-09')
      ? (Ajv2019 as unknown as AjvClass)
      : draft.includes('draft-04')
        ? (AjvDraft4 as unknown as AjvClass)
        : (Ajv as unknown as AjvClass);
  return new Class(options);
}

/** "/items/2/price" -> ".items[2].price" */
function pathOf(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : segment(p)))
    .join('');
}

/** The instance at a JSON pointer of the validated value (for the "got ..." of a type error). */
function at(root: unknown, pointer: string): unknown {
  let v = root;
  for (const p of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/** The first error as a FieldError: `.items[2].price: expected number, got "abc"` for a type error, else ajv's words. */
function describe(e: ErrorObject, root: unknown): FieldError {
  if (e.keyword === 'type') {
    const type = (e.params as { type?: string | string[] }).type;
    const expected = Array.isArray(type) ? type.join(' or ') : String(type);
    return new FieldError(`expected ${expected}, got ${shown(at(root, e.instancePath))}`, pathOf(e.instancePath));
  }
  const extra =
    e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
  const allowed =
    e.keyword === 'enum' ? `: ${(e.params as { allowedValues?: unknown[] }).allowedValues?.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return new FieldError(`${e.message ?? 'does not match the schema'}${extra}${allowed}`, pathOf(e.instancePath));
}

const bigintsAsNumbers = (_k: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : isRawJson(v) ? Number(v.rawJSON) : v);
const bigintsExact = (_k: string, v: unknown) => (typeof v === 'bigint' ? exactInteger(v) : v);

function text(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, bigintsExact);
  }
}

export function jsonSchemaCodec(source: SchemaSource): SchemaCodec {
  const schema = JSON.parse(source.schema) as unknown;
  const ajv = ajvFor(schema);
  for (const ref of source.references) ajv.addSchema(JSON.parse(ref.schema) as object, ref.name);
  const validate = ajv.compile(schema as object);
  return {
    format: 'json-schema',
    encode(value: unknown): Buffer {
      const json = text(value);
      const checked = json.includes('n') && /\d{16}/.test(json) ? JSON.parse(JSON.stringify(value, bigintsAsNumbers)) : value;
      if (!validate(checked)) throw describe(validate.errors![0], checked);
      return Buffer.from(json, 'utf8');
    },
    decode(payload: Buffer): Decoded {
      const raw = payload.toString('utf8');
      const parsed = parseJsonExact(raw);
      const value = /\d{16}/.test(raw) ? exactJson(parsed) : parsed;
      return { value, exact: text(value) === raw };
    },
  };
}

/** Integers past 2^53 as exact JSON integers (JSON.stringify prints them as they were). */
function exactJson(v: unknown): unknown {
  if (typeof v === 'bigint') return exactInteger(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = exactJson(v[i]);
    return v;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = exactJson(o[k]);
  }
  return v;
}
