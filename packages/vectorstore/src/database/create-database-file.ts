import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { initialiseSchema } from './migrate-schema.js';

/**
 * Creates a new store's database at `file` without ever leaving an empty or half-initialised file under that name:
 * the schema is written to a temporary file beside it, which is fsynced and then hard-linked into place (a link,
 * unlike a rename, fails when another process created the database first; then that one is used). So an empty
 * `andes.db` is never a new store, always damage.
 */
export function createDatabaseFile(file: string): void {
  const temporaryFile = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  try {
    const database = new Database(temporaryFile);
    try {
      database.pragma('journal_mode = WAL');
      initialiseSchema(database);
    } finally {
      database.close();
    }
    fsyncFile(temporaryFile);
    try {
      linkSync(temporaryFile, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // A file system without hard links (some network and FAT volumes): rename, unless another process won.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (!existsSync(file)) renameSync(temporaryFile, file);
    }
    fsyncFile(path.dirname(file));
  } finally {
    rmSync(temporaryFile, { force: true });
    rmSync(`${temporaryFile}-wal`, { force: true });
    rmSync(`${temporaryFile}-shm`, { force: true });
  }
}

function fsyncFile(file: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    fsyncSync(descriptor);
  } catch {
    // A directory cannot be fsynced on some platforms (Windows); the link is still atomic there.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
