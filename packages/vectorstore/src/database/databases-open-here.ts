import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * The SQLite connections this process has open, by database file (device and inode, so any path to the file counts).
 *
 * SQLite's locks are POSIX advisory locks: they belong to the process, and closing *any* descriptor of a file
 * releases all of the process's locks on it. So reading `andes.db` or its `-shm` with `node:fs` while a connection is
 * open in this process silently drops that connection's locks, and another process then takes itself for the
 * database's only user: it rebuilds `-shm` from the write-ahead log (a killed writer's commit that was never
 * published reappears after a reader here saw it absent), and on close it checkpoints and deletes the log under the
 * live connection (whose later commits no other process sees). `openDatabase` asks {@link isDatabaseOpenHere} and
 * reads no file of a database this process already holds.
 */
const connections = new Map<string, Set<Database.Database>>();

/** True while a connection recorded by {@link recordDatabaseOpenHere} on `file` is still open. */
export function isDatabaseOpenHere(file: string): boolean {
  forgetClosedConnections();
  const key = fileKey(file);
  return key !== undefined && connections.has(key);
}

/** Records `database`, a connection to `file`, until it is closed. */
export function recordDatabaseOpenHere(file: string, database: Database.Database): void {
  forgetClosedConnections();
  const key = fileKey(file);
  if (key === undefined) return;
  const open = connections.get(key) ?? new Set();
  open.add(database);
  connections.set(key, open);
}

function forgetClosedConnections(): void {
  for (const [key, open] of connections) {
    for (const database of open) if (!database.open) open.delete(database);
    if (open.size === 0) connections.delete(key);
  }
}

function fileKey(file: string): string | undefined {
  try {
    const { dev, ino } = statSync(file, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}
