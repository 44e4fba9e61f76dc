/** Avro's named types (records, enums, fixed) of a set of schemas, and the names a wrapped union gives its branches. */

export type Schema = string | Schema[] | { [key: string]: unknown };

export const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
export const NAMED = new Set(['record', 'error', 'enum', 'fixed']);

export interface Named {
  schema: { [key: string]: unknown };
  namespace: string;
  fullName: string;
}

/** The named types of a set of schemas (references first, then the main one), by full name. */
export class AvroNames {
  readonly types = new Map<string, Named>();

  add(schema: Schema, namespace = ''): void {
    if (Array.isArray(schema)) return schema.forEach((s) => this.add(s, namespace));
    if (typeof schema !== 'object' || schema === null) return;
    const type = schema.type as Schema;
    if (typeof type === 'string' && NAMED.has(type) && typeof schema.name === 'string') {
      const { fullName, ns } = qualify(schema.name, typeof schema.namespace === 'string' ? schema.namespace : namespace);
      this.types.set(fullName, { schema, namespace: ns, fullName });
      if (type === 'record' || type === 'error')
        for (const f of (schema.fields as { type: Schema }[] | undefined) ?? []) this.add(f.type, ns);
      return;
    }
    if (type === 'array') this.add(schema.items as Schema, namespace);
    else if (type === 'map') this.add(schema.values as Schema, namespace);
    else if (typeof type === 'object') this.add(type, namespace);
  }

  resolve(name: string, namespace: string): Named {
    const named = (!name.includes('.') && namespace ? this.types.get(`${namespace}.${name}`) : undefined) ?? this.types.get(name);
    if (!named) throw new Error(`unknown Avro type "${name}"`);
    return named;
  }
}

export function qualify(name: string, namespace: string): { fullName: string; ns: string } {
  if (name.includes('.')) return { fullName: name, ns: name.slice(0, name.lastIndexOf('.')) };
  return { fullName: namespace ? `${namespace}.${name}` : name, ns: namespace };
}

/** The name a wrapped union uses for a branch (as avsc's branchName). */
export function branchName(schema: Schema, names: AvroNames, namespace: string): string {
  if (typeof schema === 'string') return PRIMITIVES.has(schema) ? schema : names.resolve(schema, namespace).fullName;
  if (Array.isArray(schema)) throw new Error('a union directly inside a union');
  const type = schema.type as Schema;
  if (typeof type === 'string' && NAMED.has(type))
    return qualify(schema.name as string, (schema.namespace as string) ?? namespace).fullName;
  if (typeof type === 'string') return type === 'error' ? 'record' : type;
  return branchName(type, names, namespace);
}
