import type { Command } from 'commander';
import { CONNECTION_FLAGS, type Completer } from './completers.js';
import { allCommands, commandModel, visibleCompletionOptions, type CommandModel } from './model.js';

/** A single-quoted fish word: only \ and ' are special inside. */
const q = (s: string) => `'${s.replace(/[\\']/g, '\\$&').replace(/\n/g, ' ')}'`;

/** `-a`/`-F` arguments for values of completer c, with -x/-r. */
function values(c: Completer): string {
  switch (c.kind) {
    case 'none':
      return '-x';
    case 'files':
      return '-r -F';
    case 'topics':
    case 'groups':
    case 'share-groups':
    case 'profiles':
    case 'subjects':
    case 'schema-ids':
      return `-x -a ${q(`(__ktool_dynamic ${c.kind})`)}`;
    case 'choices':
      return `-x -a ${q(c.values.join(' '))}`;
  }
}

function lines(c: CommandModel): string[] {
  const cond = `-n ${q(['__ktool_is', ...c.path].join(' '))}`;
  const out: string[] = [`# ktool ${c.path.join(' ')}`.trimEnd()];
  for (const s of c.subcommands) {
    for (const name of [s.name, ...s.aliases]) out.push(`complete -c ktool ${cond} -f -a ${q(name)} -d ${q(s.description)}`);
  }
  for (const o of visibleCompletionOptions(c)) {
    const names = [o.short ? `-s ${o.short.slice(1)}` : '', o.long ? `-l ${o.long.slice(2)}` : ''].filter(Boolean).join(' ');
    out.push(`complete -c ktool ${cond} ${names}${o.takesValue ? ` ${values(o.completer)}` : ''} -d ${q(o.description)}`);
  }
  const arg = c.arguments.find((a) => a.completer.kind !== 'none');
  if (arg) {
    const v = values(arg.completer);
    out.push(`complete -c ktool ${cond} ${arg.completer.kind === 'files' ? '-F' : v.replace(/^-x /, '-f ')}`);
  }
  return out;
}

/** fish completions for the whole tree. */
export function fishCompletion(program: Command): string {
  const root = commandModel(program);
  const commands = [...allCommands(root)];
  const paths = commands
    .filter((c) => c.path.length)
    .flatMap((c) => {
      // every spelling of the path (aliases included), as one space-joined string each
      const parent = c.path.slice(0, -1).join(' ');
      return [c.name, ...c.aliases].map((n) => (parent ? `${parent} ${n}` : n));
    });
  const valueOptions = [...new Set(commands.flatMap((c) => c.options.filter((o) => o.takesValue).flatMap((o) => o.names)))];
  const conn = CONNECTION_FLAGS.join(' ');
  return `# fish completion for ktool. Generated from the command tree by \`npm run gen-docs\`; do not edit.
#
# Install one of:
#   ktool completion fish > ~/.config/fish/completions/ktool.fish
#   ktool completion fish | source                 # in ~/.config/fish/config.fish
#
# Topic, group and profile names come from \`ktool __complete topics|groups|profiles PREFIX\`, which asks the
# cluster of the current profile (or the -b/--profile/--command-config given on the line) with a
# short timeout and prints nothing when it cannot.

set -g __ktool_paths ${paths.map(q).join(' ')}
set -g __ktool_value_options ${valueOptions.map(q).join(' ')}
set -g __ktool_connection_flags ${conn}

# The command path typed so far (e.g. "topics create"), skipping options and their values.
function __ktool_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for t in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $t
            case '--'
                break
            case '--*=*'
                continue
            case '-*'
                contains -- $t $__ktool_value_options; and set skip 1
                continue
        end
        set -l candidate (string join ' ' $path $t)
        if contains -- $candidate $__ktool_paths
            set path $path $t
        else
            break
        end
    end
    string join ' ' $path
end

function __ktool_is
    set -l path (__ktool_path)
    test "$path" = "$argv"
end

# $argv[1]: topics|groups|share-groups|profiles|subjects|schema-ids. Passes on the connection flags typed so far.
function __ktool_dynamic
    set -l tokens (commandline -opc)
    set -l bin $tokens[1]
    set -l conn
    set -l n (count $tokens)
    for i in (seq 2 $n)
        set -l t $tokens[$i]
        if contains -- $t $__ktool_connection_flags; and test $i -lt $n
            set conn $conn $t $tokens[(math $i + 1)]
        else if string match -qr -- '^--(bootstrap-server|brokers|command-config|profile|schema-registry)=' $t
            set conn $conn $t
        end
    end
    $bin __complete $argv[1] $conn -- (commandline -ct) 2>/dev/null
end

complete -c ktool -f

${commands.map((c) => lines(c).join('\n')).join('\n\n')}
`;
}
