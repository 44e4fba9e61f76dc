/**
 * Java .properties parsing (the format of kafka-*.sh `--command-config` files): `key=value`,
 * `key: value` or `key value`, `#`/`!` comments, backslash line continuations and escapes
 * (\t \n \r \f \uXXXX, and \ before any other character stands for that character).
 */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const physical = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (endsWithOddBackslashes(line) && i + 1 < physical.length) {
      line = line.slice(0, -1) + physical[++i].replace(/^[ \t\f]+/, '');
    }
    if (endsWithOddBackslashes(line)) line = line.slice(0, -1);
    const [key, value] = splitKeyValue(line);
    out.set(unescape(key), unescape(value));
  }
  return out;
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function splitKeyValue(line: string): [string, string] {
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '=' || ch === ':' || ch === ' ' || ch === '\t' || ch === '\f') break;
  }
  const key = line.slice(0, i);
  let rest = line.slice(i);
  rest = rest.replace(/^[ \t\f]*/, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
  return [key, rest];
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, esc: string) => {
    if (esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    switch (esc) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      default:
        return esc;
    }
  });
}

/** Parses `sasl.jaas.config` for the username/password of PLAIN and SCRAM login modules. */
export function parseJaasConfig(value: string): { module: string; options: Record<string, string> } | undefined {
  const m = /^\s*([\w.$]+)\s+(required|requisite|sufficient|optional)\s*(.*?);?\s*$/s.exec(value);
  if (!m) return undefined;
  const options: Record<string, string> = {};
  const re = /([\w.]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s;]+)/g;
  let o: RegExpExecArray | null;
  while ((o = re.exec(m[3])) !== null) options[o[1]] = o[3] !== undefined ? o[3].replace(/\\(.)/g, '$1') : o[2];
  return { module: m[1], options };
}
