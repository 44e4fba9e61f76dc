/** File names as Kafka's tool sees them (java.io.File): its printed path, absolute path and base offset. */

/** java.io.File's normal form on Unix: repeated slashes collapsed, no trailing slash. */
export function javaPath(arg: string): string {
  const p = arg.replace(/\/+/g, '/');
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** File.getAbsolutePath(): the working directory in front of a relative path, nothing resolved. */
export function javaAbsolute(path: string, cwd: string): string {
  if (path.startsWith('/')) return path;
  return path === '' ? cwd : `${cwd}/${path}`;
}

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const dirName = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.');

/** Long.parseLong of the name before its first dot (the segment's base offset); a name that is not one fails as Java's does. */
export function offsetFromName(path: string): number {
  const head = baseName(path).split('.')[0];
  if (!/^[+-]?\d+$/.test(head)) throw new Error(`For input string: "${head}"`);
  return Number(head);
}

/** The sibling file of the same segment with another suffix (00..0.index -> 00..0.log). */
export function sibling(path: string, suffix: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return `${dir}${baseName(path).split('.')[0]}${suffix}`;
}
