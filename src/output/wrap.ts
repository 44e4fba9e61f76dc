/**
 * Breaking text into lines of at most `width` characters, for tables and lines on a narrow
 * terminal. Names, hosts and config values break after a separator unless it would leave most of
 * the line empty, so `orders.events.v2` becomes `orders.` / `events.v2` rather than `orders.ev` / `ents.v2`.
 */

const SEPARATOR = /[.\-_,/:=@ ]/;

export function wrapText(text: string, width: number): string[] {
  if (width <= 0 || text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = width;
    // Prefer the last separator, unless it leaves most of the line empty.
    for (let i = width - 1; i >= Math.ceil(width / 3); i--) {
      if (SEPARATOR.test(rest[i])) {
        cut = i + 1;
        break;
      }
    }
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^ +/, '');
  }
  if (rest.length) lines.push(rest);
  return lines;
}

/**
 * A header such as CURRENT-OFFSET on two lines (`CURRENT-` / `OFFSET`), split at the hyphen that
 * makes the wider half narrowest; a header without a hyphen stays one line.
 */
export function splitHeader(header: string): string[] {
  let best: string[] = [header];
  let bestWidth = header.length;
  for (let i = header.indexOf('-'); i > 0 && i < header.length - 1; i = header.indexOf('-', i + 1)) {
    const parts = [header.slice(0, i + 1), header.slice(i + 1)];
    const w = Math.max(parts[0].length, parts[1].length);
    if (w < bestWidth) {
      best = parts;
      bestWidth = w;
    }
  }
  return best;
}

/**
 * A line of text on a terminal `columns` wide: broken after spaces or commas, continuation lines
 * indented by two spaces (`Topic: t  TopicId: ...` headers, `Configs: a=1,b=2` lists).
 */
export function wrapLine(line: string, columns: number): string[] {
  if (columns <= 0 || line.length <= columns) return [line];
  const out: string[] = [];
  let rest = line;
  let indent = '';
  while (indent.length + rest.length > columns) {
    const room = Math.max(1, columns - indent.length);
    let cut = -1;
    for (let i = room; i > room / 3; i--) {
      if (rest[i] === ' ' || rest[i - 1] === ',') {
        cut = i;
        break;
      }
    }
    if (cut <= 0) cut = room;
    out.push(indent + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^ +/, '');
    indent = '  ';
  }
  if (rest.length) out.push(indent + rest);
  return out;
}
