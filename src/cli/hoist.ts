/**
 * `ktool --profile prod topics list` and `ktool -b h:9092 --json topics list`: options given before
 * the command are moved after it, since every leaf command owns its connection and output flags.
 */
const WITH_VALUE = new Set(['-b', '--bootstrap-server', '--brokers', '--command-config', '--profile', '--timeout', '--format', '--output']);
const FLAGS = new Set(['--json', '--no-color', '--debug']);
/** Every option accepted before the command (the completion scripts offer them there too). */
export const LEADING_OPTIONS: ReadonlySet<string> = new Set([...WITH_VALUE, ...FLAGS]);

export function hoistLeadingOptions(argv: string[]): string[] {
  const moved: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i];
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FLAGS.has(arg)) {
      moved.push(arg);
      i += 1;
    } else if (WITH_VALUE.has(name)) {
      if (arg.includes('=')) {
        moved.push(arg);
        i += 1;
      } else {
        moved.push(arg, ...argv.slice(i + 1, i + 2));
        i += 2;
      }
    } else break;
  }
  if (moved.length === 0 || i >= argv.length) return argv;
  const rest = argv.slice(i);
  // Before a "--": what follows it is operands, not options.
  const end = rest.indexOf('--');
  return end === -1 ? [...rest, ...moved] : [...rest.slice(0, end), ...moved, ...rest.slice(end)];
}
