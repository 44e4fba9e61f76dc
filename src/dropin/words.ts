/**
 * Drop-in words: kafka-*.sh tools that are a word of their own after `ktool` (`ktool share-groups`),
 * outside the command tree because the noun they would take already has kafka-consumer-groups.sh's
 * flags. Their `--help`, completions (src/docs/) and man pages come from this description and the
 * drop-in's own option table, so a flag the drop-in takes is the flag they offer.
 */
import type { JoptOption } from './jopt.js';

export interface DropinWordFlag {
  /** The value's placeholder (`file`, `topic`) for an option that takes one. */
  readonly arg?: string;
  readonly help: string;
  /** Given more than once (jopt-simple keeps every value). */
  readonly repeatable?: boolean;
}

export interface DropinWord {
  /** `share-groups`: what follows `ktool`. */
  readonly word: string;
  /** kafka-share-groups.sh */
  readonly script: string;
  /** One line, lower case first, as a command's description. */
  readonly description: string;
  /** The drop-in's option table (what it parses). */
  readonly options: readonly JoptOption[];
  /** What each option of the table does: every option has one (test/unit/dropin-words.test.ts). */
  readonly flags: Readonly<Record<string, DropinWordFlag>>;
  /** Command lines after `ktool <word>`, one per form. */
  readonly synopsis: readonly string[];
  readonly notes: readonly string[];
  /** Whole command lines, each a line the drop-in runs as written (with a broker at localhost:9092). */
  readonly examples: readonly string[];
  readonly exitCodes: readonly (readonly [string, string])[];
}

/** The options offered and documented: those ktool runs (an unsupported one is only refused). */
export const supportedOptions = (w: DropinWord) => w.options.filter((o) => o.unsupported === undefined);

/** Lines of at most `width` columns, broken at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** `ktool <word> --help`: the synopsis, the options with what they do, the examples. */
export function wordHelp(w: DropinWord): string {
  const tag = (o: JoptOption) => {
    const arg = w.flags[o.name]?.arg ?? 'value';
    return `--${o.name}${o.value ? (o.optional ? ` [${arg}]` : ` <${arg}>`) : ''}`;
  };
  const options = supportedOptions(w);
  const width = Math.max(...options.map((o) => tag(o).length)) + 2;
  const refused = w.options.filter((o) => o.unsupported !== undefined);
  return [
    `Usage: ${w.synopsis.map((s) => `ktool ${w.word} ${s}`).join('\n       ')}`,
    '',
    `${w.description.charAt(0).toUpperCase()}${w.description.slice(1)}.`,
    '',
    ...w.notes.flatMap((n) => [...wrap(n, 100), '']),
    'Options:',
    ...options.map((o) => `  ${tag(o).padEnd(width)}${w.flags[o.name]?.help ?? ''}`),
    ...(refused.length
      ? ['', `Refused (${w.script} options ktool does not support, exit 1):`, ...refused.map((o) => `  --${o.name}: ${o.unsupported}`)]
      : []),
    '',
    'Examples:',
    ...w.examples.map((e) => `  ${e}`),
    '',
    'Exit codes:',
    ...w.exitCodes.map(([code, text]) => `  ${code.padEnd(4)} ${text}`),
    '',
  ].join('\n');
}
