import type { Command } from 'commander';
import { CONNECTION_FLAGS, type Completer } from './completers.js';
import { allCommands, commandModel, visibleCompletionOptions, type CommandModel, type OptionModel } from './model.js';

/** A single-quoted zsh word. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Text inside an _arguments `[description]`. */
const desc = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/([[\]])/g, '\\$1')
    .replace(/\n/g, ' ');
/** An _arguments message or a _describe name: colons are separators. */
const colon = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
const fn = (c: CommandModel) => ['_ktool_cmd', ...c.path].join('_').replace(/[^A-Za-z0-9_]/g, '_');

function action(c: Completer): string {
  switch (c.kind) {
    case 'none':
      return ' ';
    case 'files':
      return '_files';
    case 'topics':
    case 'groups':
    case 'share-groups':
    case 'profiles':
    case 'subjects':
    case 'schema-ids':
      return `_ktool_dynamic ${c.kind}`;
    case 'choices':
      return `(${c.values.map((v) => v.replace(/([\\\s()'"])/g, '\\$1')).join(' ')})`;
  }
}

function optionSpecs(o: OptionModel): string[] {
  const value = o.takesValue ? `:${colon(o.valueName ?? 'value')}:${action(o.completer)}` : '';
  const names = o.names.map((n) => (o.takesValue && n.startsWith('--') ? `${n}=` : n));
  const text = `[${desc(o.description)}]${value}`;
  if (names.length === 1) return [q(`${o.repeatable ? '*' : ''}${names[0]}${text}`)];
  const prefix = o.repeatable ? '*' : `(${o.names.join(' ')})`;
  return [`${q(prefix)}{${names.join(',')}}${q(text)}`];
}

function argumentSpecs(c: CommandModel): string[] {
  return c.arguments.map((a, i) => {
    const message = colon(a.name);
    if (a.variadic) return q(`*:${message}:${action(a.completer)}`);
    return q(`${i + 1}:${a.required ? '' : ':'}${message}:${action(a.completer)}`);
  });
}

function commandFunction(c: CommandModel): string {
  const specs = visibleCompletionOptions(c).flatMap(optionSpecs);
  const lines: string[] = [`${fn(c)}() {`];
  if (!c.subcommands.length) {
    const all = [...specs, ...argumentSpecs(c)];
    lines.push(all.length ? `  _arguments -s -S \\\n    ${all.join(' \\\n    ')}` : '  _message "no arguments"');
    lines.push('}');
    return lines.join('\n');
  }
  const title = ['ktool', ...c.path].join(' ');
  lines.push('  local curcontext=$curcontext state state_descr line ret=1');
  lines.push('  typeset -A opt_args');
  // -A: after the subcommand, options are the subcommand's (the program's leading --json or --profile
  // would otherwise take them, and the subcommand's arguments would not complete).
  lines.push(`  _arguments -C -s -A '-*' \\\n    ${[...specs, q('1: :->command'), q('*:: :->args')].join(' \\\n    ')} && ret=0`);
  lines.push('  case $state in');
  lines.push('    (command)');
  lines.push('      local -a subcommands=(');
  for (const s of c.subcommands) {
    for (const name of [s.name, ...s.aliases]) lines.push(`        ${q(`${colon(name)}:${s.description.replace(/\n/g, ' ')}`)}`);
  }
  lines.push('      )');
  lines.push(`      _describe -t commands ${q(`${title} command`)} subcommands && ret=0 ;;`);
  lines.push('    (args)');
  lines.push(`      curcontext=\${curcontext%:*:*}:${['ktool', ...c.path].join('-')}-$line[1]:`);
  lines.push('      case $line[1] in');
  for (const s of c.subcommands) lines.push(`        (${[s.name, ...s.aliases].join('|')}) ${fn(s)} && ret=0 ;;`);
  lines.push('      esac ;;');
  lines.push('  esac');
  lines.push('  return ret');
  lines.push('}');
  return lines.join('\n');
}

/** zsh completion function (`_ktool`) for the whole tree. */
export function zshCompletion(program: Command): string {
  const root = commandModel(program);
  const flags = CONNECTION_FLAGS.join('|');
  const flagsEq = CONNECTION_FLAGS.filter((f) => f.startsWith('--'))
    .map((f) => `${f}=*`)
    .join('|');
  const body = [...allCommands(root)].map(commandFunction).join('\n\n');
  return `#compdef ktool
# zsh completion for ktool. Generated from the command tree by \`npm run gen-docs\`; do not edit.
#
# Install one of:
#   ktool completion zsh > "\${fpath[1]}/_ktool"     # then restart zsh
#   source <(ktool completion zsh)                  # in ~/.zshrc, after compinit
#
# Topic, group and profile names come from \`ktool __complete topics|groups|profiles PREFIX\`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.

# Last argument: topics|groups|share-groups|profiles|subjects|schema-ids (_arguments puts compadd options before it). Passes on the
# connection flags typed so far.
_ktool_dynamic() {
  local kind=\${@[-1]}
  local -a conn values
  local i w
  for (( i = 2; i < _ktool_current; i++ )); do
    w=\${_ktool_words[i]}
    case $w in
      (${flags}) (( i + 1 < _ktool_current )) && conn+=("$w" "\${_ktool_words[i+1]}"); (( i++ )) ;;
      (${flagsEq}) conn+=("$w") ;;
    esac
  done
  values=(\${(f)"$("$_ktool_bin" __complete "$kind" "\${conn[@]}" -- "$PREFIX" 2>/dev/null)"})
  compadd "\${@[1,-2]}" -a values
}

_ktool() {
  local _ktool_bin=\${words[1]} _ktool_current=$CURRENT
  local -a _ktool_words
  _ktool_words=("\${words[@]}")
  ${fn(root)}
}

${body}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _ktool "$@"
else
  compdef _ktool ktool
fi
`;
}
