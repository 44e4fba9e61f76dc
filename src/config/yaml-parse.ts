import { UsageError } from '../errors.js';

/** Throws the error for a line of the file. */
type Fail = (line: number, why: string) => never;

/**
 * Parses the YAML subset that ktool writes to config.yaml (block mappings, block sequences of
 * scalars or mappings, plain/double-quoted/single-quoted scalars, comments, `[]`/`{}`). Hand-edited
 * files in that subset load; anything richer is rejected with the line number rather than guessed.
 */
export function parseYaml(text: string, source = 'config'): unknown {
  const lines = text
    .split(/\r?\n/)
    .map((raw, index) => ({ raw, index: index + 1 }))
    .filter((l) => l.raw.trim() !== '' && !l.raw.trimStart().startsWith('#') && l.raw.trim() !== '---');
  let pos = 0;

  const fail: Fail = (line, why) => {
    throw new UsageError(`${source}:${line}: ${why}`, 'fix the file by hand or recreate it with `ktool profile add`');
  };
  const indentOf = (s: string) => s.length - s.trimStart().length;

  function parseBlock(indent: number): unknown {
    const first = lines[pos];
    if (first.raw.trimStart().startsWith('- ') || first.raw.trim() === '-') return parseSeq(indent);
    return parseMap(indent);
  }

  function parseMap(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (pos < lines.length) {
      const { raw, index } = lines[pos];
      const ind = indentOf(raw);
      if (ind < indent) break;
      if (ind > indent) fail(index, 'unexpected indentation');
      const body = stripComment(raw.trim());
      // A plain key may hold a colon not followed by a space (YAML's rule; toYaml writes `a:b: 1`);
      // [\s\S], not '.', so a value holding U+2028 (which JSON.stringify leaves as it is) still matches.
      const m = /^("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^:]|:(?=\S))+?)\s*:(?:\s+([\s\S]*))?$/.exec(body);
      if (!m) fail(index, `expected "key: value", got ${JSON.stringify(body)}`);
      const k = String(scalar(m![1], index, fail));
      const rest = m![2];
      pos++;
      if (rest !== undefined && rest !== '') {
        put(out, k, scalar(rest, index, fail));
      } else if (pos < lines.length && indentOf(lines[pos].raw) > indent) {
        put(out, k, parseBlock(indentOf(lines[pos].raw)));
      } else if (pos < lines.length && indentOf(lines[pos].raw) === indent && lines[pos].raw.trimStart().startsWith('- ')) {
        put(out, k, parseSeq(indent));
      } else {
        put(out, k, null);
      }
    }
    return out;
  }

  function parseSeq(indent: number): unknown[] {
    const out: unknown[] = [];
    while (pos < lines.length) {
      const { raw, index } = lines[pos];
      const ind = indentOf(raw);
      const trimmed = raw.trimStart();
      if (ind < indent || !trimmed.startsWith('-')) break;
      if (ind > indent) fail(index, 'unexpected indentation');
      const item = stripComment(trimmed.slice(1).trim());
      if (item === '') {
        pos++;
        out.push(pos < lines.length && indentOf(lines[pos].raw) > indent ? parseBlock(indentOf(lines[pos].raw)) : null);
      } else if (/^[^"'](?:[^:]|:(?=\S))*:(\s|$)/.test(item) || /^("(?:[^"\\]|\\.)*"|'[^']*')\s*:(\s|$)/.test(item)) {
        // "- key: value" starts a mapping whose keys sit at the column after "- ".
        lines[pos] = { raw: ' '.repeat(ind + 2) + item, index };
        out.push(parseMap(ind + 2));
      } else {
        out.push(scalar(item, index, fail));
        pos++;
      }
    }
    return out;
  }

  if (lines.length === 0) return {};
  const value = parseBlock(indentOf(lines[0].raw));
  // A line left over (less indented than the first, or a key after a top-level list) was silently dropped.
  if (pos < lines.length) fail(lines[pos].index, 'does not fit the document above it (indentation, or a list and a mapping mixed)');
  return value;
}

/** One plain, quoted or empty-collection scalar; richer YAML (flow collections, block scalars, anchors) is refused. */
function scalar(token: string, line: number, fail: Fail): unknown {
  const t = token.trim();
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t);
    } catch {
      return fail(line, `bad double-quoted string ${t}`);
    }
  }
  if (t.startsWith("'")) {
    if (!t.endsWith("'") || t.length < 2) fail(line, `bad single-quoted string ${t}`);
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t === '[]') return [];
  if (t === '{}') return {};
  if (t.startsWith('[') || t.startsWith('{') || t.startsWith('|') || t.startsWith('>') || t.startsWith('&') || t.startsWith('*')) {
    fail(line, `unsupported YAML construct ${JSON.stringify(t)}`);
  }
  if (t === 'null' || t === '~') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  if (/^-?\d+\.\d+$/.test(t)) return Number(t);
  return t;
}

/** Cuts a ` #` comment, but not a ` #` inside a quoted key or value (`k: "x #y"`, as toYaml writes it). */
function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote === '"' && ch === '\\') i++;
    else if (quote && ch === quote) quote = '';
    else if (!quote && (ch === '"' || ch === "'") && startsScalar(s, i)) quote = ch;
    else if (!quote && ch === '#' && i > 0 && /\s/.test(s[i - 1])) return s.slice(0, i).trimEnd();
  }
  return s;
}

/** Whether position i starts a key or value (a quote there opens a quoted scalar; elsewhere it is a character). */
function startsScalar(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s[j] === ' ' || s[j] === '\t')) j--;
  return j < 0 || (j < i - 1 && (s[j] === ':' || (s[j] === '-' && j === 0)));
}

/** A key named __proto__ is an ordinary key, not the object's prototype (as JSON.parse reads it). */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
