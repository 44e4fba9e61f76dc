import type { Readable } from 'node:stream';
import type { Io } from '../../cli/io.js';
import { CancelledError, UsageError } from '../../errors.js';

const MAX_BYTES = 64 * 1024;

/** The password piped on stdin: everything up to EOF, minus one trailing newline. */
export async function readPasswordFromStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BYTES) throw new UsageError('the password on standard input is too long');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (/[\r\n]/.test(text)) throw new UsageError('the password on standard input must be one line');
  return text;
}

/**
 * Asks on the terminal without echo. In raw mode Ctrl-C arrives as a character, so it is turned into
 * CancelledError here; backspace and Ctrl-U edit. Input after the Enter key is pushed back for the
 * next prompt (a second "confirm" read).
 */
export function promptHidden(io: Io, question: string): Promise<string> {
  const stdin = io.stdin as Readable & { setRawMode?: (raw: boolean) => void; isTTY?: boolean };
  const raw = typeof stdin.setRawMode === 'function' && stdin.isTTY === true;
  io.stderr.write(question);
  if (raw) stdin.setRawMode!(true);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (raw) stdin.setRawMode!(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === '\r' || ch === '\n') {
          let rest = chars.slice(i + 1).join('');
          if (ch === '\r' && rest.startsWith('\n')) rest = rest.slice(1);
          finish();
          // Only after this listener is gone: unshifting while flowing re-emits the rest to it.
          if (rest) stdin.unshift(Buffer.from(rest));
          return;
        }
        if (ch === '\u0003') return finish(new CancelledError('no password given'));
        if (ch === '\u0004') return value ? finish() : finish(new CancelledError('no password given'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    const onEnd = () => (value ? finish() : finish(new CancelledError('no password given')));
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.resume();
  });
}

/**
 * The new user's password: `--password` (visible to other local users in `ps`, so warned about),
 * else a no-echo prompt asked twice on a terminal, else standard input.
 */
export async function newPassword(io: Io, user: string, flag: unknown, warn: (m: string) => void): Promise<string> {
  let password: string;
  if (flag !== undefined) {
    warn(
      'a password given with --password is visible to other users of this machine (ps, shell history); pipe it on standard input instead',
    );
    password = String(flag);
  } else if (io.stdinIsTTY) {
    password = await promptHidden(io, `Password for ${user}: `);
    if (!password) throw new UsageError('the password is empty');
    const again = await promptHidden(io, `Password for ${user} again: `);
    if (again !== password) throw new UsageError('the passwords do not match; nothing changed');
  } else {
    password = await readPasswordFromStdin(io);
  }
  if (!password)
    throw new UsageError(
      'the password is empty',
      'pipe it on standard input (printf %s "$PW" | ktool users create NAME) or run on a terminal to be asked',
    );
  return password;
}
