/**
 * Protobuf through protobufjs, which parses the .proto text the registry holds at run time. The
 * JSON is Protobuf's canonical JSON mapping (what Python's MessageToDict and Java's JsonFormat
 * print): lowerCamelCase names (the original names are read too), 64-bit integers as strings,
 * enums by name, bytes as base64, well-known types as their JSON forms (Timestamp as RFC 3339,
 * Duration as "1.5s", wrappers as the plain value, Struct/Value/ListValue as JSON, FieldMask, Empty),
 * default values left out. A schema's imports are its references (parsed into the same root); the
 * google/protobuf/*.proto files come with protobufjs.
 */
import protobuf from 'protobufjs';
import descriptorModule from 'protobufjs/ext/descriptor/index.js';

/** protobufjs's descriptor extension (its typings do not declare what it adds to Root). */
const descriptor = descriptorModule as unknown as { FileDescriptorProto: { decode(bytes: Uint8Array): unknown } };
const RootWithDescriptors = protobuf.Root as unknown as {
  fromDescriptor(set: unknown): protobuf.Root;
};
const toDescriptor = (root: protobuf.Root) =>
  (root as unknown as { toDescriptor(syntax: string): { file: unknown[] } }).toDescriptor('proto3');
import type { Decoded, SchemaCodec, SchemaSource } from './codec-types.js';
import { ProtoJson } from './protobuf-json.js';
import { decodeMessageIndexes, encodeMessageIndexes } from './wire.js';

type Type = protobuf.Type;

const WELL_KNOWN = /^google\/protobuf\/[a-z_]+\.proto$/;

/** The messages of one file in declaration order, with their Confluent message-index paths. */
function messagePaths(text: string): Map<string, number[]> {
  const parsed = protobuf.parse(text, new protobuf.Root(), { keepCase: true });
  const paths = new Map<string, number[]>();
  const walk = (ns: protobuf.NamespaceBase, prefix: number[]) => {
    let i = 0;
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type) {
        const path = [...prefix, i++];
        paths.set(nested.fullName.replace(/^\./, ''), path);
        walk(nested, path);
      }
    }
  };
  const top = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
  if (top) walk(top as protobuf.NamespaceBase, []);
  return paths;
}

function buildRoot(source: SchemaSource): { root: protobuf.Root; pkg: string | undefined } {
  const root = new protobuf.Root();
  const given = new Set(source.references.map((r) => r.name));
  const addWellKnown = (imports: string[] | undefined) => {
    for (const file of imports ?? []) {
      if (given.has(file)) continue;
      const common = WELL_KNOWN.test(file) ? protobuf.common.get(file) : undefined;
      if (!common) throw new Error(`it imports ${file}, which is neither a reference of the schema nor a google/protobuf file`);
      root.addJSON((common as { nested: protobuf.INamespace['nested'] }).nested!);
      given.add(file);
    }
  };
  for (const ref of source.references) addWellKnown(protobuf.parse(ref.schema, root, { keepCase: true }).imports);
  const main = protobuf.parse(source.schema, root, { keepCase: true });
  addWellKnown(main.imports);
  root.resolveAll();
  return { root, pkg: main.package };
}

/**
 * A schema given as a base64 FileDescriptorProto (what Confluent's serializers register; Confluent's
 * registry turns it into .proto text, Apicurio keeps it as it is) rather than .proto text.
 */
const isDescriptor = (text: string) => !/\b(message|syntax|enum|package)\b/.test(text) && /^[A-Za-z0-9+/=\s]+$/.test(text);

interface FileProto {
  name?: string;
  package?: string;
  dependency?: string[];
  messageType?: MessageProto[];
}
interface MessageProto {
  name?: string;
  nestedType?: MessageProto[];
  options?: { mapEntry?: boolean };
}

