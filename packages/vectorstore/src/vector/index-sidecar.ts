import { readFileSync, writeFileSync } from 'node:fs';
import { publishAtomically, type IndexFilePaths } from './index-files.js';

/** What the sidecar records about the index file written beside it. */
export interface IndexSidecar {
  format: 1;
  collectionId: number;
  /** Must equal the collection's `index_generation` in SQLite, or the file is stale. */
  generation: number;
  dimensions: number;
  /** Hex SHA-256 of the index file. */
  sha256: string;
}

/** Writes the sidecar atomically. Call after the index file itself is published. */
export function writeSidecar(paths: IndexFilePaths, sidecar: IndexSidecar): void {
  publishAtomically(paths.sidecar, (temporaryFile) => writeFileSync(temporaryFile, JSON.stringify(sidecar)));
}

/** The sidecar, or undefined when it is missing or not one this code wrote. */
export function readSidecar(paths: IndexFilePaths): IndexSidecar | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(paths.sidecar, 'utf8'));
  } catch {
    return undefined;
  }
  return isIndexSidecar(parsed) ? parsed : undefined;
}

function isIndexSidecar(value: unknown): value is IndexSidecar {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['format'] === 1 &&
    Number.isSafeInteger(candidate['collectionId']) &&
    Number.isSafeInteger(candidate['generation']) &&
    Number.isSafeInteger(candidate['dimensions']) &&
    typeof candidate['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(candidate['sha256'])
  );
}
