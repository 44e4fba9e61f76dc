/**
 * Which process holds a TCP port, where that is cheap to know: Linux's /proc/net/tcp{,6} give the
 * socket's inode, and /proc/<pid>/fd links name `socket:[inode]` (readable for the user's own
 * processes only). Anywhere else, or for another user's process, nothing is named.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface PortHolder {
  pid: number;
  /** The program's name: its argv[0] without the directory (comm can be a thread's name: node's is MainThread). */
  command: string;
}

/** The holder of each port that could be found (ports without one are absent). */
export function portHolders(ports: number[]): Map<number, PortHolder> {
  const found = new Map<number, PortHolder>();
  if (process.platform !== 'linux' || ports.length === 0) return found;
  const portOf = socketInodes(new Set(ports));
  const wanted = new Set(portOf.values()).size;
  if (wanted === 0) return found;
  for (const pid of readdirSafe('/proc').filter((e) => /^\d+$/.test(e))) {
    for (const fd of readdirSafe(`/proc/${pid}/fd`)) {
      const link = readlinkSafe(`/proc/${pid}/fd/${fd}`);
      const port = link?.startsWith('socket:[') ? portOf.get(link.slice(8, -1)) : undefined;
      if (port === undefined || found.has(port)) continue;
      found.set(port, { pid: Number(pid), command: programName(pid) });
      if (found.size === wanted) return found;
    }
  }
  return found;
}

/** inode -> local port, for the sockets bound to one of `ports` (listening ones and any other state with an inode). */
function socketInodes(ports: Set<number>): Map<string, number> {
  const inodes = new Map<string, number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (readSafe(file) ?? '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const port = parseInt(cols[1].split(':').pop()!, 16);
      const inode = cols[9];
      if (ports.has(port) && inode !== '0') inodes.set(inode, port);
    }
  }
  return inodes;
}

function programName(pid: string): string {
  const argv0 = readSafe(`/proc/${pid}/cmdline`)?.split('\0')[0];
  return argv0?.split('/').pop() || readSafe(`/proc/${pid}/comm`)?.trim() || '?';
}

function readSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function readlinkSafe(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
