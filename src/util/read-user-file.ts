import { openSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NotFoundError, OperationError, type KtoolError } from '../errors.js';

/**
 * Files the user names (--command-config, produce --file, --from-file, --offset-json-file, profile
 * --ca ...). A failure to read one names the flag and the path, with exit 3 when it does not
 * exist and 1 when it cannot be read, instead of Node's `ENOENT: no such file or directory, open`.
 *
 * `what` is how the user gave the path: a flag (`--file`) or a setting (`tls.ca of profile prod`).
 */
export function userFileError(error: unknown, what: string, path: string): KtoolError {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${what} ${path}`;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new NotFoundError(
      `${where}: no such file`,
      path.startsWith('/') ? 'check the path' : `check the path (relative to ${process.cwd()}: ${resolve(path)})`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM')
    return new OperationError(`${where}: permission denied`, { hint: `make it readable for this user (ls -l ${path})` });
  if (code === 'EISDIR') return new OperationError(`${where} is a directory, not a file`, { hint: 'name a file' });
  return new OperationError(`${where}: cannot read it (${code ?? (error as Error).message})`);
}

/** The whole file as UTF-8 text. */
export async function readUserFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw userFileError(error, what, path);
  }
}

/** The same, synchronously (parse steps that run before anything connects). */
export function readUserFileSync(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw userFileError(error, what, path);
  }
}

/** A descriptor for reading; a directory is refused here rather than at the first read. */
export function openUserFile(path: string, what: string): number {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return openSync(path, 'r');
  } catch (error) {
    throw userFileError(error, what, path);
  }
}

/** Checks that a file exists and can be read, without keeping it (profile add --ca ...). */
export function checkUserFile(path: string, what: string): void {
  readUserFileSync(path, what);
}
