import { existsSync, readFileSync } from 'node:fs';
import { sha256, type IndexFilePaths } from './index-files.js';
import { readSidecar, type IndexSidecar } from './index-sidecar.js';

/** The problem {@link findIndexFileProblem} reports when no index was ever saved (a first load, not a fault). */
export const missingIndexProblem = 'no index saved yet';

/**
 * Why the index file cannot be trusted, or undefined when it can: the sidecar must be readable and describe this
 * collection, its generation must be the one SQLite expects, and the file's SHA-256 must match the sidecar's.
 * Only a file that passes may reach hnswlib's loader, which is not safe on truncated or crafted input.
 */
export function findIndexFileProblem(
  paths: IndexFilePaths,
  expected: Pick<IndexSidecar, 'collectionId' | 'generation' | 'dimensions'>,
): string | undefined {
  if (!existsSync(paths.sidecar) && !existsSync(paths.index)) return missingIndexProblem;
  const sidecar = readSidecar(paths);
  if (!sidecar) return 'missing or unreadable sidecar';
  if (sidecar.collectionId !== expected.collectionId || sidecar.dimensions !== expected.dimensions) {
    return 'sidecar describes another index';
  }
  if (sidecar.generation !== expected.generation) {
    return `stale: generation ${sidecar.generation}, expected ${expected.generation}`;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(paths.index);
  } catch {
    return 'index file missing';
  }
  return sha256(bytes) === sidecar.sha256 ? undefined : 'corrupt: checksum mismatch';
}
