import type { Command } from 'commander';
import { VERSION } from '../cli/version.js';
import { EXIT_CODE_HELP } from '../errors.js';
import { allCommands, commandModel, visibleOptions, type CommandModel, type OptionModel } from './model.js';

export const ENVIRONMENT: [string, string][] = [
  ['KTOOL_BROKERS', 'Bootstrap servers (HOST:PORT[,HOST:PORT...]) when -b/--bootstrap-server is not given; overrides the profile.'],
  ['KTOOL_PROFILE', 'The profile to use when --profile is not given; overrides current-profile in the config file.'],
  ['KTOOL_TIMEOUT', 'Connect/request timeout when --timeout is not given, e.g. 10s; overrides the profile.'],
  ['KTOOL_CONFIG', 'The config file to use instead of $XDG_CONFIG_HOME/ktool/config.yaml.'],
  ['XDG_CONFIG_HOME', 'Base directory of the config file (default ~/.config).'],
  [
    'XDG_CACHE_HOME',
    'Base directory of the cache: Kafka distributions and local cluster state in $XDG_CACHE_HOME/ktool (default ~/.cache).',
  ],
  ['NO_COLOR', 'Any non-empty value disables colours (unless FORCE_COLOR is set).'],
  [
    'FORCE_COLOR',
    'Any non-empty value colours the output even when it is not a terminal (tables: bold ' +
      'headers), also over NO_COLOR; 0 or false disables colours. --no-color beats both.',
  ],
];

export const FILES: [string, string][] = [
  [
    '~/.config/ktool/config.yaml',
    'Profiles (saved cluster connections) and the current profile; mode 0600, as it may hold credentials. See ktool-profile(1).',
  ],
  ['~/.cache/ktool/', 'Downloaded Kafka distributions and the state of local clusters.'],
];

/** Text for a roff text line: backslashes, minus signs and leading control characters escaped. */
export function roffText(s: string): string {
  return s
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}

/** Capitalised, ending in a full stop. */
const sentence = (s: string) => {
  const t = s.trim().replace(/\n/g, ' ');
  // a leading code word (none|gzip, --input, acks) keeps its case
  const capital = /^[a-z]+([\s,;]|$)/.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  return capital + (/[.!?]$/.test(t) ? '' : '.');
};
const bold = (s: string) => `\\fB${roffText(s)}\\fR`;
const italic = (s: string) => `\\fI${roffText(s)}\\fR`;

export function manPageName(c: CommandModel): string {
  return ['ktool', ...c.path].join('-');
}

function optionTag(o: OptionModel): string {
  const names = o.names.map(bold).join(', ');
  if (!o.takesValue) return names;
  const value = italic(o.valueName ?? 'value');
  return `${names} ${o.valueOptional ? `[${value}]` : value}`;
}

function optionText(o: OptionModel): string {
  let text = sentence(o.description);
  if (o.completer.kind === 'choices' && !o.description.includes(o.completer.values.join('|')))
    text += ` One of: ${o.completer.values.join(', ')}.`;
  if (o.defaultValue !== undefined && !/\bdefault\b/.test(o.description)) text += ` Default: ${o.defaultValue}.`;
  if (o.mandatory) text += ' Required.';
  return roffText(text);
}

function section(title: string): string {
  return `.SH ${title}`;
}

function page(c: CommandModel, root: CommandModel, exitCodes: [string, string][]): string {
  const name = manPageName(c);
  const title = ['ktool', ...c.path].join(' ');
  const out: string[] = [];
  out.push(`.\\" Generated from the ktool command tree by \`npm run gen-docs\`; do not edit.`);
  out.push(`.TH ${roffText(name.toUpperCase())} 1 "" "ktool ${VERSION}" "ktool manual"`);
  out.push(section('NAME'));
  const summary = c.description.split('\n')[0].replace(/\.$/, '');
  out.push(`${roffText(name)} \\- ${roffText(/^[A-Z][a-z]/.test(summary) ? summary.charAt(0).toLowerCase() + summary.slice(1) : summary)}`);

  out.push(section('SYNOPSIS'));
  out.push((c.synopsis ?? [c.usage]).map((u) => `${bold(title)} ${roffText(u)}`).join('\n.br\n'));
  if (c.path.length === 0) out.push('.br', `${bold('ktool')} ${italic('command')} ${roffText('--help')}`);

  out.push(section('DESCRIPTION'));
  out.push(roffText(sentence(c.description)));
  for (const note of c.notes) {
    for (const para of note.split(/\n(?=[A-Z][\w ./-]*:\s)/)) out.push('.PP', roffText(para));
  }

  const subs = c.subcommands.filter((s) => !s.isHelp);
  if (subs.length) {
    out.push(section('COMMANDS'));
    for (const s of subs) {
      out.push('.TP', `${bold(['ktool', ...s.path].join(' '))} ${roffText(s.usage)}`);
      out.push(roffText(sentence(s.description)) + ` See ${bold(manPageName(s))}(1).`);
      if (s.aliases.length) out.push(`.br\nAlias: ${s.aliases.map(bold).join(', ')}.`);
    }
  }

  const options = visibleOptions(c);
  if (options.length) {
    out.push(section('OPTIONS'));
    for (const o of options) out.push('.TP', optionTag(o), optionText(o));
  }

  if (c.examples.length) {
    out.push(section('EXAMPLES'));
    out.push('.PP', '.RS 4', '.nf');
    for (const e of c.examples) out.push(`\\&${roffText(e)}`);
    out.push('.fi', '.RE');
  }

  out.push(section('EXIT STATUS'));
  for (const [code, meaning] of c.exitCodes ?? exitCodes) out.push('.TP', bold(code), roffText(sentence(meaning)));

  out.push(section('ENVIRONMENT'));
  for (const [v, text] of ENVIRONMENT) out.push('.TP', bold(v), roffText(text));

  out.push(section('FILES'));
  for (const [f, text] of FILES) out.push('.TP', italic(f), roffText(text));

  const see = new Set<string>();
  if (c.path.length) see.add(manPageName(parentOf(c, root)));
  for (const s of subs) see.add(manPageName(s));
  if (c.path.length > 1) see.add('ktool');
  out.push(section('SEE ALSO'));
  out.push(
    [...see]
      .sort()
      .map((n, i, all) => `.BR ${roffText(n)} (1)${i < all.length - 1 ? ',' : ''}`)
      .join('\n'),
  );
  return out.join('\n') + '\n';
}

function parentOf(c: CommandModel, root: CommandModel): CommandModel {
  let node = root;
  for (const word of c.path.slice(0, -1)) node = node.subcommands.find((s) => s.name === word)!;
  return node;
}

/** `  0    success` lines of EXIT_CODE_HELP. */
export function exitCodes(help = EXIT_CODE_HELP): [string, string][] {
  return help
    .split('\n')
    .map((l) => /^\s+(\d+)\s+(.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2].trim()]);
}

/** One man page per visible command (the implicit `help` commands excepted): file name -> roff. */
export function manPages(program: Command): Map<string, string> {
  const root = commandModel(program);
  const codes = exitCodes();
  const pages = new Map<string, string>();
  for (const c of allCommands(root)) {
    if (c.isHelp) continue;
    pages.set(`${manPageName(c)}.1`, page(c, root, codes));
  }
  return pages;
}
