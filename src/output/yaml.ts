/** A small YAML emitter for plain data (objects, arrays, scalars): enough for `--format yaml` and config.yaml. */

const PLAIN = /^[A-Za-z0-9_./@:+-][A-Za-z0-9_ ./@:+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|-?\d+(\.\d+)?([eE][+-]?\d+)?|0x[0-9a-fA-F]+)$/i;

export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = String(value);
  // "- a" plain is a sequence entry, in YAML and to parseYaml: quoted, as the other indicators are.
  if (
    text === '' ||
    !PLAIN.test(text) ||
    RESERVED.test(text) ||
    text.endsWith(':') ||
    text.includes(': ') ||
    text.includes(' #') ||
    text.trim() !== text ||
    text === '-' ||
    text.startsWith('- ')
  ) {
    return JSON.stringify(text);
  }
  return text;
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}

function key(k: string): string {
  return yamlScalar(k);
}

export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return `${pad}${yamlScalar(value)}\n`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}[]\n`;
    let out = '';
    for (const item of value) {
      if (isScalar(item)) {
        out += `${pad}- ${yamlScalar(item)}\n`;
      } else {
        const nested = toYaml(item, indent + 2);
        out += `${pad}- ${nested.slice(indent + 2)}`;
      }
    }
    return out;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return `${pad}{}\n`;
  let out = '';
  for (const [k, v] of entries) {
    if (isScalar(v)) out += `${pad}${key(k)}: ${yamlScalar(v)}\n`;
    else if (Array.isArray(v) && v.length === 0) out += `${pad}${key(k)}: []\n`;
    else if (!Array.isArray(v) && Object.keys(v as object).length === 0) out += `${pad}${key(k)}: {}\n`;
    else out += `${pad}${key(k)}:\n${toYaml(v, indent + 2)}`;
  }
  return out;
}
