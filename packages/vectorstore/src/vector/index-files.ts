import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where one collection's index lives: the hnswlib file, the sidecar that vouches for it, the document manifest. */
export interface IndexFilePaths {
  directory: string;
  index: string;
  sidecar: string;
  /** The documents the collection held at the index's generation (see `index-manifest.ts`). */
  manifest: string;
}

/** The file names for a collection, by id: a recreated collection gets a new id and never meets an old file. */
export function indexFilePaths(directory: string, collectionId: number): IndexFilePaths {
  const base = path.join(directory, `collection-${collectionId}`);
  return { directory, index: `${base}.hnsw`, sidecar: `${base}.json`, manifest: `${base}.documents.json` };
}

/** Hex SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Publishes a file atomically: `write` fills a temporary file beside the target, which is fsynced, renamed over
 * the target, and the directory fsynced. A crash leaves the old file or the new one, never a mix (at worst a stray
 * temporary file). Returns the SHA-256 of what was published.
 */
export function publishAtomically(target: string, write: (temporaryFile: string) => void): string {
  const temporaryFile = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    write(temporaryFile);
    const descriptor = openSync(temporaryFile, 'r+');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    const checksum = sha256(readFileSync(temporaryFile));
    renameSync(temporaryFile, target);
    fsyncDirectory(path.dirname(target));
    return checksum;
  } catch (error) {
    rmSync(temporaryFile, { force: true });
    throw error;
  }
}

/** Removes a collection's index files. */
export function removeIndexFiles(paths: IndexFilePaths): void {
  rmSync(paths.sidecar, { force: true });
  rmSync(paths.index, { force: true });
  rmSync(paths.manifest, { force: true });
}

function fsyncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