function fromDescriptors(source: SchemaSource): { root: protobuf.Root; pkg: string | undefined; paths: Map<string, number[]> } {
  const decode = (text: string, what: string): FileProto => {
    if (!isDescriptor(text)) throw new Error(`${what} is .proto text while the schema is a file descriptor`);
    return descriptor.FileDescriptorProto.decode(Buffer.from(text, 'base64')) as unknown as FileProto;
  };
  const main = decode(source.schema, 'the schema');
  const refs = source.references.map((r) => decode(r.schema, `the reference ${r.name}`));
  const given = new Set(refs.map((f) => f.name));
  const google = new protobuf.Root();
  let wellKnown = false;
  for (const file of [main, ...refs].flatMap((f) => f.dependency ?? [])) {
    if (given.has(file) || !WELL_KNOWN.test(file)) continue;
    const common = protobuf.common.get(file) as { nested: protobuf.INamespace['nested'] } | undefined;
    if (!common) throw new Error(`it imports ${file}, which protobufjs does not have`);
    google.addJSON(common.nested!);
    given.add(file);
    wellKnown = true;
  }
  const files = wellKnown ? [...(toDescriptor(google).file as FileProto[])] : [];
  const root = RootWithDescriptors.fromDescriptor({ file: [...files, ...refs, main] });
  const paths = new Map<string, number[]>();
  const walk = (messages: MessageProto[] | undefined, prefix: string, path: number[]) =>
    (messages ?? []).forEach((m, i) => {
      // A map field's entry type counts in the indexes (as in protoc's descriptors) but is no message of its own.
      if (m.options?.mapEntry) return;
      const name = `${prefix}${m.name}`;
      paths.set(name, [...path, i]);
      walk(m.nestedType, `${name}.`, [...path, i]);
    });
  walk(main.messageType, main.package ? `${main.package}.` : '', []);
  return { root, pkg: main.package || undefined, paths };
}

/** Compiles a .proto schema; `message` names the type to encode (default: the file's first message). */
export function protobufCodec(source: SchemaSource, message?: string): SchemaCodec {
  const { root, pkg, paths } = isDescriptor(source.schema)
    ? fromDescriptors(source)
    : { ...buildRoot(source), paths: messagePaths(source.schema) };
  const byPath = new Map<string, Type>();
  for (const [name, path] of paths) byPath.set(path.join('.'), root.lookupType(name));
  const json = new ProtoJson();
  let target: Type | undefined;
  let prefix: Buffer | undefined;
  if (paths.size === 0) throw new Error('the schema defines no message');
  const pick = () => {
    if (target) return target;
    const names = [...paths.keys()];
    const name = message === undefined ? names[0] : names.find((n) => n === message || (pkg && n === `${pkg}.${message}`));
    if (name === undefined) throw new Error(`no message ${message} in the schema (it has ${names.join(', ')})`);
    prefix = encodeMessageIndexes(paths.get(name)!);
    return (target = root.lookupType(name));
  };
  // A wrong --value-message fails when the schema is resolved, not at the first record.
  if (message !== undefined) pick();
  const options = { longs: String, enums: String, bytes: String, json: true };
  return {
    format: 'protobuf',
    encode(value: unknown): Buffer {
      const type = pick();
      const object = json.fromJson(type, value) as Record<string, unknown>;
      const body = type.encode(type.fromObject(object)).finish();
      return Buffer.concat([prefix!, body]);
    },
    decode(payload: Buffer): Decoded {
      const { indexes, next } = decodeMessageIndexes(payload, 0);
      const type = byPath.get(indexes.join('.'));
      if (!type) throw new Error(`no message at index [${indexes.join(', ')}] in the schema`);
      const body = payload.subarray(next);
      const message = type.decode(body);
      const value = json.toJson(type, type.toObject(message, options));
      const again = type.encode(message).finish();
      const exact = encodeMessageIndexes(indexes).equals(payload.subarray(0, next)) && Buffer.from(again).equals(body);
      return { value, exact };
    },
  };
}
