import type { Command } from 'commander';
import { CONNECTION_FLAGS, type Completer } from './completers.js';
import { allCommands, commandModel, completionOptions, visibleCompletionOptions, type CommandModel } from './model.js';

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function spec(c: Completer): string {
  switch (c.kind) {
    case 'choices':
      return `choices ${c.values.join(' ')}`;
    default:
      return c.kind;
  }
}

/** bash completion script for the whole tree (bash >= 4): the tables generated from it, then the fixed shell code. */
export function bashCompletion(program: Command): string {
  const commands = [...allCommands(commandModel(program))];
  return [
    HEADER,
    ...subcommandsTable(commands),
    ...optionsTable(commands),
    ...optionValueTable(commands),
    ...argumentTable(commands),
    RUNTIME,
  ].join('\n');
}

const key = (c: CommandModel) => q(c.path.join(' '));

const HEADER = `# bash completion for ktool                                 -*- shell-script -*-
# Generated from the command tree by \`npm run gen-docs\`; do not edit.
#
# Install one of:
#   source <(ktool completion bash)                  # in ~/.bashrc
#   ktool completion bash > ~/.local/share/bash-completion/completions/ktool
#
# Topic, group and profile names come from \`ktool __complete topics|groups|profiles PREFIX\`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.
`;

function subcommandsTable(commands: CommandModel[]): string[] {
  const out = ['# Subcommands (with aliases) of a command path.', '_ktool_subcommands() {\n  case "$1" in'];
  for (const c of commands) {
    if (!c.subcommands.length) continue;
    out.push(`    ${key(c)}) echo ${q(c.subcommands.flatMap((s) => [s.name, ...s.aliases]).join(' '))} ;;`);
  }
  out.push('  esac\n}\n');
  return out;
}

function optionsTable(commands: CommandModel[]): string[] {
  const out = ['# Options offered for a command path.', '_ktool_options() {\n  case "$1" in'];
  for (const c of commands) {
    const names = visibleCompletionOptions(c).flatMap((o) => o.names);
    if (names.length) out.push(`    ${key(c)}) echo ${q(names.join(' '))} ;;`);
  }
  out.push('  esac\n}\n');
  return out;
}

function optionValueTable(commands: CommandModel[]): string[] {
  const out = [
    '# Succeeds when option $2 of command path $1 takes a value, and prints how to complete it.',
    '_ktool_option_value() {\n  case "$1" in',
  ];
  for (const c of commands) {
    const groups = new Map<string, string[]>();
    // Leading options too: \`ktool --profile dev consume\` skips dev and still finds the command.
    for (const o of completionOptions(c)) {
      if (!o.takesValue) continue;
      const s = spec(o.completer);
      groups.set(s, [...(groups.get(s) ?? []), ...o.names]);
    }
    if (!groups.size) continue;
    out.push(`    ${key(c)})\n      case "$2" in`);
    for (const [s, names] of groups) out.push(`        ${names.join('|')}) echo ${q(s)} ;;`);
    out.push('        *) return 1 ;;\n      esac ;;');
  }
  out.push('    *) return 1 ;;\n  esac\n}\n');
  return out;
}

function argumentTable(commands: CommandModel[]): string[] {
  const out = ['# How to complete positional argument $2 (0-based) of command path $1.', '_ktool_argument() {\n  case "$1" in'];
  for (const c of commands) {
    const arms: string[] = [];
    c.arguments.forEach((a, i) => {
      if (a.completer.kind === 'none') return;
      arms.push(`        ${a.variadic ? '*' : String(i)}) echo ${q(spec(a.completer))} ;;`);
    });
    if (!arms.length) continue;
    out.push(`    ${key(c)})\n      case "$2" in\n${arms.join('\n')}\n      esac ;;`);
  }
  out.push('  esac\n}\n');
  return out;
}

/** The shell code that reads the tables: values, then the completion function itself. */
const RUNTIME = `# Fills COMPREPLY with the values of completion spec $1 matching $2.
_ktool_values() {
  local kind=\${1%% *} cur=$2
  case $kind in
    topics|groups|share-groups|profiles|subjects|schema-ids)
      local IFS=$'\\n'
      COMPREPLY=($(compgen -W "$("$_ktool_bin" __complete "$kind" "\${_ktool_conn[@]}" -- "$cur" 2>/dev/null)" -- "$cur"))
      ;;
    files)
      compopt -o filenames 2>/dev/null
      local IFS=$'\\n'
      COMPREPLY=($(compgen -f -- "$cur"))
      ;;
    choices)
      COMPREPLY=($(compgen -W "\${1#choices }" -- "$cur"))
      ;;
  esac
}

_ktool() {
  # Re-join words that COMP_WORDBREAKS split at ':' or '=' (-b host:9092, --format=json).
  local -a words=()
  local i w n=-1 cword=0 glue=0
  for ((i = 0; i < \${#COMP_WORDS[@]} && i <= COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if ((n >= 0)) && [[ $w =~ ^[:=]+$ ]]; then
      words[n]+=$w; glue=1
    elif ((glue)); then
      words[n]+=$w; glue=0
    else
      words[++n]=$w
    fi
    ((i == COMP_CWORD)) && cword=$n
  done
  local cur=\${words[cword]}
  local strip=\${cur%"\${COMP_WORDS[COMP_CWORD]}"}

  local _ktool_bin=\${words[0]}
  local -a _ktool_conn=()
  local path='' npos=0 dashdash=0 spec='' value_of=''
  for ((i = 1; i < cword; i++)); do
    w=\${words[i]}
    if ((dashdash)); then npos=$((npos + 1)); continue; fi
    case $w in
      --) dashdash=1 ;;
      --*=*)
        case \${w%%=*} in ${CONNECTION_FLAGS.join('|')}) _ktool_conn+=("$w") ;; esac ;;
      -?*)
        if _ktool_option_value "$path" "$w" >/dev/null; then
          if ((i + 1 == cword)); then value_of=$w; break; fi
          case $w in ${CONNECTION_FLAGS.join('|')}) _ktool_conn+=("$w" "\${words[i + 1]}") ;; esac
          i=$((i + 1))
        fi ;;
      *)
        if ((npos == 0)) && [[ " $(_ktool_subcommands "$path") " == *" $w "* ]]; then
          path=\${path:+$path }$w
        else
          npos=$((npos + 1))
        fi ;;
    esac
  done

  COMPREPLY=()
  if [[ -n $value_of ]]; then
    _ktool_values "$(_ktool_option_value "$path" "$value_of")" "$cur"
  elif ((!dashdash)) && [[ $cur == --*=* ]]; then
    if spec=$(_ktool_option_value "$path" "\${cur%%=*}"); then
      _ktool_values "$spec" "\${cur#*=}"
      local j
      for j in "\${!COMPREPLY[@]}"; do COMPREPLY[j]=\${cur%%=*}=\${COMPREPLY[j]}; done
    fi
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_ktool_options "$path")" -- "$cur"))
  else
    local subs
    subs=$(_ktool_subcommands "$path")
    if ((npos == 0)) && [[ -n $subs ]]; then
      COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    elif spec=$(_ktool_argument "$path" "$npos") && [[ -n $spec ]]; then
      _ktool_values "$spec" "$cur"
    fi
  fi
  if [[ -n $strip ]]; then
    for i in "\${!COMPREPLY[@]}"; do COMPREPLY[i]=\${COMPREPLY[i]#"$strip"}; done
  fi
}

complete -F _ktool ktool
`;
